//! Matrix rows of the reference feature: postcodes, districts and selection lists, admins
//! only.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, admin_only, flow, row};

/// The rows (the seeded districts and lists suffice).
pub async fn rows(_app: &TestApp) -> Vec<Row> {
    hih_testkit::rows![
        row("/referenzdaten", "/referenzdaten", Login, admin_only(Ok)),
        row(
            "/referenzdaten/postleitzahlen",
            "/referenzdaten/postleitzahlen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/postleitzahlen/bericht",
            "/referenzdaten/postleitzahlen/bericht",
            Login,
            admin_only(Redirect),
        ),
        flow(
            "/referenzdaten/bezirke/1",
            "/referenzdaten/bezirke/:id",
            Login,
            admin_only(Ok)
        ),
        flow(
            "/referenzdaten/bezirke/6",
            "/referenzdaten/bezirke/:id",
            Login,
            admin_only(NotFound)
        ),
        row(
            "/referenzdaten/listen/occupation",
            "/referenzdaten/listen/:kind",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/listen/nonsense",
            "/referenzdaten/listen/:kind",
            Login,
            admin_only(NotFound),
        ),
        flow(
            "/referenzdaten/listen/country/neu",
            "/referenzdaten/listen/:kind/neu",
            Login,
            admin_only(Ok)
        ),
        flow(
            "/referenzdaten/listen/industry/1",
            "/referenzdaten/listen/:kind/:id",
            Login,
            admin_only(Ok)
        ),
        row(
            "/referenzdaten/listen/occupation/1",
            "/referenzdaten/listen/:kind/:id",
            Login,
            admin_only(NotFound),
        ),
    ]
}
