//! Markdown output (GitHub-flavoured tables, LaTeX in `$…$`), also what the
//! book embeds.

use crate::render::number::{self, minus};
use crate::render::{FigureStyle, RenderOptions, diagram, display_latex, heading, plot};
use crate::report::document::{Blank, Document, Pairs, Prose};
use crate::report::i18n::{Lang, label};
use crate::report::{Cell, Figure, Math, Report, Sentence, Table, TitlePart, math_parts};

/// Render as Markdown.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    super::walk(r, &Markdown { o })
}

/// A sheet, key or exam as Markdown (what `exercise` prints by default
/// and the book's exercise directive embeds).
pub fn document(d: &Document, o: &RenderOptions) -> String {
    super::document(d, &Markdown { o })
}

/// Markdown's syntax for [`super::walk`]; the book wraps it to fold or
/// mark some tables (`book::tables`).
pub struct Markdown<'a> {
    pub o: &'a RenderOptions,
}

impl Markdown<'_> {
    /// A heading's text with each formula it spells set as math.
    fn spell(&self, h: &str, maths: &[Math]) -> String {
        spell_parts(&math_parts(h, maths), self.o)
    }
}

/// Words escaped, formulas as inline math: a title's or heading's parts.
fn spell_parts(parts: &[TitlePart], o: &RenderOptions) -> String {
    parts
        .iter()
        .map(|p| match p {
            TitlePart::Words(w) => escape(&minus(w)),
            TitlePart::Math(m) => format!("${}$", m.latex(o.digits)),
        })
        .collect()
}

impl super::Markup for Markdown<'_> {
    fn digits(&self) -> usize {
        self.o.digits
    }
    fn title(&self, r: &Report) -> String {
        format!("### {}\n\n", self.spell(&heading(r), &r.heading_math))
    }
    fn source(&self, lang: Lang, s: &str) -> String {
        format!("*{}:* {}\n\n", label(lang, "Source"), escape(&minus(s)))
    }
    fn section(&self, h: &str, maths: &[Math]) -> String {
        format!("#### {}\n\n", self.spell(h, maths))
    }
    fn text(&self, t: &str) -> String {
        format!("{}\n\n", escape(&minus(t)))
    }
    fn sentence(&self, s: &Sentence) -> String {
        let text = s.fill(
            self.o.digits,
            |w| escape(&minus(w)),
            |v| (cell(&Cell::Num(v.clone()), self.o), self.o.shortens(v)),
        );
        format!("{text}\n\n")
    }
    fn formula(&self, m: &Math) -> String {
        format!("$$\n{}\n$$\n\n", display_latex(m, self.o.digits))
    }
    fn table(&self, t: &Table) -> String {
        table(t, self.o)
    }
    fn figure(&self, f: &Figure, lang: Lang) -> String {
        figure(f, self.o, lang)
    }
    fn try_next(&self, lang: Lang, tries: &[String]) -> String {
        let tries: Vec<String> = tries.iter().map(|t| format!("`{t}`")).collect();
        format!("*{}:* {}\n\n", label(lang, "Try"), tries.join(" · "))
    }
}

/// Markdown's syntax for [`super::document`]. A sheet's own names are
/// code (what a student types) and its values keep the ASCII minus, as
/// the terminal's do: students copy them into `--set` and answers files.
impl super::DocumentMarkup for Markdown<'_> {
    fn report(&self) -> &dyn super::Markup {
        self
    }
    fn paper(&self) -> bool {
        false
    }
    fn begin(&self, _: &Document) -> String {
        String::new()
    }
    fn end(&self, _: &Document) -> String {
        String::new()
    }
    fn title(&self, t: &str) -> String {
        format!("# {t}\n\n")
    }
    fn command(&self, label: &str, command: &str) -> String {
        format!("{label}: `{command}`\n\n")
    }
    fn text(&self, t: &str) -> String {
        format!("{}\n\n", escape(t))
    }
    fn name_line(&self, name: &str, id: &str) -> String {
        format!("{name}: ______________________ {id}: ____________\n\n")
    }
    fn points(&self, _: &str, _: &str, _: usize) -> String {
        String::new()
    }
    fn page_break(&self) -> String {
        String::new()
    }
    fn problems(&self, _: bool) -> String {
        String::new()
    }
    fn problem(&self, label: &str, title: &str) -> String {
        // Headings as written: an example's title such as
        // `∂z/∂w_ij = I_i(a_j)` keeps its underscores (GitHub sets them
        // as they are inside words).
        format!("## {label} · {title}\n\n")
    }
    fn setup(&self, label: &str, lines: &[Prose]) -> String {
        let items: String = lines
            .iter()
            .map(|l| format!("- {}\n", l.markdown))
            .collect();
        format!("**{label}**\n\n{items}\n")
    }
    fn inputs(&self, p: &Pairs) -> String {
        format!("**{}**\n\n{}", p.label, self.pairs(p))
    }
    fn given(
        &self,
        label: &str,
        (name, value): &(String, String),
        items: &[(String, Math)],
    ) -> String {
        let rows: String = items
            .iter()
            .map(|(n, m)| format!("| `{n}` | ${}$ |\n", m.latex(self.o.digits)))
            .collect();
        format!("**{label}**\n\n| {name} | {value} |\n|---|---|\n{rows}\n")
    }
    fn find(&self, label: &str, names: &[String]) -> String {
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        format!("**{label}:** {}\n\n", names.join(", "))
    }
    fn blanks(&self, label: &str, blanks: &[Blank]) -> String {
        let items: String = blanks
            .iter()
            .map(|b| format!("- `{}` = ____________\n", b.name))
            .collect();
        format!("**{label}:**\n\n{items}\n")
    }
    fn answers(&self, p: &Pairs) -> String {
        format!("**{}**\n\n{}", p.label, self.pairs(p))
    }
    fn solution(&self, body: &str) -> String {
        body.to_string()
    }
    fn steps(&self, label: &str) -> String {
        format!("**{label}**\n\n")
    }
}

impl Markdown<'_> {
    /// Names (code) and values as a two-column table.
    fn pairs(&self, p: &Pairs) -> String {
        let (name, value) = &p.header;
        let rows: String = p
            .rows
            .iter()
            .map(|(n, v)| format!("| `{n}` | {} |\n", escape(&v.show(self.o.digits))))
            .collect();
        format!("| {name} | {value} |\n|---|---|\n{rows}\n")
    }
}

fn figure(f: &Figure, o: &RenderOptions, lang: Lang) -> String {
    if !matches!(f, Figure::Graph { .. }) {
        return match o.figures {
            FigureStyle::Text => format!("```text\n{}```\n\n", plot::summary(f, o.digits, lang)),
            FigureStyle::Svg => format!(
                "<div class=\"nn-figure\">\n{}\n</div>\n\n",
                plot::svg(f, lang)
            ),
        };
    }
    match o.figures {
        FigureStyle::Text => format!(
            "```text\n{}```\n\n",
            diagram::text_tree_in(f, o.digits, lang)
        ),
        FigureStyle::Svg => format!(
            "<div class=\"nn-figure\">\n{}\n</div>\n\n",
            diagram::svg(f, o.digits, lang)
        ),
    }
}

/// Escape characters Markdown would read as markup in plain text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']' | '$' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(c: &Cell, o: &RenderOptions) -> String {
    match c {
        Cell::Text(s) => escape(&minus(s)),
        Cell::Sentence(s) => escape(&minus(&s.plain(o.digits))),
        Cell::Math(m) => match m.latex(o.digits) {
            l if l.is_empty() => String::new(),
            l => format!("${}$", l.replace('|', "\\vert ")),
        },
        Cell::Num(v) => {
            let shown = number::value(v, o.digits, o.exact_long);
            let text = escape(&minus(&shown.text));
            match shown.exact {
                // the whole fraction on hover (the book) and in the source
                Some(e) => format!("<span title=\"exact: {}\">{text}</span>", minus(&e)),
                None => text,
            }
        }
        Cell::Empty => "-".to_string(),
    }
}

fn table(t: &Table, o: &RenderOptions) -> String {
    let mut out = String::new();
    if !t.title.is_empty() {
        let title = spell_parts(&t.title_parts(), o);
        out.push_str(&format!("**{title}**\n\n"));
    }
    let header: Vec<String> = t
        .header
        .iter()
        .map(|h| match t.header_part(h) {
            Some(m) => format!("${}$", m.latex(o.digits).replace('|', "\\vert ")),
            None => escape(&minus(h)),
        })
        .collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c, o).replace('\n', "<br>")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}
