//! `vita watch` as a process: it builds at once, rebuilds on save, and keeps the last good PDF
//! when an edit is broken. Waits poll with generous limits so a slow machine does not fail.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::Dir;

/// Kills the watcher when the test ends, however it ends.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `ready` holds, for at most 30 seconds.
fn wait_for(mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn watch_rebuilds_on_save_and_keeps_the_last_good_pdf() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n\n## Work\n\nWrote the first program.\n");
    let pdf = dir.path("cv.pdf");
    let mut watcher = Watcher(
        Command::new(env!("CARGO_BIN_EXE_vita"))
            .args(["watch", input.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vita watch"),
    );
    // Collect what it says, to know when it is watching.
    let said = Arc::new(Mutex::new(String::new()));
    let stderr = watcher.0.stderr.take().expect("stderr");
    let sink = said.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let mut all = sink.lock().unwrap();
            all.push_str(&line);
            all.push('\n');
        }
    });
    assert!(
        wait_for(|| said.lock().unwrap().contains("watching")),
        "never started watching: {}",
        said.lock().unwrap()
    );
    let first = std::fs::read(&pdf).expect("the first build");

    std::fs::write(&input, "# Ada\n\n## Work\n\nWrote the second program.\n").unwrap();
    assert!(
        wait_for(|| std::fs::read(&pdf).is_ok_and(|b| b != first)),
        "no rebuild after a save: {}",
        said.lock().unwrap()
    );
    let second = std::fs::read(&pdf).unwrap();

    std::fs::write(&input, "+++\nname = \n+++\n").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        second,
        "a broken edit replaced the PDF"
    );
}
