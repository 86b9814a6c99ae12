//! Embeds KERN UX's stylesheet from `assets/node_modules` (installed by `ops/setup`, never
//! vendored into git). Without it the build still works with our own stylesheet only and
//! says so.

use std::path::Path;

fn main() {
    let src = Path::new("assets/node_modules/@kern-ux/native/dist/kern.min.css");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=assets/package.json");
    let out = std::env::var("OUT_DIR").map(std::path::PathBuf::from);
    let Ok(out) = out else { return };
    let target = out.join("kern.min.css");
    let css = match std::fs::read(src) {
        Ok(bytes) => bytes,
        Err(_) => {
            println!(
                "cargo:warning=KERN UX not installed (run ops/setup): building with the base stylesheet only"
            );
            b"/* KERN UX not installed: run ops/setup */".to_vec()
        }
    };
    if let Err(e) = std::fs::write(&target, css) {
        println!("cargo:warning=could not write {}: {e}", target.display());
    }
}
