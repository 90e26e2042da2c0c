## room

room-stranger_joined = 👤 <b>{ $name }</b> ha entrado en el grupo de <b>{ $child }</b>, pero no está en el equipo de cuidado. Hasta que decidas, las novedades sobre { $child } llegarán al equipo en privado, no en el grupo.
room-stranger_stayed = 👤 <b>{ $name }</b> ya no está en el equipo de cuidado de <b>{ $child }</b>, pero sigue en su grupo. Hasta que salga de él, las novedades sobre { $child } llegarán al equipo en privado, no en el grupo.
room-button_invite = ➕ Invitar como…
room-button_remove = 🚪 Sacar del grupo
room-held = 🔒 Aquí hay alguien que no está en el equipo de cuidado de { $child }, así que las novedades sobre { $child } llegarán al equipo en privado hasta que decida un tutor o tutora.
room-freed = 🔓 Todas las personas de aquí vuelven a estar en el equipo de cuidado de { $child }: las novedades del equipo vuelven a este grupo.
room-removing = 🚪 Estoy sacando a <b>{ $name }</b> del grupo de { $child }. Se le puede volver a invitar más adelante.
room-not_admin = No puedo sacar a <b>{ $name }</b>: no soy administrador del grupo de { $child }. Hazlo tú (toca el nombre del grupo, luego { $name } y luego Eliminar), o hazme administrador (nombre del grupo → Administradores → Añadir administrador → yo): así podré sacar a quien no esté en el equipo y dar a cada persona nueva un enlace de un solo uso para entrar. Hasta que salga, las novedades llegarán al equipo en privado.
room-invite_role = Invitar a <b>{ $name }</b> al equipo de cuidado de { $child } como…
room-already_gone = Esa persona ya no está en el grupo.
room-member_out = <b>{ $name }</b> ha salido del grupo de Telegram de { $child }, pero sigue en el equipo de cuidado: ahora le llegarán en privado las novedades sobre { $child }.
room-member_back = <b>{ $name }</b> ha vuelto al grupo de { $child }.
room-lost = Ya no estoy en el grupo de { $child }, así que se ha desvinculado del equipo de cuidado. Hasta que vinculéis otro grupo (/link dentro de él), las novedades del equipo sobre { $child } os llegarán a cada persona en privado.
room-moved = El grupo de { $child } se ha convertido en supergrupo; su vínculo con el equipo de cuidado ha pasado con él, no tienes que hacer nada.
room-removed_you = Ya no estás en el equipo de cuidado de { $child }, así que no te enviaré más novedades sobre { $child }.
room-join_link = Entra en el grupo del equipo de { $child } con este enlace (sirve una vez, solo para ti): { $url }
room-join_later = Un tutor o tutora te añadirá al grupo del equipo de { $child }.
room-admin_tip = Consejo: hazme administrador de este grupo (nombre del grupo → Administradores → Añadir administrador → yo), para que pueda sacar a quien no esté en el equipo y dar a cada persona nueva un enlace de un solo uso para entrar.
room-topic_set = Las novedades sobre { $child } irán a este tema.
room-topic_general = Las novedades sobre { $child } irán al tema General. Para usar otro tema, envía /topic dentro de él.
room-topic_no_forum = Este grupo no tiene temas: las novedades sobre { $child } van al chat.
room-help-topic = /topic — enviar las novedades del equipo a este tema del foro
