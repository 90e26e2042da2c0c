## commands

commands-unknown = I don't know /{ $name } — did you mean /{ $suggestion }?
commands-unknown_plain = I don't know /{ $name }. /help lists what I can do.
commands-not_here = /{ $name } doesn't work like that here. /help lists what I can do here.
commands-means-summary = digest
commands-means-overview = digest
commands-means-stats = digest
