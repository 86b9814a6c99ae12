//! Integration tests of the companies feature: companies, their search index, monthly counts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod companies;
mod monthly;
mod search_index;

use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    let features = hih_app::features()
        .and_then(|all| all.only(&["home", "users", "reference", "companies", "admin"]))
        .expect("features of the product");
    TestApp::new(&features).await
}

/// The real postcode fixture inside the repository (`tests/fixtures`, ODbL).
pub fn fixture() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/plz_ort_landkreis.csv");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture's header plus the lines whose PLZ starts with one of `prefixes` (fast imports).
pub fn fixture_subset(prefixes: &[&str]) -> Vec<u8> {
    let all = String::from_utf8(fixture()).unwrap();
    let mut lines = all.lines();
    let mut out = vec![lines.next().unwrap().to_string()];
    out.extend(
        lines
            .filter(|l| {
                l.split(',')
                    .nth(2)
                    .is_some_and(|plz| prefixes.iter().any(|p| plz.starts_with(p)))
            })
            .map(str::to_string),
    );
    (out.join("\n") + "\n").into_bytes()
}
