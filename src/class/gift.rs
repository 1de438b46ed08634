//! Moodle's GIFT format (`exercise --format gift`): one numerical question
//! per asked quantity, `::title:: text {#value:tolerance}`, so a sheet can
//! be imported into a Moodle question bank as it is. Pure: sheet in, text
//! out.
//!
//! In GIFT `~ = # { } :` and `\` are markup; in the title and the text
//! they are escaped with a backslash.

use super::{DEFAULT_TOLERANCE, plain_decimal};
use crate::exercise::{Lang, Sheet};

/// Escape GIFT's special characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':' | '\\') {
            out.push('\\');
        }
        match c {
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The tolerance written into `{#value:tolerance}`.
pub fn tolerance_text(t: f64) -> String {
    let s = format!("{t:.12}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The sheet as GIFT questions; `tolerance` is the accepted ± around each
/// value (the sheet's default: [`DEFAULT_TOLERANCE`]).
pub fn render(sh: &Sheet, tolerance: Option<f64>) -> String {
    let tol = tolerance_text(tolerance.unwrap_or(DEFAULT_TOLERANCE));
    let l = sh.lang;
    let mut out = format!(
        "// {}\n// {}\n\n$CATEGORY: nn-tutor/seed {}\n\n",
        sh.command,
        match l {
            Lang::En => "One numerical question per quantity; import into Moodle as GIFT.",
            Lang::Zh => "每个量一道数值题；在 Moodle 中以 GIFT 格式导入。",
        },
        sh.seed
    );
    for q in super::asked(sh) {
        out.push_str(&format!(
            "::{}::{} {{#{}:{tol}}}\n\n",
            escape(&q.title),
            escape(&q.text),
            plain_decimal(&q.value)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("a = b: {c} #d ~e \\"),
            "a \\= b\\: \\{c\\} \\#d \\~e \\\\"
        );
        assert_eq!(tolerance_text(0.00005), "0.00005");
    }

    #[test]
    fn one_question_per_asked_quantity() {
        let ex = crate::catalog::find("backprop", 1).unwrap();
        let sh = crate::exercise::make(
            &[ex],
            7,
            1,
            Lang::En,
            "nn-tutor exercise backprop --example 1 --seed 7".into(),
        )
        .unwrap();
        let g = render(&sh, None);
        let asked = sh.problems[0].asked();
        assert_eq!(g.matches("{#").count(), asked.len());
        // f = (x + y) z: the answer is the key's value.
        let f = sh.problems[0].report.result("f").unwrap();
        assert!(
            g.contains(&format!("{{#{}:0.00005}}", plain_decimal(f))),
            "{g}"
        );
    }
}
