//! Cross-feature tests of the assembled application: CSRF, security headers, the role × route
//! matrix, texts (editing, catalogue completeness, no literal text), the audit chain.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod api;
mod backup;
mod counts;
mod crash;
mod csrf;
mod deployment;
mod findings;
mod flows;
mod headers;
mod jobs;
mod legal;
mod lint;
mod lists;
mod matrix;
mod navigation;
mod performance;
mod pwa;
mod record_tabs;
mod search;
mod security;
mod session_timeout;
mod shutdown;
mod start_page;
mod texts;

use hih_kernel::Feature;
use hih_testkit::TestApp;

/// The features of the product, as in `app/src/main.rs` (a test checks they match).
pub fn all_features() -> Vec<&'static dyn Feature> {
    hih_app::features()
        .expect("the product's feature list")
        .to_vec()
}

/// The whole app on a fresh database.
pub async fn app() -> TestApp {
    TestApp::new(&all_features()).await
}

#[test]
fn feature_list_matches_the_binary() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hih"))
        .arg("features")
        .output()
        .expect("run hih");
    let listed: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let here: Vec<String> = all_features()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    assert_eq!(listed, here);
}

/// `app/src/main.rs` shows the feature order on its first screen; it must not drift from the
/// list in `app/src/lib.rs`.
#[test]
fn the_order_shown_in_main_rs_is_the_list() {
    let main = include_str!("../src/main.rs");
    let shown: Vec<&str> = main
        .lines()
        .find_map(|l| l.strip_prefix("//! Features, in start order: "))
        .expect("main.rs shows the feature order")
        .split(" → ")
        .map(str::trim)
        .collect();
    assert_eq!(
        shown,
        hih_app::features()
            .expect("the product's feature list")
            .names()
    );
}

#[test]
fn a_programme_end_date_in_the_past_is_refused_at_start() {
    let dir = std::env::temp_dir().join(format!("hih-end-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hih"))
        .arg("migrate")
        .env("HIH_DATA_DIR", &dir)
        .env("HIH_PROGRAMME_END_DATE", "2023-06-30")
        .env_remove("DATABASE_URL")
        .output()
        .expect("run hih");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2023-06-30 liegt in der Vergangenheit"));
    assert!(
        !dir.join("hih.db").exists(),
        "nothing was started or created"
    );
}
