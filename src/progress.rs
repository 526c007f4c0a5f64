//! Progress of a batch: a bar (indicatif) when standard error is a terminal, one plain line
//! per finished variant otherwise (CI logs), nothing with `--quiet`.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How progress is shown.
pub enum Progress {
    /// A bar on the terminal; messages are printed above it.
    Bar(ProgressBar),
    /// Plain lines, numbered as variants finish.
    Lines {
        /// Variants in all.
        total: usize,
        /// Variants finished so far.
        done: Mutex<usize>,
    },
    /// Nothing but the messages given to [`Progress::message`].
    Quiet,
}

impl Progress {
    /// Progress for `total` variants.
    pub fn new(total: usize, quiet: bool) -> Progress {
        if quiet {
            return Progress::Quiet;
        }
        if !std::io::stderr().is_terminal() {
            return Progress::Lines {
                total,
                done: Mutex::new(0),
            };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} variants  {elapsed_precise}  {msg}")
        {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    }

    /// One variant finished; `line` says how (shown as a line, or as the bar's message).
    pub fn finished(&self, name: &str, line: &str) {
        match self {
            Progress::Bar(bar) => {
                bar.set_message(name.to_string());
                bar.inc(1);
            }
            Progress::Lines { total, done } => {
                let mut done = done.lock().unwrap_or_else(|p| p.into_inner());
                *done += 1;
                eprintln!("[{}/{total}] {line}", *done);
            }
            Progress::Quiet => {}
        }
    }

    /// Prints a message (a warning or an error) without breaking the bar; shown even when
    /// quiet.
    pub fn message(&self, text: &str) {
        match self {
            Progress::Bar(bar) => bar.println(text),
            _ => eprintln!("{text}"),
        }
    }

    /// Removes the bar, if any.
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
