# Platform texts: the legal notice "Data sources and licences" (footer link, /lizenzen) and the
# command line's message about the built-in postcode table. English.
layout-footer-legal = Data sources and licences
layout-legal-title = Data sources and licences
layout-legal-intro = { $product } contains data and software of third parties. Their sources and licences are listed here.
layout-legal-postcodes-heading = Postcodes, places and districts
layout-legal-postcodes-text = The assignment of postcodes to places, districts and federal states contains data from OpenStreetMap (© OpenStreetMap contributors), available under the Open Database License (ODbL 1.0), as prepared by suche-postleitzahl.org (2019 snapshot).
layout-legal-postcodes-replace = This table ships with the application and is loaded on the first start; administrators can replace it with a newer version. The postcode table itself remains under the ODbL 1.0.
layout-legal-osm-copyright = OpenStreetMap copyright and licence
layout-legal-odbl = Open Database License (ODbL 1.0)
layout-legal-software-heading = Software
layout-legal-software-text = The application is based on the software "HiH Projektdatenbank", licensed under the European Union Public Licence (EUPL 1.2).
layout-legal-kern-text = Design and controls follow the KERN UX standard (package @kern-ux/native, EUPL 1.2).
layout-legal-passwords-text = The list of common passwords refused when a password is chosen comes from zxcvbn-ts (@zxcvbn-ts/language-common, MIT licence, © zxcvbn-ts contributors), derived from zxcvbn (Dropbox, MIT licence).
layout-legal-libraries-text = The program libraries built in are under free licences, mostly MIT and Apache 2.0.
layout-legal-eupl = Text of the EUPL 1.2
layout-legal-kern-link = KERN UX standard
app-cli-plz-builtin = Postcodes loaded: { $imported } entries from the shipped table (© OpenStreetMap contributors, ODbL 1.0). A newer table replaces it with "hih import-plz FILE".
