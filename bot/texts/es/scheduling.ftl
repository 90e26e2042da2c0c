## scheduling

scheduling-late = ⏰ Recordatorio con retraso, tocaba el { $when }: { $text }
