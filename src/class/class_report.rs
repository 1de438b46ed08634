//! The class report of `grade`: per quantity the share of the class that
//! got it right and the most frequent named slips ("38% flipped the
//! sign"), each student's score, and the answers files that could not be
//! graded. A [`Report`], so the terminal, `report.md` and `--format json`
//! are views of the same numbers (the counts are in its JSON data).

use std::collections::BTreeMap;

use super::grade::{FileProblem, Graded};
use crate::check::policy::Policy;
use crate::check::{Code, SlipCode};
use crate::report::{Cell, Data, Kind, Named, Report, Table};
use crate::scalar::Scalar;

/// Slips shown per quantity, most frequent first.
pub const TOP_SLIPS: usize = 3;

/// What a share of the class did, for the slip column.
pub fn slip_phrase(c: SlipCode) -> &'static str {
    match c {
        SlipCode::SignFlip => "flipped the sign",
        SlipCode::TransposedW => "transposed W",
        SlipCode::MissingActivationDerivative => "left out the activation derivative",
        SlipCode::MissingLocalGradient => "left out a local derivative",
        SlipCode::ZForA => "gave z for a",
        SlipCode::PathsNotSummed => "did not sum the paths",
        SlipCode::StepRounded => "rounded every step",
        SlipCode::Truncated => "truncated",
        SlipCode::TooFewDecimals => "gave too few decimals",
        SlipCode::CarriedForward => "carried an earlier slip forward",
    }
}

/// A file problem in words, for the students table.
pub fn problem_words(p: FileProblem) -> &'static str {
    match p {
        FileProblem::Missing => "no answers file",
        FileProblem::NotAFile => "answers file is a folder",
        FileProblem::TooLarge => "answers file too large",
        FileProblem::NotUtf8 => "answers file not UTF-8",
        FileProblem::Malformed => "answers file malformed",
        FileProblem::OutsideDir => "answers file outside the folder",
        FileProblem::Unreadable => "answers file unreadable",
    }
}

/// Tallies of one quantity of one problem across the class.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub number: usize,
    pub example: String,
    pub name: String,
    pub students: usize,
    pub right: usize,
    pub wrong: usize,
    pub unanswered: usize,
    pub slips: BTreeMap<SlipCode, usize>,
}

impl Tally {
    /// The named slips, most frequent first (ties in code order).
    pub fn top_slips(&self) -> Vec<(SlipCode, usize)> {
        let mut v: Vec<(SlipCode, usize)> = self.slips.iter().map(|(c, n)| (*c, *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// Whole-number percent of `n` out of `of` (rounded half up).
pub fn percent(n: usize, of: usize) -> usize {
    if of == 0 {
        0
    } else {
        (200 * n + of) / (2 * of)
    }
}

/// Count every quantity of every problem, in sheet order.
pub fn tallies(graded: &[Graded]) -> Vec<Tally> {
    let mut out: Vec<Tally> = Vec::new();
    for g in graded {
        for p in &g.problems {
            let number = p.number.unwrap_or(0) as usize;
            for v in p.verdicts.iter().filter(|v| v.code != Code::Unknown) {
                let k = match out
                    .iter()
                    .position(|t| t.number == number && t.example == p.example && t.name == v.name)
                {
                    Some(k) => k,
                    None => {
                        out.push(Tally {
                            number,
                            example: p.example.clone(),
                            name: v.name.clone(),
                            ..Tally::default()
                        });
                        out.len() - 1
                    }
                };
                let t = &mut out[k];
                t.students += 1;
                match v.code {
                    Code::Right => t.right += 1,
                    Code::Wrong => t.wrong += 1,
                    _ => t.unanswered += 1,
                }
                if let Some(s) = &v.slip {
                    *t.slips.entry(s.code).or_default() += 1;
                }
            }
        }
    }
    out
}

/// The class report.
pub fn report(dir: &str, graded: &[Graded], policy: &Policy) -> Report {
    let mut r = Report {
        id: "grade".to_string(),
        title: format!("Class report: {dir}"),
        title_zh: format!("全班成绩报告: {dir}"),
        ..Report::default()
    };
    let unusable = graded.iter().filter(|g| g.problem.is_some()).count();
    r.text(format!(
        "{} students, graded to {}; {} answers files could not be graded (total 0).",
        graded.len(),
        policy.precision_words(),
        unusable
    ));
    let tallies = tallies(graded);
    let mut t = quantities_table();
    for q in &tallies {
        let slips: Vec<String> = q
            .top_slips()
            .into_iter()
            .take(TOP_SLIPS)
            .map(|(c, n)| format!("{}% {}", percent(n, q.students), slip_phrase(c)))
            .collect();
        t.row(vec![
            Cell::Text(format!("{} {}", q.number, q.example)),
            Cell::Text(q.name.clone()),
            Cell::Text(format!("{}%", percent(q.right, q.students))),
            Cell::Text(format!("{}%", percent(q.unanswered, q.students))),
            if slips.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(slips.join(" · "))
            },
        ]);
    }
    r.table(t);
    let mut s = Table::new("Students · 学生", &["id", "score", "max", "status"]);
    for g in graded {
        s.row(vec![
            Cell::Text(g.student.id.clone()),
            Cell::Num(g.total()),
            Cell::Num(g.max_total()),
            Cell::Text(
                g.problem
                    .as_ref()
                    .map_or("graded", |(p, _)| problem_words(*p))
                    .to_string(),
            ),
        ]);
    }
    r.table(s);
    let troubles: Vec<&Graded> = graded
        .iter()
        .filter(|g| g.problem.is_some() || !g.notes.is_empty())
        .collect();
    if !troubles.is_empty() {
        let mut u = Table::new(
            "Answers files to look at · 需要查看的答案文件",
            &["id", "what"],
        );
        for g in troubles {
            let mut what: Vec<String> = g.problem.iter().map(|(p, m)| shown(g, *p, m)).collect();
            what.extend(g.notes.iter().cloned());
            for w in what {
                u.row(vec![Cell::Text(g.student.id.clone()), Cell::Text(w)]);
            }
        }
        r.table(u);
    }
    r.results = vec![
        Named::new("students", Scalar::int(graded.len() as i64), Kind::Count),
        Named::new("unusable", Scalar::int(unusable as i64), Kind::Count),
    ];
    r.data.push((
        "quantities".to_string(),
        Data::List(tallies.iter().map(tally_data).collect()),
    ));
    r.data.push((
        "students".to_string(),
        Data::List(
            graded
                .iter()
                .map(|g| {
                    Data::Map(vec![
                        ("id".into(), Data::Text(g.student.id.clone())),
                        ("total".into(), Data::Num(g.total())),
                        ("max".into(), Data::Num(g.max_total())),
                        (
                            "status".into(),
                            Data::Text(super::gradebook::status(g).to_string()),
                        ),
                    ])
                })
                .collect(),
        ),
    ));
    r
}

/// A file problem as the report shows it: a parser's long message stays
/// in gradebook.json.
fn shown(g: &Graded, p: FileProblem, message: &str) -> String {
    match p {
        FileProblem::Malformed => format!(
            "{}/{} is not a valid answers file (gradebook.json has the details)",
            g.student.dir,
            super::write::ANSWERS
        ),
        _ => message.to_string(),
    }
}

fn tally_data(t: &Tally) -> Data {
    let n = |x: usize| Data::Num(Scalar::int(x as i64));
    Data::Map(vec![
        ("problem".into(), n(t.number)),
        ("example".into(), Data::Text(t.example.clone())),
        ("quantity".into(), Data::Text(t.name.clone())),
        ("students".into(), n(t.students)),
        ("right".into(), n(t.right)),
        ("wrong".into(), n(t.wrong)),
        ("unanswered".into(), n(t.unanswered)),
        (
            "slips".into(),
            Data::Map(
                t.top_slips()
                    .into_iter()
                    .map(|(c, k)| (c.as_str().to_string(), n(k)))
                    .collect(),
            ),
        ),
    ])
}

/// Class reports that show every sentence `grade` can print (each slip
/// phrase, each file problem, the notes), for the test that no `--lang zh`
/// report keeps English prose.
/// The class report's per-quantity table, empty: its title and columns.
fn quantities_table() -> Table {
    Table::new(
        "Quantities · 各个量",
        &[
            "problem",
            "quantity",
            "right",
            "unanswered",
            "most frequent slips",
        ],
    )
}

#[cfg(test)]
pub fn sample_reports() -> Vec<(String, Report)> {
    use super::grade::grade_entry;
    use super::manifest::{ProblemEntry, StudentEntry};
    let pe = ProblemEntry {
        number: 1,
        example: "backprop/1".to_string(),
        set: "x=-2,y=5,z=-4".to_string(),
        asked: vec!["f".to_string(), "q".to_string(), "df/dx".to_string()],
    };
    let student = |id: &str| StudentEntry {
        id: id.to_string(),
        seed: 1,
        dir: id.to_string(),
        columns: serde_json::Map::new(),
        problems: vec![pe.clone()],
    };
    let policy = Policy::default();
    let answers = crate::check::parse_answers(
        "[[problem]]\nnumber = 1\nexample = \"backprop/1\"\nset = \"x=-2,y=5,z=-4\"\n[problem.answers]\nf = 12\nq = 3\n\"df/dx\" = 4\n",
        "a.toml",
    )
    .expect("the sample parses");
    let mut graded = vec![Graded {
        student: student("s1"),
        problem: None,
        notes: vec![
            "the file names student `s2`".to_string(),
            "problem 1 names other inputs than the manifest; graded against the manifest's"
                .to_string(),
        ],
        problems: vec![grade_entry(&pe, &answers.problems[0], &policy).expect("graded")],
    }];
    let problems = [
        (FileProblem::Missing, "s2/answers.toml does not exist"),
        (FileProblem::Missing, "s2/answers.toml is a link to nothing"),
        (FileProblem::NotAFile, "s2/answers.toml is a folder"),
        (
            FileProblem::TooLarge,
            "s2/answers.toml is larger than the input limit of 1048576 bytes",
        ),
        (FileProblem::NotUtf8, "s2/answers.toml is not UTF-8 text"),
        (
            FileProblem::Malformed,
            "s2/answers.toml is not a valid answers file: s2/answers.toml:3:1: cannot read the TOML: expected `=`",
        ),
        (
            FileProblem::OutsideDir,
            "s2/answers.toml leads out of the class folder",
        ),
        (FileProblem::Unreadable, "s2/answers.toml cannot be read"),
    ];
    for (k, (p, m)) in problems.into_iter().enumerate() {
        graded.push(Graded {
            student: student(&format!("s{}", k + 2)),
            problem: Some((p, m.to_string())),
            notes: Vec::new(),
            problems: vec![grade_entry(&pe, &Default::default(), &policy).expect("graded")],
        });
    }
    let mut out = vec![("grade".to_string(), report("c1", &graded, &policy))];
    // Every slip phrase, through a tally of its own.
    let mut r = report("c1", &graded[..1], &policy);
    let mut t = quantities_table();
    for c in ALL_SLIPS {
        t.row(vec![
            Cell::Text("1 backprop/1".to_string()),
            Cell::Text("f".to_string()),
            Cell::Text("0%".to_string()),
            Cell::Text("0%".to_string()),
            Cell::Text(format!("100% {}", slip_phrase(*c))),
        ]);
    }
    r.table(t);
    out.push(("grade slips".to_string(), r));
    out
}

/// Every slip code, for the sample reports.
#[cfg(test)]
const ALL_SLIPS: &[SlipCode] = &[
    SlipCode::SignFlip,
    SlipCode::TransposedW,
    SlipCode::MissingActivationDerivative,
    SlipCode::MissingLocalGradient,
    SlipCode::ZForA,
    SlipCode::PathsNotSummed,
    SlipCode::StepRounded,
    SlipCode::Truncated,
    SlipCode::TooFewDecimals,
    SlipCode::CarriedForward,
];
