## plan

plan-title = <b>Plan de actuación ante crisis de { $child }</b>
plan-empty = Todavía no hay ningún plan escrito.
plan-threshold = 🚨 Los avisos de { $duration } o más, o los de una crisis fuerte con lesión, son urgentes y llevan este plan.
plan-how_to_change = Para cambiarlo: <code>/plan set</code> y el plan, o <code>/plan threshold 3m</code>.
plan-saved_plan = ✅ Guardado. El plan se muestra con cada aviso urgente.
plan-saved_threshold = ✅ Guardado. El nuevo umbral cuenta a partir del próximo aviso.
plan-usage = Escribe <code>/plan</code> para leerlo, <code>/plan set</code> y el plan para escribirlo, o <code>/plan threshold 3m</code>.
plan-bad_text = Escribe el plan después de <code>/plan set</code>, en { $limit } caracteres como mucho. No he cambiado nada.
plan-bad_threshold = Indica el umbral como un tiempo de 30s a 30m, p. ej. <code>/plan threshold 3m</code>. No he cambiado nada.
plan-help-plan = /plan — el plan de actuación ante crisis y cuándo un aviso es urgente
