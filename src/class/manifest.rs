//! `DIR/manifest.json`: which student has which seed and which problems
//! (the shared answers contract, `notes/answers-contract.md`). `grade`
//! recomputes every expected value from it: a problem is its example and
//! its `--set` inputs, so the key never has to be read back from a sheet.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The manifest's file name in the class folder.
pub const FILE: &str = "manifest.json";

/// Largest manifest `grade` reads, in bytes.
pub const MAX_BYTES: u64 = 256 << 20;

/// Version of the manifest's shape; `grade` refuses others.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub course_seed: u64,
    /// `nn-tutor exercise … --roster … --out …` that made the folder.
    pub command: String,
    pub lang: String,
    pub students: Vec<StudentEntry>,
    /// The grading policy `grade` starts from (its flags override it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudentEntry {
    pub id: String,
    pub seed: u64,
    /// The student's folder, relative to the class folder (the id).
    pub dir: String,
    /// The roster's other columns (name, email, …), in the roster's order.
    #[serde(default)]
    pub columns: serde_json::Map<String, serde_json::Value>,
    pub problems: Vec<ProblemEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemEntry {
    /// The problem's number on the student's sheet (from 1).
    pub number: usize,
    /// `topic/N`.
    pub example: String,
    /// The drawn inputs as the value of `--set`: `x=1,y=-2`.
    pub set: String,
    /// The quantities the sheet asks for, in the key's order.
    pub asked: Vec<String>,
}

impl Manifest {
    /// Read `DIR/manifest.json`; a missing or malformed manifest is an
    /// error naming the file (exit 2: the folder is not a class folder).
    pub fn read(dir: &std::path::Path) -> Result<Manifest> {
        let path = dir.join(FILE);
        let shown = path.display().to_string();
        if !dir.is_dir() {
            return Err(Error::File {
                path: dir.display().to_string(),
                message: "is not a folder; give the folder `exercise --roster … --out DIR` wrote"
                    .to_string(),
            });
        }
        if !path.is_file() {
            return Err(Error::File {
                path: shown,
                message:
                    "does not exist; is this the folder `exercise --roster … --out DIR` wrote?"
                        .to_string(),
            });
        }
        // A manifest grows with the class (120 students across --all is
        // over 1 MiB): its own limit, not the answers files' 1 MiB.
        let file = std::fs::File::open(&path).map_err(|e| Error::File {
            path: shown.clone(),
            message: format!("cannot read it: {e}"),
        })?;
        let text = crate::files::read_limited(file, &shown, MAX_BYTES)?;
        let m: Manifest = serde_json::from_str(&text).map_err(|e| Error::Invalid {
            what: shown.clone(),
            problem: format!(
                "cannot read it (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
            accepted: "the manifest.json that `exercise --roster` writes".to_string(),
        })?;
        if m.version != VERSION {
            return Err(Error::Invalid {
                what: shown,
                problem: format!("it is version {} of the manifest", m.version),
                accepted: format!("version {VERSION}; regenerate the folder with this nn-tutor"),
            });
        }
        for s in &m.students {
            // The manifest names the folders grade reads: the same rules as
            // a roster's ids, so an edited manifest cannot lead outside DIR.
            if let Some(why) = crate::class::roster::bad_id(&s.dir) {
                return Err(Error::Invalid {
                    what: shown,
                    problem: format!("student `{}`: dir: {why}", s.id),
                    accepted: "a folder name inside the class folder".to_string(),
                });
            }
        }
        Ok(m)
    }
}
