## permissions

permissions-role-guardian = родитель
permissions-role-caregiver = помощник
permissions-role-educator = педагог
permissions-role-clinician = врач
permissions-a_role-guardian = родитель
permissions-a_role-caregiver = помощник
permissions-a_role-educator = педагог
permissions-a_role-clinician = врач
permissions-refused-set_plan = Менять план действий может только родитель или врач.
permissions-refused-change_medication = Записывать изменения в лечении может только родитель или врач.
permissions-refused-record_dose = Отмечать, что доза дана, может только родитель, помощник или педагог.
permissions-refused-follow_ups = Управлять напоминаниями может только родитель, помощник или врач.
permissions-refused-digest = Сводки получают только родители, помощники и врачи.
permissions-refused-export = Выгружать записи может только родитель или врач.
permissions-refused-invite = Приглашать в команду может только родитель.
permissions-refused-manage_members = Менять роли и удалять людей из команды может только родитель.
permissions-refused-link_group = Привязывать и отвязывать группу команды может только родитель.
permissions-refused-delete_child = Удалить данные ребёнка может только родитель.
