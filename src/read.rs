//! Reading an input file with a cap, never hanging: a regular file is checked against the cap
//! before it is read; a pipe or character device is read as a stream that must end within
//! the cap and a few seconds (`vita build <(cat cv.md)` works, `/dev/zero` and a FIFO that
//! nothing writes to are refused at once); block devices and sockets are refused.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::limits::STREAM_MILLIS;

/// How long a FIFO with no writer is given for one to arrive, in milliseconds.
const WRITER_MILLIS: u64 = 200;

/// Why a file could not be read.
#[derive(Debug)]
pub enum Error {
    /// The operating system's reason.
    Io(std::io::Error),
    /// It is a folder.
    Folder,
    /// A regular file larger than the cap.
    TooLarge,
    /// A stream that gave more than the cap.
    Endless,
    /// A FIFO with no writer.
    NoWriter,
    /// A stream that did not end in time.
    Stalled,
    /// A block device, socket or other file that is not read.
    Special,
}

/// The bytes of `path`, at most `limit` of them.
pub fn capped(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let meta = std::fs::metadata(path).map_err(Error::Io)?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(Error::Folder);
    }
    if kind.is_file() {
        if meta.len() > limit {
            return Err(Error::TooLarge);
        }
        let file = File::open(path).map_err(Error::Io)?;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(Error::Io)?;
        return match bytes.len() as u64 > limit {
            true => Err(Error::TooLarge),
            false => Ok(bytes),
        };
    }
    if !(kind.is_fifo() || kind.is_char_device()) {
        return Err(Error::Special);
    }
    // Opening a FIFO for reading blocks until a writer comes: open it non-blocking.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(Error::Io)?;
    stream(file, limit, kind.is_fifo())
}

/// Reads a non-blocking stream to its end, within `limit` bytes and [`STREAM_MILLIS`].
fn stream(mut file: File, limit: u64, fifo: bool) -> Result<Vec<u8>, Error> {
    let started = Instant::now();
    let deadline = started + Duration::from_millis(STREAM_MILLIS);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut waited = false;
    loop {
        match file.read(&mut chunk) {
            Ok(0) => {
                // A FIFO with no writer reads as ended at once; a writer that is opening it
                // just now gets a moment to arrive.
                if fifo && bytes.is_empty() && !waited {
                    if started.elapsed() < Duration::from_millis(WRITER_MILLIS) {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    }
                    return Err(Error::NoWriter);
                }
                return Ok(bytes);
            }
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                if bytes.len() as u64 > limit {
                    return Err(Error::Endless);
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if Instant::now() >= deadline {
                    return Err(Error::Stalled);
                }
                waited = true;
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Io(e)),
        }
    }
}
