//! Terminal output: prettytable tables, formulas in plain text.

use prettytable::format::consts::FORMAT_NO_LINESEP_WITH_TITLE;
use prettytable::{Cell as PCell, Row, Table as PTable};

use crate::render::{RenderOptions, diagram, heading, number, textplot, wrap};
use crate::report::i18n::{Lang, label};
use crate::report::{Cell, Figure, Math, Report, Sentence, Table};

/// Render for a terminal.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    super::walk(r, &Terminal { o })
}

/// The terminal's syntax for [`super::walk`].
struct Terminal<'a> {
    o: &'a RenderOptions,
}

impl Terminal<'_> {
    /// `text` wrapped to the width, if there is one.
    fn fit(&self, text: &str) -> String {
        match self.o.width {
            Some(w) => wrap::paragraph(text, w),
            None => format!("{text}\n"),
        }
    }

    fn bold(&self, s: &str) -> String {
        if self.o.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

impl super::Markup for Terminal<'_> {
    fn title(&self, r: &Report) -> String {
        format!("{}\n", self.bold(self.fit(&heading(r)).trim_end()))
    }
    fn source(&self, lang: Lang, s: &str) -> String {
        let line = format!("{}: {s}", label(lang, "Source"));
        match self.o.width {
            Some(w) => lines(wrap::wrap(&line, w, "", "  ")),
            None => format!("{line}\n"),
        }
    }
    fn digits(&self) -> usize {
        self.o.digits
    }
    fn separator(&self) -> &'static str {
        "\n"
    }
    fn section(&self, h: &str, _: &[Math]) -> String {
        format!("{}\n", self.bold(self.fit(h).trim_end()))
    }
    fn text(&self, t: &str) -> String {
        self.fit(t)
    }
    fn sentence(&self, s: &Sentence) -> String {
        let o = self.o;
        self.fit(&s.fill(o.digits, str::to_string, |v| {
            (number::value(v, o.digits, o.exact_long).text, o.shortens(v))
        }))
    }
    fn formula(&self, m: &Math) -> String {
        let plain = m.plain(self.o.digits);
        match self.o.width {
            Some(w) => plain
                .lines()
                .map(|l| lines(wrap::wrap(l, w, "  ", "      ")))
                .collect(),
            None => plain.lines().map(|l| format!("  {l}\n")).collect(),
        }
    }
    fn table(&self, t: &Table) -> String {
        table(t, self.o, &|s| self.bold(s))
    }
    fn figure(&self, f: &Figure, lang: Lang) -> String {
        let text = figure(f, self.o, lang);
        match self.o.width {
            // A tree or chart line wider than the terminal continues on
            // the next line, indented, rather than being cut.
            Some(w) => text
                .lines()
                .map(|l| lines(wrap::wrap(l, w, "", "    ")))
                .collect(),
            None => text,
        }
    }
    fn try_next(&self, lang: Lang, tries: &[String]) -> String {
        let line = format!("{}: {}", label(lang, "Try"), tries.join("   ·   "));
        match self.o.width {
            // One command a line when they do not fit on one.
            Some(w) if wrap::width(&line) > w => {
                let mut out = format!("\n{}:\n", label(lang, "Try"));
                for t in tries {
                    out.push_str(&lines(wrap::wrap(t, w, "  ", "      ")));
                }
                out
            }
            _ => format!("\n{line}\n"),
        }
    }
}

fn figure(f: &Figure, o: &RenderOptions, lang: Lang) -> String {
    match f {
        Figure::Graph { .. } => format!(
            "{}\n{}",
            label(
                lang,
                "Computation graph · 计算图 (each node: value, then its gradient)"
            ),
            diagram::text_tree_in(f, o.digits, lang)
        ),
        Figure::Plot { .. } | Figure::Bars { .. } | Figure::Heatmap { .. } => {
            textplot::chart(f, o.digits, lang)
        }
    }
}

/// The plain-text form of one cell.
pub fn cell_text(c: &Cell, o: &RenderOptions) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Sentence(s) => s.plain(o.digits),
        Cell::Math(m) => m.plain(o.digits),
        Cell::Num(v) => number::value(v, o.digits, o.exact_long).text,
        Cell::Empty => "-".to_string(),
    }
}

/// Lines, each ended by a newline.
fn lines(ls: Vec<String>) -> String {
    ls.into_iter()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

fn table(t: &Table, o: &RenderOptions, bold: &dyn Fn(&str) -> String) -> String {
    let cells: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| cell_text(c, o)).collect())
        .collect();
    let title = |w: Option<usize>| match (t.title.is_empty(), w) {
        (true, _) => String::new(),
        (false, Some(w)) => bold(wrap::paragraph(&t.title, w).trim_end()) + "\n",
        (false, None) => format!("{}\n", bold(&t.title)),
    };
    let Some(w) = o.width else {
        return title(None) + &grid(&t.header, &cells);
    };
    let all: Vec<usize> = (0..t.header.len()).collect();
    let natural = widths(&t.header, &cells, &all);
    if frame(&natural) <= w {
        return title(Some(w)) + &grid(&t.header, &cells);
    }
    // A table that names its essential columns shows only those, and says
    // how to see the rest.
    if let Some((keep, note)) = &t.narrow {
        let header: Vec<String> = keep.iter().map(|&k| t.header[k].clone()).collect();
        let cells: Vec<Vec<String>> = cells
            .iter()
            .map(|r| keep.iter().map(|&k| r[k].clone()).collect())
            .collect();
        let kinds = t
            .rows
            .iter()
            .map(|r| keep.iter().map(|&k| &r[k]).collect())
            .collect();
        let body = fitted(&header, &cells, kinds, w);
        return title(Some(w)) + &body + &wrap::paragraph(note, w);
    }
    let kinds = t.rows.iter().map(|r| r.iter().collect()).collect();
    title(Some(w)) + &fitted(&t.header, &cells, kinds, w)
}

/// A table in `w` columns: text cells wrapped, or one record per row when
/// the columns cannot fit even wrapped.
fn fitted(header: &[String], cells: &[Vec<String>], kinds: Vec<Vec<&Cell>>, w: usize) -> String {
    let n = header.len();
    // What a column cannot shrink below: its widest number (numbers never
    // split), its longest word (only a word past 16 columns is broken).
    let floor: Vec<usize> = (0..n)
        .map(|k| {
            let head = wrap::floor(&header[k], 16);
            cells
                .iter()
                .zip(&kinds)
                .map(|(r, c)| match c[k] {
                    Cell::Num(_) | Cell::Empty => wrap::max_line_width(&r[k]),
                    _ => wrap::floor(&r[k], 16),
                })
                .fold(head, usize::max)
        })
        .collect();
    let mut cols = widths(header, cells, &(0..n).collect::<Vec<_>>());
    if frame(&floor) > w {
        return stacked(header, cells, w);
    }
    // Narrow the widest column that can still give, one column at a time.
    while frame(&cols) > w {
        let Some(k) = (0..n)
            .filter(|&k| cols[k] > floor[k])
            .max_by_key(|&k| (cols[k], std::cmp::Reverse(k)))
        else {
            break;
        };
        cols[k] -= 1;
    }
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(&kinds)
        .map(|(r, c)| {
            (0..n)
                .map(|k| match c[k] {
                    Cell::Num(_) | Cell::Empty => r[k].clone(),
                    _ => wrap::wrap(&r[k], cols[k], "", "").join("\n"),
                })
                .collect()
        })
        .collect();
    let header: Vec<String> = (0..n)
        .map(|k| wrap::wrap(&header[k], cols[k], "", "").join("\n"))
        .collect();
    grid(&header, &wrapped)
}

/// One record per row, `header  value` lines, a rule between records.
fn stacked(header: &[String], cells: &[Vec<String>], w: usize) -> String {
    let label = header.iter().map(|h| wrap::width(h)).max().unwrap_or(0);
    let aligned = label + 2 <= w / 2;
    let mut out = String::new();
    for (i, r) in cells.iter().enumerate() {
        let rule = format!("── {} ──", i + 1);
        out.push_str(&rule);
        out.push('\n');
        for (h, v) in header.iter().zip(r) {
            if aligned {
                let pad = " ".repeat(label - wrap::width(h) + 2);
                let rest = " ".repeat(label + 2);
                out.push_str(&lines(wrap::wrap(v, w, &format!("{h}{pad}"), &rest)));
            } else {
                out.push_str(&lines(wrap::wrap(h, w, "", "")));
                out.push_str(&lines(wrap::wrap(v, w, "  ", "  ")));
            }
        }
    }
    out
}

/// Each column's natural width (its widest line).
fn widths(header: &[String], cells: &[Vec<String>], cols: &[usize]) -> Vec<usize> {
    cols.iter()
        .map(|&k| {
            cells
                .iter()
                .map(|r| wrap::max_line_width(&r[k]))
                .fold(wrap::max_line_width(&header[k]), usize::max)
        })
        .collect()
}

/// The width of a framed table with these column widths: `| a | b |`.
fn frame(cols: &[usize]) -> usize {
    cols.iter().map(|c| c + 3).sum::<usize>() + 1
}

/// A framed table (prettytable) of header and cell text.
fn grid(header: &[String], cells: &[Vec<String>]) -> String {
    let mut p = PTable::new();
    p.set_format(*FORMAT_NO_LINESEP_WITH_TITLE);
    p.set_titles(Row::new(header.iter().map(|h| PCell::new(h)).collect()));
    for r in cells {
        p.add_row(Row::new(r.iter().map(|c| PCell::new(c)).collect()));
    }
    p.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scalar::Scalar;

    fn fit(t: &Table, w: usize) -> String {
        let o = RenderOptions {
            width: Some(w),
            // fractions whole, as the widths below count them
            exact_long: true,
            ..RenderOptions::default()
        };
        table(t, &o, &|s| s.to_string())
    }

    #[test]
    fn text_cells_wrap_and_numbers_stay_whole() {
        let mut t = Table::new("", &["node", "value"]);
        let big = Scalar::int(123456789).div(&Scalar::int(1000)).unwrap();
        t.row(vec![
            "the multiply gate gives each input the other input".into(),
            Cell::Num(big),
        ]);
        // The number takes 27 columns, the frame 7: the text gets 10.
        let s = fit(&t, 44);
        assert!(s.lines().all(|l| wrap::width(l) <= 44), "{s}");
        assert!(s.contains("| 123456789/1000 (123456.789) |"), "{s}");
        assert!(s.contains("| the        |"), "{s}");
        assert!(s.contains("| multiply   |"), "{s}");
    }

    #[test]
    fn a_table_too_wide_to_wrap_is_stacked_one_record_per_row() {
        let mut t = Table::new("Loss", &["step", "J at a", "J at b"]);
        let n = |p: i64, q: i64| Cell::Num(Scalar::int(p).div(&Scalar::int(q)).unwrap());
        t.row(vec![n(0, 1), n(1476179, 67500), n(27731, 675)]);
        t.row(vec![n(1, 1), n(224, 675), n(32, 6075)]);
        let s = fit(&t, 40);
        assert_eq!(
            s,
            "Loss\n── 1 ──\nstep    0\nJ at a  1476179/67500 (≈21.8693)\nJ at b  27731/675 (≈41.083)\n\
             ── 2 ──\nstep    1\nJ at a  224/675 (≈0.331852)\nJ at b  32/6075 (≈0.00526749)\n"
        );
    }
}
