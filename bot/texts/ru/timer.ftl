## timer

timer-keyboard_timer = ⏱ Таймер приступа
timer-live = ⏱ <b>{ $elapsed }</b> — таймер приступа: <b>{ $child }</b>
timer-started = Запущен в { $time } ({ $name }).
timer-will_alert = На отметке { $threshold } я оповещу всю команду.
timer-alerted = 🚨 Прошло больше { $threshold }: команда оповещена.
timer-plan_title = <b>План действий:</b>
timer-no_plan = Плана действий для ребёнка ({ $child }) пока нет. Следуйте экстренным указаниям лечащего врача; если сомневаетесь, вызывайте скорую.
timer-alert = 
    🚨 <b>{ $child }: приступ продолжается уже { $elapsed }</b>
    Таймер запущен в { $time } ({ $name }).
timer-button_stop = ⏹ Стоп
timer-button_cancel = ✖️ Отмена
timer-cancelled = Таймер отменён — ничего не сохранено.
timer-expired = ⏱ Таймер проработал час и остановился сам — ничего не сохранено. Отправьте /episode, чтобы сообщить о приступе.
timer-already_running = ⏱ { $name }: таймер запущен { $elapsed } назад и ещё идёт. Нажмите на нём «Стоп».
timer-not_running = Этот таймер уже остановлен.
timer-someone = кто-то
timer-help-timer = /timer — засечь время приступа; на экстренном пороге команда получит оповещение
