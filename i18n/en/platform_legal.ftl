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

## Pages a public body must have: accessibility statement (BITV 2.0 § 12b), legal notice
## (DDG § 5), privacy notice (GDPR Art. 13). All texts are editable under "Texts"; the defaults
## name the contracting authority of the tender.
layout-footer-accessibility = Accessibility
layout-footer-imprint = Legal notice
layout-footer-privacy = Privacy
layout-footer-nav-label = Legal
legal-operator = DIHK Service GmbH, Breite Straße 29, 10178 Berlin, Germany
legal-a11y-title = Accessibility statement
legal-a11y-intro = DIHK Service GmbH strives to make { $product } accessible in accordance with section 12a of the German Disability Equality Act (BGG) and the Barrier-Free Information Technology Ordinance (BITV 2.0). This statement applies to the web application { $product }, including the self-registration pages.
legal-a11y-status-heading = Compliance status
legal-a11y-status-text = The application largely complies with the requirements of BITV 2.0 and the European standard EN 301 549 (WCAG 2.1, conformance levels A and AA). Every page works without JavaScript, can be operated with the keyboard and can be read at a width of 320 pixels without scrolling sideways.
legal-a11y-gaps-heading = Content that is not accessible
legal-a11y-gaps-text = The statistics charts are images; the same figures are given in a table below each chart. Documents uploaded by third parties cannot always be offered in accessible form.
legal-a11y-method-heading = Preparation of this statement
legal-a11y-method-text = This statement was prepared on 4 December 2026. It is based on a self-assessment: every change to the application is checked automatically on all pages against WCAG 2.1 A and AA (axe-core, at widths of 1280 and 320 pixels); keyboard operation, zoom and reflow are also checked by hand.
legal-a11y-feedback-heading = Feedback and contact
legal-a11y-feedback-text = Have you noticed barriers in accessing content, or do you need information in an accessible form? Please let us know. We usually reply within two weeks.
legal-a11y-feedback-link = Report a barrier
legal-a11y-arbitration-heading = Arbitration
legal-a11y-arbitration-text = If no satisfactory solution is found after your feedback, you can turn to the arbitration body under section 16 BGG. It supports out-of-court settlement of accessibility disputes between people with disabilities and federal public bodies. The procedure is free of charge; no legal representation is needed.
legal-a11y-arbitration-address = Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, Germany
legal-a11y-arbitration-link = Website of the BGG arbitration body
legal-imprint-title = Legal notice
legal-imprint-provider-heading = Provider
legal-imprint-provider-text = { $product } is operated in the project "Hand in Hand for International Talents" by
legal-imprint-contact-heading = Contact
legal-imprint-contact-text = Please direct questions about the application to your contact person at the Chamber of Industry and Commerce or the German Chamber of Commerce Abroad who advises you. We receive notes on accessibility through the form "Report a barrier".
legal-imprint-register-text = The operator of this instance enters the authorised managing directors, register court, register number and VAT identification number here.
legal-privacy-title = Privacy notice
legal-privacy-intro = In accordance with Articles 13 and 14 of the General Data Protection Regulation (GDPR), this page explains which personal data { $product } processes, for what purpose, and what rights you have.
legal-privacy-controller-heading = Controller
legal-privacy-controller-text = The controller responsible for the processing is
legal-privacy-dpo-text = You can reach the data protection officer at the same address, marked "Datenschutzbeauftragte".
legal-privacy-purpose-heading = Purposes and legal bases
legal-privacy-purpose-text = The application documents the funded project "Hand in Hand for International Talents": companies, applicants, contacts and placements, and it measures the project's targets. We process applicants' data on the basis of their consent (Art. 6(1)(a) GDPR), given at registration and revocable at any time for the future; data of company contact persons and chamber staff to carry out the project (Art. 6(1)(b), (c) and (e) GDPR).
legal-privacy-recipients-heading = Recipients and transfers to third countries
legal-privacy-recipients-text = Only the responsible Chambers of Industry and Commerce, the German Chambers of Commerce Abroad in India, Vietnam and Brazil and the project team see the data, each only as far as their task requires. Project partners and the evaluation receive only the extracts agreed for them. The Chambers of Commerce Abroad work in third countries; data is transferred to them on the basis of your consent (Art. 49(1)(a) GDPR) or appropriate safeguards.
legal-privacy-storage-heading = Storage period
legal-privacy-storage-text = Deactivated records are deleted when the set retention period ends; only anonymous counts remain for the statistics. Access logs are deleted when their retention period ends.
legal-privacy-cookies-heading = Cookies and logs
legal-privacy-cookies-text = The application sets only one technically necessary cookie for signing in (the session). There is no audience measurement, no advertising and no content from other servers. Access to personal data is logged to detect and prove misuse (Art. 32 GDPR).
legal-privacy-rights-heading = Your rights
legal-privacy-rights-text = You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and objection (Art. 21), and the right to withdraw consent at any time. Please contact the controller. You may also lodge a complaint with a data protection supervisory authority (Art. 77 GDPR).
