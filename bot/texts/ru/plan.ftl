## plan

plan-title = <b>План действий при приступе: { $child }</b>
plan-empty = План пока не написан.
plan-threshold = 🚨 Приступы длительностью { $duration } и больше, а также сильные с травмой считаются срочными, к ним прикладывается этот план.
plan-how_to_change = Чтобы изменить: <code>/plan set</code> и текст плана или <code>/plan threshold 3m</code>.
plan-saved_plan = ✅ Сохранено. План будет показываться с каждым срочным сообщением.
plan-saved_threshold = ✅ Сохранено. Новый порог действует со следующего сообщения.
plan-usage = Напишите <code>/plan</code>, чтобы прочитать план, <code>/plan set</code> и текст, чтобы записать его, или <code>/plan threshold 3m</code>.
plan-bad_text = Напишите план после <code>/plan set</code>, не больше { $limit } символов. Ничего не изменено.
plan-bad_threshold = Укажите порог от 30 секунд до 30 минут, например <code>/plan threshold 3m</code>. Ничего не изменено.
plan-help-plan = /plan — план действий при приступе и когда сообщение считается срочным
