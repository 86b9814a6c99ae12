# Home feature: start page. German.
home-nav = Startseite
home-title = Startseite
home-welcome = Willkommen, { $name }.
home-tiles-heading = Aktuelle Hinweise
home-no-tiles = Zurzeit liegen keine Hinweise für Sie vor.
