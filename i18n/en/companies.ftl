# Companies feature: reference data (postcodes, IHK districts). English.
companies-nav-reference = Reference data
companies-reference-title = Reference data
companies-plz-heading = Postcodes
companies-plz-count = { $count ->
    [one] 1 postcode entry loaded.
   *[other] { $count } postcode entries loaded.
}
companies-tile-no-postcodes = Postcodes are not loaded yet. Until then addresses are only checked for a five-digit postcode.
companies-plz-intro = Upload a CSV file in the format osm_id,ort,plz,landkreis,bundesland (OpenStreetMap). The import replaces the existing entries completely – or not at all if the file has errors.
companies-plz-file = CSV file
companies-plz-file-hint = Comma-separated, UTF-8, with a header line.
companies-plz-dry-run = Check only, save nothing
companies-plz-dry-run-hint = Shows the report without replacing the postcodes.
companies-plz-upload = Upload file
companies-plz-report-title = Postcode import report
companies-plz-report-refused = { $count ->
    [one] The file has 1 error. Nothing was saved.
   *[other] The file has { $count } errors. Nothing was saved.
}
companies-plz-report-problems = Errors found
companies-plz-report-more = … and { $count } more errors.
companies-plz-report-dry = Check without saving: { $rows } lines read, { $imported } entries would be taken over, { $duplicates } duplicate lines skipped.
companies-plz-report-done = Import finished: { $rows } lines read, { $imported } entries taken over, { $duplicates } duplicate lines skipped.
companies-col-line = Line
companies-col-problem = Problem
companies-plz-error-header = The header line must be exactly “osm_id,ort,plz,landkreis,bundesland”.
companies-plz-error-row = The line is not a valid CSV line.
companies-plz-error-columns = The line does not have exactly five columns.
companies-plz-error-plz = The postcode must have exactly five digits (it may start with 0).
companies-plz-error-empty = Place and state must not be empty.
companies-plz-error-empty-file = The file has no data lines.
companies-back-to-reference = Back to the reference data
companies-districts-heading = IHK districts
companies-districts-intro = Each district consists of districts (Landkreise) and district-free cities. An address belongs to the district if the Landkreis of its postcode (or, for district-free cities, the place) belongs to it.
companies-col-ihk = IHK
companies-col-areas = Landkreise and district-free cities
companies-col-action = Action
companies-district-edit = Edit district
companies-district-edit-title = District of { $ihk }
companies-district-areas = Landkreise and district-free cities
companies-district-areas-hint = One name per line, exactly as in the postcode data, e.g. “Landkreis Gotha” or “Erfurt”.
companies-district-unknown = These names do not occur as Landkreis or district-free city in the postcode data: { $names }
companies-district-taken = These areas already belong to another IHK district: { $names }
companies-district-saved = The district has been saved.
companies-error-plz-format = The postcode must have exactly five digits, e.g. 06567.
companies-error-plz-unknown = This postcode is unknown. Please check the input.
companies-error-ort-mismatch = The place does not match the postcode. Please check postcode and place.
companies-error-outside-district = The address is not in your IHK district.
companies-nav = Companies
companies-list-title = Companies
companies-new-button = Add a company
companies-search-label = Search companies
companies-search-q = Free text search
companies-search-q-hint = Searches all text fields (name, address, contact person, remarks); case and accents are ignored.
companies-field-size = Size
companies-size-kmu = SME (fewer than 250 employees)
companies-size-large = 250 employees or more
companies-show-inactive = Also show deactivated companies (until deletion)
companies-col-address = Address
companies-col-kreis = District / district-free city
companies-col-updated = Changed on
companies-col-contact-name = Name
companies-deactivated-badge = deactivated
companies-list-empty = No companies found. Change the search or reset it.
companies-new-title = New company
companies-edit-title = Edit company
companies-form-intro = Required: company name, industry, address, status and outreach format. The address must lie in your IHK district. Before saving you will see all input again.
companies-review-intro = Please check the input before it is saved.
companies-legend-company = Company
companies-legend-address = Address
companies-legend-contact = Contact person
companies-legend-project = Project
companies-legend-consent = Consents
companies-field-name = Company name
companies-field-legal-form = Legal form
companies-hint-legal-form = e.g. GmbH, GmbH & Co. KG, e. K.
companies-field-industry = Industry (WZ 2008)
companies-field-employees = Number of employees
companies-hint-employees = Whole number; below 250 the company counts as an SME.
companies-field-website = Website
companies-field-phone = Phone
companies-field-email = E-mail address
companies-field-street = Street
companies-field-house-number = House number
companies-field-plz = Postcode
companies-hint-plz = Five digits, also with a leading 0 (e.g. 06567).
companies-field-ort = Place
companies-field-function = Function
companies-field-contact-phone = Phone of the contact person
companies-field-contact-email = E-mail address of the contact person
companies-field-status = Status
companies-field-status-since = Status since
companies-field-occupations = Wanted target occupations
companies-field-open-positions = Open positions
companies-field-outreach = Outreach format
companies-field-consent-date = Consent to storage given on
companies-hint-consent-date = Date of the consent (DD.MM.YYYY).
companies-field-consent-version = Version of the consent text
companies-field-consent-partners = Consent to passing data to
companies-hint-consent-partners = Company data may only be passed to the partner groups ticked here.
companies-field-remarks = Remarks
companies-status-interessiert = interested
companies-status-teilnehmend = participating
companies-status-abbrecher = dropped out
companies-since = since { $date }
companies-none = none
companies-back-to-list = Back to the company list
companies-tabs-label = Sections of the company
companies-tab-data = Master data
companies-deactivated-note = This company was deactivated on { $date }. Only administrators can see it now; it will be deleted when the retention period ends.
companies-action-deactivate = Deactivate
companies-action-delete = Delete for good
companies-confirm-title-deaktivieren = Deactivate company
companies-confirm-title-loeschen = Delete company for good
companies-confirm-question-deaktivieren = Deactivate “{ $name }”? Afterwards only administrators can see it; it is deleted when the retention period ends.
companies-confirm-question-loeschen = Delete “{ $name }” now and for good (e.g. at the data subject's request)? This cannot be undone.
companies-confirm-yes-deaktivieren = Yes, deactivate
companies-confirm-yes-loeschen = Yes, delete for good
companies-created = The company has been added.
companies-saved = The changes have been saved.
companies-deactivated = The company has been deactivated.
companies-deleted = The company has been deleted for good.
companies-duplicate-link = Go to the company already recorded at this address
companies-sheet = Companies
companies-error-name = Please enter the company name.
companies-error-street = Please enter the street.
companies-error-house-number = Please enter the house number.
companies-error-ort = Please enter the place.
companies-error-too-long = The input is too long (at most 200 characters).
companies-error-industry = Please choose an industry.
companies-error-outreach = Please choose an outreach format.
companies-error-status = Please choose a status.
companies-error-choice = Please choose only entries from the list.
companies-error-number = Please enter a whole number from 0.
companies-error-website = The website address must not contain spaces.
companies-error-date = Please enter a valid date (DD.MM.YYYY).
companies-error-date-future = The date must not lie in the future.
companies-error-consent-version = Please state which version of the consent text was agreed to.
companies-error-duplicate = A company is already recorded at this address (postcode, place, street, house number). A second record is not created.
job-companies-retention = Delete deactivated companies after the retention period
companies-demo-needs-postcodes = Demo data needs the postcodes first (hih import-plz FILE).

## Selection lists (R-REF-3)
companies-lists-heading = Selection lists
companies-lists-intro = The entries of these lists are offered in the forms. Entries are not deleted but switched off, because stored records keep their code.
companies-lists-count = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
companies-list-kind-industry = Industries (WZ 2008)
companies-list-kind-occupation = Target occupations
companies-list-kind-outreach = Outreach formats
companies-list-kind-partner = Partner categories
companies-list-kind-country = Countries
companies-list-kind-contact-type = Contact types
companies-list-kind-contact-topic = Contact topics
companies-list-items-title = Selection list: { $list }
companies-list-items-intro = Forms show the entries in the order of their position. Switched-off entries are no longer offered but stay visible on existing records.
companies-item-new = New entry
companies-item-new-title = New entry: { $list }
companies-item-edit-title = Edit entry: { $list }
companies-item-review-intro = Please check the entry for the list “{ $list }” and confirm saving it.
companies-item-edit = Edit
companies-item-none = This list has no entries yet.
companies-item-code = Code
companies-item-code-hint = Lower-case letters, digits, hyphen and underscore, at most 40 characters. The code is stored on records and cannot be changed later.
companies-item-code-hint-country = Two-letter ISO 3166 country code in capitals, e.g. VN. It becomes part of the applicant ID and cannot be changed later.
companies-item-label-de = Label (German)
companies-item-label-en = Label (English)
companies-item-sort = Position
companies-item-sort-hint = A whole number from 0 to 100000; smaller numbers come first.
companies-item-status = Status
companies-item-active = offered
companies-item-inactive = switched off
companies-item-active-field = Offer in forms
companies-item-active-hint = Without the tick the entry stays on existing records but is no longer offered.
companies-item-saved = The entry has been saved.
companies-item-error-code = Please enter a code of lower-case letters, digits, hyphen or underscore (at most 40 characters).
companies-item-error-country-code = Please enter a two-letter country code in capitals, e.g. VN.
companies-item-error-code-taken = This code already exists in the list. Please choose another one.
companies-item-error-label = Please enter a label.
companies-item-error-sort = Please enter the position as a whole number from 0 to 100000.
companies-search-section = { $count ->
    [one] Companies (1 hit)
   *[other] Companies ({ $count } hits)
}

## Monthly counts (category 1A, R-COM-4)
companies-monthly-nav = Monthly counts
companies-monthly-month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
companies-monthly-period = { companies-monthly-month-name } { $year }
companies-monthly-month-1 = January
companies-monthly-month-2 = February
companies-monthly-month-3 = March
companies-monthly-month-4 = April
companies-monthly-month-5 = May
companies-monthly-month-6 = June
companies-monthly-month-7 = July
companies-monthly-month-8 = August
companies-monthly-month-9 = September
companies-monthly-month-10 = October
companies-monthly-month-11 = November
companies-monthly-month-12 = December
companies-monthly-list-title = Monthly counts
companies-monthly-list-intro = Per IHK and month: the number of companies addressed, of which with fewer than 250 employees (SMEs), by outreach format.
companies-monthly-new-button = Enter a month
companies-monthly-search-label = Filter monthly counts
companies-monthly-list-empty = No months found.
companies-monthly-col-period = Month
companies-monthly-col-district = IHK
companies-monthly-col-year = Year
companies-monthly-col-month = Month
companies-monthly-col-status = Status
companies-monthly-col-addressed = Addressed
companies-monthly-col-kmu = of which SMEs
companies-monthly-col-format = Outreach format
companies-monthly-status-fehlt = missing
companies-monthly-status-offen = open
companies-monthly-status-abgeschlossen = closed
companies-monthly-sheet = Monthly counts
companies-monthly-pick-title = Enter a month
companies-monthly-pick-intro = Choose the month whose figures you want to enter or change.
companies-monthly-own-district = Figures for { $district }
companies-monthly-pick-button = Continue
companies-monthly-form-title = Monthly counts { companies-monthly-month-name } { $year }
companies-monthly-form-district = Figures for { $district }
companies-monthly-form-intro = For each outreach format, enter how many companies were addressed this month and how many of them have fewer than 250 employees. Empty fields count as 0.
companies-monthly-field-addressed = Companies addressed
companies-monthly-field-kmu = of which SMEs
companies-monthly-hint-kmu = Companies with fewer than 250 employees; at most as many as addressed.
companies-monthly-review-intro = Please check the figures for { companies-monthly-month-name } { $year } ({ $district }) before saving.
companies-monthly-total = Total
companies-monthly-back-to-list = Back to the monthly counts
companies-monthly-closed-at = Closed on
companies-monthly-figures = Figures by outreach format
companies-monthly-missing-note = No figures have been entered for this month yet.
companies-monthly-action-enter = Enter figures
companies-monthly-action-close = Close month
companies-monthly-action-reopen = Reopen month
companies-monthly-closed-note = This month is closed. Only the HiH project team can still change it.
companies-monthly-closed-admin-note = This month is already closed. Your changes will be saved anyway; the month stays closed.
companies-monthly-confirm-title-abschliessen = Close month
companies-monthly-confirm-question-abschliessen = Do you want to close { companies-monthly-month-name } { $year } for { $district }? The IHK can then no longer change the figures.
companies-monthly-confirm-yes-abschliessen = Yes, close
companies-monthly-confirm-title-wieder-oeffnen = Reopen month
companies-monthly-confirm-question-wieder-oeffnen = Do you want to reopen { companies-monthly-month-name } { $year } for { $district }? The IHK can then change the figures again.
companies-monthly-confirm-yes-wieder-oeffnen = Yes, reopen
companies-monthly-saved = The monthly counts have been saved.
companies-monthly-closed = The month has been closed.
companies-monthly-reopened = The month has been reopened.
companies-monthly-error-district = Please choose an IHK.
companies-monthly-error-year = Please enter the year with four digits (e.g. 2026).
companies-monthly-error-month = Please choose a month.
companies-monthly-error-future = The month must not lie in the future.
companies-monthly-error-number = Please enter a whole number from 0.
companies-monthly-error-negative = The number must not be negative.
companies-monthly-error-too-large = The number is too large (at most 1,000,000).
companies-monthly-error-kmu-exceeds = There cannot be more SMEs addressed than companies in total.
companies-monthly-error-closed = This month is closed and can no longer be changed.
companies-monthly-tile-missing = { $count ->
    [one] Monthly counts for { companies-monthly-month-name } { $year } are missing.
   *[other] Monthly counts for { $count } months are missing, the first for { companies-monthly-month-name } { $year }.
}
companies-monthly-tile-open = { $count ->
    [one] 1 month of monthly counts is entered but not yet closed.
   *[other] { $count } months of monthly counts are entered but not yet closed.
}

## Distribution list from a company search (R-EXP-4)
companies-distribution-link = Distribution list (e-mail addresses) of this search
companies-distribution-title = E-mail distribution list of the company search
companies-distribution-intro = { $count ->
    [one] 1 address from the companies found. The contact person's address is used, else the company's; duplicate addresses appear once.
   *[other] { $count } addresses from the companies found. The contact person's address is used, else the company's; duplicate addresses appear once.
}
companies-distribution-without = { $count ->
    [one] 1 company found has no e-mail address and is missing from the list.
   *[other] { $count } companies found have no e-mail address and are missing from the list.
}
companies-distribution-mail = Write an e-mail to all (addresses in BCC)
companies-distribution-no-mailto = For more than { $max } addresses there is no e-mail link, because mail programs cut such long links. Please use the downloads.
companies-distribution-too-many = The list is too long to show. Please use the downloads.
companies-distribution-back = Back to the company list
companies-distribution-sheet = Distribution list

# Status page (R-OPS-1): the check "postcode data loaded".
companies-status-postcodes = Postcodes
companies-status-postcodes-loaded = { $count } postcodes loaded.
companies-status-postcodes-missing = No postcodes are loaded: addresses are only checked for five digits, and neither Landkreis nor IHK district is derived from the address. Upload the postcodes under "Reference data" or run "hih import-plz FILE".
