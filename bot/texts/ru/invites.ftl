## invites

invites-choose_role = Кого вы приглашаете в команду (<b>{ $child }</b>)?
invites-link = 
    Вот одноразовое приглашение в команду (<b>{ $child }</b>), роль — <b>{ $a_role }</b>:

    { $url }

    Отправьте его одному человеку. Ссылка сработает один раз в течение 7 дней.
invites-sent_privately = { $name }: ссылка-приглашение отправлена в личный чат.
invites-joined = 
    Добро пожаловать в команду (<b>{ $child }</b>)! Ваша роль — <b>{ $a_role }</b>.

    Отправьте /help, чтобы посмотреть, что можно делать, и /notify, чтобы выбрать, как получать новости команды.
invites-joined_notice = 👋 В команде ({ $child }) новый участник: { $name }, роль — { $a_role }.
invites-unknown = Не узнаю эту ссылку-приглашение. Проверьте, что открыли её целиком, или попросите у родителя новую.
invites-expired = Срок приглашения истёк (оно действует 7 дней). Попросите у родителя новое.
invites-used = Это приглашение уже использовано — каждая ссылка срабатывает только один раз. Попросите у родителя новую.
invites-revoked = Родитель отменил это приглашение. Если вам нужно быть в команде, попросите новое.
invites-already_member = Вы уже в этой команде — ничего делать не нужно.
invites-not_open = Это приглашение больше не действует.
invites-list_title = <b>Действующие приглашения: { $child }</b>
invites-list_line = { $n }. { $role } — действует до { $until }
invites-list_empty = Действующих приглашений нет (<b>{ $child }</b>). Создайте новое: /invite.
invites-button_revoke = ✖️ Отменить приглашение { $n }
invites-revoked_done = Приглашение отменено.
invites-only_in_private = Ссылка-приглашение — как ключ, поэтому я создаю их только в личном чате. Откройте его и отправьте там /invite.
invites-button_open_private = Открыть личный чат
invites-role_button-guardian = 👪 Родитель или опекун
invites-role_button-caregiver = 🧡 Близкий (родные, няня)
invites-role_button-educator = 🏫 Воспитатель или учитель
invites-role_button-clinician = 🩺 Врач, медсестра, специалист
invites-help-invite = /invite — пригласить человека в команду
invites-help-invites = /invites — действующие приглашения (можно отменить)
