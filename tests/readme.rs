//! The README's claims that the binary can check: run what it shows.

mod common;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn run(args: &[&str]) -> std::process::Output {
    common::bin()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

/// The answers file shown beside `nn-tutor check …` is right for that very
/// command (it was wrong in all three answers).
#[test]
fn the_answers_file_matches_the_check_command_beside_it() {
    let text = readme();
    let block = text
        .split("```toml\n")
        .find(|b| b.contains("\"df/dq\""))
        .and_then(|b| b.split("```").next())
        .expect("the README shows an answers file");
    let command = text
        .split('`')
        .find(|s| s.starts_with("nn-tutor check ") && s.ends_with("answers.toml"))
        .expect("the README shows the check command");
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(&answers, block).unwrap();
    let mut args: Vec<String> = command
        .split_whitespace()
        .skip(1)
        .map(String::from)
        .collect();
    *args.last_mut().unwrap() = answers.display().to_string();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{s}");
    let n = block
        .lines()
        .filter(|l| l.starts_with('"') || l.starts_with("f "))
        .count();
    assert!(s.contains(&format!("All {n} answers are right")), "{s}");
}

/// The README lists every example with a plot, as the binary knows them.
#[test]
fn the_list_of_plots_is_the_binarys() {
    let out = run(&[
        "explain",
        "backprop",
        "--example",
        "1",
        "--plot",
        "/nonexistent/p.svg",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    let listed = err
        .split("examples with a plot: ")
        .nth(1)
        .expect("the error lists the examples with a plot")
        .trim();
    let text = readme();
    let para = text
        .split("\n\n")
        .find(|p| p.contains("The examples with a plot"))
        .expect("the README lists the plots");
    let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown: Vec<&str> = flat
        .split("example prints): ")
        .nth(1)
        .unwrap()
        .trim_end_matches('.')
        .split(", ")
        .map(|s| s.trim_matches('`'))
        .collect();
    assert_eq!(shown.join(", "), listed);
}

/// The --round-each example names the drift the binary reports.
#[test]
fn the_round_each_claim_is_what_the_binary_says() {
    let out = run(&["explain", "backprop", "--example", "2", "--round-each", "2"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains(
            "The largest drift of a final answer is in `df/dx1`: rounding every step to 2 \
             decimals gives -0.60 where the exact value is -0.589836"
        ),
        "{s}"
    );
    let flat = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("(here ∂f/∂x1 comes out −0.6 where the exact value is −0.589836)"));
}
