## language

language-ask = 🌐 На каком языке вам писать?
language-set = ✅ Теперь я буду писать вам по-русски.
language-team_ask = 🌐 На каком языке мне писать в группе? (ребёнок: <b>{ $child }</b>)
language-team_set = ✅ В группе я теперь буду писать по-русски (ребёнок: <b>{ $child }</b>).
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — язык, на котором я вам пишу (а для опекуна — и язык группы)
language-command = Выбрать язык
