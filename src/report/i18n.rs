//! Report labels in Chinese (`--lang zh`): one table from the English
//! column headers to the decks' terms, and bilingual titles turned round so
//! the Chinese term leads. A view of the same Report: no number changes.
//!
//! How far this goes: column headers and the order of bilingual titles.
//! Step descriptions and explanatory paragraphs are still written in
//! English by the report builders (with the Chinese term beside them).

/// The language of report labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Chinese, with the decks' terms.
    Zh,
}

use crate::report::{Block, Report};

/// English column header → the decks' Chinese term.
const HEADERS: &[(&str, &str)] = &[
    ("name", "名称"),
    ("value", "值"),
    ("node", "节点"),
    ("computed as", "计算式"),
    ("upstream", "上游梯度"),
    ("local", "局部梯度"),
    ("contribution", "贡献"),
    ("quantity", "量"),
    ("gradient", "梯度"),
    ("formula", "公式"),
    ("formula's value", "公式的值"),
    ("backprop", "反向传播"),
    ("same", "一致"),
    ("parameter", "参数"),
    ("layer", "层"),
    ("activation", "激活函数"),
    ("function", "函数"),
    ("loss", "损失"),
    ("step", "步"),
    ("check", "检验"),
    ("finite difference", "有限差分"),
    ("central difference", "中心差分"),
    ("rule", "法则"),
    ("factor", "因子"),
    ("sign", "符号"),
    ("new value", "新值"),
    ("new w", "新 w"),
    ("new b", "新 b"),
    ("pattern", "模式"),
    ("gate", "门"),
    ("sends", "传递"),
    ("epoch", "轮次"),
    ("mistakes", "错误数"),
    ("variance", "方差"),
    ("bound", "界"),
    ("scheme", "方案"),
    ("sample n", "样本 n"),
    ("exact", "精确值"),
    ("drift", "偏差"),
    ("yours", "你的答案"),
    ("computed", "计算值"),
    ("verdict", "判定"),
    ("likely slip", "可能的错误"),
    ("example", "例题"),
    ("title", "标题"),
    ("inputs (defaults)", "输入 (默认值)"),
    ("source", "出处"),
];

/// The Chinese header for an English one, if the table has it.
pub fn header(en: &str) -> Option<&'static str> {
    HEADERS.iter().find(|(e, _)| *e == en).map(|(_, z)| *z)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
}

/// Split at " · " outside parentheses.
fn split_top(title: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in title.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 && title[i..].starts_with(" · ") && i >= start {
            parts.push(&title[start..i]);
            start = i + " · ".len();
        }
    }
    parts.push(&title[start..]);
    parts
}

/// "Forward pass · 前向传播 (…)" → "前向传播 (…) · Forward pass": the first
/// part with Chinese moves to the front.
pub fn chinese_first(title: &str) -> String {
    let parts = split_top(title);
    match parts.iter().position(|p| has_cjk(p)) {
        Some(k) if k > 0 => {
            let mut v = parts.clone();
            let zh = v.remove(k);
            v.insert(0, zh);
            v.join(" · ")
        }
        _ => title.to_string(),
    }
}

/// The report with labels in `lang`: borrowed as is for English, a
/// relabelled copy for Chinese.
pub fn localize(r: &Report, lang: Lang) -> std::borrow::Cow<'_, Report> {
    if lang == Lang::En {
        return std::borrow::Cow::Borrowed(r);
    }
    let mut r = r.clone();
    if !r.title_zh.is_empty() {
        std::mem::swap(&mut r.title, &mut r.title_zh);
    }
    for b in &mut r.blocks {
        match b {
            Block::Table(t) => {
                t.title = chinese_first(&t.title);
                for h in &mut t.header {
                    if let Some(z) = header(h) {
                        *h = z.to_string();
                    }
                }
            }
            Block::Heading(h) => *h = chinese_first(h),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_leads() {
        assert_eq!(
            chinese_first("Forward pass · 前向传播"),
            "前向传播 · Forward pass"
        );
        assert_eq!(
            chinese_first("Layer 1 (hidden · 隐藏层) · relu"),
            "Layer 1 (hidden · 隐藏层) · relu"
        );
        assert_eq!(
            chinese_first("Gradients of layer 1 · 梯度 · ∂L/∂W(1) = δ(1) a(0)ᵀ"),
            "梯度 · Gradients of layer 1 · ∂L/∂W(1) = δ(1) a(0)ᵀ"
        );
        assert_eq!(chinese_first("U(-1/√m, 1/√m)"), "U(-1/√m, 1/√m)");
    }
}
