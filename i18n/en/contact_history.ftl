## Contact history (R-CH)
contacts-tab = Contact history
contacts-record-title = Contact history: { $name }
contacts-list-title = Contact history
contacts-back-to-record = Back to the record
contacts-back-to-list = Back to the contact history
contacts-new-button = New entry
contacts-new-title = New entry
contacts-edit-title = Edit entry
contacts-entry-title = Contact history entry
contacts-col-date = Date
contacts-col-staff = Staff member
contacts-col-entry = Entry
contacts-col-type = Contact type
contacts-field-date = Date of the contact
contacts-field-topic = Topic
contacts-field-remarks = Entry
contacts-field-company = Company
contacts-field-applicant = Applicant
contacts-field-applicant-code = Also concerns applicant (applicant ID)
contacts-hint-applicant-code = For example for a job interview: HIH-VN-0001.
contacts-empty = No entries yet.
contacts-review-title = Confirm the change
contacts-review-intro = Please check the details before saving the change.
contacts-saved = The entry has been saved.
contacts-changed = The entry has been changed.
contacts-deleted = The entry has been deleted.
contacts-delete = Delete
contacts-delete-title = Delete entry
contacts-delete-question = Delete the entry of { $date } permanently?
contacts-delete-yes = Yes, delete
contacts-error-date = Please enter the date of the contact.
contacts-error-date-future = The date of the contact cannot be in the future.
contacts-error-type = Please choose the contact type.
contacts-error-topic = Please choose a topic.
contacts-error-remarks = Please describe the contact.
contacts-error-applicant = There is no record with this applicant ID that you may see.
contacts-search-section = { $count ->
    [one] Contact entries (1 hit)
   *[other] Contact entries ({ $count } hits)
}
contacts-search-label = Search the contact history
contacts-search-q = Search term
contacts-demo-needs-records = Demo contacts need companies or applicants first (hih demo-data --companies N --applicants N).
