## permissions

permissions-role-guardian = tutor/a
permissions-role-caregiver = cuidador/a
permissions-role-educator = docente
permissions-role-clinician = profesional de salud
permissions-a_role-guardian = tutor/a
permissions-a_role-caregiver = cuidador/a
permissions-a_role-educator = docente
permissions-a_role-clinician = profesional de salud
permissions-refused-set_plan = Solo los tutores o los profesionales de salud pueden cambiar el plan de actuación.
permissions-refused-change_medication = Solo los tutores o los profesionales de salud pueden registrar cambios de medicación.
permissions-refused-record_dose = Solo los tutores, cuidadores o docentes pueden registrar las dosis dadas.
permissions-refused-follow_ups = Solo los tutores, cuidadores o profesionales de salud pueden gestionar los recordatorios de citas.
permissions-refused-digest = Solo los tutores, cuidadores o profesionales de salud pueden recibir resúmenes.
permissions-refused-export = Solo los tutores o los profesionales de salud pueden exportar el historial.
permissions-refused-invite = Solo los tutores pueden invitar a personas al equipo.
permissions-refused-manage_members = Solo los tutores pueden cambiar roles o quitar a personas del equipo.
permissions-refused-link_group = Solo los tutores pueden vincular o desvincular el grupo del equipo.
permissions-refused-delete_child = Solo los tutores pueden borrar los datos de un niño o niña.
