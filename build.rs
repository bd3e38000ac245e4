//! Rebuild when the built-in theme changes: it is embedded with include_dir,
//! which cannot tell Cargo which files it read.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=vendor/decap-cms");
}
