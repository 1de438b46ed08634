//! The two editions of the book: English (`book/src`) and Chinese
//! (`book/src-zh`). Both have the same chapters, in the same order, with the
//! same directives; only the prose differs, and the Chinese edition runs
//! every directive with `--lang zh`.
//!
//! The edition of a build is read from `[book] language` (`zh-Hans` for
//! the Chinese one), so the in-process build and a plain `mdbook` agree.
//! The Chinese edition sits in the folder [`ZH_DIR`] of the English one;
//! every page links to the same page of the other edition.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::report::i18n::Lang;

/// The folder of the Chinese edition inside the English one.
pub const ZH_DIR: &str = "zh";

/// `[book] language` of the Chinese edition, as in `<html lang>`.
pub const ZH_LANGUAGE: &str = "zh-Hans";

/// The Chinese edition's sources unless book.toml names others
/// (`[preprocessor.nn-tutor] zh-src`).
pub const ZH_SRC: &str = "src-zh";

/// The edition a `[book] language` value stands for.
pub fn from_language(language: Option<&str>) -> Lang {
    match language {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// A Han character (CJK unified ideographs and their extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Chinese punctuation (`，。、：（）` …), kept inside a run of Chinese.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// The line at the top of a page that leads to the same page in the
/// other edition. `path` is the chapter's path in the book (`backprop.md`).
pub fn switch_line(path: &Path, lang: Lang) -> String {
    let depth = path.components().count().saturating_sub(1);
    let root = "../".repeat(depth);
    let page = path.with_extension("html");
    let page = page.to_string_lossy().replace('\\', "/");
    let (href, hreflang, text) = match lang {
        Lang::En => (format!("{root}{ZH_DIR}/{page}"), ZH_LANGUAGE, "中文版"),
        Lang::Zh => (format!("{root}../{page}"), "en", "English edition"),
    };
    format!(
        "<p class=\"nn-edition\"><a href=\"{href}\" hreflang=\"{hreflang}\" lang=\"{hreflang}\">{text}</a></p>\n\n"
    )
}

/// The visible text of [`switch_line`], which the search index leaves out.
pub fn switch_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "中文版",
        Lang::Zh => "English edition",
    }
}

/// Mark every run of Chinese in the Markdown text of an English page as
/// `<span lang="zh-Hans">…</span>`, so browsers and screen readers know
/// its language. Code, formulas, raw HTML (figures), image descriptions
/// and link targets are left as they are.
pub fn mark_chinese(markdown: &str) -> String {
    let opts = super::math::options();
    let mut cuts: Vec<(usize, &str)> = Vec::new();
    let mut in_image = 0usize;
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(_) if in_image == 0 => {
                let text = &markdown[range.clone()];
                for (s, e) in chinese_runs(text) {
                    cuts.push((range.start + s, "<span lang=\"zh-Hans\">"));
                    cuts.push((range.start + e, "</span>"));
                }
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len() + cuts.len() * 12);
    let mut last = 0;
    for (at, tag) in cuts {
        out.push_str(&markdown[last..at]);
        out.push_str(tag);
        last = at;
    }
    out.push_str(&markdown[last..]);
    out
}

/// Mark the Chinese inside the text of figures (inline SVG) of an English
/// page: each run becomes `<tspan lang="zh-Hans">…</tspan>` within its
/// `<text>`, so it is drawn in Simplified Chinese forms too.
pub fn mark_chinese_in_figures(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        let Some(len) = rest[i..].find("</svg>") else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(&mark_svg_text(&rest[i..i + len]));
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    out
}

/// [`mark_chinese_in_figures`] for one `<svg …>…` (without its `</svg>`).
fn mark_svg_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut in_text = false;
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        if in_text && text.chars().any(is_han) {
            let mut last = 0;
            for (s, e) in chinese_runs(text) {
                out.push_str(&text[last..s]);
                out.push_str("<tspan lang=\"zh-Hans\">");
                out.push_str(&text[s..e]);
                out.push_str("</tspan>");
                last = e;
            }
            out.push_str(&text[last..]);
        } else {
            out.push_str(text);
        }
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..end];
        // Text is drawn only inside <text> and <tspan>.
        in_text = ["<text", "<tspan"]
            .iter()
            .any(|t| tag.starts_with(t) && !tag.ends_with("/>"));
        out.push_str(tag);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Join the lines of a paragraph where Chinese meets Chinese: a line break
/// in the source is a space in HTML, and a space between two Chinese
/// characters (or after `，。`) is a visible gap. Breaks next to Latin
/// letters, digits or formulas stay spaces.
pub fn join_chinese_lines(markdown: &str) -> String {
    let opts = super::math::options();
    let cjk = |c: char| is_han(c) || is_cjk_punctuation(c);
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        if event != Event::SoftBreak {
            continue;
        }
        let before = markdown[..range.start].trim_end_matches([' ', '\t']);
        let after_start = range.end + markdown[range.end..].len()
            - markdown[range.end..].trim_start_matches([' ', '\t']).len();
        // Look through emphasis: `这里\n**重新计算**` joins too.
        let (Some(b), Some(a)) = (
            before.trim_end_matches(['*', '_']).chars().next_back(),
            markdown[after_start..]
                .trim_start_matches(['*', '_'])
                .chars()
                .next(),
        ) else {
            continue;
        };
        let joins = (cjk(b) && cjk(a)) || is_cjk_punctuation(b) || is_cjk_punctuation(a);
        if joins && last <= before.len() {
            out.push_str(&markdown[last..before.len()]);
            last = after_start;
        }
    }
    out.push_str(&markdown[last..]);
    out
}

/// Byte ranges of the runs of Chinese in `text`: Han characters and the
/// Chinese punctuation between and after them.
fn chinese_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if is_han(c) || (start.is_some() && is_cjk_punctuation(c)) {
            start.get_or_insert(i);
            end = i + c.len_utf8();
        } else if let Some(s) = start.take() {
            runs.push((s, end));
        }
    }
    if let Some(s) = start {
        runs.push((s, end));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_runs_are_marked_outside_code_math_and_html() {
        let md = "# Backpropagation · 反向传播\n\n\
                  The 误差项（δ）is `代码` and $\\text{损失}$.\n\n\
                  <div title=\"图\">图</div>\n\n| a | 学习率 |\n|---|---|\n\n![图片](x.png)\n";
        let out = mark_chinese(md);
        assert!(
            out.contains("# Backpropagation · <span lang=\"zh-Hans\">反向传播</span>\n"),
            "{out}"
        );
        assert!(
            out.contains("The <span lang=\"zh-Hans\">误差项（</span>δ）is"),
            "{out}"
        );
        assert!(out.contains("`代码`"), "code is untouched: {out}");
        assert!(out.contains("$\\text{损失}$"), "math is untouched: {out}");
        assert!(out.contains("<div title=\"图\">图</div>"), "{out}");
        assert!(
            out.contains("| <span lang=\"zh-Hans\">学习率</span> |"),
            "{out}"
        );
        assert!(out.contains("![图片](x.png)"), "{out}");
        assert_eq!(mark_chinese("no Chinese"), "no Chinese");
    }

    #[test]
    fn chinese_in_figure_text_is_marked() {
        let html = "<p>图</p>\n<svg><title>图</title><text x=\"1\">\nSoftmax · 分类概率\n</text><text/></svg>";
        assert_eq!(
            mark_chinese_in_figures(html),
            "<p>图</p>\n<svg><title>图</title><text x=\"1\">\nSoftmax · <tspan lang=\"zh-Hans\">分类概率</tspan>\n</text><text/></svg>"
        );
    }

    #[test]
    fn lines_are_joined_where_chinese_meets_chinese() {
        let md = "第一行，\n第二行\n  接着写\n**重点** $x$\nPKU 课件\nand English\n\n新段落\n- 列表\n- 第二项\n\n```\n代码\n代码\n```\n";
        let out = join_chinese_lines(md);
        assert_eq!(
            out,
            "第一行，第二行接着写**重点** $x$\nPKU 课件\nand English\n\n新段落\n- 列表\n- 第二项\n\n```\n代码\n代码\n```\n"
        );
    }

    #[test]
    fn the_switch_line_leads_to_the_same_page_of_the_other_edition() {
        let en = switch_line(Path::new("backprop.md"), Lang::En);
        assert!(en.contains("href=\"zh/backprop.html\""), "{en}");
        let zh = switch_line(Path::new("backprop.md"), Lang::Zh);
        assert!(zh.contains("href=\"../backprop.html\""), "{zh}");
        let deep = switch_line(Path::new("part/ch.md"), Lang::Zh);
        assert!(deep.contains("href=\"../../part/ch.html\""), "{deep}");
        assert_eq!(from_language(Some("zh-Hans")), Lang::Zh);
        assert_eq!(from_language(Some("en")), Lang::En);
        assert_eq!(from_language(None), Lang::En);
    }
}
