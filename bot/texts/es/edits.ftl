## edits

edits-not_read = No leo los mensajes editados, así que no ha cambiado nada. Para arreglar un aviso, toca ✏️ Corregir debajo de él o envía una línea /e nueva; para repetir un comando, vuelve a enviarlo.
edits-too_late = Ese aviso tiene más de 48 horas, así que editarlo no ha cambiado nada. Ábrelo en /history y toca ✏️ Corregir.
