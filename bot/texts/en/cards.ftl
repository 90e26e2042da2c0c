## cards

cards-edited = ✏️ edited
cards-withdrawn = ↩️ withdrawn: { $child }'s episode { $when } was taken back.
