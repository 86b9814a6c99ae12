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

## Pflichtseiten einer öffentlichen Stelle: Erklärung zur Barrierefreiheit (BITV 2.0 § 12b),
## Impressum (DDG § 5), Datenschutzhinweise (DSGVO Art. 13). Alle Texte sind unter „Texte“
## anpassbar; die Vorgaben nennen die Auftraggeberin der Ausschreibung.
layout-footer-accessibility = Barrierefreiheit
layout-footer-imprint = Impressum
layout-footer-privacy = Datenschutz
layout-footer-nav-label = Rechtliches
legal-operator = DIHK Service GmbH, Breite Straße 29, 10178 Berlin
legal-a11y-title = Erklärung zur Barrierefreiheit
legal-a11y-intro = Die DIHK Service GmbH ist bemüht, { $product } im Einklang mit § 12a des Behindertengleichstellungsgesetzes (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für die Webanwendung { $product } einschließlich der Seiten der Selbstregistrierung.
legal-a11y-status-heading = Stand der Vereinbarkeit mit den Anforderungen
legal-a11y-status-text = Die Anwendung ist mit den Anforderungen der BITV 2.0 und der Europäischen Norm EN 301 549 (WCAG 2.1, Konformitätsstufen A und AA) weitgehend vereinbar. Alle Seiten sind ohne JavaScript bedienbar, mit der Tastatur erreichbar und bei 320 Bildpunkten Breite ohne seitliches Blättern lesbar.
legal-a11y-gaps-heading = Nicht barrierefreie Inhalte
legal-a11y-gaps-text = Die Diagramme der Statistik sind Grafiken; dieselben Zahlen stehen jeweils in einer Tabelle unter dem Diagramm. Hochgeladene Dokumente Dritter können wir nicht in jedem Fall barrierefrei anbieten.
legal-a11y-method-heading = Erstellung dieser Erklärung
legal-a11y-method-text = Diese Erklärung wurde am 4. Dezember 2026 erstellt. Sie beruht auf einer Selbstbewertung: Jede Änderung der Anwendung wird automatisiert auf allen Seiten nach WCAG 2.1 A und AA geprüft (axe-core, bei 1280 und 320 Bildpunkten Breite); Tastaturbedienung, Vergrößerung und Umbruch werden zusätzlich von Hand geprüft.
legal-a11y-feedback-heading = Feedback und Kontakt
legal-a11y-feedback-text = Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen, oder benötigen Sie Informationen in barrierefreier Form? Dann teilen Sie uns dies bitte mit. Wir antworten in der Regel innerhalb von zwei Wochen.
legal-a11y-feedback-link = Barriere melden
legal-a11y-arbitration-heading = Schlichtungsverfahren
legal-a11y-arbitration-text = Wenn auch nach Ihrem Feedback an uns keine zufriedenstellende Lösung gefunden wurde, können Sie sich an die Schlichtungsstelle nach § 16 BGG wenden. Die Schlichtungsstelle BGG hat die Aufgabe, bei Konflikten zum Thema Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen des Bundes eine außergerichtliche Streitbeilegung zu unterstützen. Das Schlichtungsverfahren ist kostenlos; ein Rechtsbeistand ist nicht nötig.
legal-a11y-arbitration-address = Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin
legal-a11y-arbitration-link = Website der Schlichtungsstelle BGG
legal-imprint-title = Impressum
legal-imprint-provider-heading = Anbieterin
legal-imprint-provider-text = { $product } wird im Projekt „Hand in Hand for International Talents“ betrieben von der
legal-imprint-contact-heading = Kontakt
legal-imprint-contact-text = Fragen zur Anwendung richten Sie bitte an Ihre Ansprechperson in der Industrie- und Handelskammer oder Auslandshandelskammer, die Sie betreut. Hinweise zur Barrierefreiheit nehmen wir über das Formular „Barriere melden“ entgegen.
legal-imprint-register-text = Vertretungsberechtigte Geschäftsführung, Registergericht, Registernummer und Umsatzsteuer-Identifikationsnummer trägt die Betreiberin dieser Instanz hier ein.
legal-privacy-title = Datenschutzhinweise
legal-privacy-intro = Hier informieren wir nach Art. 13 und 14 der Datenschutz-Grundverordnung (DSGVO), welche personenbezogenen Daten { $product } verarbeitet, wozu und welche Rechte Sie haben.
legal-privacy-controller-heading = Verantwortliche Stelle
legal-privacy-controller-text = Verantwortlich für die Verarbeitung ist die
legal-privacy-dpo-text = Die betriebliche Datenschutzbeauftragte erreichen Sie unter derselben Anschrift mit dem Zusatz „Datenschutzbeauftragte“.
legal-privacy-purpose-heading = Zwecke und Rechtsgrundlagen
legal-privacy-purpose-text = Die Anwendung dokumentiert das Zuwendungsprojekt „Hand in Hand for International Talents“: Unternehmen, Bewerberinnen und Bewerber, Kontakte und Vermittlungen, und sie misst die Projektziele. Daten von Bewerberinnen und Bewerbern verarbeiten wir auf Grundlage ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die sie bei der Registrierung erklären und jederzeit für die Zukunft widerrufen können; Daten der Ansprechpersonen in Unternehmen und der Mitarbeitenden der Kammern zur Durchführung des Projekts (Art. 6 Abs. 1 lit. b, c und e DSGVO).
legal-privacy-recipients-heading = Empfänger und Übermittlung in Drittländer
legal-privacy-recipients-text = Die Daten sehen nur die zuständigen Industrie- und Handelskammern, die Auslandshandelskammern in Indien, Vietnam und Brasilien sowie das Projektteam, jeweils nur im Umfang ihrer Aufgabe. Projektpartner und die Evaluation erhalten ausschließlich die für sie vereinbarten Auszüge. Die Auslandshandelskammern arbeiten in Drittländern; die Übermittlung an sie erfolgt auf Grundlage Ihrer Einwilligung (Art. 49 Abs. 1 lit. a DSGVO) bzw. geeigneter Garantien.
legal-privacy-storage-heading = Speicherdauer
legal-privacy-storage-text = Deaktivierte Datensätze werden nach Ablauf der festgelegten Aufbewahrungsfrist gelöscht; für die Statistik bleiben dann nur anonyme Zählungen. Protokolle der Zugriffe werden nach Ablauf ihrer Aufbewahrungsfrist gelöscht.
legal-privacy-cookies-heading = Cookies und Protokolle
legal-privacy-cookies-text = Die Anwendung setzt nur ein technisch notwendiges Cookie für die Anmeldung (Sitzung). Es gibt keine Reichweitenmessung, keine Werbung und keine Inhalte von fremden Servern. Zugriffe auf personenbezogene Daten werden protokolliert, um Missbrauch zu erkennen und nachzuweisen (Art. 32 DSGVO).
legal-privacy-rights-heading = Ihre Rechte
legal-privacy-rights-text = Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21) sowie das Recht, eine erteilte Einwilligung jederzeit zu widerrufen. Wenden Sie sich dazu an die verantwortliche Stelle. Außerdem können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).
