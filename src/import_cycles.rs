//! The top-level modules import each other without a cycle, so the layers
//! of `ARCHITECTURE.md` (math → report → render → front ends) stay layers:
//! a module can be read, tested and changed knowing only the ones below it.
//!
//! Reads `src/` as text: every `crate::m` path (in a `use`, a `use
//! crate::{a, b}` group, or written inline) outside comments and outside
//! `#[cfg(test)]` code is an edge from the file's top-level module to `m`.
//! Test code may reach up (a catalog test draws an exercise).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Edges = BTreeMap<String, BTreeSet<String>>;

/// The identifier at the start of `s` (`report` of `report::Block`).
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules one file's code names.
fn imports(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    for (k, _) in code.match_indices("crate::") {
        let rest = &code[k + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.insert(ident(rest).to_string());
            continue;
        };
        // `use crate::{a, b::{c, d}};`, possibly over several lines: the
        // first identifier of each entry at depth 0.
        let (mut depth, mut entry_start) = (0, true);
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => entry_start = true,
                c if entry_start && !c.is_whitespace() => {
                    out.insert(ident(&group[i..]).to_string());
                    entry_start = false;
                }
                _ => {}
            }
        }
    }
    out.retain(|m| !m.is_empty() && m != "self");
    out
}

fn collect(dir: &Path, top: Option<&str>, edges: &mut Edges) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = name.trim_end_matches(".rs");
        let module = top.unwrap_or(stem).to_string();
        if p.is_dir() {
            collect(&p, Some(&module), edges);
        } else if name.ends_with(".rs")
            && !(top.is_none() && matches!(stem, "lib" | "main" | "import_cycles"))
            && !(name == "tests.rs" || name.ends_with("_tests.rs"))
        {
            let code = std::fs::read_to_string(&p).expect("a source file is readable");
            let set = edges.entry(module.clone()).or_default();
            set.extend(imports(&code).into_iter().filter(|m| *m != module));
        }
    }
}

/// A cycle through `start`, as the list of modules on it, if there is one.
fn cycle_through(edges: &Edges, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("a path is never empty");
        for next in edges.get(last).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    let mut edges = Edges::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        None,
        &mut edges,
    );
    // The reader sees real edges: report builds on graph, the CLI on args.
    assert!(edges["report"].contains("graph"), "{edges:?}");
    assert!(edges["cli"].contains("args"), "{edges:?}");
    let cycles: Vec<String> = edges
        .keys()
        .filter_map(|m| cycle_through(&edges, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

#[test]
fn the_reader_finds_grouped_inline_and_plain_imports_and_skips_comments_and_tests() {
    let code = "use crate::graph::Trace;\n\
                use crate::{error::Result,\n    scalar::{Scalar, X}, op};\n\
                // crate::cli is only mentioned\n\
                fn f() { crate::files::check(); }\n\
                #[cfg(test)]\nmod tests { use crate::exercise; }\n";
    let got: Vec<String> = imports(code).into_iter().collect();
    assert_eq!(got, ["error", "files", "graph", "op", "scalar"]);
    let mut e = Edges::new();
    e.entry("a".into()).or_default().insert("b".into());
    e.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle_through(&e, "a"), None);
    e.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle_through(&e, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
