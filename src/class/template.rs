//! A student's `answers.toml`: the answers contract's template, every asked
//! quantity of every problem with an empty value. It names its sheet
//! (student, seed, and each problem's example and inputs), so `check` needs
//! no `--set` and `grade` knows whose file it reads.

use crate::exercise::{Lang, Sheet};

/// A TOML string: quoted and escaped (`"dL/dw0"`, `"王小明"`).
pub fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The template for `student` and their sheet.
pub fn answers_toml(student: &str, sh: &Sheet) -> String {
    let mut out = String::new();
    match sh.lang {
        Lang::En => {
            out.push_str(&format!(
                "# nn-tutor answers for student {student}: fill in each value: \"-1/4\", -0.25, \"3/2\" …\n"
            ));
            out.push_str("# Leave \"\" for a quantity you do not answer. Check with: nn-tutor check answers.toml\n");
        }
        Lang::Zh => {
            out.push_str(&format!(
                "# 学生 {student} 的答案 (nn-tutor): 填入每个值，如 \"-1/4\"、-0.25、\"3/2\" …\n"
            ));
            out.push_str("# 不作答的量保留 \"\"。核对: nn-tutor check answers.toml\n");
        }
    }
    out.push_str(&format!("student = {}\n", quote(student)));
    out.push_str(&format!("seed = {}\n", sh.seed));
    for (k, p) in sh.problems.iter().enumerate() {
        out.push_str(&format!(
            "\n[[problem]]\nnumber = {}\nexample = {}\nset = {}\n[problem.answers]\n",
            k + 1,
            quote(&p.example.id()),
            quote(&p.set_value())
        ));
        for n in p.asked() {
            out.push_str(&format!("{} = \"\"\n", quote(&n.name)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn the_template_is_toml_with_every_asked_quantity_empty() {
        let ex = catalog::find("backprop", 2).unwrap();
        let sh = crate::exercise::make(&[ex], 4711, 2, Lang::En, String::new()).unwrap();
        let text = answers_toml("王小明", &sh);
        let t: toml::Table = text.parse().unwrap();
        assert_eq!(t["student"].as_str(), Some("王小明"));
        assert_eq!(t["seed"].as_integer(), Some(4711));
        let problems = t["problem"].as_array().unwrap();
        assert_eq!(problems.len(), 2);
        for (k, p) in problems.iter().enumerate() {
            assert_eq!(p["number"].as_integer(), Some(k as i64 + 1));
            assert_eq!(p["example"].as_str(), Some("backprop/2"));
            assert_eq!(p["set"].as_str(), Some(sh.problems[k].set_value().as_str()));
            let answers = p["answers"].as_table().unwrap();
            let asked: Vec<&str> = sh.problems[k]
                .asked()
                .iter()
                .map(|n| n.name.as_str())
                .collect();
            assert_eq!(
                answers.keys().map(String::as_str).collect::<Vec<_>>().len(),
                asked.len()
            );
            for name in asked {
                assert_eq!(answers[name].as_str(), Some(""), "{name}");
            }
        }
    }
}
