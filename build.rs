//! `cfg(lean)`: the lean map module's build (wasm32 without `standalone`, `import` or `check`),
//! which draws a live map only over a static map of its own story and takes the parts that stay
//! as they are (headline, stop list, cards, key, credit) from it (see ARCHITECTURE.md).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(lean)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let feature = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
    if wasm && !feature("STANDALONE") && !feature("READER") {
        println!("cargo::rustc-cfg=lean");
    }
}
