# Platform texts: the legal notice "Datenquellen und Lizenzen" (footer link, /lizenzen) and the
# command line's message about the built-in postcode table. German (primary).
layout-footer-legal = Datenquellen und Lizenzen
layout-legal-title = Datenquellen und Lizenzen
layout-legal-intro = { $product } enthält Daten und Software Dritter. Hier stehen ihre Quellen und Lizenzen.
layout-legal-postcodes-heading = Postleitzahlen, Orte und Landkreise
layout-legal-postcodes-text = Die Zuordnung von Postleitzahlen zu Orten, Landkreisen und Bundesländern enthält Daten von OpenStreetMap (© OpenStreetMap-Mitwirkende), die unter der Open Database License (ODbL 1.0) verfügbar sind, aufbereitet von suche-postleitzahl.org (Stand 2019).
layout-legal-postcodes-replace = Diese Tabelle wird mit der Anwendung ausgeliefert und beim ersten Start geladen; die Administration kann sie durch eine aktuellere Fassung ersetzen. Die Postleitzahl-Tabelle selbst steht weiterhin unter der ODbL 1.0.
layout-legal-osm-copyright = Urheberrecht und Lizenz von OpenStreetMap
layout-legal-odbl = Open Database License (ODbL 1.0)
layout-legal-software-heading = Software
layout-legal-software-text = Die Anwendung beruht auf der Software „HiH Projektdatenbank“, lizenziert unter der European Union Public Licence (EUPL 1.2).
layout-legal-kern-text = Gestaltung und Bedienelemente folgen dem KERN UX-Standard (Paket @kern-ux/native, EUPL 1.2).
layout-legal-passwords-text = Die Liste häufiger Passwörter, die bei der Passwortwahl abgelehnt werden, stammt aus zxcvbn-ts (@zxcvbn-ts/language-common, MIT-Lizenz, © zxcvbn-ts-Mitwirkende), abgeleitet von zxcvbn (Dropbox, MIT-Lizenz).
layout-legal-libraries-text = Die eingebundenen Programmbibliotheken stehen unter freien Lizenzen, überwiegend MIT und Apache 2.0.
layout-legal-eupl = Text der EUPL 1.2
layout-legal-kern-link = KERN UX-Standard
app-cli-plz-builtin = Postleitzahlen geladen: { $imported } Einträge aus der mitgelieferten Tabelle (© OpenStreetMap-Mitwirkende, ODbL 1.0). Eine aktuellere Tabelle ersetzt sie mit „hih import-plz DATEI“.
