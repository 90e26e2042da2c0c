## commands

commands-unknown = Не знаю команду /{ $name }. Может, вы имели в виду /{ $suggestion }?
commands-unknown_plain = Не знаю команду /{ $name }. В /help — всё, что я умею.
commands-not_here = Здесь /{ $name } так не работает. В /help — всё, что я умею здесь.
commands-means-summary = digest
commands-means-overview = digest
commands-means-stats = digest
