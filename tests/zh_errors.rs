//! Under `--lang zh` (here `NN_TUTOR_LANG=zh`) every error the command line
//! can reach reads in Chinese: one bad input per error site (a `--set`, an
//! expression, a net spec, an answers or policy file, a roster, a class
//! folder, train's flags and data, exercise and book), each run twice on the
//! real binary. The Chinese run must exit with the English run's status and
//! its stderr must hold no English phrase (two words or more in a row)
//! outside what the user typed or a name (text in `…`, "…" or “…”, and the
//! excerpt over a caret).

mod common;

use std::path::Path;

use nn_tutor::report::i18n::english_phrase;
use std::process::Output;

fn run(args: &[String], zh: bool) -> Output {
    let mut c = common::bin();
    c.env("NO_COLOR", "1");
    if zh {
        c.env("NN_TUTOR_LANG", "zh");
    }
    c.args(args).output().expect("the binary runs")
}

/// Owned arguments.
fn argv(v: &[&str]) -> Vec<String> {
    v.iter().map(|a| a.to_string()).collect()
}

/// Write `text` to `dir/name` and return the path.
fn file(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// A one-layer net spec with `extra` lines after the top-level keys.
const SPEC: &str = "input = [1, 2]\ntarget = [1]\nloss = \"mse\"\n\
                    [[layer]]\nweights = [[\"1/2\", \"-1/4\"]]\nbias = [\"1/4\"]\n\
                    activation = \"sigmoid\"\n";

/// Every case: the arguments (after `nn-tutor`).
fn cases(dir: &Path) -> Vec<Vec<String>> {
    let spec = |name: &str, text: &str| file(dir, name, text);
    let s = argv;
    let mut all: Vec<Vec<String>> = Vec::new();

    // explain: topics, examples, --set, --round-each, --plot.
    for v in [
        &["explain", "nope", "-e", "1"][..],
        &["explain", "backprob", "-e", "1"],
        &["explain", "backprop", "-e", "99"],
        &["explain", "backprop/1", "-e", "2"],
        &["explain", "backprop/x"],
        &["explain", "backprop", "--set", "x=1"],
        &["explain", "backprop", "-e", "1", "--set", "q=1"],
        &["explain", "backprop", "-e", "1", "--set", "x"],
        &["explain", "backprop", "-e", "1", "--set", "x=abc"],
        &["explain", "backprop", "-e", "1", "--set", "x=1/0"],
        &["explain", "backprop", "-e", "1", "--set", "x=1/y"],
        &["explain", "backprop", "-e", "1", "--set", "x=y/2"],
        &["explain", "backprop", "-e", "1", "--set", "x="],
        &["explain", "backprop", "-e", "1", "--set", "x=nan"],
        &["explain", "backprop", "-e", "1", "--set", "x=1e999"],
        &["explain", "backprop", "-e", "1", "--set", "x=1,x=2"],
        &[
            "explain",
            "backprop",
            "-e",
            "1",
            "--set",
            "x=11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111",
        ],
        &["explain", "chain-rule", "-e", "1", "--set", "y=0"],
        &["explain", "neuron", "-e", "3", "--set", "steps=100"],
        &["explain", "softmax", "-e", "2", "--set", "class=5"],
        &["explain", "training", "-e", "1", "--set", "lambda=-1"],
        &["explain", "loss", "-e", "2", "--set", "lambda=-1/3"],
        &["explain", "training", "-e", "3", "--round-each", "2"],
        &["explain", "dying-relu", "-e", "1", "--round-each", "2"],
        &["explain", "vanishing", "-e", "1", "--round-each", "2"],
        &[
            "explain",
            "loss",
            "-e",
            "1",
            "--set",
            "y1=0.001",
            "--round-each",
            "2",
        ],
        &["explain", "backprop", "-e", "1", "--plot", "x.svg"],
        &[
            "explain",
            "activation",
            "-e",
            "1",
            "--plot",
            "/nonexistent/a.svg",
        ],
        &["explain", "activation", "-e", "1", "--plot", "/", "--force"],
    ] {
        all.push(s(v));
    }

    // graph: the expression language, values and arithmetic.
    let deep = format!("{}x{}", "(".repeat(40_000), ")".repeat(40_000));
    let many = vec!["x"; 20_000].join("+");
    let long = "x+".repeat(50_001) + "x";
    for e in [
        "x +* y",
        "x ** 2",
        "x +",
        "(x + 1",
        "max(x, 1",
        "sigmoid(x",
        "x)",
        "2x",
        "x y",
        "(x + 1)(x - 1)",
        "x − y",
        "x × y",
        "x ÷ y",
        "x ＋ y",
        "（x)",
        "x $ y",
        "x # y",
        "",
        "   ",
        " ; ",
        "max(x)",
        "exp(x, y)",
        "sigmod(x)",
        "swish(x)",
        "sigmoid",
        "sigmoid = x",
        "1.2.3 + x",
        "2 * 1e-999",
        ",x",
        "= x",
        &deep,
        &many,
        &long,
    ] {
        all.push(s(&["graph", e, "--at", "x=1,y=2"]));
    }
    for v in [
        &["graph", "x + y", "--at", "x=1"][..],
        &["graph", "x + 1", "--at", "x=1,q=2"],
        &["graph", "2^3", "--at", "x=1"],
        &["graph", "x + y", "--at", "x"],
        &["graph", "x + y", "--at", "x=1,y=2", "--at", "y=3"],
        &["graph", "h = 1/(x - 1)", "--at", "x=1"],
        &["graph", "ln(x)", "--at", "x=0"],
        &["graph", "ln(x)", "--at", "x=-1/2"],
        &["graph", "sqrt(x)", "--at", "x=-1"],
        &["graph", "x^y", "--at", "x=-8,y=1/3"],
        &["graph", "x^y", "--at", "x=0,y=-1"],
        &["graph", "exp(x)", "--at", "x=1000"],
        &["graph", "exp(x)", "--at", "x=1000", "--float"],
        &["graph", "2^x", "--at", "x=100000"],
        &["graph", "x^2", "--at", "x=2^3"],
        &["graph", "x", "--at", "x=１"],
        &["graph", "x", "--at", "x=inf"],
        &["graph", "x = 1; x = 2", "--at", "y=1"],
        &["graph", "y = x; x = 1", "--at", "x=1"],
    ] {
        all.push(s(v));
    }

    // net: TOML syntax, the spec's shape, its numbers and layers.
    let mut nets: Vec<(&str, String)> = vec![
        ("unclosed", "input = [1, 2\n".into()),
        ("noequals", "input [1, 2]\n".into()),
        ("string", "input = \"abc\n".into()),
        ("literal", "input = 'abc\n".into()),
        ("duplicate", "input = [1, 2]\ninput = [3]\n".into()),
        ("table", "input = [1, 2]\n[[layer]\n".into()),
        ("float", "input = 1.2.3\n".into()),
        ("novalue", "input = [1, 2]\nx = \n".into()),
        ("comma", "input = [1 2]\n".into()),
        ("emptykey", "= 3\n".into()),
        ("escape", "input = \"\\q\"\n".into()),
        ("date", "input = 2024-13-01\n".into()),
        ("eof", "input = [1, 2]\ntarget = \n".into()),
        ("unknown", format!("{SPEC}foo = 1\n")),
        ("lr", format!("lr = 0.1\n{SPEC}")),
        ("missing", "input = [1]\n".into()),
        ("noact", "input = [1, 2]\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\n".into()),
        ("type", "input = \"x\"\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("typeint", "input = [1, 2]\n[[layer]]\nweights = 3\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("typestr", "input = [1, 2]\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = 3\n".into()),
        ("map", "input = [1, 2]\n[layer]\nweights = 1\n".into()),
        ("entry", "input = [1, 2]\n[[layer]]\nweights = [[\"a\", 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("bool", "input = [1, 2]\n[[layer]]\nweights = [[true, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("wide", "input = [1, 2]\ntarget = [1]\nloss = \"half_sse\"\n[[layer]]\nweights = [[1, 2, 3], [4, 5, 6]]\nbias = [0, 0]\nactivation = \"sigmoid\"\n".into()),
        ("bias", "input = [1, 2]\n[[layer]]\nweights = [[1, 2]]\nbias = [0, 1]\nactivation = \"relu\"\n".into()),
        ("ragged", "input = [1, 2]\n[[layer]]\nweights = [[1, 2], [3]]\nbias = [0, 1]\nactivation = \"relu\"\n".into()),
        ("emptyw", "input = []\n[[layer]]\nweights = []\nbias = []\nactivation = \"relu\"\n".into()),
        ("nolayer", "input = [1, 2]\nlayer = []\n".into()),
        ("fit", format!("{SPEC}[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = \"relu\"\n")),
        ("target", "input = [1, 2]\ntarget = [1, 2]\nloss = \"mse\"\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("half", "input = [1, 2]\ntarget = [1]\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("loss", SPEC.replace("\"mse\"", "\"hinge\"")),
        ("act", SPEC.replace("\"sigmoid\"", "\"sigmod\"")),
        ("conv", format!("convention = \"diagonal\"\n{SPEC}")),
        ("softmax", "input = [1, 2]\n[[layer]]\nweights = [[1, 2], [3, 4]]\nbias = [0, 0]\nactivation = \"softmax\"\n[[layer]]\nweights = [[1, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("prelu", SPEC.replace("\"sigmoid\"", "\"prelu\"")),
        ("prelu2", SPEC.replace("\"sigmoid\"", "\"prelu(0.1, 0.2)\"")),
        ("leaky", SPEC.replace("\"sigmoid\"", "\"relu(0.1)\"")),
        ("leaky2", SPEC.replace("\"sigmoid\"", "\"leaky_relu\"")),
        ("leaky3", SPEC.replace("\"sigmoid\"", "\"leaky_relu(a)\"")),
        ("maxout", SPEC.replace("\"sigmoid\"", "\"maxout(0)\"")),
        ("maxout3", SPEC.replace("\"sigmoid\"", "\"maxout(3)\"")),
        ("bce", SPEC.replace("\"mse\"", "\"bce\"").replace("[1]", "[2]")),
        ("xent", "input = [1, 2]\ntarget = [0.5, 0.7]\nloss = \"cross_entropy\"\n[[layer]]\nweights = [[1, 2], [3, 4]]\nbias = [0, 0]\nactivation = \"softmax\"\n".into()),
        ("xentneg", "input = [1, 2]\ntarget = [-0.5, 1.5]\nloss = \"cross_entropy\"\n[[layer]]\nweights = [[1, 2], [3, 4]]\nbias = [0, 0]\nactivation = \"softmax\"\n".into()),
        ("lrneg", format!("learning_rate = \"x\"\n{SPEC}")),
        ("nan", "input = [1, 2]\n[[layer]]\nweights = [[nan, 2]]\nbias = [0]\nactivation = \"relu\"\n".into()),
        ("bom", "\u{feff}input = [1, 2\n".into()),
        ("quote", format!("{SPEC}[answers]\ndf/dx = 3\n")),
    ];
    nets.push(("notutf8", String::new()));
    for (name, text) in &nets {
        let p = spec(&format!("{name}.toml"), text);
        all.push(s(&["net", &p]));
    }
    std::fs::write(dir.join("notutf8.toml"), b"input = [1, \xff]\n").unwrap();
    std::fs::write(dir.join("huge.toml"), "#".repeat(4_100_000)).unwrap();
    for v in [
        &["net", "huge.toml"][..],
        &["net", "/nonexistent/spec.toml"],
        &["net", "."],
    ] {
        let mut v = s(v);
        if v[1] == "huge.toml" {
            v[1] = dir.join("huge.toml").to_str().unwrap().to_string();
        }
        all.push(v);
    }
    all.extend(check_cases(dir));
    all.extend(exercise_and_grade_cases(dir));
    all.extend(train_and_book_cases(dir));
    all
}

/// `check`: answers files (both forms), policy files and flags, and the
/// targets they are checked against.
fn check_cases(dir: &Path) -> Vec<Vec<String>> {
    let f = |name: &str, text: &str| file(dir, name, text);
    let legacy = f("legacy.toml", "\"df/dx\" = -4\n");
    let sheet = f(
        "sheet.toml",
        "[[problem]]\nnumber = 1\nexample = \"backprop/1\"\nset = \"x=1,y=2,z=3\"\n\
         [problem.answers]\n\"f\" = 9\n",
    );
    let problem = |name: &str, body: &str| {
        f(
            name,
            &format!("[[problem]]\n{body}\n[problem.answers]\n\"f\" = 9\n"),
        )
    };
    let spec = f("spec.toml", SPEC);
    let bad = f("badspec.toml", &format!("{SPEC}colour = 1\n"));
    let (l, sh, sp) = (legacy.as_str(), sheet.as_str(), spec.as_str());
    let mut all: Vec<Vec<String>> = [
        &["backprop", "-e", "1", "/nonexistent.toml"][..],
        &["backprop"],
        &["backprop/1"],
        &[l],
        &["backprop", l],
        &["backprop", "-e", "1", sh],
        &[sh, "--set", "x=1"],
        &["backprop", "--expr", "x", l],
        &["backprop/x", l],
        &["--expr", "x +", "--at", "x=1", l],
        &["--net", "/nonexistent.toml", l],
        &["--net", sp, "--expr", "x", l],
        &["--net", "BADSPEC", l],
        &["--expr", "x + y", "--at", "x=1", l],
        &["backprop/1", l, "--decimals", "99"],
        &["backprop/1", l, "--tolerance", "-1"],
        &["backprop/1", l, "--tolerance", "x"],
        &["backprop/1", l, "--points-for", "f"],
        &["backprop/1", l, "--points", "-1"],
        &["backprop/1", l, "--round-each", "40"],
        &["backprop/1", l, "--decimals", "2", "--significant", "2"],
    ]
    .iter()
    .map(|v| {
        let v: Vec<&str> = v
            .iter()
            .map(|a| if *a == "BADSPEC" { bad.as_str() } else { a })
            .collect();
        argv(&[&["check"][..], &v].concat())
    })
    .collect();
    for (name, text) in [
        ("a_empty.toml", "# nothing\n"),
        ("a_syntax.toml", "\"df/dx\" = \n"),
        ("a_quote.toml", "df/dx = 3\n"),
        ("a_dup.toml", "\"f\" = 1\n\"f\" = 2\n"),
        ("a_abc.toml", "\"f\" = \"abc\"\n"),
        ("a_bool.toml", "\"f\" = true\n"),
        ("a_zero.toml", "\"f\" = \"1/0\"\n"),
        ("a_tol.toml", "\"f\" = 1\ntolerance = \"x\"\n"),
        (
            "a_policy.toml",
            "\"f\" = 1\n[policy]\ndecimals = 2\nsignificant = 3\n",
        ),
        ("a_policy2.toml", "\"f\" = 1\n[policy]\nfoo = 2\n"),
        ("a_policy3.toml", "\"f\" = 1\n[policy]\ntolerance = -1\n"),
        ("a_policy4.toml", "\"f\" = 1\n[policy]\ndecimals = 99\n"),
        ("a_policy5.toml", "\"f\" = 1\n[policy]\ntolerance = \"x\"\n"),
        ("a_policy7.toml", "\"f\" = 1\npolicy = 3\n"),
        ("a_problem.toml", "problem = 3\n"),
        (
            "a_student.toml",
            "student = 3\n[[problem]]\nnumber = 1\nexample = \"backprop/1\"\n",
        ),
    ] {
        let p = f(name, text);
        all.push(argv(&["check", "backprop/1", &p]));
    }
    for (name, body) in [
        ("p_number.toml", "number = \"x\"\nexample = \"backprop/1\""),
        ("p_noexample.toml", "number = 1"),
        (
            "p_key.toml",
            "number = 1\nexample = \"backprop/1\"\ncolour = 1",
        ),
        ("p_form.toml", "number = 1\nexample = \"backprop\""),
        ("p_topic.toml", "number = 1\nexample = \"nope/1\""),
        ("p_n.toml", "number = 1\nexample = \"backprop/99\""),
        (
            "p_set.toml",
            "number = 1\nexample = \"backprop/1\"\nset = \"q=1\"",
        ),
        (
            "p_setval.toml",
            "number = 1\nexample = \"backprop/1\"\nset = \"x=abc\"",
        ),
        (
            "p_setform.toml",
            "number = 1\nexample = \"backprop/1\"\nset = \"x\"",
        ),
        (
            "p_setint.toml",
            "number = 1\nexample = \"backprop/1\"\nset = 3",
        ),
        ("p_examplenum.toml", "number = 1\nexample = 3"),
        (
            "p_domain.toml",
            "number = 1\nexample = \"chain-rule/1\"\nset = \"y=0\"",
        ),
    ] {
        let p = problem(name, body);
        all.push(argv(&["check", &p]));
    }
    let answers_table = f(
        "p_answers.toml",
        "[[problem]]\nnumber = 1\nexample = \"backprop/1\"\nanswers = 3\n",
    );
    all.push(argv(&["check", &answers_table]));
    for (name, text) in [
        ("pol_syntax.toml", "decimals = \n"),
        ("pol_both.toml", "decimals = 2\nsignificant = 3\n"),
        ("pol_key.toml", "colour = 2\n"),
        ("pol_neg.toml", "tolerance = -1\n"),
        ("pol_range.toml", "significant = 0\n"),
        ("pol_type.toml", "decimals = \"x\"\n"),
        ("pol_table.toml", "[policy]\ndecimals = 99\n"),
    ] {
        let p = f(name, text);
        all.push(argv(&["check", "backprop/1", l, "--policy", &p]));
    }
    all.push(argv(&["check", "backprop/1", l, "--policy", "/x.toml"]));
    all
}

/// `exercise` (one topic, --all, --find, rosters and exports) and `grade`
/// on class folders that cannot be used.
fn exercise_and_grade_cases(dir: &Path) -> Vec<Vec<String>> {
    let d = |p: &str| dir.join(p).to_str().unwrap().to_string();
    let f = |name: &str, text: &str| file(dir, name, text);
    let roster = f("roster.csv", "id,name\ns1,Ann\ns2,Bo\n");
    let class = d("class");
    let made = common::bin()
        .args([
            "exercise", "backprop", "-e", "1", "--roster", &roster, "--out", &class,
        ])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let existing = f("existing.md", "x");
    let s = argv;
    let mut all: Vec<Vec<String>> = Vec::new();
    for v in [
        &["exercise"][..],
        &["exercise", "nope", "-e", "1"],
        &["exercise", "training", "-e", "3"],
        &["exercise", "training"],
        &["exercise", "backprop", "-e", "99"],
        &["exercise", "backprop", "--find", "f"],
        &["exercise", "backprop", "-e", "1", "--find", "q9"],
        &[
            "exercise", "backprop", "-e", "1", "--exam", "--format", "json",
        ],
        &[
            "exercise", "backprop", "-e", "1", "--exam", "--format", "gift",
        ],
        &["exercise", "backprop", "-e", "1", "--format", "qti"],
        &["exercise", "backprop", "-e", "1", "--out", &existing],
        &[
            "exercise",
            "backprop",
            "-e",
            "1",
            "--out",
            "/nonexistent/x.md",
        ],
        &[
            "exercise",
            "backprop",
            "-e",
            "1",
            "--out",
            "a.md",
            "--key-out",
            "a.md",
        ],
        &[
            "exercise", "backprop", "-e", "1", "--roster", &roster, "--out", &existing,
        ],
        &[
            "exercise", "backprop", "-e", "1", "--roster", &roster, "--out", &class,
        ],
        &[
            "exercise", "backprop", "-e", "1", "--roster", &roster, "--out", &class, "--format",
            "json",
        ],
        &[
            "exercise",
            "backprop",
            "-e",
            "1",
            "--roster",
            "/nonexistent.csv",
            "--out",
            "x",
        ],
    ] {
        all.push(s(v));
    }
    let nonclass = d("nonclass");
    std::fs::create_dir_all(&nonclass).unwrap();
    f("nonclass/notes.txt", "x");
    all.push(s(&[
        "exercise", "backprop", "-e", "1", "--roster", &roster, "--out", &nonclass, "--force",
    ]));
    for (name, text) in [
        ("r_empty.csv", "id,name\n"),
        ("r_noid.csv", "name,mail\nAnn,a@b\n"),
        ("r_dup.csv", "id\ns1\ns1\n"),
        ("r_case.csv", "id\ns1\nS1\n"),
        ("r_ragged.csv", "id,name\ns1\n"),
        ("r_blank.csv", ""),
        ("r_path.csv", "id\n../x\n"),
    ] {
        let p = f(name, text);
        all.push(s(&[
            "exercise",
            "backprop",
            "-e",
            "1",
            "--roster",
            &p,
            "--out",
            &d("out_r"),
        ]));
    }
    // grade: folders that are not a class.
    all.push(s(&["grade", "/nonexistent"]));
    all.push(s(&["grade", &roster]));
    all.push(s(&["grade", &nonclass]));
    let manifest = std::fs::read_to_string(dir.join("class/manifest.json")).unwrap();
    for (name, text) in [
        ("m_json", "{ not json".to_string()),
        (
            "m_version",
            manifest.replacen("\"version\": 1", "\"version\": 99", 1),
        ),
        (
            "m_dir",
            manifest.replacen("\"dir\": \"s1\"", "\"dir\": \"../s1\"", 1),
        ),
        ("m_example", manifest.replacen("backprop/1", "nope/1", 1)),
        (
            "m_set",
            manifest.replacen("\"set\": \"", "\"set\": \"q=1,", 1),
        ),
        ("m_fields", "{}".to_string()),
        (
            "m_policy",
            manifest.replacen(
                "\"version\": 1,",
                "\"version\": 1, \"policy\": {\"decimals\": 99},",
                1,
            ),
        ),
    ] {
        let m = d(name);
        std::fs::create_dir_all(&m).unwrap();
        std::fs::write(dir.join(name).join("manifest.json"), text).unwrap();
        all.push(s(&["grade", &m]));
    }
    all.push(s(&[
        "grade",
        &class,
        "--decimals",
        "2",
        "--significant",
        "2",
    ]));
    all
}

/// `train`'s flags, data sets and MNIST folders, and `book build`.
fn train_and_book_cases(dir: &Path) -> Vec<Vec<String>> {
    let d = |p: &str| dir.join(p).to_str().unwrap().to_string();
    let mnist = d("mnist");
    std::fs::create_dir_all(&mnist).unwrap();
    std::fs::write(
        dir.join("mnist/train-images-idx3-ubyte"),
        [0u8, 0, 8, 3, 0, 0, 0, 1],
    )
    .unwrap();
    std::fs::write(
        dir.join("mnist/train-labels-idx1-ubyte"),
        [0u8, 0, 8, 1, 0, 0, 0, 1, 3],
    )
    .unwrap();
    let empty = d("mnist_empty");
    std::fs::create_dir_all(&empty).unwrap();
    // IDX folders with one thing wrong each: an image file's magic number,
    // a label past 9, two labels for one image, test images of another size.
    let image = |n: u8, side: u8| {
        let mut v = vec![0u8, 0, 8, 3, 0, 0, 0, n, 0, 0, 0, side, 0, 0, 0, side];
        v.extend(std::iter::repeat_n(0u8, (n * side * side) as usize));
        v
    };
    let label = |labels: &[u8]| {
        let mut v = vec![0u8, 0, 8, 1, 0, 0, 0, labels.len() as u8];
        v.extend(labels);
        v
    };
    let mut idx = Vec::new();
    for (name, files) in [
        (
            "idx_magic",
            vec![(
                "train",
                {
                    let mut v = image(1, 2);
                    v[2] = 9;
                    v
                },
                label(&[1]),
            )],
        ),
        ("idx_label", vec![("train", image(1, 2), label(&[12]))]),
        ("idx_count", vec![("train", image(1, 2), label(&[1, 2]))]),
        (
            "idx_size",
            vec![
                ("train", image(1, 2), label(&[1])),
                ("t10k", image(1, 3), label(&[1])),
            ],
        ),
        (
            "idx_long",
            vec![(
                "train",
                {
                    let mut v = image(1, 2);
                    v.push(0);
                    v
                },
                label(&[1]),
            )],
        ),
    ] {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        for (set, images, labels) in files {
            std::fs::write(
                dir.join(name).join(format!("{set}-images-idx3-ubyte")),
                images,
            )
            .unwrap();
            std::fs::write(
                dir.join(name).join(format!("{set}-labels-idx1-ubyte")),
                labels,
            )
            .unwrap();
        }
        idx.push(format!("mnist:{}", d(name)));
    }
    let s = argv;
    let mut all: Vec<Vec<String>> = Vec::new();
    let train = |extra: &[&str]| {
        let mut v = s(&["train", "--data", "xor"]);
        v.extend(s(extra));
        v
    };
    for extra in [
        &["--lr", "0"][..],
        &["--lr", "-1"],
        &["--batch", "0"],
        &["--batch", "5", "--optimizer", "minibatch"],
        &["--epochs", "0"],
        &["--init", "nope"],
        &["--activation", "nope"],
        &["--activation", "prelu"],
        &["--output", "nope"],
        &["--loss", "nope"],
        &["--output", "softmax", "--loss", "bce"],
        &["--val", "1.5"],
        &["--val", "0.9", "--test", "0.9"],
        &["--val", "0.9"],
        &["--early-stopping", "3"],
        &["--layers", "3,4,1"],
        &["--layers", "2,0,1"],
        &["--layers", "2"],
        &["--layers", "2,4,5"],
        &["--layers", "2,4,x"],
        &["--l2", "-1"],
        &["--float"],
        &["--plot", "/nonexistent/dir/x.svg"],
        &["--plot", "/", "--force"],
        &["--epochs", "100000000", "--layers", "2,512,512,1"],
    ] {
        all.push(train(extra));
    }
    for data in [
        "nope".to_string(),
        "mnst".to_string(),
        "mnist:".to_string(),
        "mnist:/nonexistent".to_string(),
        format!("mnist:{empty}"),
        format!("mnist:{mnist}"),
    ]
    .into_iter()
    .chain(idx)
    {
        all.push(s(&["train", "--data", &data]));
    }
    all.push(s(&["train", "--data", "moons", "--samples", "0"]));
    for v in [
        &["book", "build", "--book", "/nonexistent"][..],
        &["book", "build", "--out", "book/src"],
    ] {
        all.push(s(v));
    }
    // A book whose one chapter (in both editions) has a bad directive or
    // formula: the error names the chapter, the line and what is wrong.
    let toml = std::fs::read_to_string("book/book.toml").unwrap();
    for (k, body) in [
        "{{#nn-tutor explain backprop --example 99}}",
        "{{#nn-tutor explain backprop --example 1",
        "{{#nn-tutor train --data xor}}",
        "{{#nn-tutor explain backprop --example 1 --plot x.svg}}",
        "a $x^{ $ b",
    ]
    .iter()
    .enumerate()
    {
        let book = dir.join(format!("book{k}"));
        for src in ["src", "src-zh"] {
            std::fs::create_dir_all(book.join(src)).unwrap();
            std::fs::write(
                book.join(src).join("SUMMARY.md"),
                "# Summary\n\n- [A](a.md)\n",
            )
            .unwrap();
            std::fs::write(book.join(src).join("a.md"), format!("# A\n\n{body}\n")).unwrap();
        }
        std::fs::write(book.join("book.toml"), &toml).unwrap();
        let out = dir.join(format!("book{k}_out"));
        all.push(s(&[
            "book",
            "build",
            "--book",
            book.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]));
    }
    all
}

#[test]
fn every_error_reads_in_chinese_under_zh() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut problems = Vec::new();
    for args in cases(dir) {
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(60).collect()).collect();
        let (en, zh) = (run(&args, false), run(&args, true));
        let err = String::from_utf8_lossy(&zh.stderr).into_owned();
        // `NN_TUTOR_SHOW_ERRORS=1 cargo test --test zh_errors -- --nocapture`
        // prints every pair, to read them as a user would.
        if std::env::var_os("NN_TUTOR_SHOW_ERRORS").is_some() {
            println!("{shown:?}\n{}{err}", String::from_utf8_lossy(&en.stderr));
        }
        if en.status.success() || en.status.code() != zh.status.code() {
            problems.push(format!(
                "{shown:?}: exit {:?} in English, {:?} in Chinese",
                en.status.code(),
                zh.status.code()
            ));
        } else if err.contains("panicked") || !err.starts_with("错误: ") {
            problems.push(format!("{shown:?}: not a Chinese error:\n{err}"));
        } else if let Some(w) = english_phrase(&err) {
            problems.push(format!("{shown:?}: \"{w}\" in\n{err}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} errors are not Chinese under zh (add entries to DETAILS in \
         src/report/messages/errors.rs):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
