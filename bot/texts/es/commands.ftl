## commands

commands-unknown = No conozco /{ $name }. ¿Querías decir /{ $suggestion }?
commands-unknown_plain = No conozco /{ $name }. Con /help ves lo que puedo hacer.
commands-not_here = /{ $name } no funciona así aquí. Con /help ves lo que puedo hacer aquí.
commands-means-summary = digest
commands-means-overview = digest
commands-means-stats = digest
