//! `{{#nn-tutor …}}` directives: a command line of the CLI, written in a
//! chapter, replaced at build time by the Markdown of its report.
//!
//! The arguments are split shell-style and parsed by the CLI's own clap
//! definition, so a directive means exactly what the same command means in
//! a terminal:
//!
//! ```text
//! {{#nn-tutor explain backprop --example 1}}
//! {{#nn-tutor explain backprop --example 1 --set x=3}}
//! {{#nn-tutor graph "q = x + y; f = q * z" --at x=-2,y=5,z=-4 --chains}}
//! {{#nn-tutor graph "sigmoid(w*x + b)" --at w=1/2,x=2,b=-1 --diagram svg}}
//! {{#nn-tutor net specs/two-layer.toml}}
//! ```
//!
//! Reports are rendered as Markdown with their figures (graphs and plots)
//! as inline SVG; `--diagram svg` gives the figure alone. A spec file is
//! read relative to the book's `src/`. A new command works here as soon as
//! `parse` allows it and `expand` runs it. Write
//! `\{{#nn-tutor …}}` to show a directive without expanding it.

use std::path::Path;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::commands::{self, Outcome};
use crate::render::markdown;
use crate::render::{FigureStyle, RenderOptions};
use crate::report::i18n::{Lang, localize};

/// The opening of a directive.
pub const OPEN: &str = "{{#nn-tutor";
const CLOSE: &str = "}}";

/// A directive found in a chapter: its byte range and its argument text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive<'a> {
    pub start: usize,
    pub end: usize,
    /// The text between `{{#nn-tutor` and `}}`, trimmed.
    pub args: &'a str,
}

impl Directive<'_> {
    /// The directive as written, for error messages.
    pub fn source(&self) -> String {
        format!("{OPEN} {}{CLOSE}", self.args)
    }
}

/// Every unescaped directive of a text, in order. An opening without its
/// `}}` is an error.
pub fn find(text: &str) -> Result<Vec<Directive<'_>>, String> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(OPEN) {
        let start = from + i;
        let after = start + OPEN.len();
        from = after;
        if text[..start].ends_with('\\') {
            continue; // `\{{#nn-tutor …}}` is shown as written
        }
        // `{{#nn-tutorial}}` is not ours.
        if !text[after..].starts_with(|c: char| c.is_whitespace() || c == '}') {
            continue;
        }
        let Some(j) = text[after..].find(CLOSE) else {
            let line = text[..start].matches('\n').count() + 1;
            return Err(format!("line {line}: `{OPEN}` has no closing `}}}}`"));
        };
        let end = after + j + CLOSE.len();
        found.push(Directive {
            start,
            end,
            args: text[after..after + j].trim(),
        });
        from = end;
    }
    Ok(found)
}

const ONLY_REPORTS: &str =
    "only commands that print a report can be embedded (explain, graph, list, net)";

/// Parse a directive's arguments with the CLI's clap definition.
pub fn parse(args: &str) -> Result<Cli, String> {
    parse_in(args, Lang::En)
}

/// [`parse`] for a page of the edition `lang`: in the Chinese edition every
/// directive runs with `--lang zh` (unless it names a language itself).
pub fn parse_in(args: &str, lang: Lang) -> Result<Cli, String> {
    let mut words = shlex::split(args).ok_or_else(|| "unbalanced quotes".to_string())?;
    let names_lang = words
        .iter()
        .any(|w| w.split('=').next().is_some_and(|f| f == "--lang"));
    if lang == Lang::Zh && !names_lang {
        words.extend(["--lang".to_string(), "zh".to_string()]);
    }
    // A directive must not write files while the book builds; its figures
    // are inlined as SVG anyway.
    if let Some(w) = words
        .iter()
        .find(|w| w.split('=').next().is_some_and(|f| f == "--plot"))
    {
        return Err(format!(
            "`{w}` writes a file; in the book, figures are inlined without it"
        ));
    }
    let cli = Cli::try_parse_from(std::iter::once("nn-tutor".to_string()).chain(words))
        .map_err(|e| e.render().to_string().trim().to_string())?;
    // An allow-list, so a command added later (one that writes files or runs
    // for minutes) is not embeddable until someone decides it should be.
    match cli.command {
        Command::Explain(_) | Command::Graph(_) | Command::List(_) | Command::Net(_) => Ok(cli),
        _ => Err(ONLY_REPORTS.into()),
    }
}

/// The catalog id (`backprop/1`) a directive embeds, if it is an `explain`.
pub fn example_id(args: &str) -> Option<String> {
    match parse(args).ok()?.command {
        Command::Explain(a) => a.example.map(|n| format!("{}/{n}", a.topic)),
        _ => None,
    }
}

/// The Markdown a directive expands to, in the words of `lang`. Files a
/// directive names (`net SPEC.toml`) are found relative to `base`, the
/// book's `src/`, so a build gives the same pages from any working
/// directory.
pub fn expand(args: &str, base: &Path, lang: Lang) -> Result<String, String> {
    let cli = parse_in(args, lang)?;
    // Spec files are read beside the chapters and shown as the chapter
    // wrote them.
    let outcome = match cli.command {
        Command::Net(a) => commands::net::run_in(a, base),
        Command::Explain(a) => commands::explain::run(a),
        Command::Graph(a) => commands::graph::run(a),
        Command::List(a) => commands::list::run(a),
        _ => return Err(ONLY_REPORTS.to_string()),
    };
    match outcome.map_err(|e| e.to_string())? {
        Outcome::Report(report, out) | Outcome::Graded(report, out, _) => {
            let opts = RenderOptions {
                figures: FigureStyle::Svg,
                digits: out.digits as usize,
                color: false,
                width: None,
                exact_long: out.exact_long,
            };
            Ok(markdown::render(&localize(&report, out.lang), &opts))
        }
        Outcome::Text(t) if t.trim_start().starts_with("<svg") => Ok(format!(
            "<div class=\"nn-figure\">\n{}\n</div>\n\n",
            t.trim()
        )),
        Outcome::Text(t) => Ok(format!("```text\n{}\n```\n\n", t.trim_end())),
    }
}

/// Replace every directive of a chapter; an error names the directive.
pub fn expand_all(text: &str, base: &Path, lang: Lang) -> Result<String, String> {
    let mut out = String::with_capacity(text.len() * 4);
    let mut last = 0;
    for d in find(text)? {
        out.push_str(&text[last..d.start]);
        let md = expand(d.args, base, lang)
            .map_err(|e| format!("directive `{}` failed: {e}", d.source()))?;
        // A report is block content: give it blank lines around it.
        out.push_str("\n\n");
        out.push_str(&md);
        last = d.end;
    }
    out.push_str(&text[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_directives_and_skips_escaped_ones() {
        let t =
            "a {{#nn-tutor explain backprop --example 1}} b \\{{#nn-tutor list}} {{#nn-tutorial}}";
        let d = find(t).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].args, "explain backprop --example 1");
        assert_eq!(
            &t[d[0].start..d[0].end],
            "{{#nn-tutor explain backprop --example 1}}"
        );
        assert!(
            find("x {{#nn-tutor list")
                .unwrap_err()
                .contains("no closing")
        );
    }

    #[test]
    fn expands_with_the_clis_parser_and_svg_figures() {
        let md = expand("explain backprop --example 1", Path::new("."), Lang::En).unwrap();
        assert!(md.starts_with("### backprop/1"), "{md}");
        assert!(md.contains("<div class=\"nn-figure\">\n<svg "), "{md}");
        let md = expand(
            r#"graph "q = x + y; f = q * z" --at x=-2,y=5,z=-4 --diagram svg"#,
            Path::new("."),
            Lang::En,
        )
        .unwrap();
        assert!(md.starts_with("<div class=\"nn-figure\">\n<svg "), "{md}");
        assert_eq!(
            example_id("explain autodiff --example 2 --set x=1").as_deref(),
            Some("autodiff/2")
        );
    }

    /// In the Chinese edition a directive runs with `--lang zh`: the same
    /// report, its words in Chinese, its numbers unchanged.
    #[test]
    fn the_chinese_edition_runs_directives_with_lang_zh() {
        let en = expand("explain backprop --example 1", Path::new("."), Lang::En).unwrap();
        let zh = expand("explain backprop --example 1", Path::new("."), Lang::Zh).unwrap();
        assert!(en.contains("Forward pass"), "{en}");
        assert!(
            zh.contains("前向传播") && !zh.contains("Forward pass"),
            "{zh}"
        );
        // f = −12, signed with the true minus as the book writes values
        assert!(zh.contains("−12") && en.contains("−12"));
        let named = expand(
            "explain backprop --example 1 --lang en",
            Path::new("."),
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(named, en, "a directive that names its language keeps it");
    }

    #[test]
    fn failures_name_the_directive() {
        let err = expand_all(
            "{{#nn-tutor explain backprop --example 99}}",
            Path::new("."),
            Lang::En,
        )
        .unwrap_err();
        assert!(
            err.contains("`{{#nn-tutor explain backprop --example 99}}`"),
            "{err}"
        );
        assert!(err.contains("no example 99"), "{err}");
        let err =
            expand_all("{{#nn-tutor explain --bogus}}", Path::new("."), Lang::En).unwrap_err();
        assert!(err.contains("--bogus"), "{err}");
        let err = expand_all(
            "{{#nn-tutor graph \"x +\" --at x=1}}",
            Path::new("."),
            Lang::En,
        )
        .unwrap_err();
        assert!(err.contains("syntax error"), "{err}");
        assert!(expand_all("{{#nn-tutor completions bash}}", Path::new("."), Lang::En).is_err());
        let err = parse("explain activation --example 1 --plot a.svg").unwrap_err();
        assert!(err.contains("writes a file"), "{err}");
        assert!(expand_all("{{#nn-tutor graph \"x}}", Path::new("."), Lang::En).is_err());
    }
}
