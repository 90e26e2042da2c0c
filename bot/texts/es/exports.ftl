## exports

exports-choose_format = 
    📤 <b>Exportar el historial de { $child }</b>
    ¿Qué archivo quieres?
exports-format_pdf = 📄 Informe PDF
exports-format_csv = 📊 Archivos CSV (zip)
exports-format_fhir = 🏥 FHIR R4 (sistemas de hospital)
exports-about_pdf = Un informe para imprimir o enviar al médico: el resumen, cada crisis, la medicación y las dosis.
exports-about_csv = Una hoja de cálculo por cada tipo de registro, con un README que explica cada columna.
exports-about_fhir = Un paquete FHIR R4 para el sistema informático de un hospital o para un registro.
exports-choose_period = 
    { $about }

    ¿De qué periodo?
exports-period_28 = Últimos 28 días
exports-period_90 = Últimos 90 días
exports-period_365 = Últimos 12 meses
exports-period_all = Todo
exports-choose_name = 
    ¿Quieres que el archivo FHIR lleve el nombre de { $child }?
    Sin él, { $child } aparece solo con un código y no se nombra a nadie del equipo. Las notas, los motivos y los títulos van tal como se escribieron.
exports-name_without = Sin nombres (más seguro)
exports-name_with = Con nombres
exports-button_back = ‹ Atrás
exports-preparing = 📤 En un momento te llega aquí abajo el historial de { $child } ({ $first } – { $last }) en { $format }.
exports-sent = 📎 Historial de { $child } ({ $first } – { $last }) en { $format }. Generado el { $made }.
exports-too_large = Ese archivo ocuparía { $size } MB, más de los { $limit } MB que admite Telegram, así que no lo he enviado. Elige un periodo más corto o pide a quien gestiona CareCircle que use <code>carecircle export</code>.
exports-failed = Ahora mismo no he podido enviar el archivo. Vuelve a pedirlo con /export dentro de un minuto, por favor.
exports-only_in_private = Las exportaciones contienen datos de salud de { $child }, así que solo las envío en nuestro chat privado. Ábrelo y envía /export allí.
exports-button_open_private = Abrir chat privado
exports-name_guardians_only = Solo un tutor o tutora puede poner el nombre del niño o la niña en un archivo FHIR.
exports-unknown_child = no hay ningún niño o niña con el id { $child_id }
exports-bad_dates = el periodo va al revés: { $first } es posterior a { $last }
exports-format_name-pdf = informe PDF
exports-format_name-csv = archivos CSV
exports-format_name-fhir = paquete FHIR
exports-help-export = /export — el historial en informe PDF, archivos CSV o paquete FHIR (en privado)
exports-pdf-title = { $child } · { $first } – { $last }
exports-pdf-made = Generado por CareCircle el { $made }
exports-pdf-page = Página { $page } de { $pages }
exports-pdf-digest_title = Resumen
exports-pdf-episodes_title = Crisis ({ $n })
exports-pdf-no_episodes = No hay crisis registradas en este periodo.
exports-pdf-medicines_title = Cambios de medicación ({ $n })
exports-pdf-no_changes = No hubo cambios de medicación en este periodo.
exports-pdf-adherence_title = Dosis dadas
exports-pdf-no_doses = No hay dosis registradas en este periodo.
exports-pdf-when = Cuándo
exports-pdf-what = Qué se vio
exports-pdf-where = Dónde, por qué
exports-pdf-rescue = Rescate
exports-pdf-reported = Avisó
exports-pdf-notes = Notas: { $notes }
exports-pdf-seen_by = vista por { $observer }
exports-pdf-also = también { $names }
exports-pdf-effective = Desde
exports-pdf-medicine = Medicamento
exports-pdf-change = Cambio
exports-pdf-why = Motivo
exports-pdf-who = Quién
exports-pdf-started = inicio: { $after }
exports-pdf-stopped = retirado (era { $before })
exports-pdf-changed = 
    { $before }
    → { $after }
exports-pdf-by_plan = pauta de ajuste
exports-pdf-someone = alguien
exports-pdf-scheduled = Previstas
exports-pdf-given = Dadas
exports-pdf-late = Tarde
exports-pdf-skipped = Omitidas
exports-pdf-missed = Olvidadas
exports-pdf-percent = % dadas
exports-pdf-role = { $name } ({ $role })
exports-csv-readme = 
    Exportación de CareCircle: { $child }, del { $first } al { $last }, generada el { $made }.

    Un archivo CSV por cada tipo de registro, en UTF-8, separado por comas y con fila de encabezado. Las horas
    están en ISO 8601, en la zona horaria de { $child } ({ $timezone }), con su diferencia respecto a UTC. Las listas
    y el contenido del registro de auditoría van en JSON; verdadero y falso se escriben como true y false; una celda
    vacía significa que no hay nada. Las crisis, las dosis y los eventos de auditoría son los del periodo; los cambios
    de medicación son los que entran en vigor en él (y, si el periodo termina hoy, los previstos para después); el
    equipo y los seguimientos se incluyen completos. Las crisis borradas no se incluyen. Las columnas "person_id"
    remiten a members.csv.
exports-csv-columns-episodes-id = El número de la crisis en CareCircle.
exports-csv-columns-episodes-occurred_at = Cuándo ocurrió (el inicio, si fue una serie).
exports-csv-columns-episodes-window_end_at = En una serie de sacudidas contadas durante un rato: cuándo terminó ese rato.
exports-csv-columns-episodes-duration_seconds = Cuánto duró, en segundos.
exports-csv-columns-episodes-jerk_count = En una serie: cuántas sacudidas se contaron.
exports-csv-columns-episodes-kind = single_jerk, cluster, fall, absence, generalized u other.
exports-csv-columns-episodes-body_parts = En qué parte del cuerpo (lista JSON: arms, left_arm, face, whole_body, …).
exports-csv-columns-episodes-intensity = mild, moderate o severe.
exports-csv-columns-episodes-awareness = Nivel de conciencia durante la crisis, tal como se registró.
exports-csv-columns-episodes-setting = Dónde o cuándo: home, school, car, outside, sleep, waking, o las palabras que se usaron.
exports-csv-columns-episodes-triggers = Qué pareció provocarla (lista JSON: fatigue, stress, poor_sleep, illness, …).
exports-csv-columns-episodes-rescue_medication = La medicación de rescate que se dio, si se dio.
exports-csv-columns-episodes-injury = true si se indicó que hubo una lesión.
exports-csv-columns-episodes-observer = Quién la vio, tal como lo escribió quien avisó.
exports-csv-columns-episodes-notes = Las notas de quien avisó, completas.
exports-csv-columns-episodes-source = Cómo se introdujo: line (una línea escrita), wizard (botones) o timer (cronometrada en el momento).
exports-csv-columns-episodes-attachments = Cuántas fotos, vídeos o notas de voz se enviaron con ella (no se incluyen en esta exportación).
exports-csv-columns-episodes-reporter_person_id = Quién avisó (members.csv).
exports-csv-columns-episodes-reporter_name = El nombre de quien avisó.
exports-csv-columns-episodes-reporter_role = El rol en el equipo de quien avisó.
exports-csv-columns-episodes-same_episode_as = Si tiene valor, es un segundo aviso de esa crisis: otra persona que la vio, no otra crisis.
exports-csv-columns-episodes-entered_at = Cuándo se introdujo el aviso.
exports-csv-columns-episodes-corrected_at = Cuándo se corrigió el aviso por última vez.
exports-csv-columns-medication_changes-id = El número del cambio en CareCircle.
exports-csv-columns-medication_changes-medication_id = El tratamiento que cambia.
exports-csv-columns-medication_changes-medicine = El nombre genérico del medicamento.
exports-csv-columns-medication_changes-medicine_as_typed = El nombre tal como se escribió (una marca, por ejemplo).
exports-csv-columns-medication_changes-action = start (inicio), adjust (ajuste) o stop (retirada).
exports-csv-columns-medication_changes-dose_amount = La dosis que fija (vacío: sin cambios).
exports-csv-columns-medication_changes-dose_unit = La unidad de esa dosis (vacío: sin cambios).
exports-csv-columns-medication_changes-times = Las horas del día que fija, en la zona horaria del niño o la niña (lista JSON; vacío: sin cambios; []: si lo necesita).
exports-csv-columns-medication_changes-reason = El motivo, tal como se registró.
exports-csv-columns-medication_changes-effective_at = Cuándo entra en vigor.
exports-csv-columns-medication_changes-before = La pauta justo antes del cambio (calculada a partir de los cambios).
exports-csv-columns-medication_changes-after = La pauta a partir de entonces (calculada a partir de los cambios).
exports-csv-columns-medication_changes-recorded_by_person_id = Quién lo registró (members.csv); vacío si es un paso de una pauta de ajuste.
exports-csv-columns-medication_changes-recorded_by_name = Su nombre.
exports-csv-columns-medication_changes-recorded_role = Su rol cuando lo registró.
exports-csv-columns-medication_changes-titration_id = La pauta de ajuste a la que pertenece, si la hay.
exports-csv-columns-medication_changes-recorded_at = Cuándo se registró.
exports-csv-columns-dose_log-id = El número del registro de dosis en CareCircle.
exports-csv-columns-dose_log-medication_id = El tratamiento (medication_changes.csv).
exports-csv-columns-dose_log-medicine = El nombre del medicamento.
exports-csv-columns-dose_log-scheduled_at = Cuándo tocaba la dosis.
exports-csv-columns-dose_log-dose_amount = La dosis que tocaba entonces (calculada a partir de los cambios).
exports-csv-columns-dose_log-dose_unit = Su unidad.
exports-csv-columns-dose_log-status = given (dada), skipped (omitida) o missed (olvidada: nadie respondió en una hora).
exports-csv-columns-dose_log-outcome = given (dada), late (dada más de 30 minutos después de su hora), skipped (omitida) o missed (olvidada).
exports-csv-columns-dose_log-recorded_by_person_id = Quién respondió (members.csv); vacío si la dosis se olvidó.
exports-csv-columns-dose_log-recorded_by_name = Su nombre.
exports-csv-columns-dose_log-recorded_at = Cuándo se respondió, o cuándo se marcó como olvidada.
exports-csv-columns-dose_log-acknowledged_by_person_id = Quién vio el aviso de dosis olvidada.
exports-csv-columns-dose_log-acknowledged_by_name = El nombre de quien vio el aviso.
exports-csv-columns-dose_log-acknowledged_at = Cuándo se vio el aviso de dosis olvidada.
exports-csv-columns-followups-id = El número del seguimiento en CareCircle.
exports-csv-columns-followups-kind = followup (una cita), test (una prueba), dose (una dosis) o custom (un recordatorio).
exports-csv-columns-followups-title = Qué es, tal como se escribió.
exports-csv-columns-followups-due_at = Su próxima (o única) fecha y hora.
exports-csv-columns-followups-timezone = La zona horaria en la que se guarda.
exports-csv-columns-followups-recurrence = Cada cuánto se repite, si se repite (p. ej., cada 3 meses).
exports-csv-columns-followups-status = active (activo), done (hecho) o cancelled (cancelado).
exports-csv-columns-followups-created_by_person_id = Quién lo añadió (members.csv).
exports-csv-columns-followups-created_by_name = Su nombre.
exports-csv-columns-followups-created_at = Cuándo se añadió.
exports-csv-columns-members-membership_id = El número de la pertenencia al equipo en CareCircle.
exports-csv-columns-members-person_id = El número de la persona, el que usan los demás archivos.
exports-csv-columns-members-first_name = Nombre, como aparece en Telegram.
exports-csv-columns-members-last_name = Apellidos, como aparecen en Telegram.
exports-csv-columns-members-username = Nombre de usuario de Telegram.
exports-csv-columns-members-role = guardian (tutor/a), caregiver (cuidador/a), educator (docente) o clinician (profesional de salud).
exports-csv-columns-members-notify = Cómo recibe las novedades del equipo: group (grupo), private (privado) o digest (resumen).
exports-csv-columns-members-joined_at = Cuándo entró en el equipo.
exports-csv-columns-members-left_at = Cuándo salió, si salió.
exports-csv-columns-audit_log-id = El número del evento en el registro de auditoría de CareCircle (solo se añade, nunca se borra).
exports-csv-columns-audit_log-at = Cuándo ocurrió.
exports-csv-columns-audit_log-kind = Qué ocurrió (episode.corrected, medication.changed, export.made, …).
exports-csv-columns-audit_log-actor_person_id = Quién lo hizo (members.csv); vacío si fue el propio bot o la línea de comandos.
exports-csv-columns-audit_log-actor_name = Su nombre.
exports-csv-columns-audit_log-payload = Los detalles, en JSON.
