# Companies feature: companies (1B), monthly counts (1A), distribution lists. English.
companies-nav = Companies
companies-list-title = Companies
companies-new-button = Add a company
companies-search-label = Search companies
companies-search-q = Free text search
companies-search-q-hint = Searches all text fields.
companies-search-q-hint-details = Name, address, contact person and remarks; case and accents are ignored.
companies-field-size = Size
companies-size-kmu = SME (fewer than 250 employees)
companies-size-large = 250 employees or more
companies-show-inactive = Also show deactivated companies (until deletion)
companies-col-address = Address
companies-col-kreis = District / district-free city
companies-col-district = IHK district
companies-col-ort = Town
companies-export-contact-salutation = Contact person's salutation
companies-export-contact-first-name = Contact person's first name
companies-export-contact-last-name = Contact person's last name
companies-export-contact-function = Contact person's function
companies-export-active = Active
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
companies-tab-data = Master data
companies-deactivated-note = This company was deactivated on { $date }. Only administrators can see it now; it will be deleted when the retention period ends.
companies-action-deactivate = Deactivate
companies-action-reactivate = Reactivate
companies-confirm-title-reaktivieren = Reactivate company
companies-confirm-question-reaktivieren = Reactivate “{ $name }”? It then shows in the lists and to the staff of its IHK again; the deletion after the retention period no longer applies.
companies-confirm-yes-reaktivieren = Yes, reactivate
companies-reactivated = The company has been reactivated.
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
companies-error-already-inactive = The company is already deactivated.
companies-deleted = The company has been deleted for good.
companies-duplicate-deactivated = The address belongs to a deactivated company that you cannot open. If it should become active again, ask an administrator (the HiH team); they can reactivate it during the retention period.
companies-duplicate-hidden = The address belongs to a company that you cannot open. Please ask an administrator (the HiH team).
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
companies-monthly-error-outreach = There is no such outreach format.
companies-monthly-tile-missing = { $count ->
    [one] Monthly counts for { companies-monthly-month-name } { $year } are missing.
   *[other] Monthly counts for { $count } months are missing, the first for { companies-monthly-month-name } { $year }.
}
companies-monthly-tile-open = { $count ->
    [one] 1 month of monthly counts is entered but not yet closed.
   *[other] { $count } months of monthly counts are entered but not yet closed.
}

## Distribution list from a company search (R-EXP-4)
companies-distribution-title = E-mail distribution list of the company search
companies-distribution-intro = { $count ->
    [one] 1 address from the companies found. The contact person's address is used, else the company's; duplicate addresses appear once.
   *[other] { $count } addresses from the companies found. The contact person's address is used, else the company's; duplicate addresses appear once.
}
companies-distribution-without = { $count ->
    [one] 1 company found has no e-mail address and is missing from the list.
   *[other] { $count } companies found have no e-mail address and are missing from the list.
}
companies-distribution-back = Back to the company list
companies-distribution-sheet = Distribution list
