//! Matrix rows of the counselling channel: the staff side for admins and AHK staff (another
//! country's conversation 404), never for IHK staff, the DPO or super admins; the guest side
//! public, but nothing behind a link without the guest's session.

use hih_testkit::TestApp;
use hih_testkit::matrix::{
    Expect, Expect::*, Row, everyone, foreign_applicant, readers, row, staff,
};

use super::{attachment_in, conversation_in};

/// Admins and AHK staff get `e`, the other roles 403.
fn counsellors(e: Expect) -> [Expect; 5] {
    [Forbidden, e, Forbidden, e, Forbidden]
}

/// The rows: the staff exchange's ([`super::forum::rows`]) and the channel's.
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let mut rows = super::forum::rows(app).await;
    rows.extend(super::appointments::rows(app).await);
    rows.push(row(
        "/beratung/statistik",
        "/beratung/statistik",
        Login,
        counsellors(Ok),
    ));
    rows.extend(channel_rows(app).await);
    rows.extend(applicant_rows(app).await);
    rows
}

/// The applicant's tab: a Vietnamese applicant opened to the IHK Erfurt by a match (the matrix's IHK)
/// with a shared and an unshared conversation, and an applicant without a match.
async fn applicant_rows(app: &TestApp) -> Vec<Row> {
    let matched = super::applicant_opened_to_erfurt(app, "Trịnh").await;
    let shared = super::linked_conversation(app, "VN", matched, true).await;
    let unshared = super::linked_conversation(app, "VN", matched, false).await;
    let shared_file = attachment_in(app, shared).await;
    let unmatched = hih_applicants::testing::prospect_in(app, "VN", "Lưu", false).await;
    let b = |a: i64, suffix: &str| format!("/bewerber/{a}/beratung{suffix}");
    hih_testkit::rows![
        row(&b(matched, ""), "/bewerber/:id/beratung", Login, staff(Ok)),
        row(
            &b(unmatched, ""),
            "/bewerber/:id/beratung",
            Login,
            readers(Ok, NotFound)
        ),
        row(
            &b(matched, &format!("/{shared}")),
            "/bewerber/:id/beratung/:conversation",
            Login,
            staff(Ok)
        ),
        row(
            &b(matched, &format!("/{unshared}")),
            "/bewerber/:id/beratung/:conversation",
            Login,
            readers(Ok, NotFound)
        ),
        row(
            &b(matched, &format!("/{shared}/anhang/{shared_file}")),
            "/bewerber/:id/beratung/:conversation/anhang/:file",
            Login,
            staff(Ok)
        ),
        // Sharing is POST only.
        row(
            &format!("/beratung/{shared}/teilen"),
            "/beratung/:id/teilen",
            Login,
            counsellors(NotFound)
        ),
    ]
}

/// The channel's rows (a conversation in Vietnam, the matrix's AHK country, and one in India).
async fn channel_rows(app: &TestApp) -> Vec<Row> {
    let (own, token) = conversation_in(app, "VN", "Matrix-VN").await;
    let (foreign, _) = conversation_in(app, "IN", "Matrix-IN").await;
    let own_file = attachment_in(app, own).await;
    let foreign_file = attachment_in(app, foreign).await;
    let c = |id: i64, suffix: &str| format!("/beratung/{id}{suffix}");
    let g = |suffix: &str| format!("/beratung/gast/{token}{suffix}");
    hih_testkit::rows![
        row("/beratung", "/beratung", Login, counsellors(Ok)),
        row(
            "/beratung?ansicht=geschlossen&seite=2",
            "/beratung",
            Login,
            counsellors(Ok)
        ),
        row("/beratung/neu", "/beratung/neu", Login, counsellors(Ok)),
        row(&c(own, ""), "/beratung/:id", Login, counsellors(Ok)),
        row(&c(own, "?vor=1"), "/beratung/:id", Login, counsellors(Ok)),
        row(
            &c(foreign, ""),
            "/beratung/:id",
            Login,
            foreign_applicant(Ok)
        ),
        // Without a link just created, the link page leads to the conversation.
        row(
            &c(own, "/link"),
            "/beratung/:id/link",
            Login,
            counsellors(Redirect)
        ),
        row(
            &c(foreign, "/link"),
            "/beratung/:id/link",
            Login,
            foreign_applicant(Redirect)
        ),
        // The live event stream: as the page (asked without a known id it answers once and
        // ends).
        row(
            &c(own, "/live"),
            "/beratung/:id/live",
            Login,
            counsellors(Ok)
        ),
        row(
            &c(foreign, "/live"),
            "/beratung/:id/live",
            Login,
            foreign_applicant(Ok)
        ),
        // Writes are POST only.
        row(
            &c(own, "/antwort"),
            "/beratung/:id/antwort",
            Login,
            counsellors(NotFound)
        ),
        row(
            &c(own, "/zuweisen"),
            "/beratung/:id/zuweisen",
            Login,
            counsellors(NotFound)
        ),
        row(
            &c(own, "/status"),
            "/beratung/:id/status",
            Login,
            counsellors(NotFound)
        ),
        row(
            &c(own, "/vorlage"),
            "/beratung/:id/vorlage",
            Login,
            counsellors(NotFound)
        ),
        // Attachments: downloads of a conversation in scope; another country's 404.
        row(
            &c(own, &format!("/anhang/{own_file}")),
            "/beratung/:id/anhang/:file",
            Login,
            counsellors(Ok)
        ),
        row(
            &c(foreign, &format!("/anhang/{foreign_file}")),
            "/beratung/:id/anhang/:file",
            Login,
            foreign_applicant(Ok)
        ),
        // The public start.
        everyone("/beratung/start", "/beratung/start", Ok),
        // The guest's link: public; its first use asks for the passphrase.
        everyone(&g(""), "/beratung/gast/:token", Ok),
        everyone("/beratung/gast/unbekannt", "/beratung/gast/:token", Gone),
        // The guest's app manifest: by the link alone (browsers fetch it without cookies).
        everyone(
            &g("/app.webmanifest"),
            "/beratung/gast/:token/app.webmanifest",
            Ok
        ),
        everyone(
            "/beratung/gast/unbekannt/app.webmanifest",
            "/beratung/gast/:token/app.webmanifest",
            NotFound
        ),
        // Without the guest's session the link's pages lead back to the passphrase.
        everyone(&g("/export"), "/beratung/gast/:token/export", Redirect),
        everyone(&g("/loeschen"), "/beratung/gast/:token/loeschen", Redirect),
        everyone(&g("/live"), "/beratung/gast/:token/live", Redirect),
        everyone(
            "/beratung/gast/unbekannt/loeschen",
            "/beratung/gast/:token/loeschen",
            Gone
        ),
        everyone(
            &g("/einrichten"),
            "/beratung/gast/:token/einrichten",
            NotFound
        ),
        everyone(&g("/anmelden"), "/beratung/gast/:token/anmelden", NotFound),
        everyone(
            &g("/nachricht"),
            "/beratung/gast/:token/nachricht",
            NotFound
        ),
        everyone(&g("/email"), "/beratung/gast/:token/email", NotFound),
        everyone(&g("/abmelden"), "/beratung/gast/:token/abmelden", NotFound),
        // A file behind the link: only in the guest's session.
        everyone(
            &g(&format!("/anhang/{own_file}")),
            "/beratung/gast/:token/anhang/:file",
            Redirect
        ),
    ]
}
