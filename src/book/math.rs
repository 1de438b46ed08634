//! LaTeX → MathML at build time, so the book needs no MathJax and no
//! network: every `$…$` and `$$…$$` of a chapter becomes a `<math>` element.
//!
//! Formulas are found with `pulldown-cmark`'s math extension, so code spans
//! and code blocks stay untouched. A formula that does not parse fails the
//! build, and so does a `$` left over in the text (an unbalanced formula
//! such as `$\frac{1}{2$` is otherwise silently left as text).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use pulldown_latex::config::DisplayMode;
use pulldown_latex::{RenderConfig, Storage, push_mathml};

/// The Markdown extensions mdBook enables, plus math.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
}

/// One LaTeX formula as MathML; `Err` carries the parser's message.
pub fn to_mathml(latex: &str, display: bool) -> Result<String, String> {
    let storage = Storage::new();
    let parser = pulldown_latex::Parser::new(latex, &storage);
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, parser, config).map_err(|e| e.to_string())?;
    // The renderer reports some problems in the output itself.
    if out.contains("<merror") {
        return Err("the formula contains an unknown command or a syntax error".to_string());
    }
    // `\ ` (a space) comes out as the escaped entity, which a reader
    // would see as the text "&nbsp;": write the no-break space itself.
    Ok(out.replace("&amp;nbsp;", "\u{a0}"))
}

/// Make MathML safe to sit in a Markdown paragraph or table cell: the text
/// between tags is still read as Markdown, so ASCII punctuation there
/// (`*`, `_`, `|`, `\`, `$`, …) becomes a numeric character reference.
/// Newlines become spaces, so the element stays on one line.
fn inline_safe(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len() + 16);
    let mut in_tag = false;
    let mut in_entity = false;
    for c in mathml.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ if in_tag => out.push(c),
            '&' => {
                in_entity = true;
                out.push(c);
            }
            ';' if in_entity => {
                in_entity = false;
                out.push(c);
            }
            _ if in_entity => out.push(c),
            c if c.is_ascii_punctuation() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Where a problem is: the 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Replace every formula of a Markdown text by MathML. Display formulas
/// become an HTML block of their own (`<div class="nn-math">`), inline ones
/// inline `<math>`. Errors name the line and the formula.
pub fn convert(markdown: &str) -> Result<String, String> {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut last = 0;
    let mut code_depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::InlineMath(latex) | Event::DisplayMath(latex) if code_depth == 0 => {
                let display = markdown[range.clone()].starts_with("$$");
                let mathml = to_mathml(&latex, display).map_err(|e| {
                    format!(
                        "line {}: malformed formula `{}`: {e}",
                        line_of(markdown, range.start),
                        latex.trim()
                    )
                })?;
                out.push_str(&markdown[last..range.start]);
                if display {
                    out.push_str(&format!(
                        "\n\n<div class=\"nn-math\">{}</div>\n\n",
                        inline_safe(&mathml)
                    ));
                } else {
                    out.push_str(&inline_safe(&mathml));
                }
                last = range.end;
            }
            Event::Text(t) if code_depth == 0 && t.contains('$') => {
                // A `$` that pulldown-cmark did not take as math: unbalanced
                // or stray. `\$` in the source is an intended dollar sign.
                let src = &markdown[range.clone()];
                let stray = src
                    .char_indices()
                    .filter(|&(_, c)| c == '$')
                    .any(|(i, _)| !markdown[..range.start + i].ends_with('\\'));
                if stray {
                    return Err(format!(
                        "line {}: a `$` is left over in `{}` (an unbalanced formula? write \\$ for a dollar sign)",
                        line_of(markdown, range.start),
                        src.trim()
                    ));
                }
            }
            _ => {}
        }
    }
    out.push_str(&markdown[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latex_space_is_a_space_not_the_text_nbsp() {
        // ReLU'(z) = I(z > 0),\ ReLU'(0) = 0 (activation/1's title)
        let m = to_mathml("I(z > 0),\\ x = 0", false).unwrap();
        assert!(!m.contains("nbsp"), "{m}");
        assert!(m.contains('\u{a0}'), "{m}");
    }

    #[test]
    fn inline_and_display_formulas_become_mathml() {
        let md = "Let $a_i * b_j$ be.\n\n$$\n\\frac{\\partial f}{\\partial q} = z\n$$\n";
        let html = convert(md).unwrap();
        assert!(!html.contains('$'), "{html}");
        assert_eq!(html.matches("<math").count(), 2, "{html}");
        assert!(html.contains("<div class=\"nn-math\"><math display=\"block\""));
        assert!(html.contains("<mfrac>"));
        // `*` in the text of the MathML is escaped, so Markdown leaves it.
        assert!(!html.split("<math").nth(1).unwrap().contains('*'));
    }

    #[test]
    fn code_stays_untouched() {
        let md = "Run `echo $HOME` or\n\n```sh\nexport A=$B\n```\n";
        assert_eq!(convert(md).unwrap(), md);
    }

    #[test]
    fn malformed_formula_fails_with_its_line() {
        let err = convert("ok\n\nbad $\\frac{1}$ here\n").unwrap_err();
        assert!(err.starts_with("line 3: malformed formula"), "{err}");
        let err = convert("x $\\undefinedcommand{y}$\n").unwrap_err();
        assert!(err.contains("malformed"), "{err}");
    }

    #[test]
    fn leftover_dollar_fails() {
        let err = convert("half $\\frac{1}{2$ done\n").unwrap_err();
        assert!(err.contains("left over"), "{err}");
        assert!(convert("costs \\$5\n").is_ok());
    }

    #[test]
    fn table_cells_keep_their_columns() {
        let md = "| a | b |\n|---|---|\n| $x \\vert y$ | $z$ |\n";
        let html = convert(md).unwrap();
        // Two cells: no `|` from the formula leaks into the row.
        let row = html.lines().nth(2).unwrap();
        assert_eq!(row.matches('|').count(), 3, "{row}");
    }
}
