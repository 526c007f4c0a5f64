//! `vita completions SHELL` and `vita man`: the scripts load in their shell and complete
//! subcommands and options; the manual page is roff that names every subcommand.

use std::process::Command;

use crate::util::{Dir, assert_ok, stderr};

/// `vita completions SHELL`'s script, checked to have succeeded.
fn script(dir: &Dir, shell: &str) -> String {
    let run = dir.vita(&["completions", shell]);
    assert_ok(&run);
    String::from_utf8(run.stdout).expect("UTF-8")
}

/// What bash completes for the words typed so far (the last one being completed), with the
/// script sourced as a user's `~/.bashrc` would.
fn bash_completes(script_path: &std::path::Path, words: &[&str]) -> Vec<String> {
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "set -eu\nsource '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE=\"${{COMP_WORDS[*]}}\"\nCOMP_POINT=${{#COMP_LINE}}\n\
         complete -p vita >/dev/null\n_vita vita \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_path.display(),
        words.join(" "),
        words.len() - 1
    );
    let out = Command::new("bash")
        .arg("--norc")
        .arg("-c")
        .arg(&program)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn bash_completion_sources_cleanly_and_completes_commands_and_options() {
    let dir = Dir::new();
    let path = dir.write("vita.bash", script(&dir, "bash"));
    let commands = bash_completes(&path, &["vita", "b"]);
    assert!(
        commands.contains(&"build".to_string()) && commands.contains(&"batch".to_string()),
        "{commands:?}"
    );
    assert!(!commands.contains(&"check".to_string()), "{commands:?}");
    let options = bash_completes(&path, &["vita", "build", "--la"]);
    assert_eq!(options, ["--layout"]);
    let shells = bash_completes(&path, &["vita", "completions", "p"]);
    assert_eq!(shells, ["powershell"]);
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    let dir = Dir::new();
    for (shell, marker) in [
        ("bash", "complete -F _vita"),
        ("zsh", "#compdef vita"),
        ("fish", "complete -c vita"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let text = script(&dir, shell);
        assert!(text.contains(marker), "{shell}: no {marker}");
        for sub in ["build", "batch", "check", "init", "completions", "man"] {
            assert!(text.contains(sub), "{shell} script lacks {sub}");
        }
    }
    let run = dir.vita(&["completions", "tcsh"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("possible values"), "{}", stderr(&run));
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let dir = Dir::new();
    let run = dir.vita(&["man"]);
    assert_ok(&run);
    let page = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(page.contains(".TH vita 1"), "{page}");
    for section in [
        "VITA BUILD",
        "VITA BATCH",
        "VITA COMPLETIONS",
        "EXIT STATUS",
    ] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "no {section}");
    }
    assert!(page.contains("\\-\\-layout"));
}

/// Listings and JSON reports whose reader has gone (`vita layouts | head -1`) end quietly
/// with exit 0: no "failed printing to stdout" panic, which the release binary turns into an
/// abort.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = Dir::new();
    let resume = dir.write("cv.md", "# Ada Lovelace\n\n## Work\n\nEngines.\n");
    for args in [
        &["layouts"][..],
        &["fonts"][..],
        &[
            "build",
            resume.to_str().expect("UTF-8 path"),
            "--format",
            "json",
            "-q",
        ][..],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_vita"))
            .args(args)
            .current_dir(dir.path(""))
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run vita");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

/// Any other failure to write standard output (here a full disk, /dev/full) is an error
/// that says so, with a non-zero exit, not a quiet success.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_behind_standard_output_is_an_error() {
    let dir = Dir::new();
    for args in [&["layouts"][..], &["man"][..]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = Command::new(env!("CARGO_BIN_EXE_vita"))
            .args(args)
            .current_dir(dir.path(""))
            .stdout(full)
            .output()
            .expect("run vita");
        crate::util::assert_coded(&out, "error[V0012]", "");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(stderr(&out).contains("standard output"), "{args:?}");
    }
}
