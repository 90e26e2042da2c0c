## timezone

timezone-title = 🕰 Tu zona horaria: <b>{ $zone }</b>{ $whose }. Los resúmenes que programes llegan según esta hora.
timezone-childs = { " " }(la de { $child })
timezone-ask = Elige la tuya o escríbela, p. ej. <code>/timezone Europe/Madrid</code>.
timezone-button_reset = Usar la zona de mi hijo/a
timezone-saved = ✅ Guardado: tu zona horaria es <b>{ $zone }</b>{ $whose }.
timezone-help-timezone = /timezone — tu propia zona horaria, para los resúmenes que programes
