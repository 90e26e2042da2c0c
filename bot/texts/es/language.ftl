## language

language-ask = 🌐 ¿En qué idioma quieres que te escriba?
language-set = ✅ A partir de ahora te escribiré en español.
language-team_ask = 🌐 ¿En qué idioma escribo en el grupo de <b>{ $child }</b>?
language-team_set = ✅ En el grupo, a partir de ahora escribiré sobre <b>{ $child }</b> en español.
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — el idioma en que te escribo (y, si eres tutor, el del grupo)
language-command = Elige tu idioma
