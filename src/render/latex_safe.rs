//! Make LaTeX from the report renderer safe for plain `pdflatex`: every
//! character outside ASCII is spelled as a LaTeX command, an ASCII stand-in,
//! or dropped (Chinese terms, which need the CJK package; the sheet keeps the
//! English title beside them).
//!
//! Outside `verbatim` a symbol becomes `\ensuremath{…}`, which works in text
//! and in math. Inside `verbatim` (text diagrams) commands do not work, so
//! box-drawing becomes `|`, `-`, `+` and Greek letters their names.

use crate::render::latex;

/// Replace every non-ASCII character of `tex` (see the module doc);
/// `keep_cjk` keeps Chinese characters (a document set in `CJK` with CJKutf8).
pub fn ascii(tex: &str, keep_cjk: bool) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut verbatim = false;
    for line in tex.split_inclusive('\n') {
        if line.contains("\\begin{verbatim}") {
            verbatim = true;
        }
        let mut text = String::with_capacity(line.len());
        let mut after_cjk = false;
        for c in line.chars() {
            // "例1" (example 1) goes with its Chinese word.
            let dropped_number = after_cjk && !keep_cjk && c.is_ascii_digit();
            after_cjk = is_cjk(c) || dropped_number;
            if dropped_number {
                continue;
            }
            if c.is_ascii() || (keep_cjk && is_cjk(c)) {
                text.push(c);
            } else if verbatim {
                text.push_str(plain(c));
            } else {
                text.push_str(&command(c));
            }
        }
        // Verbatim diagrams keep their spacing.
        let dropped = !verbatim && !keep_cjk && line.chars().any(is_cjk);
        out.push_str(&match (verbatim, dropped) {
            (true, _) => text,
            (false, false) => tidy(&text),
            (false, true) => tidy_dropped(&tidy(&text)),
        });
        if line.contains("\\end{verbatim}") {
            verbatim = false;
        }
    }
    out
}

use latex::is_cjk;

/// A LaTeX spelling of `c` for text or math mode (from the renderer's
/// one table, [`latex::unicode_math`]); "" drops it.
fn command(c: char) -> String {
    if let Some(m) = latex::unicode_math(c) {
        return format!("\\ensuremath{{{m}}}");
    }
    if let Some(t) = latex::unicode_text(c) {
        return t.into();
    }
    match c {
        '（' => "(".into(),
        '）' => ")".into(),
        '，' | '、' => ",".into(),
        '：' => ":".into(),
        _ => plain(c).into(),
    }
}

/// An ASCII stand-in for `c` where commands cannot be used; "" drops it.
fn plain(c: char) -> &'static str {
    latex::unicode_ascii(c)
}

/// Tidy what dropping Chinese leaves behind: ` · ` separators with nothing
/// after them, empty parentheses, doubled spaces.
fn tidy(line: &str) -> String {
    // Each rewrite runs only where its pattern occurs: a sheet's LaTeX
    // passes here line by line, and most lines need none of them.
    fn rewrite(s: &mut String, from: &str, to: &str) {
        if s.contains(from) {
            *s = s.replace(from, to);
        }
    }
    fn collapse(s: &mut String) {
        while s.contains("  ") {
            *s = s.replace("  ", " ");
        }
    }
    let mut s = line.to_string();
    collapse(&mut s);
    // The report renderer writes `$\cdot$`, this module `\ensuremath{\cdot}`.
    if s.contains("\\cdot") {
        for dot in ["\\ensuremath{\\cdot}", "$\\cdot$"] {
            rewrite(&mut s, &format!(" {dot} }}"), "}");
            rewrite(&mut s, &format!(" {dot} \n"), "\n");
            rewrite(&mut s, &format!(" {dot} {dot} "), &format!(" {dot} "));
        }
    }
    rewrite(&mut s, "()", "");
    collapse(&mut s);
    rewrite(&mut s, " ,", ",");
    rewrite(&mut s, ", :", ":");
    s
}

/// After dropping Chinese from a line: runs of punctuation it separated
/// (`:,,,,`) and punctuation left at the end of the line.
fn tidy_dropped(line: &str) -> String {
    let (body, nl) = match line.strip_suffix('\n') {
        Some(b) => (b, "\n"),
        None => (line, ""),
    };
    let mut s = drop_hollow_parens(body);
    for dot in ["\\ensuremath{\\cdot}", "$\\cdot$"] {
        // "(output · 输出层)" leaves "(output · )".
        s = s.replace(&format!(" {dot} )"), ")");
        s = s.replace(&format!(" {dot}}}"), "}");
    }
    for (from, to) in [
        (",,", ","),
        (", ,", ","),
        (":,", ":"),
        (": ,", ":"),
        (" .", "."),
    ] {
        while s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let trimmed = s.trim_end_matches([' ', ',', ':']);
    format!("{trimmed}{nl}")
}

/// Remove parentheses left holding no word or number once the Chinese in
/// them is gone: "(参数 = 输入 × 输出)" leaves "( = \ensuremath{\times})".
fn drop_hollow_parens(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let mut words = inner.to_string();
        for cmd in ["\\ensuremath", "\\times", "\\cdot", "\\to", "\\approx"] {
            words = words.replace(cmd, "");
        }
        let hollow = !inner.contains('(') && !words.chars().any(|c| c.is_ascii_alphanumeric());
        out.push_str(&rest[..open]);
        if hollow {
            out.truncate(out.trim_end_matches(' ').len());
        } else {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_remains() {
        let tex = "\\subsection*{backprop/1 · Title · 反向传播}\nPKU deck, 反向传播 例1: f\nx → ∂f/∂x\n\\begin{verbatim}\n├── σ\n\\end{verbatim}\n";
        let out = ascii(tex, false);
        assert!(out.is_ascii(), "{out}");
        assert!(
            out.contains("\\subsection*{backprop/1 \\ensuremath{\\cdot} Title}"),
            "{out}"
        );
        assert!(out.contains("+-- sigma"), "{out}");
        assert!(out.contains("PKU deck: f\n"), "{out}");
        assert!(out.contains("\\ensuremath{\\partial}f"), "{out}");
        let out = ascii("\\paragraph{Update $\\cdot$ 参数更新 $\\cdot$ W}\n", false);
        assert_eq!(out, "\\paragraph{Update $\\cdot$ W}\n");
        // What dropping Chinese left in LaTeX keys: "(output · )" and a
        // parenthesis of bare symbols.
        let out = ascii("\\paragraph{Layer 1 (output · 输出层) · sigmoid}\n", false);
        assert_eq!(
            out,
            "\\paragraph{Layer 1 (output) \\ensuremath{\\cdot} sigmoid}\n"
        );
        let out = ascii(
            "\\paragraph{Layer by layer · 逐层 (参数 = 输入 × 输出, 偏置 = 输出)}\n",
            false,
        );
        assert_eq!(out, "\\paragraph{Layer by layer}\n");
        // Parentheses with words or numbers stay.
        let out = ascii("f(x) = (1 - a) · 中文\n", false);
        assert_eq!(out, "f(x) = (1 - a)\n");
    }

    #[test]
    fn sheets_and_reports_spell_symbols_alike() {
        // One table: ᵀ and ‖ were `^{\mathsf{T}}` and `\|` here but
        // `^{\top}` and `\Vert` in the report renderer.
        for c in ['ᵀ', '‖', '∂', '½', '−', '∞'] {
            let m = latex::unicode_math(c).unwrap();
            assert_eq!(command(c), format!("\\ensuremath{{{m}}}"));
            assert_eq!(latex::escape(&c.to_string()), format!("${m}$"));
        }
        assert_eq!(command('ᵀ'), "\\ensuremath{^{\\top}}");
        assert_eq!(command('—'), "---");
    }
}
