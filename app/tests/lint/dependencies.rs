//! The feature order of DESIGN.md, read from `cargo metadata`: a feature crate uses only
//! features before it, platform crates use no feature, `hih-db` knows no migrations.
//!
//! The order (a DAG; features on the same level never use each other):
//! `users` → `reference` → `companies`, `applicants` → `contact_history`, `matching`,
//! `counselling` → `reports` → `admin`, `protocol`, `operations` (the admin rooms) → `app`.
//! `home`, the start page, stands apart: it uses no feature (the others contribute tiles and
//! navigation through the registry) and no feature uses it.
//! Dev-dependencies are not checked: a feature's integration tests may assemble any features
//! (they take the product's list from `hih_app`).

use std::collections::BTreeMap;
use std::path::Path;

/// Each feature's level; a feature may use features of a lower level only.
const LEVELS: &[(&str, u8)] = &[
    ("users", 1),
    ("reference", 2),
    ("companies", 3),
    ("applicants", 3),
    ("contact_history", 4),
    ("matching", 4),
    ("counselling", 4),
    ("reports", 5),
    ("admin", 6),
    ("protocol", 6),
    ("operations", 6),
];

/// Features that use no feature and that no feature uses.
const APART: &[&str] = &["home"];

/// Known edges against the order, allowed until the change that removes them is merged.
/// An entry that no longer occurs fails the test, so the list only shrinks.
const KNOWN: &[(&str, &str)] = &[];

/// Where a workspace crate lives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// `features/<name>`.
    Feature(String),
    /// `platform/<name>`.
    Platform(String),
    /// `migrations`.
    Migrations,
    /// `app`, the host.
    App,
}

impl Place {
    fn of(root: &Path, dir: &Path) -> Option<Place> {
        let rel = dir.strip_prefix(root).ok()?;
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        match parts.as_slice() {
            ["features", name] => Some(Place::Feature((*name).to_string())),
            ["platform", name] => Some(Place::Platform((*name).to_string())),
            ["migrations"] => Some(Place::Migrations),
            ["app"] => Some(Place::App),
            _ => None,
        }
    }

    fn label(&self) -> String {
        match self {
            Place::Feature(n) => format!("features/{n}"),
            Place::Platform(n) => format!("platform/{n}"),
            Place::Migrations => "migrations".into(),
            Place::App => "app".into(),
        }
    }
}

/// Workspace crate → the workspace crates it uses (normal and build dependencies).
type Edges = BTreeMap<String, (Place, Vec<Place>)>;

/// The workspace's edges from `cargo metadata --format-version 1 --no-deps`.
fn edges(metadata: &serde_json::Value) -> Edges {
    let root = Path::new(metadata["workspace_root"].as_str().expect("workspace_root"));
    let mut out = Edges::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let manifest = Path::new(package["manifest_path"].as_str().expect("manifest_path"));
        let Some(place) = manifest.parent().and_then(|d| Place::of(root, d)) else {
            continue;
        };
        let uses = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].as_str() != Some("dev"))
            .filter_map(|d| d["path"].as_str())
            .filter_map(|p| Place::of(root, Path::new(p)))
            .collect();
        let name = package["name"].as_str().expect("name").to_string();
        out.insert(name, (place, uses));
    }
    out
}

/// Every edge against the rules, as readable lines; `known` edges are skipped, and a known
/// edge that does not occur is reported too.
fn violations(edges: &Edges, known: &[(&str, &str)]) -> Vec<String> {
    let level = |name: &str| LEVELS.iter().find(|(n, _)| *n == name).map(|(_, l)| *l);
    let mut found = Vec::new();
    let mut seen_known = Vec::new();
    for (crate_name, (place, uses)) in edges {
        if let Place::Feature(f) = place
            && level(f).is_none()
            && !APART.contains(&f.as_str())
        {
            found.push(format!(
                "{}: not placed in the feature order (LEVELS in app/tests/lint/dependencies.rs, DESIGN.md)",
                place.label()
            ));
        }
        for used in uses {
            let wrong = match (place, used) {
                (Place::Feature(f), Place::Feature(u)) => {
                    if known.contains(&(f.as_str(), u.as_str())) {
                        seen_known.push((f.clone(), u.clone()));
                        false
                    } else if APART.contains(&f.as_str()) || APART.contains(&u.as_str()) {
                        true
                    } else {
                        match (level(f), level(u)) {
                            (Some(lf), Some(lu)) => lu >= lf,
                            _ => false, // reported above as not placed
                        }
                    }
                }
                (Place::Feature(_), Place::App) => true,
                (Place::Platform(_) | Place::Migrations, Place::Feature(_) | Place::App) => true,
                (Place::Platform(p), Place::Migrations) => p == "db",
                _ => false,
            };
            if wrong {
                found.push(format!(
                    "{} ({crate_name}) uses {}",
                    place.label(),
                    used.label()
                ));
            }
        }
    }
    for (f, u) in known {
        if !seen_known.iter().any(|(sf, su)| sf == f && su == u) {
            found.push(format!(
                "features/{f} no longer uses features/{u}: delete the entry from KNOWN"
            ));
        }
    }
    found
}

fn metadata() -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata JSON")
}

#[test]
fn crates_depend_only_in_the_feature_order() {
    let edges = edges(&metadata());
    assert!(
        edges
            .values()
            .any(|(p, _)| *p == Place::Platform("db".into())),
        "the metadata lists the workspace"
    );
    let found = violations(&edges, KNOWN);
    assert!(found.is_empty(), "against the order:\n{}", found.join("\n"));
}

#[test]
fn the_dependency_check_can_fail() {
    let feature = |n: &str| Place::Feature(n.into());
    let platform = |n: &str| Place::Platform(n.into());
    let edges: Edges = [
        ("hih-users", feature("users"), vec![feature("companies")]),
        ("hih-reports", feature("reports"), vec![feature("matching")]),
        (
            "hih-matching",
            feature("matching"),
            vec![feature("contact_history")],
        ),
        ("hih-home", feature("home"), vec![feature("users")]),
        (
            "hih-admin",
            feature("admin"),
            vec![feature("home"), Place::App],
        ),
        ("hih-web", platform("web"), vec![feature("users")]),
        ("hih-db", platform("db"), vec![Place::Migrations]),
        ("hih-testkit", platform("testkit"), vec![Place::Migrations]),
        ("hih-newcomer", feature("newcomer"), vec![]),
    ]
    .into_iter()
    .map(|(n, p, u)| (n.to_string(), (p, u)))
    .collect();
    let found = violations(&edges, &[("users", "admin")]);
    assert_eq!(
        found,
        [
            "features/admin (hih-admin) uses features/home",
            "features/admin (hih-admin) uses app",
            "platform/db (hih-db) uses migrations",
            "features/home (hih-home) uses features/users",
            "features/matching (hih-matching) uses features/contact_history",
            "features/newcomer: not placed in the feature order (LEVELS in app/tests/lint/dependencies.rs, DESIGN.md)",
            "features/users (hih-users) uses features/companies",
            "platform/web (hih-web) uses features/users",
            "features/users no longer uses features/admin: delete the entry from KNOWN",
        ]
    );
}
