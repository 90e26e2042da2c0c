## timer

timer-keyboard_timer = ⏱ Cronómetro de crisis
timer-live = ⏱ <b>{ $elapsed }</b> — cronómetro de crisis de <b>{ $child }</b>
timer-started = Lo inició { $name } a las { $time }.
timer-will_alert = Al llegar a { $threshold } avisaré a todo el equipo.
timer-alerted = 🚨 Ya supera { $threshold }: he avisado al equipo.
timer-plan_title = <b>Plan de actuación:</b>
timer-no_plan = No hay ningún plan de actuación guardado. Sigue las instrucciones de urgencia del médico de { $child }; si tienes dudas, llama a emergencias.
timer-alert = 
    🚨 <b>{ $child }: la crisis sigue después de { $elapsed }</b>
    { $name } inició el cronómetro a las { $time }.
timer-button_stop = ⏹ Parar
timer-button_cancel = ✖️ Cancelar
timer-cancelled = Cronómetro cancelado: no he guardado nada.
timer-expired = ⏱ Este cronómetro llevaba una hora y se ha parado solo: no he guardado nada. Envía /episode para avisar de la crisis.
timer-already_running = ⏱ { $name } inició un cronómetro hace { $elapsed } y sigue en marcha. Usa su botón Parar.
timer-not_running = Este cronómetro ya está parado.
timer-someone = alguien
timer-help-timer = /timer — cronometrar una crisis; se avisa al equipo al llegar al umbral de urgencia
