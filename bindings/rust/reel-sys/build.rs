//! Generates the FFI declarations with the `bindgen` command (Debian package `bindgen`) and
//! links libreel.so from artifacts/lib (or REEL_LIB_DIR). With the `vulkan` feature (on by
//! default) the input is reel_vulkan.h, which includes reel.h and <vulkan/vulkan_core.h>, so
//! the Vulkan types its functions take (VkDevice, VkImage, VkFormat, ...) are generated too;
//! without it, reel.h alone, which needs no platform headers.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let repo = manifest.join("../../..");
    let include = env::var("REEL_INCLUDE_DIR").map(PathBuf::from).unwrap_or_else(|_| repo.join("include"));
    let lib = env::var("REEL_LIB_DIR").map(PathBuf::from).unwrap_or_else(|_| repo.join("artifacts/lib"));
    let vulkan = env::var_os("CARGO_FEATURE_VULKAN").is_some();
    let header = include.join(if vulkan { "reel_vulkan.h" } else { "reel.h" });
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("reel.rs");

    let status = Command::new(env::var("BINDGEN").unwrap_or_else(|_| "bindgen".into()))
        .arg(&header)
        .args(["--allowlist-function", "reel_.*"])
        .args(["--allowlist-type", "reel_.*"])
        .args(["--allowlist-var", "REEL_.*"])
        // Keep C's spelling; enums become typed integer constants, as in the header.
        .args(["--default-enum-style", "consts"])
        .arg("--no-doc-comments")
        .arg("-o")
        .arg(&out)
        .arg("--")
        .arg(format!("-I{}", include.display()))
        .status()
        .expect("running bindgen (apt install bindgen; build/bootstrap.sh does)");
    assert!(status.success(), "bindgen failed on {}", header.display());

    println!("cargo:rerun-if-changed={}", include.join("reel.h").display());
    println!("cargo:rerun-if-changed={}", include.join("reel_vulkan.h").display());
    println!("cargo:rerun-if-env-changed=REEL_INCLUDE_DIR");
    println!("cargo:rerun-if-env-changed=REEL_LIB_DIR");
    println!("cargo:rustc-link-search=native={}", lib.display());
    println!("cargo:rustc-link-lib=dylib=reel");
    // Test and example binaries find libreel.so.0 without LD_LIBRARY_PATH.
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", lib.canonicalize().unwrap_or(lib).display());
}
