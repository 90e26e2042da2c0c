## episode_parsing

episode_parsing-nothing_recognised = No he podido entender eso como una crisis, así que no he guardado nada. Di cuándo, cuánto duró y qué viste (el texto libre va después de note:), p. ej. /e 10:15 45s mild face
episode_parsing-future_time = “{ $when }” todavía no ha llegado, así que no he guardado nada. Usa una hora que ya haya pasado, p. ej. /e 10:15 45s mild face
episode_parsing-later_today = Hoy todavía no son las { $time }, así que no he guardado nada. Si fue anoche, añade el día, p. ej. /e yesterday { $time } 45s mild face
episode_parsing-day_without_time = “{ $day }”, ¿a qué hora? No he guardado nada. Añade la hora, p. ej. /e yesterday 21:30 45s mild face
episode_parsing-too_long_ago = “{ $when }” fue hace más de un mes, así que no he guardado nada. Indica la fecha, p. ej. /e { $date } 21:30 2m
episode_parsing-duration_too_long = “{ $duration }” es más de un día, así que no he guardado nada. Indica cuánto duró la crisis en sí, p. ej. /e 10:15 45s mild face
episode_parsing-two_durations = He encontrado dos duraciones, “{ $first }” y “{ $second }”, así que no he guardado nada. Pon solo una, p. ej. /e 10:15 45s mild face
episode_parsing-two_times = He encontrado dos horas, “{ $first }” y “{ $second }”, así que no he guardado nada. Pon solo una, p. ej. /e 10:15 45s mild face
episode_parsing-two_counts = He encontrado dos recuentos, “{ $first }” y “{ $second }”, así que no he guardado nada. Pon solo uno, p. ej. /e 10:15 12 jerks arms
episode_parsing-bad_count = “{ $count }” no puede ser: un recuento es un número entero de 1 a 1000, así que no he guardado nada. Cuenta las sacudidas, p. ej. /e 10:15 12 jerks arms
episode_parsing-ahead = “{ $when }” todavía no ha llegado, así que no he guardado nada. Para decir cuánto duró, pon solo la duración, p. ej. /e 10:15 2m arms
episode_parsing-duration_zero = “{ $duration }” no es ningún tiempo, así que no he guardado nada. Di cuánto duró, p. ej. /e 10:15 45s mild face
episode_parsing-ambiguous_number = No sé si “{ $number }” es { $decimal } o { $whole }, así que no he guardado nada. Escríbelo sin coma ni punto, p. ej. /e 10:15 90s arms
episode_parsing-bad_clock = “{ $time }” no es una hora del reloj, así que no he guardado nada. Las horas van de 00:00 a 23:59, p. ej. /e 10:15 45s mild face
episode_parsing-bad_date = No entiendo “{ $date }” como fecha, así que no he guardado nada. Escribe primero el día (24/11) o año-mes-día, p. ej. /e 2026-11-24 21:30 2m
episode_parsing-question-time_of_day = “{ $phrase }”: ¿a qué hora, más o menos?
episode_parsing-question-am_pm = “{ $phrase }”: ¿por la mañana o por la noche?
episode_parsing-question-which_time = “{ $phrase }”: ¿a qué hora fue?
episode_parsing-question-which_duration = “{ $phrase }”: ¿es lo que duró?
episode_parsing-question-which_count = “{ $phrase }”: ¿cuántas sacudidas hubo?
episode_parsing-question-number = “{ $phrase }”: ¿cuánto duró?
episode_parsing-question-rescue_time = “{ $phrase }”: ¿es la hora a la que se dio { $medicine } o lo que duró?
episode_parsing-question-type_it = Escribirlo
