## help

help-title = <b>What I can do</b>
help-common = 
    /start — welcome and main menu
    /help — this list
