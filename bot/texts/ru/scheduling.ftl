## scheduling

scheduling-late = ⏰ Напоминание с опозданием, должно было прийти { $when }: { $text }
