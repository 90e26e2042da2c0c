## medication_parsing

medication_parsing-empty = Dime qué hacer y con qué medicamento. Ejemplo: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_verb = No conozco “{ $verb }”. Empieza por start (empezar), change (cambiar) o stop (retirar). Ejemplo: /med change levetiracetam 500 mg from tomorrow
medication_parsing-no_name = ¿Qué medicamento? Pon su nombre después del verbo. Ejemplo: /med stop clonazepam reason drowsiness
medication_parsing-name_too_long = Ese nombre de medicamento tiene más de { $limit } caracteres. Ejemplo: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_missing = ¿Qué dosis de { $name }? Indica la cantidad y la unidad. Ejemplo: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_not_positive = La dosis tiene que ser mayor que cero, no { $amount }. Para retirar un medicamento, usa stop. Ejemplo: /med stop clonazepam
medication_parsing-dose_ambiguous = “{ $amount }” puede ser { $thousands } o un decimal. Escribe { $thousands } si son miles, o { $decimal } si es un decimal. Ejemplo: /med start levetiracetam 1000 mg 08:00 20:00
medication_parsing-dose_out_of_range = No puedo registrar una dosis de { $amount }: usa como mucho cuatro decimales y menos de 100000000. Ejemplo: /med start clonazepam 0.25 mg 20:00
medication_parsing-unit_missing = ¿{ $amount } de qué? Añade la unidad: mg, g, ml, drops (gotas) o tablets (comprimidos). Ejemplo: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_unit = No conozco la unidad “{ $unit }”. Usa mg, g, ml, drops (gotas), tablets (comprimidos) o mg/kg/day. Ejemplo: /med start valproate 5 ml twice daily
medication_parsing-bad_time = “{ $time }” no es una hora del día. Usa 08:00, 20:00, 8am u 8pm. Ejemplo: /med start clobazam 5 mg 20:00
medication_parsing-hour_ambiguous = “{ $hour }” puede ser por la mañana o por la noche. Escribe { $hour }am o { $hour }pm, o la hora en formato de 24 horas. Ejemplo: /med start clobazam 5 mg 20:00
medication_parsing-times_conflict = Esa frecuencia supone { $per_day } dosis al día, pero has puesto { $count ->
        [one] 1 hora
       *[other] { $count } horas
    }. Indica las horas o la frecuencia, no las dos cosas. Ejemplo: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-bad_date = No he entendido la fecha “{ $date }”. Usa today, tomorrow, un día de la semana (monday…), next week, 1 december o 2026-12-01. Ejemplo: /med change levetiracetam 500 mg from tomorrow
medication_parsing-date_too_far_back = { $date } fue hace más de un día. Registra cambios desde ayer en adelante. Ejemplo: /med change levetiracetam 500 mg from yesterday
medication_parsing-date_too_far_ahead = { $date } está a más de un año. Revisa el año. Ejemplo: /med change levetiracetam 500 mg from monday
medication_parsing-nothing_to_change = ¿Qué tiene que cambiar en { $name }? Indica una dosis nueva o unas horas nuevas. Ejemplo: /med change levetiracetam 500 mg from tomorrow
medication_parsing-not_understood = No he entendido “{ $word }”. Ejemplo: /med start levetiracetam 250 mg twice daily from tomorrow
medication_parsing-titration_malformed = No he entendido la pauta de ajuste. Escríbela así. Ejemplo: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_needs_dose = Una pauta de ajuste necesita la dosis de la que parte. Ejemplo: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_unit_mismatch = La dosis está en { $unit }, pero la pauta usa { $other }. Usa una sola unidad. Ejemplo: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_target_reached = La dosis ya es { $target }, la dosis objetivo. Ejemplo: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_direction = No se puede { $direction ->
        [increase] subir
        [decrease] bajar
       *[other] { $direction }
    } de { $amount } a { $target }. Ejemplo: /med change clobazam 10 mg decrease by 2.5 mg every 7 days to 0 mg
medication_parsing-titration_too_many_steps = Esa pauta de ajuste tiene más de { $limit } pasos. Usa pasos más grandes. Ejemplo: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
