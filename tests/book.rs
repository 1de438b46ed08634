//! The book: its chapters embed every catalog example, it builds, its HTML
//! needs nothing from the network, and a failed build changes nothing.

use std::path::{Path, PathBuf};

use nn_tutor::book::{self, BuildOptions, directive};
use nn_tutor::catalog;

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("book")
}

/// Every chapter source, (file name, text), in a stable order.
fn chapters() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(book_dir().join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Build the English edition of the book into `out`.
fn build_english(out: &Path) -> book::Built {
    book::build(&BuildOptions {
        book_dir: book_dir(),
        out: Some(out.to_path_buf()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    })
    .unwrap_or_else(|e| panic!("the book does not build: {e}"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nn-tutor-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_catalog_example_is_embedded_in_a_chapter() {
    let mut embedded = Vec::new();
    for (_, text) in chapters() {
        for d in directive::find(&text).unwrap() {
            if let Some(id) = directive::example_id(d.args) {
                embedded.push(id);
            }
        }
    }
    let missing: Vec<String> = catalog::all()
        .iter()
        .map(|e| e.id())
        .filter(|id| !embedded.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "catalog examples missing from book/src: {missing:?}; add \
         `{{{{#nn-tutor explain TOPIC --example N}}}}` to the chapter of each \
         (look for its `<!-- nn-tutor pending: … -->` marker)"
    );
}

/// A chapter marks an example that does not exist yet with
/// `<!-- nn-tutor pending: explain TOPIC --example N -->`. Once the example
/// exists, the marker must become a directive: one line per example.
#[test]
fn pending_markers_name_examples_not_yet_in_the_catalog() {
    const MARK: &str = "<!-- nn-tutor pending:";
    let mut ready = Vec::new();
    for (file, text) in chapters() {
        for line in text.lines().filter(|l| l.trim_start().starts_with(MARK)) {
            let args = line
                .trim()
                .trim_start_matches(MARK)
                .trim_end_matches("-->")
                .trim();
            let cli = directive::parse(args)
                .unwrap_or_else(|e| panic!("{file}: pending marker `{args}` does not parse: {e}"));
            if let nn_tutor::cli::Command::Explain(a) = cli.command
                && let Some(n) = a.example
                && catalog::find(&a.topic, n).is_ok()
            {
                ready.push(format!("{file}: {{{{#nn-tutor {args}}}}}"));
            }
        }
    }
    assert!(
        ready.is_empty(),
        "these examples exist now; replace each pending marker by its directive, \
         and update the chapter's `*Still to come:*` note:\n{}",
        ready.join("\n")
    );
}

#[test]
fn every_directive_of_the_book_parses() {
    for (file, text) in chapters() {
        for d in directive::find(&text).unwrap() {
            directive::parse(d.args)
                .unwrap_or_else(|e| panic!("{file}: `{}` does not parse: {e}", d.source()));
        }
    }
}

/// Text of an HTML page outside `<code>`, `<pre>`, `<script>`, `<style>`
/// and tags: what a reader sees.
fn visible_text(html: &str) -> String {
    let mut s = html.to_string();
    for tag in ["script", "style", "pre", "code", "math", "svg"] {
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        while let Some(i) = s.find(&open) {
            let Some(j) = s[i..].find(&close) else { break };
            s.replace_range(i..i + j + close.len(), " ");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_book_builds_offline_with_math_figures_and_pinned_numbers() {
    let base = scratch("book-build");
    let out = base.join("html");
    let built = build_english(&out);
    assert!(built.pages >= 14, "{} pages", built.pages);
    assert!(out.join(book::MARKER).is_file());
    assert!(out.join("mathml/font/latinmodern-math.woff2").is_file());

    let page = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let html = std::fs::read_to_string(&path).unwrap();
        // No formula left as LaTeX: no `$` and no LaTeX command in the text.
        let text = visible_text(&html);
        for bad in ["$", "\\frac", "\\partial", "\\sigma"] {
            assert!(!text.contains(bad), "{name}: `{bad}` left in the text");
        }
        // Nothing from the network: no remote script, stylesheet or font,
        // and no MathJax.
        for bad in ["src=\"http", "href=\"http://", "cdn", "MathJax"] {
            assert!(
                !html.contains(bad),
                "{name}: `{bad}` would load from the network"
            );
        }
        // SVG ids are unique on every page (the print page holds them all).
        let mut ids: Vec<&str> = html
            .split("id=\"nn-fig")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: a figure id repeats");
    }

    let backprop = page("backprop.html");
    assert!(backprop.matches("<math").count() > 20);
    assert!(backprop.contains("<div class=\"nn-figure\">"));
    let text = visible_text(&backprop);
    // f = −12 and ∂f/∂x = −4, signed with the true minus (U+2212)
    for pinned in ["−12", "−4", "3"] {
        assert!(text.contains(pinned), "backprop page lacks {pinned}");
    }
    let autodiff = visible_text(&page("autodiff.html"));
    assert!(autodiff.contains("1/4 (0.25)"), "autodiff page lacks 1/4");
    // The forward chapter runs the shipped spec forward only; its backward
    // pass waits for the backprop chapter, which runs the same spec in full.
    let forward = visible_text(&page("forward.html"));
    assert!(forward.contains("The network of specs/two-layer.toml"));
    assert!(forward.contains("The forward pass only (--forward-only)"));
    for early in [
        "backward 反向传播",
        "Gradients of layer",
        "Update · 参数更新",
    ] {
        assert!(!forward.contains(early), "forward.html shows `{early}`");
    }
    assert!(text.contains("The network of specs/two-layer.toml"));
    assert!(text.contains("9 of 9 gradients agree"), "backprop.html");
    // Every backprop/autodiff/chain-rule example comes with its graph.
    for (name, n) in [("backprop.html", 3), ("autodiff.html", 4)] {
        let figures = page(name).matches("<div class=\"nn-figure\">").count();
        assert!(figures >= n, "{name}: {figures} figures");
    }
    std::fs::remove_dir_all(&base).unwrap();
}

/// A copy of a tiny book whose one chapter is `chapter`.
fn tiny_book(base: &Path, chapter: &str) -> PathBuf {
    let dir = base.join("src-book");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("book.toml"),
        "[book]\ntitle = \"t\"\n[output.html]\nmathjax-support = false\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/SUMMARY.md"), "# S\n\n- [Ch](ch.md)\n").unwrap();
    std::fs::write(dir.join("src/ch.md"), chapter).unwrap();
    dir
}

#[test]
fn a_failed_build_names_the_chapter_and_directive_and_keeps_the_old_book() {
    let base = scratch("book-fail");
    let out = base.join("html");
    let good = tiny_book(
        &base,
        "# Ch\n\n{{#nn-tutor explain backprop --example 1}}\n",
    );
    let opts = |dir: &Path| BuildOptions {
        book_dir: dir.to_path_buf(),
        out: Some(out.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    };
    book::build(&opts(&good)).unwrap();
    let before = std::fs::read_to_string(out.join("ch.html")).unwrap();
    // Rebuilding over our own previous build is fine.
    book::build(&opts(&good)).unwrap();

    for (chapter, expect) in [
        (
            "# Ch\n\n{{#nn-tutor explain backprop --example 42}}\n",
            "directive `{{#nn-tutor explain backprop --example 42}}` failed",
        ),
        ("# Ch\n\nbad $\\frac{1}$\n", "malformed formula"),
        ("# Ch\n\nhalf $\\frac{1}{2$ done\n", "left over"),
    ] {
        let bad = tiny_book(&base, chapter);
        let err = book::build(&opts(&bad)).unwrap_err().to_string();
        assert!(err.contains("chapter `Ch`"), "{err}");
        assert!(err.contains(expect), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("ch.html")).unwrap(),
            before,
            "a failed build changed the previous one"
        );
    }
    // No temporary directory is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A directory that is not a build of ours is not replaced.
    let foreign = base.join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.tex"), "precious").unwrap();
    let err = book::build(&BuildOptions {
        book_dir: good.clone(),
        out: Some(foreign.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    })
    .unwrap_err()
    .to_string();
    assert!(err.contains("--force"), "{err}");
    assert!(foreign.join("thesis.tex").is_file());
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn the_cli_builds_and_answers_the_mdbook_protocol() {
    let base = scratch("book-cli");
    let bin = env!("CARGO_BIN_EXE_nn-tutor");
    let book = tiny_book(&base, "# Ch\n\nInline $x^2$.\n");
    // The real book through the CLI: mdBook has nothing to warn about.
    let out = base.join("html");
    let run = std::process::Command::new(bin)
        .args(["book", "build", "--book"])
        .arg(book_dir())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(String::from_utf8_lossy(&run.stdout).contains("index.html"));
    assert!(out.join("backprop.html").is_file());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.trim().is_empty(),
        "warnings while building: {stderr}"
    );

    let supports = |r: &str| {
        std::process::Command::new(bin)
            .args(["book", "preprocess", "supports", r])
            .status()
            .unwrap()
            .success()
    };
    assert!(supports("html"));
    assert!(!supports("latex"));

    // The JSON protocol: [context, book] in, book out, directives expanded.
    let input = format!(
        r#"[{{"root":"{}","config":{{"book":{{"title":"t"}}}},"renderer":"html","mdbook_version":"0.5.4"}},
           {{"items":[{{"Chapter":{{"name":"Ch","content":"{{{{#nn-tutor explain backprop --example 1}}}}","number":null,"sub_items":[],"path":"ch.md","source_path":"ch.md","parent_names":[]}}}}]}}]"#,
        book.display()
    );
    let mut child = std::process::Command::new(bin)
        .args(["book", "preprocess"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{done:?}");
    let book_out: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    let content = book_out["items"][0]["Chapter"]["content"].as_str().unwrap();
    assert!(content.contains("backprop/1"), "{content}");
    assert!(content.contains("<math"), "{content}");
    assert!(!content.contains("{{#nn-tutor"));
    std::fs::remove_dir_all(&base).unwrap();
}

/// What a plain `mdbook build` does: mdBook runs `nn-tutor book preprocess`
/// as an external command over its JSON protocol. The pages must be the
/// same, byte for byte, as those of `nn-tutor book build`.
#[test]
fn plain_mdbook_with_the_preprocessor_command_gives_the_same_pages() {
    let base = scratch("book-protocol");
    let inproc = base.join("in-process");
    build_english(&inproc);

    let mut config =
        mdbook_driver::config::Config::from_disk(book_dir().join("book.toml")).unwrap();
    let bin = env!("CARGO_BIN_EXE_nn-tutor");
    config
        .set(
            "preprocessor.nn-tutor.command",
            format!("{bin} book preprocess"),
        )
        .unwrap();
    let external = base.join("external");
    config.build.build_dir = external.clone();
    config.build.create_missing = false;
    let md = mdbook_driver::MDBook::load_with_config(book_dir(), config).unwrap();
    md.build().unwrap();

    let mut compared = 0;
    for entry in std::fs::read_dir(&inproc).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let name = path.file_name().unwrap();
        let a = std::fs::read(&path).unwrap();
        let b = std::fs::read(external.join(name))
            .unwrap_or_else(|e| panic!("{name:?} missing from the mdbook build: {e}"));
        assert!(a == b, "{name:?} differs between the two routes");
        compared += 1;
    }
    assert!(compared >= 14, "compared only {compared} pages");
    std::fs::remove_dir_all(&base).unwrap();
}

/// `{{#nn-tutor net SPEC.toml}}` reads the spec beside the chapters (the
/// book's `src/`), whatever the working directory, and shows the path as
/// the chapter wrote it.
#[test]
fn net_directives_read_their_spec_beside_the_chapters() {
    let base = scratch("book-net");
    let dir = tiny_book(&base, "# Ch\n\n{{#nn-tutor net specs/n.toml}}\n");
    std::fs::create_dir_all(dir.join("src/specs")).unwrap();
    std::fs::write(
        dir.join("src/specs/n.toml"),
        "input = [2]\n[[layer]]\nweights = [[\"1/2\"]]\nbias = [1]\nactivation = \"identity\"\n",
    )
    .unwrap();
    let out = base.join("html");
    let opts = BuildOptions {
        book_dir: dir.clone(),
        out: Some(out.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    };
    book::build(&opts).unwrap_or_else(|e| panic!("{e}"));
    let html = std::fs::read_to_string(out.join("ch.html")).unwrap();
    assert!(html.contains("The network of specs/n.toml"), "{html}");
    assert!(
        out.join("specs/n.toml").is_file(),
        "the spec ships with the book"
    );

    std::fs::write(
        dir.join("src/ch.md"),
        "# Ch\n\n{{#nn-tutor net specs/gone.toml}}\n",
    )
    .unwrap();
    let err = book::build(&opts).unwrap_err().to_string();
    assert!(err.contains("{{#nn-tutor net specs/gone.toml}}"), "{err}");
    assert!(err.contains("gone.toml"), "{err}");
    std::fs::remove_dir_all(&base).unwrap();
}

/// The chapter files of an edition's SUMMARY.md in order, with their
/// nesting, and a `#` for each part title: the shape both editions share.
fn summary_shape(src: &str) -> Vec<String> {
    let text = std::fs::read_to_string(book_dir().join(src).join("SUMMARY.md")).unwrap();
    let mut shape = Vec::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.starts_with("# ") && !shape.is_empty() {
            shape.push("# part".to_string());
        } else if let Some(i) = t.find("](") {
            let path = t[i + 2..].trim_end_matches(')');
            let kind = if t.starts_with("- ") || t.starts_with("* ") {
                "-"
            } else {
                "prefix"
            };
            shape.push(format!("{indent} {kind} {path}"));
        }
    }
    shape
}

/// Every `.md` file of a source folder, with its directives in order.
fn directives_of(src: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    std::fs::read_dir(book_dir().join(src))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let found = directive::find(&text)
                .unwrap()
                .iter()
                .map(|d| d.args.to_string())
                .chain(
                    text.lines()
                        .filter(|l| l.trim_start().starts_with("<!-- nn-tutor pending:"))
                        .map(|l| l.trim().to_string()),
                )
                .collect();
            (p.file_name().unwrap().to_string_lossy().into_owned(), found)
        })
        .collect()
}

/// The English (`src`) and Chinese (`src-zh`) editions stay in step: the
/// same chapters in the same places of SUMMARY.md, and in each chapter the
/// same directives (and pending markers) in the same order.
#[test]
fn both_editions_have_the_same_chapters_and_directives() {
    let (en, zh) = (summary_shape("src"), summary_shape("src-zh"));
    assert!(en.len() >= 14, "{en:?}");
    assert_eq!(
        en, zh,
        "book/src/SUMMARY.md and book/src-zh/SUMMARY.md differ in shape"
    );
    let (en, zh) = (directives_of("src"), directives_of("src-zh"));
    let files =
        |m: &std::collections::BTreeMap<String, Vec<String>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        files(&en),
        files(&zh),
        "a chapter exists in one edition and not the other"
    );
    let mut differ = Vec::new();
    for (file, ds) in &en {
        let other = &zh[file];
        for d in ds.iter().filter(|d| !other.contains(d)) {
            differ.push(format!("{file}: only in English: {d}"));
        }
        for d in other.iter().filter(|d| !ds.contains(d)) {
            differ.push(format!("{file}: only in Chinese: {d}"));
        }
        if differ.is_empty() && ds != other {
            differ.push(format!("{file}: the directives come in another order"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(en.values().map(Vec::len).sum::<usize>() >= 30);
}

/// Read the JSON of a built book's search index.
fn search_index(dir: &Path) -> serde_json::Value {
    let file = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("searchindex") && n.ends_with(".js")
        })
        .expect("a search index");
    book::search::parse_script(&std::fs::read_to_string(file).unwrap()).expect("index JSON")
}

/// The pages (section URLs) whose body has `token` in the index.
fn pages_with(index: &serde_json::Value, field: &str, token: &str) -> Vec<String> {
    let mut node = &index["index"]["index"][field]["root"];
    for c in token.chars() {
        node = &node[c.to_string()];
    }
    let urls = index["doc_urls"].as_array().unwrap();
    node["docs"]
        .as_object()
        .map(|docs| {
            docs.keys()
                .map(|r| urls[r.parse::<usize>().unwrap()].as_str().unwrap())
                .map(|u| u.split('#').next().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `nn-tutor book build --lang zh` writes the Chinese edition into the
/// English one's `zh/`: Chinese pages (`lang="zh-Hans"`), reports in
/// Chinese, links between the editions, and an index that finds Chinese
/// words and no tick labels. Rebuilding the English edition keeps it.
#[test]
fn the_chinese_edition_builds_beside_the_english_one() {
    let base = scratch("book-zh");
    let out = base.join("html");
    let bin = env!("CARGO_BIN_EXE_nn-tutor");
    let run = std::process::Command::new(bin)
        .args(["book", "build", "--lang", "zh", "--book"])
        .arg(book_dir())
        .arg("--out")
        .arg(out.join("zh"))
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.trim().is_empty(), "warnings: {stderr}");
    let en = book::build(&BuildOptions {
        book_dir: book_dir(),
        out: Some(out.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.join("zh/backprop.html").is_file(),
        "the English build kept the Chinese edition inside it"
    );
    assert_eq!(en.search.missed, 0, "{:?}", en.search);
    assert!(en.search.left_out >= 20, "{:?}", en.search);

    let zh = out.join("zh");
    let mut pages = 0;
    for entry in std::fs::read_dir(&zh).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(html.contains("<html lang=\"zh-Hans\""), "{name}");
        if !["index.html", "print.html", "toc.html"].contains(&name.as_str()) {
            assert!(
                html.contains(&format!("href=\"../{name}\" hreflang=\"en\"")),
                "zh/{name} does not link to the English page"
            );
            let english = std::fs::read_to_string(out.join(&name)).unwrap();
            assert!(
                english.contains(&format!("href=\"zh/{name}\" hreflang=\"zh-Hans\"")),
                "{name} does not link to the Chinese page"
            );
        }
    }
    assert!(pages >= 15, "{pages} Chinese pages");
    // The reports are in Chinese; the English edition marks its Chinese.
    let backprop = std::fs::read_to_string(zh.join("backprop.html")).unwrap();
    let text = visible_text(&backprop);
    assert!(text.contains("前向传播"), "zh/backprop.html");
    assert!(!text.contains("Forward pass"), "an English report heading");
    let forward = visible_text(&std::fs::read_to_string(zh.join("forward.html")).unwrap());
    assert!(
        forward.contains("这里只有前向传播 (--forward-only)"),
        "zh/forward.html"
    );
    assert!(
        !forward.contains("反向传播 · δ"),
        "zh/forward.html: a backward table"
    );
    assert!(
        text.contains("specs/two-layer.toml 中的网络"),
        "zh/backprop.html"
    );
    let english = std::fs::read_to_string(out.join("backprop.html")).unwrap();
    assert!(english.contains("<span lang=\"zh-Hans\">反向传播</span>"));

    // Search: the decks' terms are tokens of the right pages, in both
    // editions; no tick labels of figures are left in the documents.
    for (dir, lang) in [
        (&out, nn_tutor::report::i18n::Lang::En),
        (&zh, nn_tutor::report::i18n::Lang::Zh),
    ] {
        let index = search_index(dir);
        for (word, page) in [
            ("反向传播", "backprop.html"),
            ("梯度消失", "vanishing.html"),
            ("学习率", "gradient-descent.html"),
            ("交叉熵", "loss.html"),
        ] {
            let chars: Vec<char> = word.chars().collect();
            for pair in chars.windows(2) {
                let pair: String = pair.iter().collect();
                let found = pages_with(&index, "body", &pair);
                assert!(
                    found.iter().any(|p| p == page),
                    "{}: `{pair}` of {word} not indexed on {page}: {found:?}",
                    dir.display()
                );
            }
        }
        assert!(!pages_with(&index, "body", "softmax").is_empty());
        let docs = index["index"]["documentStore"]["docs"].as_object().unwrap();
        for (r, d) in docs {
            let body = d["body"].as_str().unwrap();
            assert!(
                !body.contains("0.0 0.1 0.2") && !body.contains("0.0 0.5 1.0"),
                "doc {r}: tick labels in the index: {body}"
            );
            let link = book::edition::switch_text(lang);
            assert!(
                !body.starts_with(link),
                "doc {r}: the link to the other edition is indexed: {body}"
            );
        }
    }
    std::fs::remove_dir_all(&base).unwrap();
}

/// For a book with no Chinese and no figures, the rebuilt index is the one
/// mdBook wrote: English search is as it was.
#[test]
fn the_rebuilt_index_of_an_english_book_is_mdbooks() {
    let base = scratch("book-index");
    let dir = tiny_book(
        &base,
        "# Ch\n\nThe running gradients of a well-known (network), \
         café and naïve résumé; x-y 12 0.25.\n\n## Part two\n\nMore text here.\n",
    );
    std::fs::write(
        dir.join("book.toml"),
        "[book]\ntitle = \"t\"\n[output.html]\nmathjax-support = false\n\
         [output.html.search]\nenable = true\n",
    )
    .unwrap();
    let out = base.join("plain");
    let mut md = mdbook_driver::MDBook::load(&dir).unwrap();
    md.config.build.build_dir = out.clone();
    md.build().unwrap();
    let before = search_index(&out);
    let stats = book::search::rebuild(&out, nn_tutor::report::i18n::Lang::En).unwrap();
    assert_eq!(stats.docs, 2);
    let after = search_index(&out);
    assert_eq!(before, after);
    std::fs::remove_dir_all(&base).unwrap();
}

/// The glossary goes both ways in both editions: every table of it holds
/// the same (English, Chinese, chapter) entries.
#[test]
fn the_glossary_lists_the_same_terms_both_ways_in_both_editions() {
    // Chinese and ASCII punctuation and spacing are not a difference.
    let norm = |s: &str| {
        s.replace('，', ",")
            .replace('（', "(")
            .replace('）', ")")
            .replace(' ', "")
    };
    let mut tables = Vec::new();
    for src in ["src", "src-zh"] {
        let text = std::fs::read_to_string(book_dir().join(src).join("glossary.md")).unwrap();
        for section in text.split("\n## ").skip(1) {
            let mut rows = section.lines().filter(|l| l.starts_with('|'));
            let header: Vec<String> = rows
                .next()
                .unwrap()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            let english_first = header[0] == "English";
            let mut entries: Vec<(String, String, String)> = rows
                .skip(1)
                .map(|l| {
                    let c: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                    let (en, zh) = if english_first {
                        (c[0], c[1])
                    } else {
                        (c[1], c[0])
                    };
                    (norm(en), norm(zh), c[2].to_string())
                })
                .collect();
            entries.sort();
            tables.push((
                format!("{src}/glossary.md: {}", section.lines().next().unwrap()),
                entries,
            ));
        }
    }
    assert_eq!(tables.len(), 4, "two tables in each edition");
    assert!(tables[0].1.len() >= 40);
    for (name, entries) in &tables[1..] {
        assert_eq!(entries, &tables[0].1, "{name} differs from {}", tables[0].0);
    }
}

/// Every erratum says how it is known: "recomputation shows" (a number
/// differs, and the page recomputes it) or "reading of the slide" (a name,
/// index or symbol, and no printed number changes). Only NNDL's missing
/// factor in δ is a recomputation: at x = 1, w1 = 2, w2 = 3, t = 1 the
/// slide's two factors give ReLU'(2)·(6 − 1) = 5, the full chain
/// ReLU'(2)·w2·5 = 15.
#[test]
fn every_erratum_carries_its_evidence() {
    let page = std::fs::read_to_string(book_dir().join("src/errata.md")).unwrap();
    let entries: Vec<&str> = page.split("\n## ").skip(1).collect();
    let (computed, read) = (
        "**Evidence · 依据**: recomputation shows.",
        "**Evidence · 依据**: reading of the slide.",
    );
    let mut recomputed = vec![];
    for e in &entries {
        let heading = e.lines().next().unwrap();
        let flat = e.split_whitespace().collect::<Vec<_>>().join(" ");
        let labels = e.matches(computed).count() + e.matches(read).count();
        assert_eq!(labels, 1, "`{heading}` needs exactly one evidence label");
        assert!(
            flat.contains("extracted text, line"),
            "`{heading}` cites no line"
        );
        if e.contains(computed) {
            assert!(
                e.contains("**Recomputed**") && e.contains("{{#nn-tutor"),
                "`{heading}` claims a recomputation but shows none"
            );
            recomputed.push(heading);
        } else {
            assert!(!e.contains("**Recomputed**"), "`{heading}`");
        }
    }
    assert_eq!(
        recomputed,
        ["NNDL · 反向传播算法: a factor missing from the derivation of $\\delta$"]
    );
    let body = entries.join("\n");
    assert!(
        body.contains("= 5$") && body.contains("= 15$"),
        "5 against 15"
    );
    // The slips found by reading the decks line by line, one entry each.
    for (deck, want) in [("NNDL", 3), ("CAL", 2), ("MS", 1), ("JQ", 1)] {
        let n = entries.iter().filter(|e| e.starts_with(deck)).count();
        assert_eq!(n, want, "{deck} entries");
    }
}

/// The chapters of the course part of an edition's SUMMARY.md (between the
/// first and the second part title), in order.
fn course_chapters(src: &str) -> Vec<String> {
    let text = std::fs::read_to_string(book_dir().join(src).join("SUMMARY.md")).unwrap();
    let mut parts = 0;
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("# ") {
            parts += 1;
        } else if parts == 2
            && let Some(i) = line.find("](")
        {
            out.push(line[i + 2..].trim_end_matches(')').to_string());
        }
    }
    out
}

/// A textbook's order: the chain rule before backpropagation, which comes
/// before autodiff, gradient descent and training; the chapters before
/// them show no backward table (no `graph` report, only its figure, and no
/// neuron/2, whose tables are backward passes).
#[test]
fn the_chain_rule_comes_before_backpropagation() {
    for src in ["src", "src-zh"] {
        let order = course_chapters(src);
        let at = |f: &str| {
            order
                .iter()
                .position(|c| c == f)
                .unwrap_or_else(|| panic!("{src}: {f} not in the course: {order:?}"))
        };
        assert!(at("chain-rule.md") < at("backprop.md"), "{src}: {order:?}");
        assert!(at("loss.md") < at("backprop.md"), "{src}: {order:?}");
        assert!(at("backprop.md") < at("autodiff.md"), "{src}: {order:?}");
        assert!(
            at("backprop.md") < at("gradient-descent.md"),
            "{src}: {order:?}"
        );
        assert_eq!(
            order.last().map(String::as_str),
            Some("training.md"),
            "{src}"
        );
        // Before the chain rule, a graph is a figure only (values and
        // slopes in its nodes), never a report with its backward table.
        for ch in &order[..at("chain-rule.md")] {
            let text = std::fs::read_to_string(book_dir().join(src).join(ch)).unwrap();
            for d in directive::find(&text).unwrap() {
                let table = d.args.starts_with("graph") && !d.args.contains("--diagram");
                assert!(
                    !table && !d.args.starts_with("explain neuron --example 2"),
                    "{src}/{ch} shows a backward table before backprop: {}",
                    d.source()
                );
            }
        }
    }
}

/// Every chapter of the course, in both editions, ends with a summary, a
/// common-mistakes box and a practice section of seeded exercises, in that
/// order.
#[test]
fn every_chapter_has_a_summary_mistakes_and_practice() {
    let marks = [
        (
            "src",
            "## Summary · 小结",
            "**Common mistakes · 常见错误**",
            "## Practice · 练习",
        ),
        ("src-zh", "## 小结", "**常见错误**", "## 练习"),
    ];
    let mut missing = Vec::new();
    for (src, summary, mistakes, practice) in marks {
        let chapters = course_chapters(src);
        assert!(chapters.len() >= 11, "{src}: {chapters:?}");
        for ch in chapters {
            let text = std::fs::read_to_string(book_dir().join(src).join(&ch)).unwrap();
            let at = |what: &str| text.find(what);
            let (Some(s), Some(m), Some(p)) = (at(summary), at(mistakes), at(practice)) else {
                missing.push(format!(
                    "{src}/{ch}: lacks a summary, a mistakes box or practice"
                ));
                continue;
            };
            if !(s < m && m < p) {
                missing.push(format!(
                    "{src}/{ch}: summary, mistakes, practice out of order"
                ));
            }
            if !text[m..].contains("<div class=\"warning nn-mistakes\">")
                && !text[..m].contains("<div class=\"warning nn-mistakes\">")
            {
                missing.push(format!("{src}/{ch}: the mistakes are not in their box"));
            }
            let practice_text = &text[p..];
            let exercises = directive::find(practice_text)
                .unwrap()
                .iter()
                .filter(|d| d.args.starts_with("exercise ") && d.args.contains("--seed"))
                .count();
            if exercises == 0 {
                missing.push(format!("{src}/{ch}: no seeded exercise under practice"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every ad-hoc `graph` and `net` directive of a chapter (examples of the
/// catalog carry their own sources) has a source line in the text just
/// before it: since the previous heading or directive.
#[test]
fn every_graph_in_the_book_has_a_source_line() {
    let mut missing = Vec::new();
    for (src, label) in [("src", "*Source:*"), ("src-zh", "*出处:*")] {
        for (file, _) in directives_of(src) {
            let text = std::fs::read_to_string(book_dir().join(src).join(&file)).unwrap();
            let mut last = 0;
            let mut shown_since_source = false;
            for d in directive::find(&text).unwrap() {
                let before = &text[last..d.start];
                let since_heading = before.rfind("\n#").map_or(before, |i| &before[i..]);
                if since_heading.contains(label) || before.contains("\n#") {
                    shown_since_source = since_heading.contains(label);
                }
                let adhoc = d.args.starts_with("graph") || d.args.starts_with("net");
                if adhoc && !shown_since_source {
                    missing.push(format!("{src}/{file}: {}", d.source()));
                }
                last = d.end;
            }
        }
    }
    assert!(
        missing.is_empty(),
        "graphs without a source line:\n{}",
        missing.join("\n")
    );
}

/// Built pages: one heading per example (a report's own headings are bold
/// lines, so the page and its sidebar list the chapter's sections only),
/// the answers of every exercise folded in `<details>`, and no `cargo run`
/// in what a reader is told to type.
#[test]
fn built_pages_have_one_heading_per_example_and_folded_answers() {
    let base = scratch("book-headings");
    let out = base.join("html");
    build_english(&out);
    let page = std::fs::read_to_string(out.join("backprop.html")).unwrap();
    let headings: Vec<&str> = page
        .match_indices("<h")
        .filter(|(i, _)| page[i + 2..].starts_with(|c: char| ('1'..='4').contains(&c)))
        .map(|(i, _)| &page[i..page[i..].find('>').map_or(i, |j| i + j)])
        .filter(|h| h.contains("id=\""))
        .collect();
    assert!(
        !headings.iter().any(|h| h.contains("id=\"backprop1")),
        "a report heading is still a heading: {headings:?}"
    );
    assert!(
        page.contains("<strong>backprop/1 · "),
        "the example's title line"
    );
    let exercises = page.matches("<div class=\"nn-exercise\">").count();
    assert_eq!(exercises, 3, "backprop.html has three practice sheets");
    assert_eq!(
        page.matches("<details class=\"nn-answers\">").count(),
        exercises
    );
    assert!(page.contains("<summary>Answer key</summary>"));
    for name in ["introduction.html", "instructors.html"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(
            !text.contains("cargo run"),
            "{name} tells readers to `cargo run`"
        );
        assert!(
            text.contains("cargo install --path ."),
            "{name}: the install line"
        );
    }
    std::fs::remove_dir_all(&base).unwrap();
}

/// The glossary's chapter column (`[5](backprop.md)`) carries the number
/// mdBook gives that chapter: its place in the course part of SUMMARY.md.
#[test]
fn glossary_chapter_numbers_follow_the_summary() {
    let mut wrong = Vec::new();
    for src in ["src", "src-zh"] {
        let order = course_chapters(src);
        let text = std::fs::read_to_string(book_dir().join(src).join("glossary.md")).unwrap();
        let mut links = 0;
        for (i, _) in text.match_indices("](") {
            let Some(open) = text[..i].rfind('[') else {
                continue;
            };
            let Ok(n) = text[open + 1..i].parse::<usize>() else {
                continue;
            };
            let file = text[i + 2..].split(')').next().unwrap();
            links += 1;
            match order.iter().position(|c| c == file) {
                Some(k) if k + 1 == n => {}
                _ => wrong.push(format!("{src}/glossary.md: [{n}]({file})")),
            }
        }
        assert!(links > 50, "{src}: {links} chapter links");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
