## wizards

wizards-expired = Esa pregunta ha caducado. Empieza de nuevo, por favor.
wizards-nothing_waiting = Ahora mismo no estoy esperando ninguna respuesta tuya. Envía /help para ver lo que puedo hacer.
