//! Link options for the release binary of `vita` on Linux.
//!
//! `-no-pie`: a position-independent executable (rustc's default) is relocated by the dynamic
//! loader at every start: about 45,000 pointers in tables (vtables, string tables) are patched,
//! writing 226 pages of `.data.rel.ro` and reading a 1 MB relocation table. For a process that
//! builds one résumé in a few milliseconds that was a quarter of its page faults and 2 MB of its
//! memory (docs/performance.md). Linked with `-no-pie`, those addresses are fixed at link time.
//! The price is that the binary's own code is not at a random address (ASLR still moves the
//! stack, heap and libraries).
//!
//! `--icf=all`: identical functions (generic code instantiated for types of the same layout)
//! are folded into one, 230 KB less binary. Only LLD, gold and mold know the option, and GNU ld
//! rejects it, so it is passed only where rustc links with its own LLD by default (x86-64
//! Linux with glibc, since Rust 1.90) and no other linker was configured.
//!
//! Only the release profile (and the ones inheriting it) is affected.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let release = var("PROFILE") == "release";
    let linux = var("CARGO_CFG_TARGET_OS") == "linux";
    let gnu_or_musl = matches!(var("CARGO_CFG_TARGET_ENV").as_str(), "gnu" | "musl");
    if !(release && linux && gnu_or_musl) {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");
    if links_with_rust_lld() {
        println!("cargo:rustc-link-arg-bins=-Wl,--icf=all");
    }
}

/// Whether the binary is linked by the LLD rustc ships: the default for
/// x86_64-unknown-linux-gnu since Rust 1.90, unless a linker or linker flags were chosen.
fn links_with_rust_lld() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let chosen = std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
        || ["linker", "fuse-ld", "link-self-contained"]
            .iter()
            .any(|flag| flags.contains(flag));
    target == "x86_64-unknown-linux-gnu"
        && !chosen
        && rustc_minor().is_some_and(|minor| minor >= 90)
}

/// The minor version of the rustc cargo builds with (`rustc 1.95.0 …` → 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}
