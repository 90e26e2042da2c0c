## followup_parsing

followup_parsing-no_date = 
    No he encontrado ninguna fecha. Dime cuándo y qué, en cualquier orden, por ejemplo:
    /followup EEG on 3 Dec at 14:30
    /followup revisión de neurología next tuesday 9:00
    En las fechas con números va primero el día: 3/12 es el 3 de diciembre.
followup_parsing-no_title = 
    ¿Para qué es? Añade unas palabras a la fecha, por ejemplo:
    /followup 3 Dec 14:30 EEG en el Hospital Central
followup_parsing-in_the_past = 
    Esa hora ya ha pasado: { $when }. Envía una fecha y una hora que estén por llegar, por ejemplo:
    /followup 3 Dec 14:30 EEG en el Hospital Central
followup_parsing-too_far = 
    Esa fecha está a más de { $years } años: { $when }. En las fechas con números va primero el día (3/12 es el 3 de diciembre), por ejemplo:
    /followup 3/12 14:30 EEG en el Hospital Central
followup_parsing-unknown_repeat = 
    No he entendido cada cuánto. Prueba con every day, every 2 weeks, every monday, every 3 months o every year, por ejemplo:
    /followup every 3 months análisis de sangre (niveles de valproato)
followup_parsing-bad_interval = 
    Cada { $interval } { $unit ->
        [days] días
        [weeks] semanas
        [months] meses
        [years] años
       *[other] { $unit }
    } no puede ser: elige de 1 a { $maximum } { $unit ->
        [days] días
        [weeks] semanas
        [months] meses
        [years] años
       *[other] { $unit }
    }, por ejemplo:
    /followup every 3 months análisis de sangre (niveles de valproato)
followup_parsing-ambiguous_hour = 
    ¿“at { $hour }” es por la mañana o por la tarde? Escribe { $hour }am o { $hour }pm, o { $afternoon }:00, por ejemplo:
    /followup EEG friday at { $hour }pm
