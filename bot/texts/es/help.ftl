## help

help-title = <b>Lo que puedo hacer</b>
help-common = 
    /start — bienvenida y menú principal
    /help — esta lista
