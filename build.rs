//! Links the release binary of `vita` as a position-dependent executable on Linux.
//!
//! A position-independent executable (rustc's default) is relocated by the dynamic loader at
//! every start: about 45,000 pointers in tables (vtables, string tables) are patched, writing
//! 226 pages of `.data.rel.ro` and reading a 1 MB relocation table. For a process that builds
//! one résumé in a few milliseconds that was a quarter of its page faults and 2 MB of its
//! memory (docs/performance.md). Linked with `-no-pie`, those addresses are fixed at link time.
//! Only the release profile (and the ones inheriting it) is affected; the price is that the
//! binary's own code is not at a random address (ASLR still moves the stack, heap and libraries).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu_or_musl =
        std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu" || env == "musl");
    if release && linux && gnu_or_musl {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
