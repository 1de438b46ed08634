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
//! {{#nn-tutor exercise backprop --example 1 --seed 7}}
//! ```
//!
//! Reports are rendered as Markdown with their figures (graphs and plots)
//! as inline SVG; `--diagram svg` gives the figure alone. A report's own
//! headings become bold lines: the chapter's heading is the one heading of
//! an example, in the page and in the sidebar. An `exercise` directive
//! gives the seeded sheet with its answer key folded away in `<details>`,
//! drawn anew at every build from the same seed. A spec file is
//! read relative to the book's `src/`. A new command works here as soon as
//! `parse` allows it and `expand` runs it. Write
//! `\{{#nn-tutor …}}` to show a directive without expanding it.

use std::path::Path;

use clap::Parser;

use crate::args::{Cli, Command, ExerciseArgs};
use crate::catalog;
use crate::commands::{self, Outcome};
use crate::exercise::messages::{Msg, text};
use crate::exercise::sheet::{self, Parts, SheetFormat};
use crate::exercise::{self, Ask};
use crate::render::{FigureStyle, RenderOptions};
use crate::report::i18n::Lang;

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
    "only commands that print a report can be embedded (explain, graph, list, net, exercise)";

/// Parse a directive's arguments with the CLI's clap definition.
pub fn parse(args: &str) -> Result<Cli, String> {
    parse_in(args, Lang::En)
}

/// [`parse`] for a page of the edition `lang`: every directive runs with
/// the edition's `--lang` (unless it names a language itself).
pub fn parse_in(args: &str, lang: Lang) -> Result<Cli, String> {
    let mut words = shlex::split(args).ok_or_else(|| "unbalanced quotes".to_string())?;
    let names_lang = words
        .iter()
        .any(|w| w.split('=').next().is_some_and(|f| f == "--lang"));
    // The edition's language, also against NN_TUTOR_LANG in the builder's
    // environment (an English page stays English).
    if !names_lang {
        let code = if lang == Lang::Zh { "zh" } else { "en" };
        words.extend(["--lang".to_string(), code.to_string()]);
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
    match &cli.command {
        Command::Explain(_) | Command::Graph(_) | Command::List(_) | Command::Net(_) => Ok(cli),
        Command::Exercise(a) => exercise_allowed(a).map(|()| cli),
        _ => Err(ONLY_REPORTS.into()),
    }
}

/// An exercise in a chapter is one topic's sheet in Markdown, its key
/// folded under it: flags that write files, pick another format, append
/// the key or draw across every topic have no place on a page.
fn exercise_allowed(a: &ExerciseArgs) -> Result<(), String> {
    let refused = [
        (a.out.is_some(), "--out"),
        (a.key_out.is_some(), "--key-out"),
        (a.force, "--force"),
        (a.key, "--key"),
        (a.all, "--all"),
        (a.variants, "--variants"),
        (a.exam, "--exam"),
        (
            a.format != crate::class::ExerciseFormat::Markdown,
            "--format",
        ),
        (a.roster.is_some(), "--roster"),
    ];
    match refused.iter().find(|(set, _)| *set) {
        Some((_, flag)) => Err(format!(
            "`{flag}` has no place in the book: an exercise directive shows one topic's sheet \
             in Markdown with its answer key folded away"
        )),
        None => Ok(()),
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
        Command::Exercise(a) => return exercise(&a),
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
            Ok(demote_headings(&super::tables::render(
                &report, out.lang, &opts,
            )))
        }
        Outcome::Text(t) if t.trim_start().starts_with("<svg") => Ok(format!(
            "<div class=\"nn-figure\">\n{}\n</div>\n\n",
            t.trim()
        )),
        Outcome::Text(t) => Ok(format!("```text\n{}\n```\n\n", t.trim_end())),
    }
}

/// The sheet of an `exercise` directive, then its answer key (every
/// result and the full steps) folded in `<details>`, whose summary is the
/// key's title in the sheet's language.
fn exercise(a: &ExerciseArgs) -> Result<String, String> {
    let topic = a
        .topic
        .as_deref()
        .ok_or("name a topic, e.g. `exercise backprop --example 1`")?;
    let (topic, n) = commands::topic_and_example(topic, a.example).map_err(|e| e.to_string())?;
    let examples = match n {
        Some(n) => vec![catalog::find(&topic, n).map_err(|e| e.to_string())?],
        None => catalog::topic(&topic).map_err(|e| e.to_string())?,
    };
    let ask = Ask {
        topic: Some(topic),
        example: n,
        all: false,
        seed: a.seed,
        count: a.count,
        lang: a.lang,
        find: a.find.clone(),
    };
    // The command the sheet prints regenerates it, as the CLI's does.
    let mut command = ask.command();
    if a.answers_only {
        command.push_str(" --answers-only");
    }
    if a.digits != 6 {
        command.push_str(&format!(" --digits {}", a.digits));
    }
    let sh = exercise::make_asking(
        &examples,
        a.seed,
        a.count,
        a.lang,
        command,
        a.find.as_deref(),
    )
    .map_err(|e| e.to_string())?;
    let opts = RenderOptions {
        figures: FigureStyle::Svg,
        digits: a.digits as usize,
        color: false,
        width: None,
        exact_long: false,
    };
    let part = |questions, key| {
        demote_headings(&sheet::render(
            &sh,
            SheetFormat::Markdown,
            Parts {
                questions,
                key,
                answers_only: a.answers_only,
                exam: false,
            },
            &opts,
        ))
    };
    Ok(format!(
        "<div class=\"nn-exercise\">\n\n{}\n<details class=\"nn-answers\">\n<summary>{}</summary>\n\n{}\n</details>\n\n</div>\n\n",
        part(true, false).trim_end(),
        text(Msg::KeyTitle, a.lang),
        part(false, true).trim_end(),
    ))
}

/// Every ATX heading of a report (outside code blocks) as a bold line, so
/// that the chapter's own heading is the example's only heading.
pub fn demote_headings(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut fence = false;
    for line in md.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fence = !fence;
        }
        let hashes = line.len() - line.trim_start_matches('#').len();
        let rest = &line[hashes..];
        if fence || !(1..=6).contains(&hashes) || !rest.starts_with(' ') {
            out.push_str(line);
            continue;
        }
        out.push_str(&format!("**{}**\n", rest.trim()));
    }
    out
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
        assert!(md.starts_with("**backprop/1 · "), "{md}");
        assert!(!md.lines().any(|l| l.starts_with('#')), "{md}");
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

    /// An exercise directive: the seeded sheet (the same one the CLI prints
    /// for that seed), then its key folded in `<details>`; in the Chinese
    /// edition, both in Chinese.
    #[test]
    fn exercises_show_the_sheet_and_fold_the_key() {
        let args = "exercise backprop --example 1 --seed 7";
        let md = expand(args, Path::new("."), Lang::En).unwrap();
        let (sheet, key) = md.split_once("<details class=\"nn-answers\">").unwrap();
        assert!(
            sheet.contains("nn-tutor exercise backprop --example 1 --seed 7"),
            "{sheet}"
        );
        let cli = match commands::exercise::run(match parse(args).unwrap().command {
            Command::Exercise(a) => a,
            _ => unreachable!(),
        }) {
            Ok(Outcome::Text(t)) => t,
            _ => panic!("the CLI's sheet"),
        };
        assert_eq!(
            sheet
                .trim_start_matches("<div class=\"nn-exercise\">\n\n")
                .trim_end(),
            demote_headings(&cli).trim_end(),
            "the CLI's sheet for the same seed"
        );
        // Seed 7 draws x = -1, y = -5, z = 4: q = -6, f = qz = -24 and
        // df/dz = q = -6, df/dx = df/dy = z = 4 (by hand).
        assert!(
            sheet.contains("| `x` | -1 |") && sheet.contains("| `z` | 4 |"),
            "{sheet}"
        );
        assert!(!sheet.contains("-24"), "no answer before the fold: {sheet}");
        assert!(
            key.starts_with("\n<summary>Answer key</summary>\n\n"),
            "{key}"
        );
        assert!(
            key.contains("| `f` | -24 |") && key.contains("| `df/dz` | -6 |"),
            "{key}"
        );
        assert!(key.trim_end().ends_with("</details>\n\n</div>"), "{key}");
        assert!(!md.lines().any(|l| l.starts_with('#')), "{md}");
        let zh = expand(args, Path::new("."), Lang::Zh).unwrap();
        assert!(zh.contains("<summary>参考答案</summary>"), "{zh}");
        assert!(zh.contains("--seed 7 --lang zh"), "{zh}");
        assert!(zh.contains("| `f` | -24 |"), "the same draw: {zh}");
        for bad in [
            "--key",
            "--out s.md",
            "--key-out k.md",
            "--format latex",
            "--variants",
            "--exam",
        ] {
            let err = parse(&format!("{args} {bad}")).unwrap_err();
            assert!(err.contains("no place in the book"), "{bad}: {err}");
        }
    }

    #[test]
    fn report_headings_become_bold_lines_outside_code() {
        let md = "### backprop/1 · Title\n\ntext\n\n#### Part\n```text\n# not a heading\n```\n#hashtag\n";
        assert_eq!(
            demote_headings(md),
            "**backprop/1 · Title**\n\ntext\n\n**Part**\n```text\n# not a heading\n```\n#hashtag\n"
        );
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
