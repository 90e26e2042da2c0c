## help

help-title = <b>Что я умею</b>
help-common = 
    /start — приветствие и главное меню
    /help — этот список
