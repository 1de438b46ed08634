//! The `nn-tutor` command line: parse ([`crate::args`]), dispatch each
//! subcommand to its `run` ([`crate::commands`]), render, print.

use std::io::Write;

use clap::FromArgMatches;

pub use crate::args::{Cli, Command, OutputArgs};
use crate::commands;
pub use crate::commands::{Outcome, parse_assignments};
use crate::error::{Error, Result};
use crate::render;
use crate::report::i18n::Lang;
use crate::report::{Block, Report};

/// Run a parsed command line up to its report or text.
pub fn outcome(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::List(a) => commands::list::run(a),
        Command::Explain(a) => commands::explain::run(a),
        Command::Graph(a) => commands::graph::run(a),
        Command::Net(a) => commands::net::run(a),
        Command::Exercise(a) => commands::exercise::run(a),
        Command::Check(a) => commands::check::run(a),
        Command::Book(a) => crate::book::command::run(a),
        Command::Grade(a) => commands::grade::run(a),
        Command::Train(a) => commands::train::run(a),
        Command::Completions(a) => commands::completions::run(a),
    }
}

/// Run a parsed command line and return the text to print.
pub fn run(cli: Cli) -> Result<String> {
    run_with_status(cli).map(|(text, _)| text)
}

/// Run a command line; the status is 1 when `check` found a wrong answer.
pub fn run_with_status(cli: Cli) -> Result<(String, i32)> {
    Ok(match outcome(cli)? {
        Outcome::Report(r, out) => (show(&r, &out), 0),
        Outcome::Graded(r, out, all_right) => (show(&r, &out), if all_right { 0 } else { 1 }),
        Outcome::Text(t) => (t, 0),
    })
}

fn show(report: &Report, out: &OutputArgs) -> String {
    let report = crate::report::i18n::localize(report, out.lang);
    render::render(&report, out.format, &out.render_options())
}

/// The whole program: parse, run, print; returns the exit status.
/// Usage errors exit with 2, computation errors with 1; a closed stdout
/// (`nn-tutor … | head -1`) is not an error.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Help and errors speak the language of --lang or NN_TUTOR_LANG.
    let lang = crate::args::cli_lang(&args);
    let parsed = crate::args::command_in(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            match clap_error_zh(&e, lang) {
                Some(zh) => eprint!("{zh}"),
                None => {
                    let _ = e.print();
                }
            }
            return e.exit_code();
        }
    };
    match run_with_status(cli) {
        Ok((text, status)) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => status,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
                Err(e) => {
                    eprintln!("error: cannot write the output: {e}");
                    1
                }
            }
        }
        Err(e) => {
            eprintln!("{}", error_message(&e, lang));
            e.exit_code()
        }
    }
}

/// clap's own parse error in Chinese (`lang` zh), built from its kind and
/// context through [`crate::report::messages::cli::ERRORS`] (the English
/// templates are clap's wording); `None` in English, for help and version
/// (already in the language), and for a kind clap gives no context for.
pub fn clap_error_zh(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind as E};
    if lang == Lang::En {
        return None;
    }
    let get = |k: K| match e.get(k) {
        Some(V::String(s)) => Some(vec![s.clone()]),
        Some(V::Strings(v)) => Some(v.clone()),
        Some(V::Number(n)) => Some(vec![n.to_string()]),
        Some(V::StyledStr(s)) => Some(vec![s.to_string()]),
        Some(V::StyledStrs(v)) => Some(v.iter().map(|s| s.to_string()).collect()),
        _ => None,
    };
    let one = |k: K| get(k).and_then(|v| v.into_iter().next());
    let zh = |template: &str, parts: &[String]| {
        crate::report::i18n::fill_error(template, parts)
            .unwrap_or_else(|| crate::report::i18n::fill_in_order(template, parts))
    };
    let quoted = |v: &[String]| {
        v.iter()
            .map(|x| format!("'{x}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if matches!(
        e.kind(),
        E::DisplayHelp
            | E::DisplayHelpOnMissingArgumentOrSubcommand
            | E::DisplayVersion
            | E::Io
            | E::Format
    ) {
        return None;
    }
    let arg = one(K::InvalidArg);
    let value = one(K::InvalidValue);
    let main = || -> Option<String> {
        Some(match e.kind() {
            E::UnknownArgument => zh("unexpected argument '{}' found", &[arg?]),
            E::InvalidSubcommand => zh(
                "unrecognized subcommand '{}'",
                &[one(K::InvalidSubcommand)?],
            ),
            E::InvalidValue => {
                let (arg, value) = (arg?, value?);
                let mut m = if value.is_empty() {
                    zh("a value is required for '{}' but none was supplied", &[arg])
                } else {
                    zh("invalid value '{}' for '{}'", &[value, arg])
                };
                if let Some(valid) = get(K::ValidValue).filter(|v| !v.is_empty()) {
                    m.push_str(&zh("\n  [possible values: {}]", &[valid.join(", ")]));
                }
                m
            }
            E::ValueValidation => {
                let mut m = zh("invalid value '{}' for '{}'", &[value?, arg?]);
                if let Some(src) = std::error::Error::source(e) {
                    let src = src.to_string();
                    let src = crate::report::i18n::fill_error("{}", std::slice::from_ref(&src))
                        .unwrap_or(src);
                    m.push_str(&format!(": {src}"));
                }
                m
            }
            E::MissingRequiredArgument => {
                let mut m = zh("the following required arguments were not provided:", &[]);
                for a in get(K::InvalidArg)? {
                    m.push_str(&format!("\n  {a}"));
                }
                m
            }
            E::MissingSubcommand => {
                let mut m = zh(
                    "'{}' requires a subcommand but one was not provided",
                    &[one(K::InvalidSubcommand)?],
                );
                if let Some(valid) = get(K::ValidSubcommand).filter(|v| !v.is_empty()) {
                    m.push_str(&zh("\n  [subcommands: {}]", &[valid.join(", ")]));
                }
                m
            }
            E::ArgumentConflict => {
                let arg = arg?;
                match get(K::PriorArg) {
                    Some(prior) if prior != [arg.clone()] => zh(
                        "the argument '{}' cannot be used with {}",
                        &[arg, quoted(&prior)],
                    ),
                    _ => zh("the argument '{}' cannot be used multiple times", &[arg]),
                }
            }
            E::NoEquals => zh(
                "equal sign is needed when assigning values to '{}'",
                &[arg?],
            ),
            E::TooManyValues => zh(
                "unexpected value '{}' for '{}' found; no more were expected",
                &[value?, arg?],
            ),
            E::TooFewValues => zh(
                "{} values required by '{}'; only {} provided",
                &[one(K::MinValues)?, arg?, one(K::ActualNumValues)?],
            ),
            E::WrongNumberOfValues => zh(
                "{} values required for '{}' but {} provided",
                &[one(K::ExpectedNumValues)?, arg?, one(K::ActualNumValues)?],
            ),
            E::InvalidUtf8 => zh("invalid UTF-8 was detected in one or more arguments", &[]),
            _ => return None,
        })
    };
    let main = main();
    let raw = main.is_none();
    let mut msg = match main {
        Some(m) => m,
        // An error our own value parser raised whole (`unknown topic …`):
        // its message has its own entry, or it stays English.
        None => {
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
            crate::report::i18n::fill_error("{}", &[text.to_string()])?
        }
    };
    // clap's "did you mean" and its other tips.
    let mut tips = Vec::new();
    for (k, what) in [
        (K::SuggestedSubcommand, "subcommand"),
        (K::SuggestedArg, "argument"),
        (K::SuggestedValue, "value"),
    ] {
        if let Some(v) = get(k) {
            tips.push(zh(&format!("a similar {what} exists: {{}}"), &[quoted(&v)]));
        }
    }
    if let Some(v) = get(K::Suggested) {
        for t in v {
            let t = crate::report::i18n::fill_error("{}", std::slice::from_ref(&t)).unwrap_or(t);
            tips.push(t);
        }
    }
    if !tips.is_empty() {
        msg.push('\n');
        for t in tips {
            msg.push_str(&format!("\n  {}: {t}", zh("tip", &[])));
        }
    }
    if let Some(usage) = one(K::Usage) {
        let usage = match usage.strip_prefix("Usage:") {
            Some(rest) => format!("{}{rest}", help_word("Usage:")),
            None => usage,
        };
        msg.push_str(&format!("\n\n{usage}"));
    }
    // As in English: a whole message of our own parser has no such line.
    if !raw {
        msg.push_str(&zh(
            "\n\nFor more information, try '{}'.",
            &["--help".to_string()],
        ));
    }
    Some(format!("{}: {msg}\n", help_word("error")))
}

/// A word of the help table in Chinese (`error`, `Usage:`).
fn help_word(en: &str) -> String {
    crate::args::help_zh(en).unwrap_or_else(|| en.to_string())
}

/// `error: …` as the binary prints it, in `lang`: the Chinese comes from
/// [`crate::report::messages::ERROR_TABLES`] (a TOML error gets its own
/// frame, [`crate::report::i18n::toml_error_zh`]); a message without an
/// entry stays English.
pub fn error_message(e: &Error, lang: Lang) -> String {
    match lang {
        // A TOML error shows its line with a caret under the column, as
        // the Chinese frame does (the one-line message alone is what a
        // class report quotes).
        Lang::En => match e {
            Error::Toml { excerpt, .. } if !excerpt.is_empty() => format!("error: {e}\n{excerpt}"),
            _ => format!("error: {e}"),
        },
        Lang::Zh => {
            if let Error::Toml {
                path,
                line,
                column,
                message,
                excerpt,
            } = e
            {
                let zh = crate::report::i18n::toml_error_zh(path, *line, *column, message, excerpt);
                return format!("{}: {zh}", help_word("error"));
            }
            let (template, parts) = error_parts(e);
            let zh =
                crate::report::i18n::fill_error(template, &parts).unwrap_or_else(|| e.to_string());
            format!(
                "{}: {zh}",
                crate::args::help_zh("error").unwrap_or_default()
            )
        }
    }
}

/// An error's message as its template (the `#[error]` text with `{}` for
/// each field, in order) and its fields: every variant, so a new one must
/// say how it reads in Chinese.
fn error_parts(e: &Error) -> (&'static str, Vec<String>) {
    let s = |x: &dyn ToString| x.to_string();
    match e {
        Error::Syntax { message, caret } => ("syntax error: {}\n{}", vec![s(message), s(caret)]),
        Error::UnknownFunction { name, known, hint } => (
            "unknown function `{}`{}; known functions: {}",
            vec![s(name), s(hint), s(known)],
        ),
        Error::BadNumber { text, reason } => {
            ("cannot read `{}` as a number: {}", vec![s(text), s(reason)])
        }
        Error::MissingValue { name } => (
            "variable `{}` has no value; give it one with --at {}=…",
            vec![s(name), s(name)],
        ),
        Error::UnknownName {
            name,
            what,
            accepted,
        } => ("`{}` is not {}; {}", vec![s(name), s(what), s(accepted)]),
        Error::BadAssignment { text } => (
            "cannot read `{}`: expected NAME=VALUE, e.g. x=3 or w=1/2",
            vec![s(text)],
        ),
        Error::DivisionByZero { node } => ("division by zero at node `{}`", vec![s(node)]),
        Error::Domain {
            func,
            value,
            node,
            hint,
        } => (
            "{} is undefined at {} (node `{}`): {}",
            vec![s(func), s(value), s(node), s(hint)],
        ),
        Error::NotFinite { node, value } => (
            "the value of node `{}` is not a finite number ({}); try smaller inputs",
            vec![s(node), s(value)],
        ),
        Error::TooLarge { node, cap } => (
            "exact value at node `{}` needs more than {} bits; \
             rerun with --float to compute in floating point",
            vec![s(node), s(cap)],
        ),
        Error::Limit { what, limit, hint } => match hint.strip_prefix("; ") {
            Some(h) => (
                "{} exceeds the limit of {}; {}",
                vec![s(what), s(limit), s(&h)],
            ),
            None => (
                "{} exceeds the limit of {}",
                vec![s(what), format!("{limit}{hint}")],
            ),
        },
        // A whole message: its entry is the message itself.
        Error::UnknownExample { message } | Error::Usage(message) => ("{}", vec![s(message)]),
        Error::Invalid {
            what,
            problem,
            accepted,
        } => ("{}: {}; {}", vec![s(what), s(problem), s(accepted)]),
        Error::Toml {
            path,
            line,
            column,
            message,
            ..
        } => (
            "{}:{}:{}: cannot read the TOML: {}",
            vec![s(path), s(line), s(column), s(message)],
        ),
        Error::Io { path, message } | Error::File { path, message } => {
            ("{}: {}", vec![s(path), s(message)])
        }
        Error::Book { message } => ("book: {}", vec![s(message)]),
        Error::BadFlag {
            flag,
            value,
            accepted,
        } => ("{} {}: {}", vec![s(flag), s(value), s(accepted)]),
        Error::BadData {
            source_name,
            problem,
            expected,
        } => (
            "{}: {}; expected {}",
            vec![s(source_name), s(problem), s(expected)],
        ),
        Error::Diverged {
            epoch,
            iteration,
            value,
            lr,
            suggest,
        } => (
            "training diverged in epoch {} (iteration {}): the loss became {} \
             with learning rate {}; try a smaller learning rate, e.g. --lr {}",
            vec![s(epoch), s(iteration), s(value), s(lr), s(suggest)],
        ),
    }
}

/// The blocks of a report that are tables (used by tests).
pub fn tables(report: &Report) -> impl Iterator<Item = &crate::report::Table> {
    report.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every variant; the match has no catch-all arm, so a new
    /// variant does not compile here until it has a sample (and, through
    /// `error_parts`, a template with a Chinese entry).
    fn samples() -> Vec<Error> {
        let s = |x: &str| x.to_string();
        let all = vec![
            Error::Syntax {
                message: s("unexpected `)`"),
                caret: s("x)\n ^"),
            },
            Error::UnknownFunction {
                name: s("sigmod"),
                known: s("exp, ln"),
                hint: s(" (did you mean `sigmoid`?)"),
            },
            Error::BadNumber {
                text: s("1/0"),
                reason: s("division by zero"),
            },
            Error::MissingValue { name: s("x") },
            Error::UnknownName {
                name: s("w"),
                what: s("an input"),
                accepted: s("x, y"),
            },
            Error::BadAssignment { text: s("x") },
            Error::DivisionByZero { node: s("f") },
            Error::Domain {
                func: s("ln"),
                value: s("0"),
                node: s("f"),
                hint: s("x > 0"),
            },
            Error::NotFinite {
                node: s("f"),
                value: s("inf"),
            },
            Error::TooLarge {
                node: s("f"),
                cap: 4096,
            },
            Error::Limit {
                what: s("depth"),
                limit: s("200"),
                hint: s("; name steps"),
            },
            Error::UnknownExample {
                message: s("--set needs --example N"),
            },
            Error::Usage(s("--set needs --example N")),
            Error::Invalid {
                what: s("input"),
                problem: s("1 value"),
                accepted: s("give 3 input values"),
            },
            Error::Toml {
                path: s("a.toml"),
                line: 1,
                column: 2,
                message: s("key with no value, expected `=`"),
                excerpt: s("  a\n   ^"),
            },
            Error::Io {
                path: s("a.svg"),
                message: s("cannot read it: gone"),
            },
            Error::File {
                path: s("a.svg"),
                message: s("already exists; add --force to overwrite it"),
            },
            Error::Book {
                message: s("cannot read it: gone"),
            },
            Error::BadFlag {
                flag: s("--batch"),
                value: s("0"),
                accepted: s("give 1 or more"),
            },
            Error::BadData {
                source_name: s("x.idx"),
                problem: s("short"),
                expected: s("784"),
            },
            Error::Diverged {
                epoch: 3,
                iteration: 7,
                value: s("NaN"),
                lr: 10.0,
                suggest: 1.0,
            },
        ];
        for e in &all {
            match e {
                Error::Syntax { .. }
                | Error::UnknownFunction { .. }
                | Error::BadNumber { .. }
                | Error::MissingValue { .. }
                | Error::UnknownName { .. }
                | Error::BadAssignment { .. }
                | Error::DivisionByZero { .. }
                | Error::Domain { .. }
                | Error::NotFinite { .. }
                | Error::TooLarge { .. }
                | Error::Limit { .. }
                | Error::UnknownExample { .. }
                | Error::Usage(_)
                | Error::Invalid { .. }
                | Error::Toml { .. }
                | Error::Io { .. }
                | Error::File { .. }
                | Error::Book { .. }
                | Error::BadFlag { .. }
                | Error::BadData { .. }
                | Error::Diverged { .. } => {}
            }
        }
        all
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The suggestion for a misspelt function is Chinese too under zh, not
    /// an English fragment inside a Chinese sentence.
    #[test]
    fn a_function_suggestion_reads_in_chinese() {
        let e = crate::expr::parse_program("sigmod(x)").expect_err("sigmod is not a function");
        let zh = error_message(&e, Lang::Zh);
        assert!(zh.contains("（是不是想写 `sigmoid`？）"), "{zh}");
        assert!(!zh.contains("did you mean"), "{zh}");
    }

    /// Every entry of the error table puts back as many parts as its
    /// English has, and each English template appears once.
    #[test]
    fn error_table_is_consistent() {
        let mut seen = std::collections::HashSet::new();
        for (en, zh) in crate::report::messages::ERROR_TABLES
            .iter()
            .flat_map(|t| t.iter())
        {
            assert!(seen.insert(en), "{en:?} twice");
            let n = en.matches("{}").count();
            let m = zh.matches('{').count();
            assert_eq!(n, m, "{en:?} → {zh:?}");
            assert!(
                *en != "{}" && !en.contains("{}{}"),
                "{en:?}: parts must be separated"
            );
        }
    }

    /// Every error variant reads in Chinese under --lang zh, and its
    /// template is its English message exactly (so the two cannot drift).
    #[test]
    fn every_error_variant_has_a_chinese_entry() {
        let samples = samples();
        let mut kinds: Vec<_> = samples.iter().map(std::mem::discriminant).collect();
        kinds.dedup();
        assert_eq!(kinds.len(), samples.len(), "one sample per variant");
        for e in &samples {
            let (template, parts) = error_parts(e);
            assert_eq!(
                crate::report::i18n::fill_in_order(template, &parts),
                e.to_string(),
                "{template:?} is not the message of {e:?}"
            );
            let zh = error_message(e, Lang::Zh);
            assert!(zh.starts_with("错误: "), "{zh}");
            let body = zh.trim_start_matches("错误: ");
            assert!(has_cjk(body), "{e:?} has no Chinese: {zh}");
            // English is the message itself; a TOML error adds its line
            // and caret below it, as the Chinese frame shows them.
            let en = error_message(e, Lang::En);
            match e {
                Error::Toml { excerpt, .. } if !excerpt.is_empty() => {
                    assert_eq!(en, format!("error: {e}\n{excerpt}"));
                }
                _ => assert_eq!(en, format!("error: {e}")),
            }
        }
    }

    /// The details of errors (a `--set` out of range, unknown names, a net
    /// spec that does not fit, train's flags, a missing file) read in
    /// Chinese under zh, not English inside a Chinese sentence.
    #[test]
    fn free_form_error_details_read_in_chinese() {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap();
        let spec = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p.to_str().unwrap().to_string()
        };
        let layer = "[[layer]]\nweights = [[\"1/2\", \"-1/4\"]]\nbias = [\"1/4\"]\n";
        let wide = spec(
            "wide.toml",
            "input = [1, 2]\ntarget = [1]\nloss = \"half_sse\"\n[[layer]]\nweights = [[1, 2, 3], [4, 5, 6]]\n\
             bias = [0, 0]\nactivation = \"sigmoid\"\n",
        );
        let loss = spec(
            "loss.toml",
            &format!(
                "input = [1, 2]\ntarget = [1]\nloss = \"hinge\"\n{layer}activation = \"sigmoid\"\n"
            ),
        );
        let act = spec(
            "act.toml",
            &format!(
                "input = [1, 2]\ntarget = [1]\nloss = \"mse\"\n{layer}activation = \"sigmod\"\n"
            ),
        );
        let conv = spec(
            "conv.toml",
            &format!(
                "convention = \"diagonal\"\ninput = [1, 2]\ntarget = [1]\nloss = \"mse\"\n\
                 {layer}activation = \"sigmoid\"\n"
            ),
        );
        let missing = dir.path().join("nothere.toml");
        let missing = missing.to_str().unwrap();
        let cases: Vec<Vec<&str>> = vec![
            vec!["explain", "backprop", "-e", "1", "--set", "q=1"],
            vec!["explain", "backprop", "-e", "1", "--set", "x=abc"],
            vec!["explain", "neuron", "-e", "3", "--set", "steps=100"],
            vec!["explain", "softmax", "-e", "2", "--set", "class=5"],
            vec!["explain", "training", "-e", "1", "--set", "lambda=-1"],
            vec!["explain", "dying-relu", "-e", "1", "--round-each", "2"],
            vec!["graph", "x", "--at", "y=1"],
            vec!["graph", "ln(x)", "--at", "x=-1"],
            vec!["graph", "sqrt(x)", "--at", "x=-1"],
            vec!["graph", "x+", "--at", "x=1"],
            vec!["graph", "2x", "--at", "x=1"],
            vec!["graph", "x y", "--at", "x=1,y=2"],
            vec!["net", &wide],
            vec!["net", &loss],
            vec!["net", &act],
            vec!["net", &conv],
            vec!["net", missing],
            vec!["train", "--data", "xor", "--lr", "0"],
            vec!["train", "--data", "xor", "--batch", "0"],
            vec!["train", "--data", "nope"],
            vec!["train", "--data", "xor", "--epochs", "0"],
            vec!["train", "--data", "xor", "--init", "nope"],
        ];
        let mut english = Vec::new();
        for args in cases {
            let mut argv = vec!["nn-tutor"];
            argv.extend(&args);
            let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            let Err(e) = outcome(cli) else {
                panic!("{args:?} does not fail")
            };
            let zh = error_message(&e, Lang::Zh);
            if let Some(w) = crate::report::i18n::english_phrase(&zh) {
                english.push(format!("{args:?}: \"{w}\" in {zh}"));
            }
        }
        assert!(
            english.is_empty(),
            "English inside Chinese errors; add entries to DETAILS in \
             src/report/messages/errors.rs:\n{}",
            english.join("\n")
        );
    }
}
