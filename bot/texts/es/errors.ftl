## errors

errors-generic = Algo ha fallado por mi parte. Inténtalo de nuevo, por favor.
errors-unexpected = Lo siento, algo ha fallado por mi parte. Inténtalo de nuevo dentro de un momento.
errors-database_unavailable = Ahora mismo no he podido guardarlo: no se ha registrado nada. Inténtalo de nuevo dentro de un minuto.
errors-saving_later = Todavía no he podido guardarlo: lo guardaré en cuanto pueda y te avisaré.
errors-saved_after_all = Al final se ha guardado: ya está registrado.
errors-not_a_member = No estás en el equipo de cuidado de este niño o niña. Pide una invitación a un tutor o tutora.
errors-forbidden = Esto solo puede hacerlo: { $roles }.
errors-expired_button = Este botón ha caducado.
