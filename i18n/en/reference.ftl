# Reference data feature: postcodes, IHK districts, selection lists (R-REF). English.
reference-nav = Reference data
reference-title = Reference data
reference-plz-heading = Postcodes
reference-plz-count = { $count ->
    [one] 1 postcode entry loaded.
   *[other] { $count } postcode entries loaded.
}
reference-tile-no-postcodes = Postcodes are not loaded yet. Until then addresses are only checked for a five-digit postcode.
reference-plz-intro = Upload a CSV file in the format osm_id,ort,plz,landkreis,bundesland (OpenStreetMap). The import replaces the existing entries completely – or not at all if the file has errors.
reference-plz-file = CSV file
reference-plz-file-hint = Comma-separated, UTF-8, with a header line.
reference-plz-dry-run = Check only, save nothing
reference-plz-dry-run-hint = Shows the report without replacing the postcodes.
reference-plz-upload = Upload file
reference-plz-report-title = Postcode import report
reference-plz-report-refused = { $count ->
    [one] The file has 1 error. Nothing was saved.
   *[other] The file has { $count } errors. Nothing was saved.
}
reference-plz-report-problems = Errors found
reference-plz-report-more = … and { $count } more errors.
reference-plz-report-dry = Check without saving: { $rows } lines read, { $imported } entries would be taken over, { $duplicates } duplicate lines skipped.
reference-plz-report-done = Import finished: { $rows } lines read, { $imported } entries taken over, { $duplicates } duplicate lines skipped.
reference-col-line = Line
reference-col-problem = Problem
reference-plz-error-header = The header line must be exactly “osm_id,ort,plz,landkreis,bundesland”.
reference-plz-error-row = The line is not a valid CSV line.
reference-plz-error-columns = The line does not have exactly five columns.
reference-plz-error-plz = The postcode must have exactly five digits (it may start with 0).
reference-plz-error-empty = Place and state must not be empty.
reference-plz-error-empty-file = The file has no data lines.
reference-back = Back to the reference data
reference-districts-heading = IHK districts
reference-districts-intro = Each district consists of districts (Landkreise) and district-free cities. An address belongs to the district if the Landkreis of its postcode (or, for district-free cities, the place) belongs to it.
reference-col-ihk = IHK
reference-col-areas = Landkreise and district-free cities
reference-col-action = Action
reference-district-edit = Edit district
reference-district-edit-title = District of { $ihk }
reference-district-areas = Landkreise and district-free cities
reference-district-areas-hint = One name per line, exactly as in the postcode data, e.g. “Landkreis Gotha” or “Erfurt”.
reference-district-unknown = These names do not occur as Landkreis or district-free city in the postcode data: { $names }
reference-district-taken = These areas already belong to another IHK district: { $names }
reference-district-saved = The district has been saved.
reference-district-review-intro = Once saved, these Landkreise and district-free cities make up the district of { $ihk }:
reference-error-plz-format = The postcode must have exactly five digits, e.g. 06567.
reference-error-plz-unknown = This postcode is unknown. Please check the input.
reference-error-ort-mismatch = The place does not match the postcode. Please check postcode and place.
reference-error-outside-district = The address is not in your IHK district.

## Selection lists (R-REF-3)
reference-lists-heading = Selection lists
reference-lists-intro = The entries of these lists are offered in the forms. Entries are not deleted but switched off, because stored records keep their code.
reference-lists-count = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
reference-list-kind-industry = Industries (WZ 2008)
reference-list-kind-occupation = Target occupations
reference-list-kind-outreach = Outreach formats
reference-list-kind-partner = Partner categories
reference-list-kind-country = Countries
reference-list-kind-contact-type = Contact types
reference-list-kind-contact-topic = Contact topics
reference-list-items-title = Selection list: { $list }
reference-list-items-intro = Forms show the entries in the order of their position. Switched-off entries are no longer offered but stay visible on existing records.
reference-item-new = New entry
reference-item-new-title = New entry: { $list }
reference-item-edit-title = Edit entry: { $list }
reference-item-review-intro = Please check the entry for the list “{ $list }” and confirm saving it.
reference-item-edit = Edit
reference-item-none = This list has no entries yet.
reference-item-code = Code
reference-item-code-hint = Lower-case letters, digits, hyphen and underscore, at most 40 characters.
reference-item-code-hint-details = The code is stored on records and cannot be changed later.
reference-item-code-hint-country = Two-letter ISO 3166 country code in capitals, e.g. VN. It becomes part of the applicant ID and cannot be changed later.
reference-item-label-de = Label (German)
reference-item-label-en = Label (English)
reference-item-sort = Position
reference-item-sort-hint = A whole number from 0 to 100000; smaller numbers come first.
reference-item-status = Status
reference-item-active = offered
reference-item-inactive = switched off
reference-item-active-field = Offer in forms
reference-item-active-hint = Without the tick the entry stays on existing records but is no longer offered.
reference-item-saved = The entry has been saved.
reference-item-error-code = Please enter a code of lower-case letters, digits, hyphen or underscore (at most 40 characters).
reference-item-error-country-code = Please enter a two-letter country code in capitals, e.g. VN.
reference-item-error-code-taken = This code already exists in the list. Please choose another one.
reference-item-error-label = Please enter a label.
reference-item-error-sort = Please enter the position as a whole number from 0 to 100000.
reference-item-error-too-long = The input is too long (at most 200 characters).

# Status page (R-OPS-1): the check "postcode data loaded".
reference-status-postcodes = Postcodes
reference-status-postcodes-loaded = { $count } postcodes loaded.
reference-status-postcodes-missing = No postcodes are loaded: addresses are only checked for five digits, and neither Landkreis nor IHK district is derived from the address. Upload the postcodes under "Reference data" or run "hih import-plz FILE".
