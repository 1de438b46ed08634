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
    for (k, p) in sh.problems.iter().enumerate() {
        let n = k + 1;
        let ex = p.example;
        let title = match l {
            Lang::En => ex.title.to_string(),
            Lang::Zh => format!("{} · {}", ex.title_zh, ex.title),
        };
        let inputs: Vec<String> = p
            .report
            .inputs
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k} = {}",
                    v.exact_string().unwrap_or_else(|| plain_decimal(v))
                )
            })
            .collect();
        let given = crate::catalog::program(&ex.id())
            .map(|g| match l {
                Lang::En => format!(" Given: {g}."),
                Lang::Zh => format!(" 已知: {g}。"),
            })
            .unwrap_or_default();
        for q in p.asked() {
            let text = match l {
                Lang::En => format!(
                    "Problem {n}, {title} ({}). Inputs: {}.{given} Find {} (exact values where you can, otherwise 4 decimals).",
                    ex.id(),
                    inputs.join(", "),
                    q.name
                ),
                Lang::Zh => format!(
                    "第 {n} 题，{title} ({})。输入: {}。{given} 求 {} (能精确就写精确值，否则保留 4 位小数)。",
                    ex.id(),
                    inputs.join(", "),
                    q.name
                ),
            };
            out.push_str(&format!(
                "::{}::{} {{#{}:{tol}}}\n\n",
                escape(&format!("P{n} {} {}", ex.id(), q.name)),
                escape(&text),
                plain_decimal(&q.value)
            ));
        }
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
