//! Operating-system errors in words: what went wrong with a file, never "os error 17".

use std::io::{Error, ErrorKind};

/// What `e` means for a file, in a few words.
pub fn worded(e: &Error) -> String {
    let words = match e.kind() {
        ErrorKind::NotFound => "no such file or folder",
        ErrorKind::PermissionDenied => "permission denied",
        ErrorKind::AlreadyExists => "something is already there",
        ErrorKind::IsADirectory => "it is a folder",
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder",
        ErrorKind::DirectoryNotEmpty => "the folder is not empty",
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "the disk quota is used up",
        ErrorKind::FileTooLarge => "the file is too large for the file system",
        ErrorKind::InvalidFilename => "the name is too long or not allowed",
        ErrorKind::CrossesDevices => "it would cross file systems",
        ErrorKind::Interrupted => "interrupted",
        ErrorKind::WouldBlock => "it is not ready to be read",
        ErrorKind::InvalidData => "it is not valid data",
        ErrorKind::UnexpectedEof => "it ended early",
        ErrorKind::OutOfMemory => "out of memory",
        _ => return without_code(&e.to_string()),
    };
    words.to_string()
}

/// An error's own text without the " (os error N)" that people cannot act on.
fn without_code(text: &str) -> String {
    match text.find(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_os_error_numbers_reach_people() {
        for code in [1, 2, 13, 17, 20, 21, 28, 30, 36, 39, 5, 71] {
            let text = worded(&Error::from_raw_os_error(code));
            assert!(!text.contains("os error"), "{code}: {text}");
            assert!(!text.is_empty(), "{code}");
        }
        assert_eq!(
            worded(&Error::from_raw_os_error(17)),
            "something is already there"
        );
    }
}
