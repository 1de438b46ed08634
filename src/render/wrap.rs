//! Fitting text to a terminal's width: display width (CJK characters count
//! two columns), word wrapping that may break between Chinese characters
//! but never inside a number, and the width to fit (`--width`, the
//! terminal, `COLUMNS`).

use textwrap::core::Word;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};
use unicode_width::UnicodeWidthStr;

/// Columns `s` takes on a terminal (CJK characters count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The widest line of `s`.
pub fn max_line_width(s: &str) -> usize {
    s.lines().map(width).max().unwrap_or(0)
}

/// CJK ideographs and full-width forms: a line may break between any two.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Words for textwrap: runs between spaces, and each CJK character on its
/// own (Chinese has no spaces and breaks between characters).
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let boundary = match prev {
            None => false,
            Some(p) => c != ' ' && (p == ' ' || is_cjk(c) || is_cjk(p)),
        };
        if boundary {
            out.push(Word::from(&line[start..i]));
            start = i;
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(Word::from(&line[start..]));
    }
    Box::new(out.into_iter())
}

/// The narrowest a column holding `s` may be: its longest number (a number
/// is never split) and its longest word up to `cap` columns (a longer word
/// may be broken).
pub fn floor(s: &str, cap: usize) -> usize {
    s.lines()
        .flat_map(|l| {
            words(l)
                .map(|w| {
                    let n = width(w.word);
                    if is_number(w.word) { n } else { n.min(cap) }
                })
                .collect::<Vec<_>>()
        })
        .max()
        .unwrap_or(0)
}

/// A number as the renderers print it: `-3`, `1/4`, `(-0.5)`, `1e-5`, `≈0.33`.
fn is_number(w: &str) -> bool {
    let w = w.trim_matches(|c| matches!(c, '(' | ')' | ',' | ';' | '[' | ']'));
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | '−' | '+' | '/' | '.' | 'e' | 'E' | '≈')
        })
}

/// Wrap one paragraph to `cols` columns: the first line starts with
/// `first`, the others with `rest`. Existing line breaks are kept; a word
/// wider than the line is broken (only text reaches here, never a number
/// cell).
pub fn wrap(text: &str, cols: usize, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        let lead = if k == 0 { first } else { rest };
        if width(lead) + width(line) <= cols {
            out.push(format!("{lead}{line}"));
            continue;
        }
        let opts = Options::new(cols.max(width(rest) + 1))
            .initial_indent(lead)
            .subsequent_indent(rest)
            .word_separator(WordSeparator::Custom(words))
            .wrap_algorithm(WrapAlgorithm::FirstFit)
            .word_splitter(WordSplitter::NoHyphenation)
            .break_words(true);
        out.extend(
            textwrap::wrap(line, &opts)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    out
}

/// A paragraph wrapped to `cols`, continuation lines indented like its
/// first (a list item's text under its text).
pub fn paragraph(text: &str, cols: usize) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let body = &line[indent.len()..];
        let hang = match body.split_once(' ') {
            Some((b, _)) if matches!(b, "-" | "•" | "*") => {
                format!("{indent}{}", " ".repeat(b.chars().count() + 1))
            }
            _ => indent.clone(),
        };
        for l in wrap(body, cols, &indent, &hang) {
            out.push_str(l.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The width to fit: `--width N` wins, then the terminal's width (when
/// stdout is a terminal), then `COLUMNS`; `None` (no limit, today's layout)
/// when output goes to a pipe or file and neither is given.
pub fn target_width(flag: Option<usize>) -> Option<usize> {
    if flag.is_some() {
        return flag;
    }
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return Some(w as usize);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(width("反向传播"), 8);
        assert_eq!(width("backprop"), 8);
        assert_eq!(width("Inputs · 输入"), 13);
    }

    #[test]
    fn chinese_wraps_between_characters_at_double_width() {
        // 12 ideographs are 24 columns: at 10 columns, 5 per line.
        let lines = wrap("梯度下降法每次沿负梯度方向", 10, "", "");
        assert_eq!(lines, ["梯度下降法", "每次沿负梯", "度方向"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn english_wraps_at_spaces_and_mixed_text_fits() {
        let lines = wrap("the add gate hands its upstream gradient on", 20, "", "  ");
        assert_eq!(
            lines,
            ["the add gate hands", "  its upstream", "  gradient on"]
        );
        let mixed = "反向传播 backpropagation 计算每个参数的梯度 gradient of every parameter";
        for l in wrap(mixed, 16, "", "") {
            assert!(width(&l) <= 16, "{l:?} is {} wide", width(&l));
        }
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let p = paragraph("- one two three four five", 12);
        assert_eq!(p, "- one two\n  three four\n  five\n");
    }
}
