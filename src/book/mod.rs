//! The book: an mdBook whose worked examples are generated at build time
//! from the same Reports the CLI prints.
//!
//! A chapter goes through three steps, in [`process_chapter`]:
//! 1. every `{{#nn-tutor …}}` directive becomes the Markdown of its report,
//!    figures as inline SVG ([`directive`]), its finite-difference checks
//!    folded away and its forward and backward tables marked for
//!    predict-then-reveal ([`tables`]);
//! 2. the ids inside each SVG get a prefix unique in the whole book, so two
//!    figures on one page (or on the print page) never share an id;
//! 3. Chinese is marked `lang="zh-Hans"` on English pages, and lines are
//!    joined where Chinese meets Chinese on Chinese pages ([`edition`]);
//! 4. every `$…$`/`$$…$$` formula becomes MathML ([`math`]).
//!
//! There are two editions, English (`book/src`) and Chinese
//! (`book/src-zh`), with the same chapters and directives ([`edition`]).
//! [`build`] runs mdBook as a library with this preprocessor into a
//! temporary directory, rebuilds the search index so that Chinese is found
//! ([`search`]), and moves the result into place only on success.
//! [`preprocess_protocol`] is the same preprocessor for a plain `mdbook`.

pub mod command;
pub mod directive;
pub mod edition;
pub mod math;
pub mod search;
pub mod tables;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use crate::error::{Error, Result};
use crate::report::i18n::Lang;

/// The preprocessor's name, as in `[preprocessor.nn-tutor]` of book.toml.
pub const NAME: &str = "nn-tutor";

/// A file in every build the CLI writes; only a directory that has it (or
/// an empty one) is replaced without `--force`.
pub const MARKER: &str = ".nn-tutor-book";

/// The mdBook preprocessor: expands directives, figures and math.
#[derive(Debug, Default)]
pub struct NnTutor;

impl Preprocessor for NnTutor {
    fn name(&self) -> &str {
        NAME
    }

    fn run(
        &self,
        ctx: &PreprocessorContext,
        book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        let lang = edition::from_language(ctx.config.book.language.as_deref());
        process_book(book, &src, lang).map_err(mdbook_preprocessor::errors::Error::msg)
    }

    fn supports_renderer(&self, renderer: &str) -> mdbook_preprocessor::errors::Result<bool> {
        Ok(renderer == "html")
    }
}

/// Run [`process_chapter`] on every chapter and put the link to the other
/// edition at its top; the first failure names its chapter and file. `src`
/// is the book's source directory, `lang` its edition.
pub fn process_book(mut book: Book, src: &Path, lang: Lang) -> std::result::Result<Book, String> {
    let figures = AtomicUsize::new(0);
    let mut failure = None;
    book.for_each_chapter_mut(|ch| {
        if failure.is_some() {
            return;
        }
        match process_chapter(&ch.content, &figures, src, lang) {
            Ok(text) => {
                ch.content = match &ch.path {
                    Some(path) => edition::switch_line(path, lang) + &text,
                    None => text,
                }
            }
            Err(e) => {
                let file = ch
                    .source_path
                    .as_ref()
                    .map_or(String::new(), |p| format!(" ({})", p.display()));
                failure = Some(format!("chapter `{}`{file}: {e}", ch.name));
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(book),
    }
}

/// Directives → Markdown (in the edition's language), SVG ids made
/// unique, Chinese in an English page marked as such, LaTeX → MathML.
/// `figures` counts the SVGs of the whole book.
pub fn process_chapter(
    text: &str,
    figures: &AtomicUsize,
    src: &Path,
    lang: Lang,
) -> std::result::Result<String, String> {
    let expanded = directive::expand_all(text, src, lang)?;
    let unique = unique_svg_ids(&expanded, figures);
    let marked = match lang {
        Lang::En => edition::mark_chinese(&edition::mark_chinese_in_figures(&unique)),
        Lang::Zh => edition::join_chinese_lines(&unique),
    };
    math::convert(&marked)
}

/// Prefix the ids of each `<svg>…</svg>` (and the `#id` references inside
/// it) with `nn-fig{N}-`, N counting figures across the book.
pub fn unique_svg_ids(text: &str, figures: &AtomicUsize) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    while let Some(i) = rest.find("<svg") {
        let Some(len) = rest[i..].find("</svg>") else {
            break;
        };
        let end = i + len + "</svg>".len();
        let n = figures.fetch_add(1, Ordering::Relaxed);
        let prefix = format!("nn-fig{n}-");
        out.push_str(&rest[..i]);
        out.push_str(
            &rest[i..end]
                .replace("id=\"", &format!("id=\"{prefix}"))
                .replace("url(#", &format!("url(#{prefix}"))
                .replace("href=\"#", &format!("href=\"#{prefix}")),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where and how to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The book's directory (with `book.toml`).
    pub book_dir: PathBuf,
    /// Where the HTML goes; `BOOK_DIR/build` by default.
    pub out: Option<PathBuf>,
    /// Replace `out` even if it is not a previous build of the book.
    pub force: bool,
    /// The edition: English (`src/`) or Chinese (`src-zh/`).
    pub lang: Lang,
}

impl BuildOptions {
    /// Where the HTML goes: `--out`, or `BOOK_DIR/build` for the English
    /// edition and `BOOK_DIR/build/zh` for the Chinese one (so the links
    /// between the two editions work).
    pub fn out_dir(&self) -> PathBuf {
        match (&self.out, self.lang) {
            (Some(out), _) => out.clone(),
            (None, Lang::En) => self.book_dir.join("build"),
            (None, Lang::Zh) => self.book_dir.join("build").join(edition::ZH_DIR),
        }
    }
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct Built {
    pub out: PathBuf,
    pub pages: usize,
    pub elapsed: Duration,
    /// What the rebuild of the search index did.
    pub search: search::Rebuilt,
}

fn book_error(message: impl Into<String>) -> Error {
    Error::Book {
        message: message.into(),
    }
}

/// Show mdBook's warnings (broken links, bad HTML) on stderr.
fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .with_writer(std::io::stderr)
        .without_time()
        .with_target(false)
        .try_init();
}

/// Refuse to replace a directory that is not ours.
fn check_out_dir(out: &Path, force: bool) -> Result<()> {
    if !out.exists() || force {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(book_error(format!(
            "{} exists and is not a directory; choose another --out",
            out.display()
        )));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| book_error(format!("cannot read {}: {e}", out.display())))?
        .next()
        .is_none();
    if empty || out.join(MARKER).is_file() || only_the_chinese_edition(out) {
        return Ok(());
    }
    Err(book_error(format!(
        "{} exists and is not a book built by nn-tutor; choose another --out, \
         or add --force to replace it",
        out.display()
    )))
}

/// A directory that holds nothing but a Chinese edition built by us (built
/// before the English one that will surround it).
fn only_the_chinese_edition(out: &Path) -> bool {
    let names: Vec<_> = std::fs::read_dir(out)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    names == [edition::ZH_DIR] && out.join(edition::ZH_DIR).join(MARKER).is_file()
}

/// `out` must not hold the book's sources (even `--force` must not replace
/// them) nor lie inside `src/` (mdBook would copy each build into the next).
fn check_not_sources(book_dir: &Path, out: &Path) -> Result<()> {
    check_not_inside(
        book_dir,
        out,
        &[Path::new("src"), Path::new(edition::ZH_SRC)],
    )
}

fn check_not_inside(book_dir: &Path, out: &Path, sources: &[&Path]) -> Result<()> {
    let abs = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (book, out_abs) = (abs(book_dir), abs(out));
    if book.starts_with(&out_abs) || sources.iter().any(|s| out_abs.starts_with(book.join(s))) {
        return Err(book_error(format!(
            "--out {} would overwrite or sit inside the book's sources in {}; choose another directory",
            out.display(),
            book_dir.display()
        )));
    }
    Ok(())
}

/// Build the HTML book in-process. The output is written to a temporary
/// directory beside `out` and renamed into place only when the whole build
/// succeeded; a failed build leaves `out` as it was.
pub fn build(o: &BuildOptions) -> Result<Built> {
    let started = Instant::now();
    init_tracing();
    if !o.book_dir.join("book.toml").is_file() {
        return Err(Error::File {
            path: o.book_dir.display().to_string(),
            message: "has no book.toml; run from the repository root or pass --book DIR"
                .to_string(),
        });
    }
    let out = o.out_dir();
    check_not_sources(&o.book_dir, &out)?;
    check_out_dir(&out, o.force)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .map_err(|e| book_error(format!("cannot create {}: {e}", parent.display())))?;
    let name = out
        .file_name()
        .map_or("book".into(), |n| n.to_string_lossy());
    remove_stale_temporaries(&parent, &format!(".{name}.tmp-"));
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tmp =
        std::path::absolute(parent.join(format!(".{name}.tmp-{}-{stamp}", std::process::id())))
            .map_err(|e| book_error(format!("bad output path: {e}")))?;
    let result = render_into(&o.book_dir, &tmp, o.lang).and_then(|done| {
        std::fs::write(tmp.join(MARKER), "built by `nn-tutor book build`\n")
            .map_err(|e| book_error(format!("cannot write {}: {e}", tmp.display())))?;
        swap_into_place(&tmp, &out)?;
        Ok(done)
    });
    match result {
        Ok((pages, search)) => Ok(Built {
            out,
            pages,
            elapsed: started.elapsed(),
            search,
        }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

/// A build that was killed leaves its temporary directory behind; remove
/// those older than an hour (a build takes well under a second, so a
/// younger one may belong to a build still running).
fn remove_stale_temporaries(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if stale && e.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The book's configuration for the edition `lang`: book.toml (and
/// `MDBOOK_*` variables) as written for English; for Chinese, the sources
/// of `[preprocessor.nn-tutor] zh-src` (default `src-zh`), the title
/// `zh-title`, and `language = "zh-Hans"`.
pub fn edition_config(book_dir: &Path, lang: Lang) -> Result<mdbook_driver::config::Config> {
    let cannot = |e: &dyn std::fmt::Display| {
        book_error(format!(
            "cannot load the book in {}: {e:#}",
            book_dir.display()
        ))
    };
    let mut config = mdbook_driver::config::Config::from_disk(book_dir.join("book.toml"))
        .map_err(|e| cannot(&format!("{e:#}")))?;
    config
        .update_from_env()
        .map_err(|e| cannot(&format!("{e:#}")))?;
    if lang == Lang::Zh {
        let key = |k: &str| format!("preprocessor.{NAME}.{k}");
        let get = |k: &str| config.get::<String>(&key(k)).ok().flatten();
        let src = get("zh-src").unwrap_or_else(|| edition::ZH_SRC.to_string());
        if let Some(title) = get("zh-title") {
            config.book.title = Some(title);
        }
        if !book_dir.join(&src).join("SUMMARY.md").is_file() {
            return Err(book_error(format!(
                "the Chinese edition has no {}/SUMMARY.md in {}",
                src,
                book_dir.display()
            )));
        }
        config.book.src = PathBuf::from(src);
        config.book.language = Some(edition::ZH_LANGUAGE.to_string());
    }
    Ok(config)
}

/// Run mdBook with our preprocessor, writing the edition `lang` as HTML to
/// `dir`, then rebuild its search index for Chinese; returns the number of
/// chapters and what the index rebuild did.
fn render_into(book_dir: &Path, dir: &Path, lang: Lang) -> Result<(usize, search::Rebuilt)> {
    let config = edition_config(book_dir, lang)?;
    let mut md = mdbook_driver::MDBook::load_with_config(book_dir, config).map_err(|e| {
        book_error(format!(
            "cannot load the book in {}: {e:#}",
            book_dir.display()
        ))
    })?;
    md.config.build.build_dir = dir.to_path_buf();
    // Never write missing chapter files into the sources.
    md.config.build.create_missing = false;
    md.with_preprocessor(NnTutor);
    let pages = md
        .iter()
        .filter(|i| matches!(i, mdbook_driver::book::BookItem::Chapter(c) if c.path.is_some()))
        .count();
    md.build()
        .map_err(|e| book_error(format!("the book did not build: {e:#}")))?;
    let search = search::rebuild(dir, lang)
        .map_err(|e| book_error(format!("cannot rebuild the search index: {e}")))?;
    Ok((pages, search))
}

/// Replace `out` by `tmp`: the old build is moved aside first and removed
/// only after the new one is in place. A Chinese edition built inside the
/// old English one moves into the new one.
fn swap_into_place(tmp: &Path, out: &Path) -> Result<()> {
    let err = |what: &str, p: &Path, e: std::io::Error| {
        book_error(format!("cannot {what} {}: {e}", p.display()))
    };
    if out.exists() {
        let mut old = tmp.as_os_str().to_owned();
        old.push(".old");
        let old = PathBuf::from(old);
        std::fs::rename(out, &old).map_err(|e| err("move aside", out, e))?;
        if let Err(e) = std::fs::rename(tmp, out) {
            let _ = std::fs::rename(&old, out);
            return Err(err("move into place", out, e));
        }
        let (zh_old, zh_new) = (old.join(edition::ZH_DIR), out.join(edition::ZH_DIR));
        if zh_old.join(MARKER).is_file() && !zh_new.exists() {
            std::fs::rename(&zh_old, &zh_new).map_err(|e| err("keep", &zh_old, e))?;
        }
        let _ = if old.is_dir() {
            std::fs::remove_dir_all(&old)
        } else {
            std::fs::remove_file(&old)
        };
    } else {
        std::fs::rename(tmp, out).map_err(|e| err("move into place", out, e))?;
    }
    Ok(())
}

/// mdBook's preprocessor protocol, for authors who run a plain `mdbook`:
/// `supports RENDERER` answers by exit status; without arguments read
/// `[context, book]` as JSON on stdin and write the processed book.
pub fn preprocess_protocol(args: &[String]) -> Result<String> {
    if let [cmd, renderer] = args
        && cmd == "supports"
    {
        return if NnTutor.supports_renderer(renderer).unwrap_or(false) {
            Ok(String::new())
        } else {
            Err(book_error(format!(
                "the nn-tutor preprocessor does not support `{renderer}`"
            )))
        };
    }
    if !args.is_empty() {
        return Err(Error::Usage(format!(
            "unexpected arguments {args:?}; mdbook calls this as `supports RENDERER` or with the book on stdin"
        )));
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| book_error(format!("cannot read stdin: {e}")))?;
    let (ctx, book) = mdbook_preprocessor::parse_input(input.as_bytes())
        .map_err(|e| book_error(format!("not an mdbook preprocessor input: {e:#}")))?;
    let book = NnTutor
        .run(&ctx, book)
        .map_err(|e| book_error(format!("{e:#}")))?;
    let mut out = Vec::new();
    serde_json::to_writer(&mut out, &book)
        .map_err(|e| book_error(format!("cannot write the book: {e}")))?;
    out.flush().ok();
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_ids_are_unique_across_figures() {
        let svg = "<svg><path id=\"arrow0\"/><use href=\"#arrow0\"/><g marker-end=\"url(#endarrow)\"/></svg>";
        let n = AtomicUsize::new(0);
        let two = unique_svg_ids(&format!("{svg}\ntext id=\"keep\"\n{svg}"), &n);
        assert!(two.contains("id=\"nn-fig0-arrow0\""));
        assert!(two.contains("href=\"#nn-fig0-arrow0\""));
        assert!(two.contains("url(#nn-fig0-endarrow)"));
        assert!(two.contains("id=\"nn-fig1-arrow0\""));
        assert!(
            two.contains("text id=\"keep\""),
            "text outside an svg is untouched"
        );
        assert_eq!(n.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn the_sources_are_never_an_output() {
        let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("book");
        for out in [
            book.clone(),
            book.join("src"),
            book.join("src/x"),
            book.join(".."),
        ] {
            let err = check_not_sources(&book, &out).unwrap_err().to_string();
            assert!(err.contains("sources"), "{err}");
        }
        assert!(check_not_sources(&book, &book.join("build")).is_ok());
    }

    #[test]
    fn stale_temporaries_of_killed_builds_are_removed() {
        let base = std::env::temp_dir().join(format!("nn-tutor-stale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        for d in [".html.tmp-1-1", ".html.tmp-2-2", ".other.tmp-3-3", "keep"] {
            std::fs::create_dir_all(base.join(d)).unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
        for d in [".html.tmp-1-1", ".other.tmp-3-3", "keep"] {
            let f = std::fs::File::open(base.join(d)).unwrap();
            f.set_modified(two_hours_ago).unwrap();
        }
        remove_stale_temporaries(&base, ".html.tmp-");
        assert!(!base.join(".html.tmp-1-1").exists(), "stale: removed");
        assert!(
            base.join(".html.tmp-2-2").exists(),
            "recent: may be running"
        );
        assert!(base.join(".other.tmp-3-3").exists(), "another output's");
        assert!(base.join("keep").exists());
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn a_foreign_directory_is_not_replaced_without_force() {
        let base = std::env::temp_dir().join(format!("nn-tutor-outdir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(base.join("mine")).unwrap();
        std::fs::write(base.join("mine/notes.txt"), "keep me").unwrap();
        let err = check_out_dir(&base.join("mine"), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("--force"), "{err}");
        assert!(check_out_dir(&base.join("mine"), true).is_ok());
        std::fs::write(base.join("mine").join(MARKER), "").unwrap();
        assert!(check_out_dir(&base.join("mine"), false).is_ok());
        assert!(check_out_dir(&base.join("absent"), false).is_ok());
        std::fs::remove_dir_all(&base).unwrap();
    }
}
