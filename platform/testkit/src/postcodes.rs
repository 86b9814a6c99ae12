//! The real postcode fixture inside the repository (`tests/fixtures/plz_ort_landkreis.csv`,
//! ODbL) for the tests of postcode imports and address checks.

/// The whole fixture.
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
