//! A class of 120 at issue 13's scale (target: each under 2 s in a release
//! build): sheets, keys and answers templates for every student across
//! `--all` (`exercise --roster`), and grading the 120 folders (`grade`),
//! each answers file filled with the key's values.

use criterion::{Criterion, criterion_group, criterion_main};
use nn_tutor::class::{grade, roster, write};
use nn_tutor::exercise::{Ask, Lang, make_asking};

fn ask() -> Ask {
    Ask {
        topic: None,
        example: None,
        all: true,
        seed: 2024,
        count: 1,
        lang: Lang::En,
        find: None,
    }
}

/// Every asked quantity right: the exact value, or the float to 10 places.
fn filled(id: &str, seed: u64) -> String {
    let examples = ask().examples().unwrap();
    let sh = make_asking(&examples, seed, 1, Lang::En, String::new(), None).unwrap();
    let mut t = format!("student = \"{id}\"\n");
    for (k, p) in sh.problems.iter().enumerate() {
        t.push_str(&format!(
            "[[problem]]\nnumber = {}\nexample = \"{}\"\nset = \"{}\"\n[problem.answers]\n",
            k + 1,
            p.example.id(),
            p.set_value()
        ));
        for n in p.asked() {
            let v = match n.value.exact_string() {
                Some(e) => format!("\"{e}\""),
                None => format!("{:.10}", n.value.to_f64()),
            };
            t.push_str(&format!(
                "{} = {v}\n",
                nn_tutor::class::template::quote(&n.name)
            ));
        }
    }
    t
}

fn class(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("students.csv");
    let ids: Vec<String> = (1..=120).map(|i| format!("s{i:03}")).collect();
    std::fs::write(&csv, format!("id\n{}\n", ids.join("\n"))).unwrap();
    let out = tmp.path().join("class");
    let a = ask();
    let job = write::Class {
        roster: &csv,
        out: &out,
        force: true,
        digits: 6,
    };
    let mut group = c.benchmark_group("class");
    group.sample_size(10);
    group.bench_function("120 sheets, keys and templates across --all", |b| {
        b.iter(|| write::run(&a, &job).unwrap())
    });
    write::run(&a, &job).unwrap();
    for id in &ids {
        let seed = roster::student_seed(a.seed, id);
        std::fs::write(out.join(id).join("answers.toml"), filled(id, seed)).unwrap();
    }
    group.bench_function("grade 120 folders", |b| {
        b.iter(|| grade::run(&out, &[], Lang::En).unwrap())
    });
    group.finish();
    // Every right answer scores full marks.
    let book = std::fs::read_to_string(out.join("gradebook.csv")).unwrap();
    for l in book.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        assert_eq!(f[1], f[2], "{l}");
    }
}

criterion_group!(benches, class);
criterion_main!(benches);
