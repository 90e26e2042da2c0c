## scheduling

scheduling-late = ⏰ Late reminder, was due { $when }: { $text }
