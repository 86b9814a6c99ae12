//! Embeds KERN UX's stylesheet and the Fira Sans faces KERN is designed for from
//! `assets/node_modules` (installed by `ops/setup`, never vendored into git). Without them the
//! build still works with our own stylesheet and the system fonts only, and says so.

use std::path::{Path, PathBuf};

/// The package's `dist` folder.
const DIST: &str = "assets/node_modules/@kern-ux/native/dist";

/// The Fira Sans faces the KERN stylesheet uses (regular, italic, medium, semi-bold, bold).
pub const FONTS: [&str; 5] = [
    "FiraSans-Regular.woff2",
    "FiraSans-Italic.woff2",
    "FiraSans-Medium.woff2",
    "FiraSans-SemiBold.woff2",
    "FiraSans-Bold.woff2",
];

fn main() {
    println!("cargo:rerun-if-changed=assets/package.json");
    let Ok(out) = std::env::var("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    copy(
        &Path::new(DIST).join("kern.min.css"),
        &out.join("kern.min.css"),
        b"/* KERN UX not installed: run ops/setup */",
    );
    for font in FONTS {
        copy(
            &Path::new(DIST).join("fonts/fira-sans").join(font),
            &out.join(font),
            b"",
        );
    }
}

/// Copies `src` to `target`, or writes `fallback` (with a warning) when `src` is missing.
fn copy(src: &Path, target: &Path, fallback: &[u8]) {
    println!("cargo:rerun-if-changed={}", src.display());
    let bytes = match std::fs::read(src) {
        Ok(bytes) => bytes,
        Err(_) => {
            println!(
                "cargo:warning=KERN UX not installed (run ops/setup): {} not embedded",
                src.display()
            );
            fallback.to_vec()
        }
    };
    if let Err(e) = std::fs::write(target, bytes) {
        println!("cargo:warning=could not write {}: {e}", target.display());
    }
}
