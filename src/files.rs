//! The user's files: read with a size limit, write without ever leaving a
//! half-written file or silently replacing one.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// Largest input file (network spec, answers file) read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 1 << 20;

fn io_error(path: &str, message: impl Into<String>) -> Error {
    Error::Io {
        path: path.to_string(),
        message: message.into(),
    }
}

/// A path the user named that cannot be used as named (exit status 2).
fn file_error(path: &str, message: impl Into<String>) -> Error {
    Error::File {
        path: path.to_string(),
        message: message.into(),
    }
}

/// Read at most `limit` bytes of UTF-8 text from `reader`; more is an error
/// naming `what`, and so is text that is not UTF-8.
pub fn read_limited(reader: impl Read, what: &str, limit: u64) -> Result<String> {
    let mut buf = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io_error(what, format!("cannot read it: {e}")))?;
    if buf.len() as u64 > limit {
        return Err(Error::Limit {
            what: what.to_string(),
            limit: format!("{limit} bytes"),
            hint: String::new(),
        });
    }
    String::from_utf8(buf).map_err(|e| Error::Invalid {
        what: what.to_string(),
        problem: format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
        accepted: "give a UTF-8 text file".to_string(),
    })
}

/// Read a text file of at most [`MAX_INPUT_BYTES`].
pub fn read_text(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(file_error(&shown, "is a folder; give a file"));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| file_error(&shown, format!("cannot read it: {e}")))?;
    read_limited(file, &shown, MAX_INPUT_BYTES)
}

/// Whether `write_atomic(path, …, force)` can work, checked before any long
/// computation (a training run) so the mistake is named at once and in
/// words: a folder given as the file, a folder that does not exist, a file
/// that exists without --force.
pub fn check_writable(path: &Path, force: bool) -> Result<()> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(file_error(
            &shown,
            "is a folder; give a file name, e.g. loss.svg",
        ));
    }
    if path.exists() && !force {
        return Err(file_error(
            &shown,
            "already exists; add --force to overwrite it",
        ));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(d) = dir.filter(|d| !d.is_dir()) {
        return Err(file_error(
            &shown,
            format!("the folder {} does not exist; create it first", d.display()),
        ));
    }
    Ok(())
}

/// Write `contents` to `path` through a temporary file in the same
/// directory renamed into place, so an interrupted run never leaves a
/// truncated file. An existing file is replaced only with `force`.
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> Result<()> {
    let shown = path.display().to_string();
    check_writable(path, force)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy());
    let tmp = dir.join(format!(".{name}.nn-tutor-{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_error(&shown, e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_encoding() {
        assert_eq!(read_limited(&b"abc"[..], "x", 3).unwrap(), "abc");
        assert!(matches!(
            read_limited(&b"abcd"[..], "x", 3),
            Err(Error::Limit { .. })
        ));
        let e = read_limited(&[0x41, 0xff][..], "spec.toml", 10)
            .unwrap_err()
            .to_string();
        assert!(e.contains("spec.toml") && e.contains("not UTF-8"), "{e}");
    }

    #[test]
    fn atomic_writes_never_clobber() {
        let dir = std::env::temp_dir().join(format!("nn-tutor-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("plot.svg");
        write_atomic(&p, b"one", false).unwrap();
        let e = write_atomic(&p, b"two", false).unwrap_err().to_string();
        assert!(e.contains("--force"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        // A directory that does not exist is an error naming the path.
        let e = write_atomic(&dir.join("no/such/dir.svg"), b"x", false).unwrap_err();
        assert!(e.to_string().contains("no/such/dir.svg"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
