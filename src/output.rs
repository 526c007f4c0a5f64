//! Writing outputs so that a failed or interrupted build never leaves a half-written file:
//! write a temporary file in the target folder, then rename it over the target. The file gets
//! the permissions a plain write would give (0666 less the umask), or those of the file it
//! replaces. Temporary files in flight are registered, so that Ctrl-C or SIGTERM removes them
//! before Vita exits. Also: never write over the input.

use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Temporary files being written, and whether an interrupt has begun cleaning them up.
static IN_FLIGHT: Mutex<(BTreeSet<PathBuf>, bool)> = Mutex::new((BTreeSet::new(), false));

fn in_flight() -> MutexGuard<'static, (BTreeSet<PathBuf>, bool)> {
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes SIGINT/SIGTERM's leftovers: on either signal, delete every temporary file in
/// flight and exit with 130 (interrupted). Called once at start.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let mut guard = in_flight();
        guard.1 = true;
        for temp in std::mem::take(&mut guard.0) {
            let _ = std::fs::remove_file(temp);
        }
        eprintln!("\ninterrupted: no file was left half-written");
        std::process::exit(130);
    });
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // The mode is given at creation, so the kernel applies the umask as for any new file.
    let mode = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.permissions().mode() & 0o7777,
        _ => 0o666,
    };
    // Created and registered under the lock: an interrupt either finds the temporary file in
    // the set or finds that it does not exist yet, never a file it does not know about.
    let (mut temp, temp_path) = {
        let mut guard = in_flight();
        if guard.1 {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let temp = tempfile::Builder::new()
            .prefix(".vita-")
            .suffix(".pdf.tmp")
            .permissions(std::fs::Permissions::from_mode(mode))
            .tempfile_in(dir)?;
        let temp_path = temp.path().to_path_buf();
        guard.0.insert(temp_path.clone());
        (temp, temp_path)
    };
    let result = (|| {
        temp.write_all(bytes)?;
        // No fsync: the rename is what keeps the target whole (readers and a killed build see
        // the old file or the new one, never part of one); fsync only adds power-loss
        // durability for a file the source rebuilds, and cost a batch of 1,000 most of its
        // time (docs/performance.md).
        // A replaced file's mode is kept exactly, whatever the umask.
        if mode != 0o666 {
            temp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        // Renaming under the lock: an interrupt either finds the temporary file or none.
        let mut guard = in_flight();
        let persisted = temp.persist(path).map(|_| ()).map_err(|e| e.error);
        guard.0.remove(&temp_path);
        persisted
    })();
    if result.is_err() {
        in_flight().0.remove(&temp_path);
    }
    result
}

/// True when both paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cv.pdf");
        write_atomically(&path, b"one").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, group and others may read unless it forbids it: never 0600 only
        // because the file went through a temporary file.
        assert_eq!(mode & 0o600, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"two").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary files left behind");
    }
}
