# Home feature: start page. German.
home-nav = Startseite
home-title = Startseite
home-welcome = Willkommen, { $name }.
home-tiles-heading = Aktuelle Hinweise
home-no-tiles = Zurzeit liegen keine Hinweise für Sie vor.
home-search-title = Suche
home-search-too-short = Bitte geben Sie mindestens zwei Zeichen in das Suchfeld ein.
home-search-summary = { $count ->
    [0] Keine Treffer für „{ $q }“ in den Daten, die Sie sehen dürfen.
    [one] 1 Treffer für „{ $q }“.
   *[other] { $count } Treffer für „{ $q }“.
}
home-search-show-all = { $count ->
    [one] Den Treffer in der Liste anzeigen
   *[other] Alle { $count } Treffer in der Liste anzeigen
}

## Key figures (programme targets within the user's scope)
home-figures-heading = Kennzahlen
home-figures-intro = Stand der Projektziele in Ihrem Zuständigkeitsbereich, einschließlich gelöschter Datensätze in anonymer Form – dieselben Zahlen wie in der Statistik.
home-figure-of-target = { $value } von { $target }
home-figure-percent = { $percent } %
