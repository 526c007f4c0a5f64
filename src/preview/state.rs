//! What the preview shows, shared between the thread that rebuilds and the threads that serve:
//! the last good pages, and what the last build said. Every change wakes the event streams.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The preview's state at one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Counts every change; an event stream sends the snapshot when it moves.
    pub version: u64,
    /// Counts successful builds; page URLs carry it, so a browser never shows a stale page.
    pub generation: u64,
    /// The last good pages, as SVG documents.
    pub pages: Arc<Vec<String>>,
    /// The text an applicant tracking system reads from the last good build.
    pub text: Arc<str>,
    /// The last build's error, worded with its file, line and quoted source line; the pages
    /// are then the ones before it.
    pub error: Option<String>,
    /// The last build's warnings.
    pub warnings: Vec<String>,
    /// Milliseconds the last build took, from reading the résumé to the drawn pages.
    pub millis: f64,
}

/// The shared state and the signal that it changed.
#[derive(Default)]
pub struct Shared {
    snapshot: Mutex<Snapshot>,
    changed: Condvar,
}

impl Shared {
    /// The current snapshot.
    pub fn current(&self) -> Snapshot {
        self.lock().clone()
    }

    /// Changes the snapshot with `change` and wakes every waiting stream.
    pub fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        let mut snapshot = self.lock();
        change(&mut snapshot);
        snapshot.version += 1;
        drop(snapshot);
        self.changed.notify_all();
    }

    /// Waits until the version differs from `seen`, at most `timeout`; returns the snapshot
    /// then (which may still be at `seen` after a timeout).
    pub fn wait_past(&self, seen: u64, timeout: Duration) -> Snapshot {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version == seen)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.clone()
    }

    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        self.snapshot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The snapshot as the page reads it (one JSON object, without the pages themselves).
pub fn to_json(snapshot: &Snapshot) -> serde_json::Value {
    serde_json::json!({
        "version": snapshot.version,
        "generation": snapshot.generation,
        "pages": snapshot.pages.len(),
        "text": &*snapshot.text,
        "error": snapshot.error,
        "warnings": snapshot.warnings,
        "millis": (snapshot.millis * 10.0).round() / 10.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_wakes_a_waiting_stream() {
        let shared = Arc::new(Shared::default());
        let waiter = {
            let shared = shared.clone();
            std::thread::spawn(move || shared.wait_past(0, Duration::from_secs(10)))
        };
        shared.update(|s| s.error = Some("error: cv.md:2:1: oops".into()));
        let seen = waiter.join().unwrap();
        assert_eq!(seen.version, 1);
        assert_eq!(seen.error.as_deref(), Some("error: cv.md:2:1: oops"));
        assert_eq!(to_json(&seen)["error"], "error: cv.md:2:1: oops");
    }
}
