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
