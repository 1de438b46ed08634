//! Write a whole class folder at once: every file goes into a temporary
//! folder beside `DIR`, which is renamed to `DIR` only when all are
//! written. An interrupted run leaves no half-made class; an existing
//! `DIR` is replaced only with `--force`, and only when it is a class
//! folder (it has a `manifest.json`) or empty, never any other folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn file_error(path: &Path, message: impl Into<String>) -> Error {
    Error::File {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Whether the folder can be (re)made at `dir`: checked before anything is
/// computed, so a mistake costs nothing.
pub fn check_target(dir: &Path, force: bool) -> Result<()> {
    let meta = std::fs::symlink_metadata(dir);
    if let Ok(m) = &meta {
        if !m.is_dir() {
            return Err(file_error(
                dir,
                "exists and is not a folder; give a new folder name",
            ));
        }
        if !force {
            return Err(file_error(dir, "already exists; add --force to replace it"));
        }
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !dir.join(super::manifest::FILE).is_file() {
            return Err(file_error(
                dir,
                "is not a class folder (no manifest.json) and not empty; --force replaces only a class folder",
            ));
        }
    }
    let parent = parent(dir);
    if !parent.is_dir() {
        return Err(file_error(
            dir,
            format!(
                "the folder {} does not exist; create it first",
                parent.display()
            ),
        ));
    }
    Ok(())
}

fn parent(dir: &Path) -> PathBuf {
    dir.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or(PathBuf::from("."), Path::to_path_buf)
}

/// Write `files` (paths relative to `dir`, made only of checked names) as
/// the new folder `dir`.
pub fn write(dir: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<()> {
    check_target(dir, force)?;
    let name = dir
        .file_name()
        .map_or("class".into(), |n| n.to_string_lossy().into_owned());
    let pid = std::process::id();
    let tmp = parent(dir).join(format!(".{name}.nn-tutor-{pid}.tmp"));
    let old = parent(dir).join(format!(".{name}.nn-tutor-{pid}.old"));
    let io = |p: &Path, e: std::io::Error| Error::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    };
    let fill = || -> Result<()> {
        std::fs::create_dir(&tmp).map_err(|e| io(&tmp, e))?;
        for (rel, bytes) in files {
            let p = tmp.join(rel);
            if let Some(d) = p.parent() {
                std::fs::create_dir_all(d).map_err(|e| io(d, e))?;
            }
            std::fs::write(&p, bytes).map_err(|e| io(&dir.join(rel), e))?;
        }
        Ok(())
    };
    if let Err(e) = fill() {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let replacing = std::fs::symlink_metadata(dir).is_ok();
    if replacing && let Err(e) = std::fs::rename(dir, &old) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(io(dir, e));
    }
    if let Err(e) = std::fs::rename(&tmp, dir) {
        if replacing {
            let _ = std::fs::rename(&old, dir);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(io(dir, e));
    }
    if replacing {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(n: &str) -> Vec<(String, Vec<u8>)> {
        vec![
            ("manifest.json".to_string(), b"{}".to_vec()),
            (format!("{n}/sheet.md"), b"sheet".to_vec()),
        ]
    }

    #[test]
    fn a_class_folder_is_made_whole_and_replaced_only_with_force() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("class");
        write(&dir, &files("s1"), false).unwrap();
        assert_eq!(std::fs::read(dir.join("s1/sheet.md")).unwrap(), b"sheet");
        let e = write(&dir, &files("s2"), false).unwrap_err().to_string();
        assert!(e.contains("--force"), "{e}");
        write(&dir, &files("s2"), true).unwrap();
        assert!(!dir.join("s1").exists() && dir.join("s2/sheet.md").is_file());
        // Nothing but the class folder is left beside it.
        let names: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("class")]);
    }

    #[test]
    fn force_never_replaces_a_folder_that_is_not_a_class() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("thesis.tex"), "mine").unwrap();
        let e = write(root.path(), &files("s1"), true)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a class folder"), "{e}");
        assert_eq!(
            std::fs::read_to_string(root.path().join("thesis.tex")).unwrap(),
            "mine"
        );
        let e = write(&root.path().join("no/such"), &files("s1"), false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("does not exist"), "{e}");
    }
}
