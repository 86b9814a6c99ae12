# Applicants feature (category 2): applicant records, applicant ID, lists. English.
applicants-nav = Applicants
applicants-list-title = Applicants
applicants-new-button = Add applicant
applicants-search-label = Search applicants
applicants-search-q = Search term
applicants-search-q-hint = Finds parts of names, ID, place of residence, e-mail, phone and free text – regardless of case and accents ("nguyen" finds "Nguyễn").
applicants-search-section = { $count ->
    [one] Applicants (1 hit)
   *[other] Applicants ({ $count } hits)
}
applicants-show-inactive = Also show deactivated applicants
applicants-list-empty = No applicants found.
applicants-col-name = Name
applicants-col-updated = Changed
applicants-deactivated-badge = deactivated
applicants-sheet = Applicants
applicants-new-title = Add applicant
applicants-edit-title = Edit applicant
applicants-form-intro = Required are last name, date of birth, country of registration and status. Names may contain letters of any script.
applicants-review-intro = Please check the data. Nothing is saved until you choose "Yes, save".
applicants-back-to-list = Back to the applicant list
applicants-tab-data = Master data
applicants-none = none
applicants-legend-person = Person
applicants-legend-status = Status
applicants-legend-qualification = Qualification
applicants-legend-language = Language
applicants-legend-recognition = Recognition
applicants-legend-visa = Visa
applicants-legend-arrival = Arrival and work
applicants-legend-integration = Integration
applicants-legend-consent = Consents
applicants-legend-remarks = Remarks
applicants-field-applicant-id = Applicant ID
applicants-field-first-names = First name(s)
applicants-field-last-name = Last name
applicants-field-birth-date = Date of birth
applicants-field-nationality = Nationality
applicants-field-country = Country of registration
applicants-field-residence = Place of residence
applicants-field-email = E-mail
applicants-field-phone = Phone
applicants-field-status = Status
applicants-field-status-since = Status since
applicants-field-dropout-reason = Reason for dropping out
applicants-field-occupation = Target occupation
applicants-field-qualification = Vocational qualification
applicants-field-experience = Years of experience
applicants-field-german-level = German level
applicants-field-course-start = Language course start
applicants-field-course-end = Language course end
applicants-field-course-dropout = Language course dropped on
applicants-field-certificate-level = Certificate level
applicants-field-certificate-date = Certificate date
applicants-field-course-provider = Language course provider
applicants-field-recognition-applied = Recognition applied for on
applicants-field-recognition-decided = Recognition decided on
applicants-field-recognition-result = Recognition result
applicants-field-adaptation-start = Adaptation qualification start
applicants-field-adaptation-end = Adaptation qualification end
applicants-field-visa-applied = Visa applied for on
applicants-field-visa-granted = Visa granted on
applicants-field-visa-result = Visa result
applicants-field-entry-date = Entry to Germany
applicants-field-work-start = Work start
applicants-field-integration = Integration measures
applicants-field-employed-6m = Employed after 6 months
applicants-field-employed-12m = Employed after 12 months
applicants-field-consent-date = Consent to storage: date
applicants-field-consent-version = Consent to storage: text version
applicants-field-consent-partners = Consent to passing data to partners
applicants-field-remarks = Remarks
applicants-hint-names = All first names as in the passport. Letters of any script are allowed (e.g. Nguyễn, Conceição, प्रिया).
applicants-hint-birth-date = The age at entry must be between 16 and 70 years.
applicants-hint-country-fixed = The country of registration is fixed by the applicant ID and can no longer be changed. If it is wrong, ask an administrator: the record is deactivated and registered anew in the right country (new ID, with a reference to the old one).
applicants-hint-country = The country where the person registers; it determines the applicant ID.
applicants-hint-dropout-reason = Only for the status "Dropped out", required there.
applicants-hint-consent-partners = Personal data may be passed only to the partners ticked here.
applicants-status-interessent = Interested
applicants-status-bewerber = Applicant
applicants-status-zukuenftige-fachkraft = Future skilled worker
applicants-status-fachkraft = Skilled worker
applicants-status-abbrecher = Dropped out
applicants-level-a1 = A1
applicants-level-a2 = A2
applicants-level-b1 = B1
applicants-level-b2 = B2
applicants-level-c1 = C1
applicants-level-c2 = C2
applicants-recognition-voll = full equivalence
applicants-recognition-teilweise = partial equivalence (with adaptation qualification)
applicants-recognition-abgelehnt = refused
applicants-visa-erteilt = granted
applicants-visa-abgelehnt = refused
applicants-yes = yes
applicants-no = no
applicants-history-title = Status history
applicants-history-date = Date
applicants-duplicate-warning = A person with the same name, date of birth and country of registration already exists. Please check whether it is the same person.
applicants-duplicate-link = View the existing record
applicants-duplicate-confirm = Create anyway – it is a different person
applicants-error-duplicate-confirm = Please confirm that a new record should be created despite the possible duplicate.
applicants-error-last-name = Please enter the last name.
applicants-error-name-chars = Names may contain letters of any script, spaces, hyphens, apostrophes and dots, but no digits or special characters.
applicants-error-too-long = At most 200 characters, please.
applicants-error-birth-date = Please enter the date of birth.
applicants-error-birth-future = The date of birth must lie in the past.
applicants-error-age = The age at entry (or today, while no entry is recorded) must be between 16 and 70 years.
applicants-error-date = Please enter a valid date (DD.MM.YYYY).
applicants-error-date-future = The date must not lie in the future.
applicants-error-country = Please choose the country of registration.
applicants-error-country-fixed = The country of registration is fixed by the applicant ID and can no longer be changed. If it is wrong, ask an administrator (procedure: deactivate and register anew in the right country).
applicants-error-country-scope = You can only record applicants of your own country.
applicants-error-choice = Please choose an entry from the list.
applicants-error-status = Please choose a status.
applicants-error-dropout-reason = Please enter the reason for dropping out.
applicants-error-experience = Please enter the years of experience as a whole number from 0 to 60.
applicants-error-visa-order = The visa cannot have been granted before it was applied for.
applicants-error-recognition-order = The recognition cannot have been decided before it was applied for.
applicants-error-course-order = The language course cannot end before it starts.
applicants-error-course-dropout-order = The language course cannot have been dropped before it started.
applicants-error-adaptation-order = The adaptation qualification cannot end before it starts.
applicants-error-work-order = Work cannot start before the entry to Germany.
applicants-error-consent-version = Please enter the version of the consent text.
applicants-created = The applicant was added.
applicants-saved = The changes were saved.
applicants-deactivated = The record was deactivated.
applicants-deleted = The record was deleted for good.
applicants-deactivated-note = This record was deactivated on { $date }. Only administrators can see it now; it will be deleted when the retention period ends.
applicants-action-deactivate = Deactivate
applicants-action-reactivate = Reactivate
applicants-confirm-title-reaktivieren = Reactivate record
applicants-confirm-question-reaktivieren = Reactivate { $name }? The record then shows in the lists and to the staff in charge again; the deletion after the retention period no longer applies.
applicants-confirm-yes-reaktivieren = Yes, reactivate
applicants-reactivated = The record has been reactivated.
applicants-action-delete = Delete for good
applicants-confirm-title-deaktivieren = Deactivate record
applicants-confirm-title-loeschen = Delete record for good
applicants-confirm-question-deaktivieren = Deactivate { $name }? Afterwards only administrators can see the record; it is deleted when the retention period ends.
applicants-confirm-question-loeschen = Delete { $name } now and for good (e.g. at the data subject's request)? This cannot be undone.
applicants-confirm-yes-deaktivieren = Yes, deactivate
applicants-confirm-yes-loeschen = Yes, delete for good
job-applicants-registration-purge = Delete unsubmitted self-registrations of expired invitations
job-applicants-retention = Delete deactivated applicants after the retention period

# Invitations, self-registration and its review (R-REG).
applicants-reg-nav = Registrations
applicants-reg-locale-de = German
applicants-reg-locale-en = English
applicants-inv-list-title = Invitations to self-registration
applicants-inv-list-intro = An invitation gives a person a single-use link to enter their own data. Their entries become an applicant record only after your review.
applicants-inv-new-button = Create a new invitation
applicants-inv-col-created = Created
applicants-inv-col-expires = Valid until
applicants-inv-col-state = State
applicants-inv-field-name = Name of the invited person
applicants-inv-field-email = E-mail address of the invited person
applicants-inv-field-locale = Form language
applicants-inv-field-send-mail = Send the link by e-mail to this address
applicants-inv-state-open = open
applicants-inv-state-used = submitted, under review
applicants-inv-state-expired = expired
applicants-inv-state-approved = approved
applicants-inv-state-rejected = rejected
applicants-inv-list-empty = No invitations yet.
applicants-inv-new-title = Create an invitation
applicants-inv-new-intro = Name and e-mail address are optional. The link is valid for { $days } days and can be used exactly once to submit.
applicants-inv-create = Create invitation
applicants-inv-created = The invitation has been created.
applicants-inv-link-title = Invitation link
applicants-inv-link-once = The link is shown only now. Copy it and pass it on to the invited person.
applicants-inv-link-label = Self-registration link
applicants-inv-link-mailed = The link has also been sent by e-mail.
applicants-inv-back = Back to the invitations
applicants-inv-mail-subject = Your invitation to register with "Hand in Hand for International Talents"
applicants-inv-mail-body = Hello,

    you are invited to register for the programme "Hand in Hand for International Talents". Please open this link (valid for { $days } days, usable once):

    { $link }

    Kind regards
    Your German Chamber of Commerce Abroad
applicants-reg-consent-title = Consent to data processing
applicants-reg-intro = Welcome! With this form you register for the programme "Hand in Hand for International Talents". It has three steps: person, qualification, languages. Then you review your entries and submit them.
applicants-reg-consent-text = I consent to the German Chamber of Commerce Abroad and the chambers of industry and commerce taking part in the programme "Hand in Hand for International Talents" storing and processing the data I enter here in order to support me in finding employment in Germany. The data are used for this programme only and deleted when it ends. I may withdraw my consent at any time with effect for the future.
applicants-reg-consent-accept = I have read the declaration and I consent.
applicants-reg-error-consent = Please confirm your consent to continue.
applicants-reg-progress = Progress
applicants-reg-step-person = Personal details
applicants-reg-step-qualification = Qualification
applicants-reg-step-languages = Language skills
applicants-reg-step-review = Review and submit
applicants-reg-step-of = Step { $number } of { $total }
applicants-reg-next = Next
applicants-reg-back = Back
applicants-reg-review-intro = Please check your entries. Use "Back" to change them. After submitting, the link can no longer be used.
applicants-reg-submit = Submit
applicants-reg-submitted = Thank you! Your registration has been sent and will now be reviewed.
applicants-reg-gone-title = Registration
applicants-reg-gone-text = This link cannot be used (any more). If you have questions, please contact the German Chamber of Commerce Abroad that invited you.
applicants-reg-notice = A new self-registration ({ $country }) awaits review.
applicants-reg-mail-subject = New self-registration to review
applicants-reg-mail-body = Hello,

    a new self-registration from { $country } awaits your review in the project database under "Registrations".

    Your HiH project database
applicants-reg-list-title = Self-registrations to review
applicants-reg-list-intro = Submitted registrations are not applicant records yet. Check and correct the entries, then approve them (the applicant ID is assigned) or reject them with a reason (the entries are deleted).
applicants-reg-list-empty = No registrations await review.
applicants-reg-col-submitted = Submitted on
applicants-reg-detail-title = Review a self-registration
applicants-reg-approve = Approve
applicants-reg-reject = Reject
applicants-reg-correct-title = Correct the entries
applicants-reg-correct-save = Save corrections
applicants-reg-corrected = The corrections have been saved.
applicants-reg-approve-title = Approve the registration
applicants-reg-approve-question = Create an applicant record with status "Interessent/in" and a new applicant ID from this registration?
applicants-reg-approve-invalid = The entries are not plausible yet. Please correct them first.
applicants-reg-approve-yes = Yes, approve
applicants-reg-approved = The registration has been approved; the applicant record has been created.
applicants-reg-reject-title = Reject the registration
applicants-reg-reject-question = The registration of { $name } will be rejected and its entries deleted. Please give the reason.
applicants-reg-field-reason = Reason for the rejection
applicants-reg-reject-yes = Reject and delete the entries
applicants-reg-rejected = The registration has been rejected; its entries have been deleted.
applicants-reg-error-reason = Please give a reason (at most 2000 characters).
applicants-reg-error-mail-needs-address = Sending by e-mail needs an e-mail address.
## Process data (IHK after a match, R-MAT-3)
applicants-action-process = Edit process data
applicants-process-title = Edit process data
applicants-back-to-record = Back to the record
applicants-process-saved = The process data has been saved.
applicants-distribution-title = E-mail distribution list of the applicant search
applicants-distribution-intro = { $count ->
    [one] 1 address from the applicants found; duplicate addresses appear once.
   *[other] { $count } addresses from the applicants found; duplicate addresses appear once.
}
applicants-distribution-without = { $count ->
    [one] 1 person found has no e-mail address and is missing from the list.
   *[other] { $count } people found have no e-mail address and are missing from the list.
}
applicants-distribution-back = Back to the applicant list
applicants-distribution-sheet = Distribution list
