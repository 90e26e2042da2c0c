## start

start-welcome = 
    ¡Hola, { $name }! Soy <b>CareCircle</b>.

    Reúno en un solo sitio a las personas que rodean a un niño o una niña con mioclonías: familia, profesores y médicos.
    • Avisa de una crisis en segundos y todo el equipo la ve.
    • Lleva el control de la medicación, las dosis y los cambios.
    • Recibe recordatorios de citas, EEG y análisis de sangre.
    • Dale al neurólogo un resumen claro.

    ¿Qué quieres hacer?
start-button_new_team = ➕ Crear equipo de cuidado
start-button_invitation = ✉️ Tengo una invitación
start-button_help = ❓ Ayuda
start-invitation_hint = Abre el enlace de invitación que te enviaron: te trae directamente aquí y te añade al equipo.
start-group_hello = 
    ¡Hola a todos! Soy <b>CareCircle</b>. Ayudo a este grupo a cuidar de un niño o una niña con mioclonías: avisos de crisis, medicación, recordatorios y resúmenes para los médicos.

    Un tutor o tutora puede vincular este grupo al equipo de cuidado con /link.
