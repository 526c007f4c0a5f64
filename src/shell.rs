//! `vita completions SHELL` and `vita man`: the completion script and the manual page that
//! clap_complete and clap_mangen make from the argument definitions in `cli.rs`, so they list
//! exactly the commands and options Vita has. Both go to standard output.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::failure::Failure;

/// Prints the completion script for `args.shell`; returns the exit code.
pub fn completions(args: &CompletionsArgs) -> Result<i32, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "vita", &mut script);
    crate::stdout::print(&script).map(|_| 0)
}

/// Prints the manual page, vita(1), as roff; returns the exit code.
pub fn man() -> Result<i32, Failure> {
    crate::stdout::print(&man_page()).map(|_| 0)
}

/// The manual page: the command's synopsis and options, a section per subcommand with its
/// own, and the exit codes. (clap_mangen's own page would point at a vita-build(1) and so on,
/// which are not installed: the subcommands are sections of this one page instead.)
fn man_page() -> Vec<u8> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = man.render_title(&mut page);
    let _ = man.render_name_section(&mut page);
    let _ = man.render_synopsis_section(&mut page);
    let _ = man.render_description_section(&mut page);
    let _ = man.render_options_section(&mut page);
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        let sub = sub.clone().bin_name(format!("vita {name}"));
        let man = clap_mangen::Man::new(sub);
        let mut text = Vec::new();
        let _ = man.render_description_section(&mut text);
        let _ = man.render_synopsis_section(&mut text);
        let _ = man.render_options_section(&mut text);
        let _ = writeln!(page, ".SH \"VITA {}\"", name.to_uppercase());
        // Its sections become subsections of the command's section.
        page.extend_from_slice(
            String::from_utf8_lossy(&text)
                .replace(".SH ", ".SS ")
                .as_bytes(),
        );
    }
    page.extend_from_slice(EXIT_STATUS.as_bytes());
    dedupe_preamble(&page)
}

/// The exit codes (as in `main.rs` and docs/cli.md).
const EXIT_STATUS: &str = ".SH \"EXIT STATUS\"
.TP
0
Success.
.TP
1
The input, layout or manifest is wrong (the message names file:line:col); nothing is written.
.TP
2
Usage error (unknown command or option).
.TP
3
A check failed: more pages than \\-\\-pages allows, text that does not come back from the PDF,
characters without glyphs.
";

/// clap_mangen starts every rendered section with the same two lines defining the `Aq` string;
/// the page needs them once, at the top.
fn dedupe_preamble(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if preamble && !seen.insert(line.to_string()) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_covers_every_subcommand_and_option() {
        let page = String::from_utf8(man_page()).expect("UTF-8");
        assert!(
            page.starts_with(".ie ") || page.contains(".TH vita 1"),
            "{page}"
        );
        for sub in Cli::command().get_subcommands() {
            let title = format!(".SH \"VITA {}\"", sub.get_name().to_uppercase());
            assert!(page.contains(&title), "no section {title}");
            for arg in sub.get_arguments().filter_map(|a| a.get_long()) {
                assert!(
                    page.contains(&format!("\\-\\-{}", arg.replace('-', "\\-"))),
                    "--{arg} of {}",
                    sub.get_name()
                );
            }
        }
    }
}
