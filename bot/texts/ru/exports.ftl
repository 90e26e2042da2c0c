## exports

exports-choose_format = 
    📤 <b>Выгрузка записей: { $child }</b>
    Какой файл нужен?
exports-format_pdf = 📄 Отчёт PDF
exports-format_csv = 📊 Таблицы CSV (zip)
exports-format_fhir = 🏥 FHIR R4 (для больниц)
exports-about_pdf = Отчёт, который можно распечатать или отправить врачу: сводка, все приступы, препараты и дозы.
exports-about_csv = По одной таблице на каждый вид записей и README с описанием каждого столбца.
exports-about_fhir = Пакет FHIR R4 для медицинской информационной системы больницы или регистра.
exports-choose_period = 
    { $about }

    За какой период?
exports-period_28 = 28 дней
exports-period_90 = 90 дней
exports-period_365 = 12 месяцев
exports-period_all = Всё время
exports-choose_name = 
    Указать в файле FHIR имя — { $child }?
    Без него ребёнок будет обозначен только кодом, и никто из команды не будет назван по имени. Заметки, причины и названия попадут в файл в том виде, в каком их написали.
exports-name_without = Без имён (надёжнее)
exports-name_with = С именами
exports-button_back = ‹ Назад
exports-preparing = 📤 Готовлю { $format }: { $child }, { $first } – { $last }. Файл придёт ниже через минуту.
exports-sent = 📎 Записи: { $child }, { $first } – { $last }, { $format }. Создано { $made }.
exports-too_large = Файл получился бы на { $size } МБ, а Telegram принимает не больше { $limit } МБ, поэтому я не стал его отправлять. Выберите период покороче или попросите того, кто обслуживает CareCircle, выполнить <code>carecircle export</code>.
exports-failed = Не получилось отправить файл. Попробуйте ещё раз через минуту: /export.
exports-only_in_private = В выгрузке медицинские данные ребёнка ({ $child }), поэтому я отправляю её только в личном чате. Откройте его и отправьте там /export.
exports-button_open_private = Открыть личный чат
exports-name_guardians_only = Указать имя ребёнка в файле FHIR может только родитель.
exports-unknown_child = ребёнка с id { $child_id } нет
exports-bad_dates = период задан наоборот: { $first } позже, чем { $last }
exports-format_name-pdf = отчёт PDF
exports-format_name-csv = таблицы CSV
exports-format_name-fhir = пакет FHIR
exports-help-export = /export — записи в виде отчёта PDF, таблиц CSV или пакета FHIR (в личном чате)
exports-pdf-title = { $child } · { $first } – { $last }
exports-pdf-made = Создано в CareCircle { $made }
exports-pdf-page = Страница { $page } из { $pages }
exports-pdf-digest_title = Сводка
exports-pdf-episodes_title = Приступы ({ $n })
exports-pdf-no_episodes = За этот период приступов не записано.
exports-pdf-medicines_title = Изменения в лечении ({ $n })
exports-pdf-no_changes = За этот период лечение не менялось.
exports-pdf-adherence_title = Приём доз
exports-pdf-no_doses = За этот период доз не записано.
exports-pdf-when = Когда
exports-pdf-what = Что видели
exports-pdf-where = Где, почему
exports-pdf-rescue = Купирование
exports-pdf-reported = Кто сообщил
exports-pdf-notes = Заметки: { $notes }
exports-pdf-seen_by = очевидец: { $observer }
exports-pdf-also = также: { $names }
exports-pdf-effective = С какого дня
exports-pdf-medicine = Препарат
exports-pdf-change = Изменение
exports-pdf-why = Причина
exports-pdf-who = Кто
exports-pdf-started = начат: { $after }
exports-pdf-stopped = отменён (был { $before })
exports-pdf-changed = 
    { $before }
    → { $after }
exports-pdf-by_plan = план титрации
exports-pdf-someone = кто-то
exports-pdf-scheduled = По плану
exports-pdf-given = Дано
exports-pdf-late = С опозданием
exports-pdf-skipped = Не давали
exports-pdf-missed = Пропущено
exports-pdf-percent = % дано
exports-pdf-role = { $name } ({ $role })
exports-csv-readme = 
    Выгрузка CareCircle: { $child }, с { $first } по { $last }, создана { $made }.

    По одному файлу CSV на каждый вид записей, кодировка UTF-8, разделитель — запятая, первая строка — заголовки.
    Время указано в формате ISO 8601 в часовом поясе ребёнка ({ $timezone }) со смещением от UTC. Списки и
    данные журнала изменений записаны в JSON; «да» и «нет» — как true и false; пустая ячейка значит «нет данных».
    Приступы, дозы и события журнала — только за период; изменения в лечении — те, что вступают в силу в этот период
    (а если период заканчивается сегодня, то и запланированные после него); команда и напоминания — целиком.
    Удалённые приступы не включены. Столбцы «person_id» ссылаются на members.csv.
exports-csv-columns-episodes-id = Номер приступа в CareCircle.
exports-csv-columns-episodes-occurred_at = Когда это случилось (для серии — её начало).
exports-csv-columns-episodes-window_end_at = Для серии подёргиваний, подсчитанных за какое-то время: когда это время закончилось.
exports-csv-columns-episodes-duration_seconds = Сколько длилось, в секундах.
exports-csv-columns-episodes-jerk_count = Для серии: сколько насчитали подёргиваний.
exports-csv-columns-episodes-kind = single_jerk (одиночное подёргивание), cluster (серия), fall (падение), absence (абсанс), generalized (генерализованный приступ) или other (другое).
exports-csv-columns-episodes-body_parts = Где на теле (список JSON: arms, left_arm, face, whole_body, …).
exports-csv-columns-episodes-intensity = mild (слабый), moderate (средний) или severe (сильный).
exports-csv-columns-episodes-awareness = Сознание во время приступа, как записали.
exports-csv-columns-episodes-setting = Где или когда: home, school, car, outside, sleep, waking или своими словами.
exports-csv-columns-episodes-triggers = Что, возможно, спровоцировало (список JSON: fatigue, stress, poor_sleep, illness, …).
exports-csv-columns-episodes-rescue_medication = Препарат для купирования приступа, если его давали.
exports-csv-columns-episodes-injury = true, если сообщили о травме.
exports-csv-columns-episodes-observer = Кто видел, как написал сообщивший.
exports-csv-columns-episodes-notes = Заметки сообщившего, полностью.
exports-csv-columns-episodes-source = Как внесли: line (одной строкой), wizard (кнопками) или timer (с таймером, в момент приступа).
exports-csv-columns-episodes-attachments = Сколько фото, видео или голосовых к нему прислали (в выгрузку не входят).
exports-csv-columns-episodes-reporter_person_id = Кто сообщил (members.csv).
exports-csv-columns-episodes-reporter_name = Имя сообщившего.
exports-csv-columns-episodes-reporter_role = Роль сообщившего в команде.
exports-csv-columns-episodes-same_episode_as = Если заполнено, это второе сообщение о том же приступе: ещё один очевидец, а не новый приступ.
exports-csv-columns-episodes-entered_at = Когда сообщение внесли.
exports-csv-columns-episodes-corrected_at = Когда сообщение последний раз исправляли.
exports-csv-columns-medication_changes-id = Номер изменения в CareCircle.
exports-csv-columns-medication_changes-medication_id = Курс препарата, который меняется.
exports-csv-columns-medication_changes-medicine = Международное название препарата.
exports-csv-columns-medication_changes-medicine_as_typed = Название так, как его написали (например, торговое).
exports-csv-columns-medication_changes-action = start (начало), adjust (изменение) или stop (отмена).
exports-csv-columns-medication_changes-dose_amount = Новая доза (пусто — без изменений).
exports-csv-columns-medication_changes-dose_unit = Единица этой дозы (пусто — без изменений).
exports-csv-columns-medication_changes-times = Время приёма в часовом поясе ребёнка (список JSON; пусто — без изменений; [] — по необходимости).
exports-csv-columns-medication_changes-reason = Причина, как записали.
exports-csv-columns-medication_changes-effective_at = Когда вступает в силу.
exports-csv-columns-medication_changes-before = Как принимали непосредственно перед этим (вычислено по изменениям).
exports-csv-columns-medication_changes-after = Как принимают с этого момента (вычислено по изменениям).
exports-csv-columns-medication_changes-recorded_by_person_id = Кто записал (members.csv); пусто для шага титрации.
exports-csv-columns-medication_changes-recorded_by_name = Его или её имя.
exports-csv-columns-medication_changes-recorded_role = Роль в команде на момент записи.
exports-csv-columns-medication_changes-titration_id = План титрации, к которому относится изменение, если есть.
exports-csv-columns-medication_changes-recorded_at = Когда записано.
exports-csv-columns-dose_log-id = Номер записи о дозе в CareCircle.
exports-csv-columns-dose_log-medication_id = Курс препарата (medication_changes.csv).
exports-csv-columns-dose_log-medicine = Название препарата.
exports-csv-columns-dose_log-scheduled_at = Когда нужно было дать дозу.
exports-csv-columns-dose_log-dose_amount = Доза на это время (вычислено по изменениям).
exports-csv-columns-dose_log-dose_unit = Её единица.
exports-csv-columns-dose_log-status = given (дана), skipped (не давали) или missed (пропущена: никто не ответил в течение часа).
exports-csv-columns-dose_log-outcome = given (дана), late (дана позже чем через 30 минут после своего времени), skipped (не давали) или missed (пропущена).
exports-csv-columns-dose_log-recorded_by_person_id = Кто ответил (members.csv); пусто для пропущенной дозы.
exports-csv-columns-dose_log-recorded_by_name = Его или её имя.
exports-csv-columns-dose_log-recorded_at = Когда ответили или когда доза отмечена пропущенной.
exports-csv-columns-dose_log-acknowledged_by_person_id = Кто подтвердил, что видел пропуск дозы.
exports-csv-columns-dose_log-acknowledged_by_name = Имя того, кто подтвердил.
exports-csv-columns-dose_log-acknowledged_at = Когда подтвердили пропуск дозы.
exports-csv-columns-followups-id = Номер напоминания в CareCircle.
exports-csv-columns-followups-kind = followup (приём у врача), test (обследование), dose (доза) или custom (своё напоминание).
exports-csv-columns-followups-title = Что это, как написали.
exports-csv-columns-followups-due_at = Ближайшее (или единственное) время.
exports-csv-columns-followups-timezone = Часовой пояс, в котором оно хранится.
exports-csv-columns-followups-recurrence = Как повторяется, если повторяется (например, каждые 3 месяца).
exports-csv-columns-followups-status = active (действует), done (выполнено) или cancelled (отменено).
exports-csv-columns-followups-created_by_person_id = Кто добавил (members.csv).
exports-csv-columns-followups-created_by_name = Его или её имя.
exports-csv-columns-followups-created_at = Когда добавлено.
exports-csv-columns-members-membership_id = Номер участия в команде в CareCircle.
exports-csv-columns-members-person_id = Номер человека, на который ссылаются другие файлы.
exports-csv-columns-members-first_name = Имя, как в Telegram.
exports-csv-columns-members-last_name = Фамилия, как в Telegram.
exports-csv-columns-members-username = Имя пользователя в Telegram.
exports-csv-columns-members-role = guardian (родитель), caregiver (помощник), educator (педагог) или clinician (врач).
exports-csv-columns-members-notify = Как человек получает новости команды: group (в группе), private (в личных сообщениях) или digest (в сводках).
exports-csv-columns-members-joined_at = Когда присоединился к команде.
exports-csv-columns-members-left_at = Когда вышел из неё, если вышел.
exports-csv-columns-audit_log-id = Номер события в журнале изменений CareCircle (записи в нём только добавляются).
exports-csv-columns-audit_log-at = Когда это произошло.
exports-csv-columns-audit_log-kind = Что произошло (episode.corrected, medication.changed, export.made, …).
exports-csv-columns-audit_log-actor_person_id = Кто это сделал (members.csv); пусто, если это сделал сам бот или командная строка.
exports-csv-columns-audit_log-actor_name = Его или её имя.
exports-csv-columns-audit_log-payload = Подробности в JSON.
