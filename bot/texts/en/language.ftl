## language

language-ask = 🌐 Which language should I write to you in?
language-set = ✅ From now on I'll write to you in English.
language-team_ask = 🌐 Which language should I write in, in the group of <b>{ $child }</b>?
language-team_set = ✅ In the group, I'll write about <b>{ $child }</b> in English from now on.
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — the language I write to you in (and, for a guardian, the group's)
language-command = Choose your language
