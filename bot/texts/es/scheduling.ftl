## scheduling

scheduling-late = ⏰ Recordatorio con retraso, tocaba { $when }: { $text }
