## invites

invites-choose_role = ¿A quién invitas al equipo de <b>{ $child }</b>?
invites-link = 
    Aquí tienes una invitación de un solo uso al equipo de cuidado de <b>{ $child }</b>, como <b>{ $a_role }</b>:

    { $url }

    Envíasela a una sola persona. Funciona una vez, durante 7 días.
invites-sent_privately = Le he enviado el enlace de invitación a { $name } por chat privado.
invites-joined = 
    ¡Te damos la bienvenida al equipo de cuidado de <b>{ $child }</b>! Has entrado como <b>{ $a_role }</b>.

    Envía /help para ver lo que puedes hacer, y /notify para elegir cómo recibes las novedades del equipo.
invites-joined_notice = 👋 { $name } ha entrado en el equipo de cuidado de { $child } como { $a_role }.
invites-unknown = No reconozco este enlace de invitación. Comprueba que lo abriste entero, o pide uno nuevo a un tutor o tutora.
invites-expired = Esta invitación ha caducado (duran 7 días). Pide una nueva a un tutor o tutora.
invites-used = Esta invitación ya se usó: cada enlace funciona una sola vez. Pide una nueva a un tutor o tutora.
invites-revoked = Un tutor o tutora canceló esta invitación. Pídele una nueva si deberías estar en el equipo.
invites-already_member = Ya estás en este equipo de cuidado: no hace falta hacer nada.
invites-not_open = Esa invitación ya no está abierta.
invites-list_title = <b>Invitaciones abiertas para { $child }</b>
invites-list_line = { $n }. { $role } — válida hasta el { $until }
invites-list_empty = No hay invitaciones abiertas para <b>{ $child }</b>. Crea una con /invite.
invites-button_revoke = ✖️ Cancelar invitación { $n }
invites-revoked_done = Invitación cancelada.
invites-only_in_private = Los enlaces de invitación funcionan como llaves, así que solo los creo en nuestro chat privado. Ábrelo y envía /invite allí.
invites-button_open_private = Abrir chat privado
invites-role_button-guardian = 👪 Madre, padre o tutor/a
invites-role_button-caregiver = 🧡 Otro cuidador (familia, niñera)
invites-role_button-educator = 🏫 Profesor/a o educador/a
invites-role_button-clinician = 🩺 Médico, enfermera o terapeuta
invites-help-invite = /invite — invitar a alguien al equipo
invites-help-invites = /invites — invitaciones abiertas, para cancelar alguna
