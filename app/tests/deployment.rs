//! What a deployment relies on: the postcode table shipped in the binary (loaded by `hih
//! migrate`/`serve` into an empty database, replaced by `hih import-plz`), the branding of an
//! instance (product name, logo, colours; refused at start when wrong) and the public legal
//! notice with the data's attribution (ODbL).

use std::path::Path;
use std::process::{Command, Output};

use figment::providers::Format;

use hih_kernel::Settings;
use hih_testkit::TestApp;

/// Runs the real binary against the test app's database, in an empty working directory (no
/// `hih.toml` is picked up).
fn hih(app: &TestApp, args: &[&str], env: &[(&str, &str)]) -> Output {
    let settings = &app.services().settings;
    let cwd = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hih"));
    cmd.args(args)
        .current_dir(cwd.path())
        .env("HIH_DATA_DIR", &settings.data_dir)
        .env("DATABASE_URL", settings.database_url())
        .env("RUST_LOG", "error");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run hih")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn migrate_loads_the_shipped_postcodes_once_and_import_plz_replaces_them() {
    let app = crate::app().await;
    assert_eq!(app.count("postcode").await.unwrap(), 0);

    let out = hih(&app, &["migrate"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Postleitzahlen geladen: 13108 Einträge"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(app.count("postcode").await.unwrap(), 13108);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plz.csv");
    std::fs::write(
        &file,
        "osm_id,ort,plz,landkreis,bundesland\n1,Erfurt,99084,,Thüringen\n2,Weimar,99423,,Thüringen\n",
    )
    .unwrap();
    let out = hih(&app, &["import-plz", &file.display().to_string()], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(app.count("postcode").await.unwrap(), 2, "replaced");

    // The next start keeps the imported table.
    let out = hih(&app, &["migrate"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("Postleitzahlen geladen"));
    assert_eq!(app.count("postcode").await.unwrap(), 2);
}

fn branded(logo: &Path) -> Settings {
    let mut s = TestApp::settings();
    s.branding.product_name = Some("Talentbrücke Sachsen".into());
    s.branding.logo_path = Some(logo.display().to_string());
    s.branding.primary_colour = Some("#7A1F3D".into());
    s.branding.accent_colour = Some("#1b6b2f".into());
    s
}

/// The value of the first `attr="…"` after `marker` in `body` (the template escapes `/`).
fn attr_after(body: &str, marker: &str, attr: &str) -> String {
    let start = body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {body}"));
    let rest = &body[start..];
    let at = rest.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
    rest[at..at + rest[at..].find('"').unwrap()].replace("&#x2f;", "/")
}

#[tokio::test]
async fn branding_settings_change_what_the_layout_shows() {
    let plain = crate::app().await;
    let page = plain.agent().get("/login").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("– HiH Projektdatenbank</title>"));
    assert!(page.contains("<span>HiH Projektdatenbank</span></a>"));
    assert!(!page.contains("brand.css") && !page.contains("brand-logo"));

    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.svg");
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><rect width=\"40\" height=\"40\" fill=\"#7a1f3d\"/></svg>";
    std::fs::write(&logo, svg).unwrap();
    let app = TestApp::with_settings(&crate::all_features(), branded(&logo)).await;
    let anon = app.agent();
    let page = anon.get("/login").await;
    assert_eq!(page.status, 200);
    assert!(
        page.contains("– Talentbrücke Sachsen</title>"),
        "{}",
        page.body
    );
    assert!(page.contains("<span>Talentbrücke Sachsen</span></a>"));
    assert!(
        !page.contains("HiH Projektdatenbank</"),
        "the default name is gone"
    );

    // The logo, served under a hashed asset address, as configured.
    let logo_url = attr_after(&page.body, "site-brand__logo", "src");
    assert!(logo_url.starts_with("/static/") && logo_url.ends_with("/brand-logo"));
    let got = anon.get(&logo_url).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.bytes, svg.as_bytes());
    assert_eq!(got.header("content-type"), Some("image/svg+xml"));
    assert!(got.header("cache-control").unwrap().contains("immutable"));
    // An old hash leads to the current one.
    let stale = anon.get("/static/000000000000/brand-logo").await;
    assert_eq!(stale.status, 302);
    assert_eq!(stale.location(), Some(logo_url.as_str()));

    // The colours: a style sheet after KERN's and the layout's (no inline style: CSP).
    let head = page.body.replace("&#x2f;", "/");
    let css_start = head.find("/brand.css\"").unwrap();
    let css_url = head[..css_start + "/brand.css".len()]
        .rsplit('"')
        .next()
        .unwrap()
        .to_string();
    let css_link = format!("<link rel=\"stylesheet\" href=\"{css_url}\">");
    assert!(
        head.find(&css_link).unwrap() > head.find("app.css").unwrap(),
        "loaded last"
    );
    let css = anon.get(&css_url).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(
        css.contains("--kern-color-action-default: #7a1f3d;"),
        "{}",
        css.body
    );
    assert!(css.contains("--hih-accent: #1b6b2f;"));
    assert!(!page.contains("style=\""), "no inline styles");
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .contains("style-src 'self'")
    );

    // Every page carries it, also error pages.
    let missing = anon.get("/gibt-es-nicht").await;
    assert_eq!(missing.status, 404);
    assert!(missing.contains("<span>Talentbrücke Sachsen</span>"));
    assert!(missing.body.replace("&#x2f;", "/").contains(&css_link));
    assert_eq!(
        anon.get("/static/000000000000/unknown.css").await.status,
        404
    );
}

#[test]
fn wrong_branding_and_id_prefixes_are_refused_at_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |key: &str, value: &str, expected: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_hih"))
            .arg("migrate")
            .current_dir(dir.path())
            .env("HIH_DATA_DIR", dir.path())
            .env_remove("DATABASE_URL")
            .env(key, value)
            .output()
            .expect("run hih");
        assert_eq!(out.status.code(), Some(2), "{key}={value}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!("Konfiguration ungültig: {expected}")),
            "{key}={value}: {stderr}"
        );
        assert!(!dir.path().join("hih.db").exists(), "nothing was started");
    };
    refused(
        "HIH_BRANDING__PRIMARY_COLOUR",
        "#12",
        "branding.primary_colour = „#12“ ist keine Farbe im Format #RRGGBB",
    );
    refused(
        "HIH_BRANDING__ACCENT_COLOUR",
        "#ffcc00",
        "branding.accent_colour = #ffcc00 ist zu hell: Kontrast zu Weiß 1,5:1",
    );
    refused(
        "HIH_BRANDING__LOGO_PATH",
        "/nirgends/logo.png",
        "branding.logo_path = „/nirgends/logo.png“: die Datei fehlt oder ist nicht lesbar",
    );
    refused(
        "HIH_ID_PREFIX",
        "hih-",
        "id_prefix = „hih-“ ist nicht zulässig",
    );
}

#[tokio::test]
async fn the_legal_notice_is_public_and_linked_from_every_page() {
    let app = crate::app().await;
    let anon = app.agent();
    let login = anon.get("/login").await;
    assert!(
        login.contains("<a class=\"kern-link\" href=\"/lizenzen\">Datenquellen und Lizenzen</a>")
    );
    let page = anon.get("/lizenzen").await;
    assert_eq!(page.status, 200, "no login needed");
    assert!(page.contains("<h1 class=\"kern-heading-large\">Datenquellen und Lizenzen</h1>"));
    assert!(page.contains("© OpenStreetMap-Mitwirkende"));
    assert!(page.contains("Open Database License (ODbL 1.0)"));
    assert!(page.contains("href=\"https://opendatacommons.org/licenses/odbl/1-0/\""));
    assert!(page.contains("href=\"https://www.openstreetmap.org/copyright\""));
    assert!(page.contains("HiH Projektdatenbank enthält Daten und Software Dritter"));
    assert!(page.contains("European Union Public Licence (EUPL 1.2)"));
    // In English too.
    anon.post("/sprache", &[("lang", "en"), ("next", "/lizenzen")])
        .await;
    let en = anon.get("/lizenzen").await;
    assert!(en.contains("© OpenStreetMap contributors"), "{}", en.body);
    assert!(en.contains("Data sources and licences"));
}

/// A counselling key as `hih.env` holds it (32 bytes, base64).
const COUNSELLING_KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

#[test]
fn the_production_example_configuration_is_accepted() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ops/deploy/hih.toml");
    // Every key of the example is a real setting (serde ignores unknown keys silently).
    let keys: serde_json::Value = figment::Figment::from(figment::providers::Toml::file(&example))
        .extract()
        .unwrap();
    let settings: Settings = figment::Figment::from(figment::providers::Toml::file(&example))
        .extract()
        .unwrap();
    let known = format!("{settings:?}");
    let mut unknown = Vec::new();
    for (section, value) in keys.as_object().unwrap() {
        match value.as_object() {
            Some(fields) => unknown.extend(
                fields
                    .keys()
                    .filter(|k| !known.contains(&format!("{k}: ")))
                    .map(|k| format!("{section}.{k}")),
            ),
            None if !known.contains(&format!("{section}: ")) => unknown.push(section.clone()),
            None => {}
        }
    }
    assert!(unknown.is_empty(), "not settings: {unknown:?}");
    assert!(settings.security.tls);
    assert_eq!(settings.security.trusted_proxies.len(), 2);

    // The binary starts with it (data directory and database from the environment, as the
    // systemd unit may set them).
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hih"))
        .arg("--config")
        .arg(&example)
        .arg("migrate")
        .current_dir(dir.path())
        .env("HIH_DATA_DIR", dir.path())
        .env("HIH_COUNSELLING__KEYS__K1", COUNSELLING_KEY)
        .env_remove("DATABASE_URL")
        .env_remove("HIH_CONFIG")
        .output()
        .expect("run hih");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Postleitzahlen geladen: 13108"));
}
