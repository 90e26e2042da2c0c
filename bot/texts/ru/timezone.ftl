## timezone

timezone-title = 🕰 Ваш часовой пояс: <b>{ $zone }</b>{ $whose }. Сводки по вашему расписанию приходят по этому времени.
timezone-childs = { " " }(как у ребёнка: { $child })
timezone-ask = Выберите свой или напишите, например <code>/timezone Europe/Paris</code>.
timezone-button_reset = Как у ребёнка
timezone-saved = ✅ Сохранено: ваш часовой пояс — <b>{ $zone }</b>{ $whose }.
timezone-help-timezone = /timezone — ваш часовой пояс для сводок по расписанию
