//! A class roster: the students of `exercise --roster students.csv`, read
//! with a real CSV parser (quoted fields, a byte-order mark, CRLF line
//! ends), each with a seed derived from the course seed and the id.
//!
//! An id becomes a folder name, so it is checked before anything is
//! written: only letters (Chinese too), digits, `.`, `-` and `_`; no
//! leading dot (so never `.` or `..`); no two ids equal after case folding
//! (they would be one folder on a case-insensitive disk); and no id that is
//! the name of a file `grade` writes beside the folders.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

/// Longest id, in bytes (a folder name may have at most 255).
pub const MAX_ID_BYTES: usize = 100;

/// Files the class folder holds beside the students' folders: an id equal
/// to one of them (after case folding) is refused.
pub const RESERVED: &[&str] = &[
    "manifest.json",
    "gradebook.csv",
    "gradebook.json",
    "report.md",
    "results.json",
];

/// One student of the roster.
#[derive(Clone, Debug, PartialEq)]
pub struct Student {
    pub id: String,
    /// The student's seed: [`student_seed`] of the course seed and the id.
    pub seed: u64,
    /// The roster's other columns (e.g. name, email), header → value.
    pub extra: Vec<(String, String)>,
}

/// A student's seed: the 64-bit FNV-1a hash of the UTF-8 text
/// `"{course_seed}:{id}"` (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3), shifted right by 11 bits: a 53-bit number, so TOML
/// (64-bit signed integers), JSON and JavaScript all hold it exactly.
/// Stable across machines and versions and computable in any language;
/// the seed printed on a student's sheet regenerates it with
/// `nn-tutor exercise … --seed N`.
pub fn student_seed(course_seed: u64, id: &str) -> u64 {
    fnv1a(format!("{course_seed}:{id}").as_bytes()) >> 11
}

/// FNV-1a, 64 bits: for each byte, xor it in, then multiply by the prime.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Why `id` cannot name a folder, if it cannot.
pub fn bad_id(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("the id is empty".to_string());
    }
    if let Some(c) = id.chars().find(|c| c.is_control()) {
        return Some(format!(
            "the id holds a control character (U+{:04X})",
            c as u32
        ));
    }
    if id.contains("..") {
        return Some(format!("the id `{id}` holds `..`"));
    }
    if let Some(c) = id.chars().find(|c| matches!(c, '/' | '\\')) {
        return Some(format!("the id `{id}` holds `{c}`, a path separator"));
    }
    if id.starts_with('.') {
        return Some(format!("the id `{id}` starts with a dot"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Some(format!("the id `{id}` holds `{c}`"));
    }
    if id.len() > MAX_ID_BYTES {
        return Some(format!("the id is longer than {MAX_ID_BYTES} bytes"));
    }
    let folded = id.to_lowercase();
    if RESERVED.contains(&folded.as_str()) {
        return Some(format!("`{id}` is the name of a file grade writes"));
    }
    None
}

/// What an id may hold, for error messages.
const ACCEPTED: &str = "an id is letters (Chinese too), digits, `.`, `-` and `_`, \
                        not starting with a dot, unique even ignoring case";

/// Read a roster: a header with an `id` column, then one student per row.
/// Every problem is an error naming the file and the CSV row (the header is
/// row 1), found before anything is written.
pub fn read(path: &Path, course_seed: u64) -> Result<Vec<Student>> {
    let text = crate::files::read_text(path)?;
    parse(&text, &path.display().to_string(), course_seed)
}

/// [`read`] from text; `shown` names the file in errors.
pub fn parse(text: &str, shown: &str, course_seed: u64) -> Result<Vec<Student>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let at = |row: u64, problem: String| Error::Invalid {
        what: format!("{shown}, row {row}"),
        problem,
        accepted: ACCEPTED.to_string(),
    };
    let headers: Vec<String> = rd
        .headers()
        .map_err(|e| csv_error(shown, &e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let Some(id_col) = headers.iter().position(|h| h.eq_ignore_ascii_case("id")) else {
        return Err(Error::Invalid {
            what: format!("{shown}, row 1"),
            problem: format!(
                "the header has no `id` column (it has: {})",
                headers.join(", ")
            ),
            accepted: "a first line such as `id,name`, then one student per line".to_string(),
        });
    };
    let mut students = Vec::new();
    // Case-folded id → the row it was first seen on.
    let mut seen: HashMap<String, (u64, String)> = HashMap::new();
    for rec in rd.records() {
        let rec = rec.map_err(|e| csv_error(shown, &e))?;
        let row = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let id = rec.get(id_col).unwrap_or("").trim().to_string();
        if let Some(why) = bad_id(&id) {
            return Err(at(row, why));
        }
        if let Some((first, other)) = seen.get(&id.to_lowercase()) {
            let why = if *other == id {
                format!("the id `{id}` is already on row {first}")
            } else {
                format!(
                    "the id `{id}` equals `{other}` of row {first} ignoring case (one folder on many disks)"
                )
            };
            return Err(at(row, why));
        }
        seen.insert(id.to_lowercase(), (row, id.clone()));
        let extra = headers
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != id_col)
            .map(|(k, h)| (h.clone(), rec.get(k).unwrap_or("").to_string()))
            .collect();
        students.push(Student {
            seed: student_seed(course_seed, &id),
            id,
            extra,
        });
    }
    if students.is_empty() {
        return Err(Error::Invalid {
            what: shown.to_string(),
            problem: "it lists no students".to_string(),
            accepted: "a header with an `id` column, then one student per line".to_string(),
        });
    }
    Ok(students)
}

fn csv_error(shown: &str, e: &csv::Error) -> Error {
    let row = e
        .position()
        .map_or(String::new(), |p| format!(", row {}", p.line()));
    let problem = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("it has {len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    Error::Invalid {
        what: format!("{shown}{row}"),
        problem,
        accepted: "CSV with one header line and the same number of fields on every line"
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a 64 of "S:id" shifted right by 11, pinned: a change here changes every student's
    /// sheet. Recomputed independently by tests/independent/class_seeds.py
    /// (plain Python, the same definition) and for "0:" by hand: FNV-1a of
    /// the two bytes '0' (0x30) and ':' (0x3a).
    #[test]
    fn student_seeds_are_pinned() {
        assert_eq!(student_seed(2024, "s001"), PIN_S001);
        assert_eq!(student_seed(2024, "s002"), PIN_S002);
        assert_eq!(student_seed(2024, "王小明"), PIN_WANG);
        assert_eq!(student_seed(7, "s001"), PIN_7_S001);
        // FNV-1a of "0:" step by step: (basis ^ 0x30) * prime, then ^ 0x3a, * prime.
        let p = 0x0000_0100_0000_01b3u64;
        let h = ((0xcbf2_9ce4_8422_2325u64 ^ 0x30).wrapping_mul(p) ^ 0x3a).wrapping_mul(p);
        assert_eq!(fnv1a(b"0:"), h);
        assert_eq!(student_seed(0, ""), h >> 11);
        // Every seed fits 53 bits.
        assert!(student_seed(u64::MAX, "王小明") < 1 << 53);
    }

    const PIN_S001: u64 = 2386932334988197;
    const PIN_S002: u64 = 2386930724375460;
    const PIN_WANG: u64 = 5364549514787198;
    const PIN_7_S001: u64 = 7304874697889588;

    #[test]
    fn quotes_bom_crlf_and_extra_columns() {
        let text = "\u{feff}name,id,email\r\n\"Li, Lei\",s001,l@x\r\n\"O\"\"Brien\",s.o-b_2,\r\n";
        let s = parse(text, "r.csv", 1).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "s001");
        assert_eq!(s[0].extra[0], ("name".to_string(), "Li, Lei".to_string()));
        assert_eq!(s[1].id, "s.o-b_2");
        assert_eq!(s[1].extra[0].1, "O\"Brien");
        assert_eq!(s[0].seed, student_seed(1, "s001"));
    }

    #[test]
    fn chinese_ids_are_fine() {
        let s = parse("id\n王小明\n李雷2\n", "r.csv", 1).unwrap();
        assert_eq!(s[0].id, "王小明");
    }

    #[test]
    fn bad_ids_name_their_row() {
        let cases = [
            ("id\ns1\n..\n", "row 3", "`..`"),
            ("id\ns1\na/b\n", "row 3", "path separator"),
            ("id\ns1\n\"a\\b\"\n", "row 3", "path separator"),
            ("id\n.hidden\n", "row 2", "starts with a dot"),
            ("id,name\n,Ann\n", "row 2", "empty"),
            ("id\n\"a\tb\"\n", "row 2", "control character"),
            ("id\ns1\ns2\ns1\n", "row 4", "already on row 2"),
            ("id\nAnn\nann\n", "row 3", "ignoring case"),
            ("id\nManifest.json\n", "row 2", "file grade writes"),
            ("id\na b\n", "row 2", "holds ` `"),
            ("name\nAnn\n", "row 1", "no `id` column"),
            ("id,name\ns1\n", "row 2", "1 fields where the header has 2"),
        ];
        for (text, row, why) in cases {
            let e = parse(text, "r.csv", 1).unwrap_err().to_string();
            assert!(
                e.contains(&format!("r.csv, {row}")) && e.contains(why),
                "{text:?}: {e}"
            );
        }
        let e = parse("id\n", "r.csv", 1).unwrap_err().to_string();
        assert!(e.contains("no students"), "{e}");
    }
}
