//! How a report's tables sit in the book: the finite-difference check
//! tables folded away in `<details>`, and the forward and backward tables
//! of a worked example marked for predict-then-reveal.
//!
//! The terminal and `--format markdown` show every table open; only the
//! book's Markdown wraps them. The wrappers are plain HTML blocks around
//! the Markdown table (a blank line on each side, so mdBook still parses
//! the table inside), and they hide nothing by themselves: a reader
//! without scripts, and every printed page, sees each table whole. The
//! book's script (`book/nn-tutor.js`) adds the hiding classes and the
//! buttons; the style (`book/nn-tutor.css`) unfolds the checks on paper.

use crate::render::diagram::xml_escape as html_escape;
use crate::render::markdown::{self, Markdown};
use crate::render::{Markup, RenderOptions};
use crate::report::i18n::{Lang, localize};
use crate::report::{Block, Figure, Math, Report, Sentence, Table};

/// What the book does with a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Shown as the other formats show it.
    Plain,
    /// A finite-difference check of gradients the report already shows:
    /// folded away under its title.
    Check,
    /// A forward or backward table a reader can reveal row by row; the
    /// first `keep` columns (the row's number and node or quantity) stay
    /// visible so the reader knows what to predict.
    Reveal { keep: usize },
}

/// The role of a table, judged on its English title and header (before
/// the report is put into Chinese, so both editions agree).
pub fn role(t: &Table) -> Role {
    let title = t.title.as_str();
    if title.starts_with("Gradients, checked by central differences") {
        return Role::Check;
    }
    let layer_pass = title.starts_with("Layer ")
        && t.header
            .iter()
            .map(String::as_str)
            .eq(["quantity", "computed as", "value"]);
    let graph_pass = title.starts_with("Forward pass") || title.starts_with("Backward pass");
    if (layer_pass || graph_pass) && t.rows.len() > 1 {
        let keep = t
            .header
            .iter()
            .take_while(|h| matches!(h.as_str(), "#" | "node" | "quantity"))
            .count();
        return Role::Reveal { keep: keep.max(1) };
    }
    Role::Plain
}

/// The words of the reveal controls: the invitation, the next-row button,
/// show all, start again.
pub fn reveal_labels(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => [
            "Predict, then reveal",
            "Next row",
            "Show all",
            "Start again",
        ],
        Lang::Zh => ["先预测，再揭晓", "下一行", "全部显示", "重新开始"],
    }
}

/// The report as the book's Markdown, in the words of `lang`: the same
/// Markdown as `--format markdown`, with check tables folded and forward
/// and backward tables marked for predict-then-reveal.
pub fn render(report: &Report, lang: Lang, o: &RenderOptions) -> String {
    // Numbers among words first, so that the report walked is the one
    // whose tables the roles point at.
    let report = &report.with_words(o.digits);
    let roles: Vec<Role> = report
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => role(t),
            _ => Role::Plain,
        })
        .collect();
    let local = localize(report, lang);
    crate::render::walk(
        &local,
        &Book {
            md: Markdown { o },
            report: &local,
            roles: &roles,
            lang,
        },
    )
}

/// Markdown with the book's wrappers around some tables.
struct Book<'a> {
    md: Markdown<'a>,
    /// The report being walked, to find a table's block by address.
    report: &'a Report,
    /// One role per block of the report.
    roles: &'a [Role],
    lang: Lang,
}

impl Book<'_> {
    fn role_of(&self, t: &Table) -> Role {
        self.report
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Table(x) if std::ptr::eq(x, t)))
            .and_then(|i| self.roles.get(i).copied())
            .unwrap_or(Role::Plain)
    }
}

impl Markup for Book<'_> {
    fn digits(&self) -> usize {
        self.md.digits()
    }
    fn title(&self, r: &Report) -> String {
        self.md.title(r)
    }
    fn source(&self, lang: Lang, s: &str) -> String {
        self.md.source(lang, s)
    }
    fn section(&self, h: &str, maths: &[Math]) -> String {
        self.md.section(h, maths)
    }
    fn text(&self, t: &str) -> String {
        self.md.text(t)
    }
    fn sentence(&self, s: &Sentence) -> String {
        self.md.sentence(s)
    }
    fn formula(&self, m: &Math) -> String {
        self.md.formula(m)
    }
    fn table(&self, t: &Table) -> String {
        let md = self.md.table(t);
        match self.role_of(t) {
            Role::Plain => md,
            Role::Check => fold(t, &md),
            Role::Reveal { keep } => reveal(&md, keep, self.lang),
        }
    }
    fn figure(&self, f: &Figure, lang: Lang) -> String {
        self.md.figure(f, lang)
    }
    fn try_next(&self, lang: Lang, tries: &[String]) -> String {
        self.md.try_next(lang, tries)
    }
}

/// `<details>` whose summary is the table's title, the table inside.
fn fold(t: &Table, md: &str) -> String {
    let bold = format!("**{}**\n\n", markdown::escape(&t.title));
    let body = md.strip_prefix(&bold).unwrap_or(md);
    format!(
        "<details class=\"nn-check\">\n<summary>{}</summary>\n\n{}</details>\n\n",
        html_escape(&t.title),
        body
    )
}

/// The table in a block the book's script turns into predict-then-reveal.
fn reveal(md: &str, keep: usize, lang: Lang) -> String {
    let labels = reveal_labels(lang).map(html_escape).join("|");
    format!(
        "<div class=\"nn-reveal\" data-nn-keep=\"{keep}\" data-nn-labels=\"{labels}\">\n\n{md}</div>\n\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Cell;

    fn table(title: &str, header: &[&str], rows: usize) -> Table {
        let mut t = Table::new(title, header);
        for _ in 0..rows {
            t.row(header.iter().map(|_| Cell::Empty).collect());
        }
        t
    }

    #[test]
    fn roles_follow_the_english_titles() {
        let check = table(
            "Gradients, checked by central differences (f(v+h) - f(v-h))/2h, tolerance 1e-6",
            &["gradient", "backprop", "finite difference", "check"],
            3,
        );
        assert_eq!(role(&check), Role::Check);
        let fwd = table(
            "Forward pass · 前向传播",
            &["#", "node", "computed as", "value"],
            2,
        );
        assert_eq!(role(&fwd), Role::Reveal { keep: 2 });
        let layer = table(
            "Layer 1 (hidden · 隐藏层) · relu · forward 前向传播 · ReLU(z) = max(0, z)",
            &["quantity", "computed as", "value"],
            4,
        );
        assert_eq!(role(&layer), Role::Reveal { keep: 1 });
        // One row leaves nothing to predict.
        let one = table(
            "Forward pass · 前向传播",
            &["#", "node", "computed as", "value"],
            1,
        );
        assert_eq!(role(&one), Role::Plain);
        // A layer's gradients with their check column are results, not a
        // check to fold.
        let grads = table(
            "Gradients of layer 2 · 梯度 · ∂L/∂W(2) = δ(2) a(1)ᵀ, ∂L/∂b(2) = δ(2) · checked by central differences",
            &[
                "gradient",
                "computed as",
                "backprop",
                "finite difference",
                "check",
            ],
            3,
        );
        assert_eq!(role(&grads), Role::Plain);
    }

    /// backprop/1 in the book: the check folded under its title, the
    /// forward and backward tables marked, every table still Markdown
    /// between blank lines, and nothing hidden in the HTML itself.
    #[test]
    fn backprop_1_folds_its_check_and_marks_its_passes() {
        let o = RenderOptions {
            figures: crate::render::FigureStyle::Svg,
            ..RenderOptions::default()
        };
        let report = crate::catalog::find("backprop", 1)
            .unwrap()
            .run(&[], &Default::default())
            .unwrap();
        let md = render(&report, Lang::En, &o);
        let plain = markdown::render(&report, &o);
        assert_eq!(md.matches("<div class=\"nn-reveal\"").count(), 2, "{md}");
        assert!(md.contains("data-nn-keep=\"2\""), "{md}");
        assert!(md.contains(
            "<details class=\"nn-check\">\n<summary>Gradients, checked by central differences"
        ));
        assert!(md.contains("</summary>\n\n| gradient | backprop |"), "{md}");
        assert!(!md.contains("hidden"), "the HTML itself hides nothing");
        // Every table row of the plain Markdown is still there.
        for line in plain.lines().filter(|l| l.starts_with('|')) {
            assert!(md.contains(line), "lost: {line}");
        }
        assert!(!plain.contains("<details") && !plain.contains("nn-reveal"));
        let zh = render(&report, Lang::Zh, &o);
        assert_eq!(zh.matches("<div class=\"nn-reveal\"").count(), 2);
        assert!(zh.contains("data-nn-labels=\"先预测，再揭晓|下一行|全部显示|重新开始\""));
        assert!(zh.contains("<details class=\"nn-check\">"));
    }
}
