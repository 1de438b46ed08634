//! A document of several problems as data: an exercise sheet, its answer
//! key, an answers-only key or an exam. The exercise module decides what a
//! sheet holds and builds a [`Document`] from it; [`crate::render::document`]
//! walks it once and each format (Markdown, LaTeX, an exam in exam.cls)
//! supplies only the spelling of each [`Piece`]. A key embeds each
//! problem's own [`Report`], drawn by the report renderers.

use crate::report::i18n::Lang;
use crate::report::{Math, Report};
use crate::scalar::Scalar;

/// A sheet, key or exam: its pieces in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The language of its words; the embedded reports are in it too.
    pub lang: Lang,
    /// The command that regenerates this very document (a LaTeX file
    /// keeps it in a comment on its first lines, off the paper).
    pub command: String,
    /// Set when the document is an exam (name line, points, answer
    /// spaces): the words exam.cls prints, and whether the answers show.
    pub exam: Option<Exam>,
    pub pieces: Vec<Piece>,
}

/// What makes a document an exam.
#[derive(Clone, Debug, PartialEq)]
pub struct Exam {
    /// Answer spaces show their answers and problems their solutions.
    pub answers: bool,
    /// The running header of every page ("Exercises", "Answer key").
    pub header: String,
    pub words: ExamWords,
}

/// The words an exam's class prints around the questions.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamWords {
    /// One point, several points ("point", "points").
    pub point: String,
    pub points: String,
    /// The points table's headings.
    pub points_heading: String,
    pub score: String,
    pub total: String,
    pub question: String,
    /// The heading of a solution ("Solution", "解答"): exam.cls would
    /// print its own English one.
    pub solution: String,
    /// "Problem N" around the number: ("Problem ", "") or ("第 ", " 题").
    pub numbered: (String, String),
}

/// A piece of a [`Document`].
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// The heading of the sheet or of its key: "Exercises (seed 5)".
    Title(String),
    /// A command to type and what it does ("Regenerate this sheet with");
    /// paper leaves it out.
    Command { label: String, command: String },
    /// A paragraph (the instructions, where the deck's example is).
    Text(String),
    /// An exam's name and student-ID line.
    NameLine { name: String, id: String },
    /// An exam's points: a table of the questions' points, or the total.
    Points {
        total: String,
        score: String,
        questions: usize,
    },
    /// A new page on paper (the key after the questions).
    PageBreak,
    /// The problems, in order (an exam's `questions`).
    Problems(Vec<Problem>),
    /// What a problem sets up, one sentence each.
    Setup { label: String, lines: Vec<Prose> },
    /// The problem's inputs: names a student types and their values.
    Inputs(Pairs),
    /// The other given numbers, vectors and matrices, as formulas.
    Given {
        label: String,
        header: (String, String),
        items: Vec<(String, Math)>,
    },
    /// The names of the quantities asked.
    Find { label: String, names: Vec<String> },
    /// An exam's asked quantities, each with its points and an answer
    /// space that the answer fills when the exam shows its answers.
    Blanks { label: String, blanks: Vec<Blank> },
    /// The key's answers: each asked quantity and its value.
    Answers(Pairs),
    /// A problem's solution in an exam (shown with its answers).
    Solution(Vec<Piece>),
    /// The problem's worked steps: the example's own report.
    Steps { label: String, report: Report },
}

/// One problem: its heading and its pieces.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// "Problem 3" (an exam numbers its questions itself).
    pub label: String,
    /// "Title (topic/N)".
    pub title: String,
    pub pieces: Vec<Piece>,
}

/// A sentence spelled for each format by the one who wrote it (a problem
/// statement's line, which may hold formulas), as [`Math`] holds a
/// formula's two spellings.
#[derive(Clone, Debug, PartialEq)]
pub struct Prose {
    pub plain: String,
    pub markdown: String,
    pub latex: String,
}

/// A titled table of names and values (a name is what a student types
/// into `--set` or an answers file).
#[derive(Clone, Debug, PartialEq)]
pub struct Pairs {
    pub label: String,
    pub header: (String, String),
    pub rows: Vec<(String, Scalar)>,
}

/// One asked quantity of an exam.
#[derive(Clone, Debug, PartialEq)]
pub struct Blank {
    pub name: String,
    /// The answer, in a key only: a student's exam carries no answer in
    /// its source either (a `.tex` handed out is not a key).
    pub value: Option<Scalar>,
    pub points: u32,
}
