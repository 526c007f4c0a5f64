//! `vita preview`: the résumé's pages in the browser, updated on every save.
//!
//! A server on 127.0.0.1 (a free port unless `--port` names one) serves one page. The page
//! shows every page of the résumé as SVG, drawn from the PDF Vita builds, at the window's
//! width with a zoom, and listens on an event stream: after each save of the résumé, its
//! layout file or its photo, the résumé is built again in memory and the page swaps in the new
//! pictures without moving its scroll position. A broken edit shows its error, with the file,
//! line and quoted source line, above the last good pages. Watching reuses `vita watch`'s
//! reading of file-system events.

mod rebuild;
mod server;
mod state;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use notify::{RecursiveMode, Watcher};

use crate::cli::PreviewArgs;
use crate::compile;
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::source::Source;
use crate::watch;
use rebuild::Previewer;
use state::Shared;

/// Runs `vita preview` until interrupted.
pub fn run(args: &PreviewArgs) -> Result<i32, Failure> {
    let variant = compile::from_flags(&args.variant)?;
    if !args.input.is_file() {
        // Fail at once with the same wording as `build`.
        Source::load(&args.input)?;
    }
    let previewer = Arc::new(Previewer::new(&args.input, variant)?);
    let server = tiny_http::Server::http(("127.0.0.1", args.port.unwrap_or(0))).map_err(|e| {
        Failure::input(
            Diagnostic::error(
                Code::FlagValue,
                format!("cannot serve on 127.0.0.1:{}: {e}", args.port.unwrap_or(0)),
            )
            .with_hint("choose another --port, or leave it out for a free one"),
        )
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(args.port.unwrap_or(0), |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    crate::stdout::line(&format!(
        "previewing {} at {url} (Ctrl-C to stop)",
        args.input.display()
    ))?;
    let shared = Arc::new(Shared::default());
    previewer.publish(&shared);
    start_watching(previewer, shared.clone())?;
    if args.open {
        open_browser(&url);
    }
    server::serve(server, shared, port);
    Ok(0)
}

/// Watches the folders of the watched files and rebuilds after each save, on its own thread
/// (which owns the watcher, and adds the folder of a layout file or photo a later edit names).
fn start_watching(previewer: Arc<Previewer>, shared: Arc<Shared>) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| {
        Failure::input(Diagnostic::error(
            Code::Unreadable,
            format!("cannot watch files: {e}"),
        ))
    })?;
    let mut folders = BTreeSet::new();
    watch_folders(&mut watcher, &mut folders, &previewer.watched())?;
    std::thread::spawn(move || {
        while let Ok(event) = rx.recv() {
            if !watch::concerns(&event, &previewer.watched()) {
                continue;
            }
            // Let the save finish, then drop the events queued meanwhile.
            std::thread::sleep(watch::SETTLE);
            while rx.try_recv().is_ok() {}
            previewer.publish(&shared);
            if let Err(failure) = watch_folders(&mut watcher, &mut folders, &previewer.watched()) {
                crate::diagnostics::terminal::eprint(&failure.diagnostic);
            }
        }
    });
    Ok(())
}

/// Watches the folder of each file in `files` not watched yet.
fn watch_folders(
    watcher: &mut notify::RecommendedWatcher,
    folders: &mut BTreeSet<PathBuf>,
    files: &[PathBuf],
) -> Result<(), Failure> {
    for file in files {
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() || !folders.insert(dir.to_path_buf()) {
            continue;
        }
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| {
                Failure::input(Diagnostic::error(
                    Code::Unreadable,
                    format!("cannot watch {}: {e}", dir.display()),
                ))
            })?;
    }
    Ok(())
}

/// Asks the desktop to open `url` in the default browser; a failure is only reported.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(program)
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("warning: could not open a browser ({program}: {e}); open {url} yourself");
    }
}
