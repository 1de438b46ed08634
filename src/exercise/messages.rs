//! The words of exercise sheets and keys, in English and in Chinese (the
//! decks' terms: 输入 input, 求 find, 答案 answer, 反向传播 backpropagation).
//! One table: every heading and instruction a sheet prints comes from here.

pub use crate::report::i18n::Lang;

/// A piece of sheet text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    SheetTitle,
    KeyTitle,
    Seed,
    Regenerate,
    Instructions,
    Problem,
    Given,
    Setup,
    Inputs,
    Find,
    Answers,
    Steps,
    Name,
    Value,
    ExactHint,
    /// An exam's name line and points (exam.cls's words).
    StudentName,
    StudentId,
    Score,
    Total,
    /// The heading of a problem's worked solution in an exam key.
    Solution,
    Points,
    Point,
    PointPlural,
}

/// The text of `m` in `lang`.
pub fn text(m: Msg, lang: Lang) -> &'static str {
    use Msg::*;
    match (m, lang) {
        (SheetTitle, Lang::En) => "Exercises",
        (SheetTitle, Lang::Zh) => "习题",
        (KeyTitle, Lang::En) => "Answer key",
        (KeyTitle, Lang::Zh) => "参考答案",
        (Seed, Lang::En) => "seed",
        (Seed, Lang::Zh) => "随机种子",
        (Regenerate, Lang::En) => "Regenerate this sheet with",
        (Regenerate, Lang::Zh) => "重新生成本习题",
        (Instructions, Lang::En) => {
            "Compute each quantity by hand, step by step, as in the lecture. \
             Give exact values (fractions) where you can, otherwise 4 decimals."
        }
        (Instructions, Lang::Zh) => {
            "按课件的方法逐步手算下列各量。能写成分数的请给出精确值，否则保留 4 位小数。"
        }
        (Problem, Lang::En) => "Problem",
        (Problem, Lang::Zh) => "题",
        (Given, Lang::En) => "Given",
        (Given, Lang::Zh) => "已知",
        (Setup, Lang::En) => "Setup",
        (Setup, Lang::Zh) => "题设",
        (Inputs, Lang::En) => "Inputs",
        (Inputs, Lang::Zh) => "输入",
        (Find, Lang::En) => "Find",
        (Find, Lang::Zh) => "求",
        (Answers, Lang::En) => "Answers",
        (Answers, Lang::Zh) => "答案",
        (Steps, Lang::En) => "All steps",
        (Steps, Lang::Zh) => "完整步骤",
        (Name, Lang::En) => "name",
        (Name, Lang::Zh) => "名称",
        (Value, Lang::En) => "value",
        (Value, Lang::Zh) => "值",
        (ExactHint, Lang::En) => "Check your answers with",
        (ExactHint, Lang::Zh) => "核对答案",
        (StudentName, Lang::En) => "Name",
        (StudentName, Lang::Zh) => "姓名",
        (StudentId, Lang::En) => "Student ID",
        (StudentId, Lang::Zh) => "学号",
        (Score, Lang::En) => "Score",
        (Score, Lang::Zh) => "得分",
        (Total, Lang::En) => "Total",
        (Total, Lang::Zh) => "总分",
        (Solution, Lang::En) => "Solution",
        (Solution, Lang::Zh) => "解答",
        (Points, Lang::En) => "Points",
        (Points, Lang::Zh) => "分值",
        (Point, Lang::En) => "point",
        (Point, Lang::Zh) => "分",
        (PointPlural, Lang::En) => "points",
        (PointPlural, Lang::Zh) => "分",
    }
}

/// "Problem 3" / "第 3 题".
pub fn problem(k: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Problem {k}"),
        Lang::Zh => format!("第 {k} 题"),
    }
}
