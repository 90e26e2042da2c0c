## cards

cards-edited = ✏️ исправлено
cards-withdrawn = ↩️ отозвано: сообщение о приступе { $when } ({ $child }) больше не действует.
