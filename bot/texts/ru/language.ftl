## language

language-ask = 🌐 На каком языке вам писать?
language-set = ✅ Теперь я буду писать вам по-русски.
language-team_ask = 🌐 На каком языке мне писать в группе? (ребёнок: <b>{ $child }</b>)
language-team_set = ✅ В группе я теперь буду писать по-русски (ребёнок: <b>{ $child }</b>).
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — язык, на котором я вам пишу (а для опекуна — и язык группы)

## The command menus (setMyCommands), one description per command

language-menu-start = Приветствие и главное меню
language-menu-help = Что я умею
language-menu-newchild = Создать команду заботы о ребёнке
language-menu-team = Кто в команде
language-menu-invite = Пригласить человека в команду
language-menu-invites = Открытые приглашения
language-menu-notify = Как вам приходят новости команды
language-menu-child = Выбрать, о каком ребёнке ваши команды
language-menu-link = Привязать эту группу к команде ребёнка
language-menu-unlink = Отвязать эту группу
language-menu-leave = Выйти из команды
language-menu-deletechild = Стереть все записи о ребёнке
language-menu-e = Записать приступ одной строкой, напр. /e 10:15 45s лицо
language-menu-history = Приступы за период: /history 7d, 30d или all
language-menu-today = Приступы за сегодня коротко
language-menu-plan = План действий при приступе
language-menu-timer = Засечь приступ; команда получит сигнал на пороге
language-menu-followup = Добавить напоминание о приёме или обследовании
language-menu-remind = Добавить напоминание одной строкой
language-menu-reminders = Что впереди: отменить или перенести
language-menu-meds = Текущие лекарства (или на дату)
language-menu-med = Записать начало, изменение или отмену лекарства
language-menu-doses = Дозы за сегодня и кто их дал
language-menu-adherence = Дозы: данные, поздние, пропущенные, забытые
language-menu-digest = Сводка: /digest 7d, 28d или 90d, или /digest schedule
language-menu-timezone = Ваш часовой пояс для сводок по вашему времени
language-menu-export = Записи в PDF, CSV или пакетом FHIR
language-menu-language = Язык, на котором я вам пишу
