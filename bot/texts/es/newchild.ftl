## newchild

newchild-ask_name = Vamos a crear un equipo de cuidado. ¿Cómo se llama el niño o la niña? Basta con el nombre o un apodo.
newchild-ask_zone = ¿En qué zona horaria vive <b>{ $child }</b>? Toca una, o escribe una ciudad (Madrid), una zona (Europe/Madrid) o una diferencia horaria (UTC+2).
newchild-ask_year = Última pregunta, opcional: ¿en qué año nació <b>{ $child }</b>? Ayuda a los médicos. Escríbelo o toca Omitir.
newchild-button_skip = Omitir
newchild-button_cancel = Cancelar
newchild-cancelled = De acuerdo, no he creado nada.
newchild-done = 
    El equipo de cuidado de <b>{ $child }</b> está listo, y tú eres su tutor o tutora.

    Ahora:
    1. Añádeme al grupo de Telegram de tu familia y envía /link allí.
    2. Invita a los demás con /invite.
newchild-button_invite = ✉️ Invitar a alguien
newchild-bad_name = Envía solo el nombre del niño o la niña, o un apodo (hasta 40 letras), por favor.
newchild-bad_zone = No conozco esa zona horaria. Escribe una ciudad como Madrid, una zona como Europe/Madrid o una diferencia horaria como UTC+2.
newchild-bad_offset = Usa una diferencia de horas enteras, como UTC+2, o escribe la ciudad (por ejemplo, Caracas).
newchild-bad_year = Escribe un año como 2019, o toca Omitir.
newchild-in_private = Hagámoslo en un chat privado, para no llenar el grupo de preguntas.
newchild-button_open_private = Abrir chat privado
newchild-help-newchild = /newchild — crear un equipo de cuidado para un niño o niña
