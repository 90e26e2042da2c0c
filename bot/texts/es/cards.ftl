## cards

cards-edited = ✏️ editada
cards-withdrawn = ↩️ retirada: el aviso de la crisis de { $child } { $when } se ha retirado.
