//! Search that finds Chinese, offline, in both editions.
//!
//! mdBook's index splits text at whitespace, which Chinese does not have,
//! so 反向传播 was never a token (rust-lang/mdBook#1081). After mdBook has
//! written a book, [`rebuild`] builds its search index again from the same
//! documents with [`tokenize`]: an English word is a token exactly as
//! before; a run of Chinese becomes its overlapping character pairs
//! (反向传播 → 反向 向传 传播), which finds words without a dictionary.
//! The script [`QUERY_JS`] (`src/book/search.js`), put at the top of the
//! index file, splits a reader's query the same way. The text of figures (tick labels, node names of inline SVGs) and the
//! link to the other edition are left out of the index.

use std::path::Path;

use elasticlunr::lang::{English, Language};
use elasticlunr::pipeline::{Pipeline, PipelineFn};
use elasticlunr::{Index, IndexBuilder};
use serde_json::Value;

use crate::book::edition::{is_han, switch_text};
use crate::report::i18n::Lang;

/// mdBook leaves out words longer than this (in bytes).
const MAX_WORD_LENGTH: usize = 80;

/// Cuts the reader's query as [`tokenize`] cuts the pages.
pub const QUERY_JS: &str = include_str!("search.js");

/// How mdBook writes the index: a script that parses it.
const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// Split text into search tokens: words at whitespace and hyphens,
/// lowercased, as mdBook does; a word with Chinese in it is cut into its
/// runs, a run of Chinese giving its character pairs (a lone character
/// stands for itself).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == '-') {
        let word = word.to_lowercase();
        if word.is_empty() {
            continue;
        }
        if !word.chars().any(is_han) {
            if word.len() <= MAX_WORD_LENGTH {
                out.push(word);
            }
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for run in chars.chunk_by(|a, b| is_han(*a) == is_han(*b)) {
            match run {
                [one] if is_han(*one) => out.push(one.to_string()),
                _ if is_han(run[0]) => {
                    out.extend(run.windows(2).map(|p| p.iter().collect::<String>()));
                }
                _ => out.push(run.iter().collect()),
            }
        }
    }
    out
}

/// mdBook's English pipeline (trimmer, stop words, stemmer), under the
/// same names so the page's search script knows them, except that a
/// Chinese token passes through unchanged (the English trimmer would strip
/// it to nothing).
struct Bilingual;

impl Language for Bilingual {
    fn name(&self) -> String {
        English::new().name()
    }
    fn code(&self) -> String {
        English::new().code()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }
    fn make_pipeline(&self) -> Pipeline {
        let queue = English::new().make_pipeline().queue;
        Pipeline {
            queue: queue
                .into_iter()
                .map(|f| Box::new(KeepChinese(f)) as Box<dyn PipelineFn>)
                .collect(),
        }
    }
}

struct KeepChinese(Box<dyn PipelineFn>);

impl PipelineFn for KeepChinese {
    fn name(&self) -> String {
        self.0.name()
    }
    fn filter(&self, token: String) -> Option<String> {
        if token.chars().any(is_han) {
            Some(token)
        } else {
            self.0.filter(token)
        }
    }
}

/// What [`rebuild`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rebuilt {
    /// Documents (sections of pages) in the index.
    pub docs: usize,
    /// Pieces of text left out (figures, the edition link).
    pub left_out: usize,
    /// Pieces that should have been left out but were not found in the
    /// documents (0 unless mdBook changes how it reads pages).
    pub missed: usize,
}

/// Rebuild the search index mdBook wrote into `dir` (a built book of the
/// edition `lang`). A book without search is left alone.
pub fn rebuild(dir: &Path, lang: Lang) -> Result<Rebuilt, String> {
    let Some(file) = index_file(dir)? else {
        return Ok(Rebuilt::default());
    };
    let script = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut json = parse_script(&script)
        .ok_or_else(|| format!("{} is not a search index of mdBook 0.5", file.display()))?;
    let urls: Vec<String> = json["doc_urls"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|u| u.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let stored = &json["index"]["documentStore"]["docs"];
    let mut docs: Vec<[String; 3]> = Vec::with_capacity(urls.len());
    for i in 0..urls.len() {
        let d = &stored[i.to_string()];
        let field = |f: &str| d[f].as_str().unwrap_or("").to_string();
        docs.push([field("title"), field("body"), field("breadcrumbs")]);
    }
    let mut stats = Rebuilt {
        docs: docs.len(),
        ..Rebuilt::default()
    };
    // Sections of one page are consecutive; leave out its figures' text.
    let mut first = 0;
    while first < urls.len() {
        let page = page_of(&urls[first]);
        let last = (first..urls.len())
            .find(|&i| page_of(&urls[i]) != page)
            .unwrap_or(urls.len());
        let html = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
        let (found, missed) = leave_out(&mut docs[first..last], &left_out_texts(&html, lang));
        stats.left_out += found;
        stats.missed += missed;
        first = last;
    }
    let mut index: Index = IndexBuilder::with_language(Box::new(Bilingual))
        .add_field_with_tokenizer("title", Box::new(tokenize))
        .add_field_with_tokenizer("body", Box::new(tokenize))
        .add_field_with_tokenizer("breadcrumbs", Box::new(tokenize))
        .build();
    for (i, doc) in docs.iter().enumerate() {
        index.add_doc(&i.to_string(), doc);
    }
    json["index"] = serde_json::to_value(&index).map_err(|e| e.to_string())?;
    let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
    let script = format!(
        "{QUERY_JS}\n{PREFIX}{}{SUFFIX}",
        text.replace('\\', "\\\\").replace('\'', "\\'")
    );
    std::fs::write(&file, script).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(stats)
}

/// `searchindex-HASH.js` (or `searchindex.js`) in `dir`, if search is on.
fn index_file(dir: &Path) -> Result<Option<std::path::PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    Ok(entries.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .map(|n| n.to_string_lossy())
            .is_some_and(|n| n.starts_with("searchindex") && n.ends_with(".js"))
    }))
}

/// The JSON inside mdBook's `searchindex.js` (after [`QUERY_JS`] once
/// rebuilt).
pub fn parse_script(script: &str) -> Option<Value> {
    let start = script.find(PREFIX)? + PREFIX.len();
    let body = script[start..].trim_end().strip_suffix(SUFFIX)?;
    // Undo the escaping of `\` and `'` for the JavaScript string.
    let mut json = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        json.push(if c == '\\' { chars.next()? } else { c });
    }
    serde_json::from_str(&json).ok()
}

fn page_of(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// The pieces of a page's text that stay out of the index, in page order:
/// the link to the other edition, then the text of each figure.
fn left_out_texts(html: &str, lang: Lang) -> Vec<String> {
    let main = match (html.find("<main>"), html.rfind("</main>")) {
        (Some(a), Some(b)) if a < b => &html[a..b],
        _ => html,
    };
    let mut out = vec![switch_text(lang).to_string()];
    let mut rest = main;
    while let Some(i) = rest.find("<svg") {
        let Some(len) = rest[i..].find("</svg>") else {
            break;
        };
        let t = flat_text(&rest[i..i + len]);
        if !t.is_empty() {
            out.push(t);
        }
        rest = &rest[i + len..];
    }
    out
}

/// The text of an HTML fragment as mdBook's indexer reads it: a space at
/// each opening tag, text with its character references decoded, runs of
/// whitespace collapsed to one space.
fn flat_text(html: &str) -> String {
    let mut s = String::with_capacity(html.len() / 4);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        s.push_str(&decode_entities(&rest[..i]));
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |j| &after[j + 3..]);
            continue;
        }
        // mdBook skips scripts and styles (an SVG may have its own).
        if let Some(name) = ["<style", "<script"]
            .into_iter()
            .find(|t| rest.starts_with(t) && rest[t.len()..].starts_with([' ', '>', '\n', '/']))
        {
            let close = format!("</{}>", &name[1..]);
            rest = rest.find(&close).map_or("", |j| &rest[j + close.len()..]);
            continue;
        }
        if !rest.starts_with("</") {
            s.push(' ');
        }
        rest = tag_end(rest).map_or("", |j| &rest[j + 1..]);
    }
    s.push_str(&decode_entities(rest));
    collapse_whitespace(&s).trim().to_string()
}

/// The byte offset of the `>` that closes the tag starting `s`, quotes
/// respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&j| j <= 10).and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs of two or more whitespace characters become one space (mdBook's
/// `collapse_whitespace`); a single one stays as it is.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush_run(&mut out, &mut run);
        out.push(c);
    }
    flush_run(&mut out, &mut run);
    out
}

fn flush_run(out: &mut String, run: &mut String) {
    if run.chars().count() >= 2 {
        out.push(' ');
    } else {
        out.push_str(run);
    }
    run.clear();
}

/// Cut each piece, in order, out of the bodies of a page's documents.
/// Returns (found, not found).
fn leave_out(docs: &mut [[String; 3]], pieces: &[String]) -> (usize, usize) {
    let (mut found, mut missed) = (0, 0);
    let (mut doc, mut from) = (0, 0);
    for piece in pieces {
        let mut hit = None;
        for (k, d) in docs.iter().enumerate().skip(doc) {
            let start = if k == doc { from } else { 0 };
            if let Some(i) = d[1].get(start..).and_then(|b| b.find(piece.as_str())) {
                hit = Some((k, start + i));
                break;
            }
        }
        match hit {
            Some((k, i)) => {
                docs[k][1].replace_range(i..i + piece.len(), "");
                (doc, from) = (k, i);
                found += 1;
            }
            None => missed += 1,
        }
    }
    for d in docs.iter_mut() {
        d[1] = collapse_whitespace(&d[1]).trim().to_string();
    }
    (found, missed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_becomes_character_pairs_and_english_stays_as_mdbook_has_it() {
        assert_eq!(
            tokenize("Backpropagation · 反向传播"),
            ["backpropagation", "·", "反向", "向传", "传播"]
        );
        assert_eq!(
            tokenize("误差项（δ）与 softmax层 梯"),
            ["误差", "差项", "（δ）", "与", "softmax", "层", "梯"]
        );
        // mdBook's own rules for words without Chinese.
        assert_eq!(
            tokenize("Hello-World  test,case\tCafé"),
            ["hello", "world", "test,case", "café"]
        );
        let long = "a".repeat(MAX_WORD_LENGTH + 1);
        assert_eq!(tokenize(&format!("{long} ok")), ["ok"]);
    }

    #[test]
    fn the_pipeline_keeps_chinese_and_treats_english_as_before() {
        let ours = Bilingual.make_pipeline();
        let english = English::new().make_pipeline();
        let words: Vec<String> = ["Running", "the", "(gradients)", "反向", "x,"]
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        assert_eq!(
            ours.run(words.clone()),
            ["run", "gradient", "反向", "x"],
            "stop words dropped, English stemmed, Chinese kept"
        );
        let no_chinese: Vec<String> = words.into_iter().filter(|w| w != "反向").collect();
        assert_eq!(ours.run(no_chinese.clone()), english.run(no_chinese));
        let names: Vec<String> = ours.queue.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["trimmer", "stopWordFilter", "stemmer"]);
    }

    #[test]
    fn figure_text_is_read_as_mdbook_reads_it() {
        let svg = "<svg a=\"1>2\"><style>.a { x: 1 }</style><!-- c --><g>\n<text x='1'>0.0</text>\n<text>&lt;a &amp; b&#x3E;</text></g></svg>";
        assert_eq!(flat_text(svg), "0.0 <a & b>");
        assert_eq!(collapse_whitespace("a\nb  c \n d"), "a\nb c d");
    }

    #[test]
    fn left_out_pieces_are_cut_in_order_across_sections() {
        let mut docs = [
            [
                "t".to_string(),
                "中文版 intro 0.0 0.5 text".to_string(),
                String::new(),
            ],
            [
                "t".to_string(),
                "more 0.0 0.5 and x y".to_string(),
                String::new(),
            ],
        ];
        let pieces = ["中文版", "0.0 0.5", "0.0 0.5", "x y", "absent"].map(String::from);
        assert_eq!(leave_out(&mut docs, &pieces), (4, 1));
        assert_eq!(docs[0][1], "intro text");
        assert_eq!(docs[1][1], "more and");
    }

    #[test]
    fn the_index_script_round_trips() {
        let json = r#"{"a":"it's a \\ back\"slash"}"#;
        let script = format!(
            "{PREFIX}{}{SUFFIX}",
            json.replace('\\', "\\\\").replace('\'', "\\'")
        );
        let v = parse_script(&script).unwrap();
        assert_eq!(v["a"], "it's a \\ back\"slash");
    }
}
