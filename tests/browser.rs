//! The book in a real browser: build it, load every page in headless
//! Chromium with the network blocked, and check what a reader would see.
//!
//! Chromium is driven over the DevTools protocol on a local websocket
//! (`tungstenite`), so nothing but crates and Debian's `chromium` is needed.
//! Without Chromium the test is skipped with a message, unless
//! `NN_TUTOR_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.
//! Run it alone with: `cargo test --test browser -- --nocapture`.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// The Chromium binary: `$NN_TUTOR_CHROMIUM`, or the first of the usual
/// names on `PATH`.
fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NN_TUTOR_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Emulate a screen (or, with `print`, a page) `width` CSS px wide.
fn viewport(cdp: &mut Cdp, session: &str, width: u32, height: u32, print: bool) {
    cdp.call(
        Some(session),
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    );
    cdp.call(
        Some(session),
        "Emulation.setEmulatedMedia",
        json!({ "media": if print { "print" } else { "" } }),
    );
}

/// Chromium, killed when dropped.
struct Browser {
    child: Child,
    profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Start headless Chromium with every network route closed; returns it and
/// the DevTools websocket address.
fn launch(bin: &Path, profile: &Path) -> (Browser, String) {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--allow-file-access-from-files",
            // Network blocked: no proxy that answers, no name that resolves.
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--window-size=1200,900",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start chromium");
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Keep reading so Chromium never blocks on a full pipe.
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(i) = line.find("ws://") {
                let _ = tx.send(line[i..].trim().to_string());
            }
        }
    });
    let browser = Browser {
        child,
        profile: profile.to_path_buf(),
    };
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("chromium did not print its DevTools address within 60 s");
    (browser, url)
}

/// A DevTools protocol session over one websocket.
struct Cdp {
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Events received while waiting for replies, oldest first.
    events: Vec<Value>,
}

impl Cdp {
    fn connect(url: &str) -> Cdp {
        let host = url
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .expect("host:port");
        let stream = TcpStream::connect(host).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let (ws, _) = tungstenite::client::client(url, stream).expect("websocket handshake");
        Cdp {
            ws,
            next_id: 1,
            events: Vec::new(),
        }
    }

    fn read(&mut self) -> Value {
        loop {
            match self
                .ws
                .read()
                .expect("DevTools connection lost or timed out")
            {
                Message::Text(t) => return serde_json::from_str(t.as_str()).unwrap(),
                Message::Close(_) => panic!("DevTools closed the connection"),
                _ => {}
            }
        }
    }

    /// Send a command and wait for its reply; events meanwhile are kept.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(msg.to_string())).unwrap();
        loop {
            let v = self.read();
            if v["id"].as_u64() == Some(id) {
                if let Some(e) = v.get("error") {
                    panic!("{method} failed: {e}");
                }
                return v["result"].clone();
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    /// Wait until the event `method` arrives (or was already received).
    fn wait_for(&mut self, method: &str) {
        if self.events.iter().any(|e| e["method"] == method) {
            return;
        }
        loop {
            let v = self.read();
            let done = v["method"] == method;
            if v.get("method").is_some() {
                self.events.push(v);
            }
            if done {
                return;
            }
        }
    }

    /// Evaluate an async JS expression and return its JSON string result.
    fn eval(&mut self, session: &str, expr: &str) -> Value {
        let r = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({ "expression": expr, "awaitPromise": true, "returnByValue": true }),
        );
        if let Some(e) = r.get("exceptionDetails") {
            panic!("the page check threw: {e}");
        }
        let s = r["result"]["value"].as_str().unwrap_or("null");
        serde_json::from_str(s).unwrap_or(Value::Null)
    }
}

/// What the check script reports about one page.
const PAGE_CHECK: &str = r#"(async () => {
  await new Promise(r => setTimeout(r, 30));
  const main = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const leftovers = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('code, pre, script, style, math, svg')) continue;
    if (/\$|\\(frac|partial|sigma|left|right|cdot|begin|mathrm|text)\b/.test(n.textContent))
      leftovers.push(n.textContent.trim().slice(0, 80));
  }
  const maths = [...main.querySelectorAll('math')];
  const flatMath = maths.filter(m => {
    const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0);
  }).length;
  const figures = [...main.querySelectorAll('.nn-figure')].map(f => {
    const s = f.querySelector('svg');
    if (!s) return [0, 0];
    const r = s.getBoundingClientRect(); return [r.width, r.height];
  });
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href)
    .filter(h => h.startsWith('file:'));
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  const dupIds = ids.filter((id, i) => ids.indexOf(id) !== i);
  // Anything wider than the content column that no scroll container
  // inside the column holds (only the outermost such element is named).
  const col = main.getBoundingClientRect();
  const sticks = new Set();
  const outside = e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || (r.right <= col.right + 1 && r.left >= col.left - 1)) return false;
    // Held if an ancestor that clips (a scroller, or an <svg>) lies
    // inside the column.
    for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') {
        const ar = a.getBoundingClientRect();
        if (ar.right <= col.right + 1 && ar.left >= col.left - 1) return false;
      }
    }
    return true;
  };
  for (const e of main.querySelectorAll('*')) if (outside(e)) sticks.add(e);
  const overflow = [...sticks].filter(e => !sticks.has(e.parentElement)).map(e =>
    `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}"> ` +
    `${Math.round(e.getBoundingClientRect().width)} px wide in a ${Math.round(col.width)} px column: ` +
    e.textContent.trim().slice(0, 60));
  if (document.scrollingElement.scrollWidth > window.innerWidth + 1)
    overflow.push(`the page scrolls sideways (${document.scrollingElement.scrollWidth} px)`);
  // Exact fractions too long to read: numerator and denominator together
  // longer than 24 digits, as text or as a MathML fraction.
  const longFractions = [];
  for (const m of main.innerText.matchAll(/\d+\/\d+|\d{25,}/g))
    if (m[0].replace(/\D/g, '').length > 24) longFractions.push(m[0].slice(0, 80));
  for (const f of main.querySelectorAll('mfrac')) {
    const parts = [...f.children].map(c => c.textContent.replace(/[\s\u2212-]/g, ''));
    if (parts.every(p => /^\d+$/.test(p)) && parts.join('').length > 24)
      longFractions.push(parts.join('/').slice(0, 80));
  }
  // A fraction in a table cell at the size of the paragraphs (nested ones
  // and indices may be smaller, as in print).
  const p = main.querySelector('p');
  const body = parseFloat(getComputedStyle(p || main).fontSize);
  const smallFractions = [];
  for (const f of main.querySelectorAll('td mfrac, th mfrac')) {
    if (f.parentElement.closest('mfrac, msub, msup, msubsup, munder, mover, munderover')) continue;
    for (const c of f.children) {
      const px = parseFloat(getComputedStyle(c).fontSize);
      if (px < 0.95 * body)
        smallFractions.push(`${px.toFixed(1)} px (text ${body} px): ${f.textContent.slice(0, 40)}`);
    }
  }
  const reveals = main.querySelectorAll('.nn-reveal').length;
  const bars = main.querySelectorAll('.nn-reveal .nn-reveal-bar').length;
  const checks = main.querySelectorAll('details.nn-check table').length;
  return JSON.stringify({ leftovers, maths: maths.length, flatMath, figures, links,
                          dupIds, text: main.innerText, lang: document.documentElement.lang,
                          overflow, longFractions, smallFractions: smallFractions.slice(0, 5),
                          reveals, bars, checks });
})()"#;

/// Open the search box, type a word, and count the results.
const SEARCH_CHECK: &str = r#"(async () => {
  document.getElementById('mdbook-search-toggle').click();
  const bar = document.getElementById('mdbook-searchbar');
  bar.value = 'backpropagation';
  for (let i = 0; i < 100; i++) {
    bar.dispatchEvent(new KeyboardEvent('keyup', { key: 'n' }));
    await new Promise(r => setTimeout(r, 50));
    const n = document.querySelectorAll('#mdbook-searchresults li').length;
    if (n > 0) return JSON.stringify(n);
  }
  return JSON.stringify(0);
})()"#;

/// Wait for the results of the search that `index.html?search=TERM`
/// starts on load; the header reads "N search results for 'TERM':".
const SEARCH_RESULTS: &str = r#"(async () => {
  for (let i = 0; i < 200; i++) {
    const h = document.getElementById('mdbook-searchresults-header');
    const header = h ? h.innerText : '';
    if (/search results? for/.test(header)) {
      const links = [...document.querySelectorAll('#mdbook-searchresults li a')]
        .map(a => a.getAttribute('href'));
      return JSON.stringify({ header, links });
    }
    await new Promise(r => setTimeout(r, 50));
  }
  return JSON.stringify({ header: '', links: [] });
})()"#;

/// The decks' terms, and the page each must find first (or nearly).
const SEARCHES: [(&str, &str); 5] = [
    ("反向传播", "backprop.html"),
    ("梯度消失", "vanishing.html"),
    ("学习率", "gradient-descent.html"),
    ("交叉熵", "loss.html"),
    ("softmax", "loss.html"),
];

/// Search `term` through `index.html?search=` of the edition at `root`;
/// returns the problems seen.
fn search_problems(
    cdp: &mut Cdp,
    session: &str,
    root: &str,
    term: &str,
    page: &str,
) -> Vec<String> {
    let url = format!("{root}index.html?search={}", percent_encode(term));
    cdp.events.clear();
    cdp.call(Some(session), "Page.navigate", json!({ "url": url }));
    cdp.wait_for("Page.loadEventFired");
    let r = cdp.eval(session, SEARCH_RESULTS);
    let header = r["header"].as_str().unwrap_or("");
    let count: usize = header
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let links: Vec<&str> = r["links"]
        .as_array()
        .map(|a| a.iter().filter_map(|l| l.as_str()).collect())
        .unwrap_or_default();
    let top: Vec<&str> = links
        .iter()
        .take(3)
        .map(|l| l.split(['?', '#']).next().unwrap_or(l))
        .collect();
    if count == 0 || !header.contains(term) {
        vec![format!("{root}: searching `{term}`: header {header:?}")]
    } else if !top.iter().any(|l| l.ends_with(page)) {
        vec![format!(
            "{root}: searching `{term}`: {page} is not among the first results {top:?}"
        )]
    } else {
        Vec::new()
    }
}

/// `反向` → `%E5%8F%8D%E5%90%91`.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn every_page_renders_offline_in_chromium() {
    let Some(bin) = find_chromium() else {
        if std::env::var("NN_TUTOR_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("chromium is required (NN_TUTOR_REQUIRE_BROWSER=1) but was not found");
        }
        eprintln!(
            "SKIPPED every_page_renders_offline_in_chromium: no chromium on PATH \
             (apt-get install chromium, or set NN_TUTOR_CHROMIUM)"
        );
        return;
    };
    let base = std::env::temp_dir().join(format!("nn-tutor-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let out = base.join("html");
    // Both editions, the Chinese one in the English one's zh/ folder.
    for (lang, dir) in [
        (nn_tutor::report::i18n::Lang::En, out.clone()),
        (nn_tutor::report::i18n::Lang::Zh, out.join("zh")),
    ] {
        nn_tutor::book::build(&nn_tutor::book::BuildOptions {
            book_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("book"),
            out: Some(dir),
            force: false,
            lang,
        })
        .unwrap_or_else(|e| panic!("the {lang:?} edition does not build: {e}"));
    }
    let out = out.canonicalize().unwrap();
    let root_url = format!("file://{}/", out.display());

    let (_browser, ws_url) = launch(&bin, &base.join("profile"));
    let mut cdp = Cdp::connect(&ws_url);
    let target = cdp.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
    let attached = cdp.call(
        None,
        "Target.attachToTarget",
        json!({ "targetId": target["targetId"], "flatten": true }),
    );
    let session = attached["sessionId"].as_str().unwrap().to_string();
    for domain in ["Page", "Runtime", "Log", "Network"] {
        cdp.call(Some(&session), &format!("{domain}.enable"), json!({}));
    }
    // A laptop: the content column is mdBook's 750 px beside the sidebar.
    viewport(&mut cdp, &session, 1280, 900, false);

    let html_in = |dir: &Path, prefix: &str| -> Vec<String> {
        let mut pages: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".html"))
            .map(|n| format!("{prefix}{n}"))
            .collect();
        pages.sort();
        pages
    };
    let mut pages = html_in(&out, "");
    let zh_pages = html_in(&out.join("zh"), "zh/");
    assert!(pages.len() >= 15, "only {} pages", pages.len());
    assert_eq!(zh_pages.len(), pages.len(), "{zh_pages:?}");
    pages.extend(zh_pages);

    let mut problems = Vec::new();
    // Totals, so a check that silently saw nothing cannot pass.
    let (mut requests, mut figures, mut formulas) = (0, 0, 0);
    let (mut reveals, mut checks) = (0, 0);
    let mut texts = std::collections::HashMap::new();
    for page in &pages {
        cdp.events.clear();
        let url = format!("{root_url}{page}");
        cdp.call(Some(&session), "Page.navigate", json!({ "url": url }));
        cdp.wait_for("Page.loadEventFired");
        let mut report = cdp.eval(&session, PAGE_CHECK);
        let lang = report["lang"].as_str().unwrap_or("");
        let want = if page.starts_with("zh/") {
            "zh-Hans"
        } else {
            "en"
        };
        if lang != want {
            problems.push(format!("{page}: <html lang=\"{lang}\">, not {want}"));
        }
        if page == "index.html" {
            let hits = cdp.eval(&session, SEARCH_CHECK);
            if hits.as_u64().unwrap_or(0) == 0 {
                problems
                    .push("index.html: offline search found nothing for `backpropagation`".into());
            }
        }
        // Let late requests and errors arrive before judging the page.
        cdp.eval(
            &session,
            "new Promise(r => setTimeout(() => r('null'), 50))",
        );
        for e in &cdp.events {
            let p = &e["params"];
            match e["method"].as_str().unwrap_or("") {
                "Runtime.exceptionThrown" => problems.push(format!(
                    "{page}: JavaScript error: {}",
                    p["exceptionDetails"]["exception"]["description"]
                        .as_str()
                        .unwrap_or(&p["exceptionDetails"]["text"].to_string())
                )),
                "Runtime.consoleAPICalled" if p["type"] == "error" => {
                    problems.push(format!("{page}: console error: {}", p["args"]))
                }
                "Log.entryAdded" if p["entry"]["level"] == "error" => problems.push(format!(
                    "{page}: browser error: {} {}",
                    p["entry"]["text"], p["entry"]["url"]
                )),
                "Network.requestWillBeSent" => {
                    requests += 1;
                    let u = p["request"]["url"].as_str().unwrap_or("");
                    if !(u.starts_with(&root_url) || u.starts_with("data:") || u == "about:blank") {
                        problems.push(format!("{page}: request leaves the book folder: {u}"));
                    }
                }
                _ => {}
            }
        }
        for l in report["leftovers"].as_array().unwrap() {
            problems.push(format!("{page}: LaTeX left in the text: {l}"));
        }
        if report["flatMath"].as_u64() != Some(0) {
            problems.push(format!(
                "{page}: {} formulas render with no size",
                report["flatMath"]
            ));
        }
        formulas += report["maths"].as_u64().unwrap_or(0);
        figures += report["figures"].as_array().unwrap().len();
        for f in report["figures"].as_array().unwrap() {
            if !(f[0].as_f64().unwrap_or(0.0) > 0.0 && f[1].as_f64().unwrap_or(0.0) > 0.0) {
                problems.push(format!("{page}: a figure has no rendered SVG (size {f})"));
            }
        }
        for o in report["overflow"].as_array().unwrap() {
            problems.push(format!("{page} at 1280 px: wider than the column: {o}"));
        }
        for f in report["longFractions"].as_array().unwrap() {
            problems.push(format!("{page}: a fraction of more than 24 digits: {f}"));
        }
        for f in report["smallFractions"].as_array().unwrap() {
            problems.push(format!(
                "{page}: a table's fraction smaller than the text: {f}"
            ));
        }
        let (r, b) = (report["reveals"].as_u64(), report["bars"].as_u64());
        if r != b {
            problems.push(format!(
                "{page}: {r:?} predict-then-reveal tables but {b:?} have their buttons"
            ));
        }
        reveals += r.unwrap_or(0);
        checks += report["checks"].as_u64().unwrap_or(0);
        for id in report["dupIds"].as_array().unwrap() {
            problems.push(format!("{page}: id {id} appears twice"));
        }
        for link in report["links"].as_array().unwrap() {
            let link = link.as_str().unwrap();
            if let Some(p) = link_problem(link, &root_url, &out) {
                problems.push(format!("{page}: {p}"));
            }
        }
        texts.insert(page.clone(), report["text"].take());
    }

    // Search both editions for the decks' terms, in Chinese and English.
    let zh_root = format!("{root_url}zh/");
    for root in [&root_url, &zh_root] {
        for (term, page) in SEARCHES {
            problems.extend(search_problems(&mut cdp, &session, root, term, page));
        }
    }

    problems.extend(reveal_problems(&mut cdp, &session, &root_url, &out));
    problems.extend(print_problems(&mut cdp, &session, &root_url));

    let has = |page: &str, s: &str| texts[page].as_str().unwrap_or("").contains(s);
    // f = −12 and ∂f/∂x = −4, signed with the true minus (U+2212)
    for n in ["−12", "−4", "3"] {
        if !has("backprop.html", n) {
            problems.push(format!("backprop.html: pinned number {n} not shown"));
        }
    }
    if !(has("autodiff.html", "1/4") || has("autodiff.html", "0.25")) {
        problems.push("autodiff.html: the pinned 1/4 (0.25) is not shown".into());
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(requests > pages.len() * 5, "only {requests} requests seen");
    assert!(figures >= 20, "only {figures} figures seen");
    assert!(formulas >= 500, "only {formulas} formulas seen");
    // Both editions and their print pages: the forward and backward tables
    // of the worked examples, and the check tables folded away.
    assert!(
        reveals >= 100,
        "only {reveals} predict-then-reveal tables seen"
    );
    assert!(checks >= 40, "only {checks} folded check tables seen");
    eprintln!(
        "checked {} pages: {requests} requests, {figures} figures, {formulas} formulas",
        pages.len()
    );
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// An internal link must name a file of the book, and its `#fragment` an
/// id in that file.
fn link_problem(link: &str, root_url: &str, out: &Path) -> Option<String> {
    let Some(rel) = link.strip_prefix(root_url) else {
        return Some(format!("link outside the book: {link}"));
    };
    let (file, frag) = rel.split_once('#').unwrap_or((rel, ""));
    let file = file.split('?').next().unwrap_or(file);
    let file = if file.is_empty() || file.ends_with('/') {
        format!("{file}index.html")
    } else {
        file.to_string()
    };
    let path = out.join(&file);
    let Ok(html) = std::fs::read_to_string(&path) else {
        return Some(format!("broken link: {link}"));
    };
    let frag = percent_decode(frag);
    if !frag.is_empty() && !html.contains(&format!("id=\"{frag}\"")) {
        return Some(format!("link to a missing anchor: {link}"));
    }
    None
}

/// `%E6%A2%AF` → the UTF-8 text it encodes.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// For every computation graph on the page: how many `<text>` elements it
/// has, the smallest font size among them at its rendered size (computed
/// size × the SVG's scale), and its rendered width.
const GRAPH_TEXT_CHECK: &str = r#"(async () => {
  await new Promise(r => setTimeout(r, 30));
  const main = document.querySelector('main') || document.body;
  return JSON.stringify([...main.querySelectorAll('svg.nn-graph')].map(s => {
    const box = s.getBoundingClientRect();
    const vb = s.viewBox.baseVal;
    const scale = vb && vb.width > 0 ? box.width / vb.width : 1;
    const sizes = [...s.querySelectorAll('text')]
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return [sizes.length, Math.min(...sizes), box.width];
  }));
})()"#;

/// Node text in every graph SVG of the book is at least 11 CSS px at its
/// rendered size, on a 1280 px desktop and on a 390 px phone (issue 14:
/// wide graphs were shrunk to 4-7 px text, 2.6 px on a phone).
#[test]
fn graph_text_is_readable_on_a_desktop_and_a_phone() {
    let Some(bin) = find_chromium() else {
        if std::env::var("NN_TUTOR_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("chromium is required (NN_TUTOR_REQUIRE_BROWSER=1) but was not found");
        }
        eprintln!("SKIPPED graph_text_is_readable_on_a_desktop_and_a_phone: no chromium on PATH");
        return;
    };
    let base = std::env::temp_dir().join(format!("nn-tutor-graphs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let out = base.join("html");
    nn_tutor::book::build(&nn_tutor::book::BuildOptions {
        book_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("book"),
        out: Some(out.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    })
    .unwrap_or_else(|e| panic!("the book does not build: {e}"));
    let out = out.canonicalize().unwrap();
    let (_browser, ws_url) = launch(&bin, &base.join("profile"));
    let mut cdp = Cdp::connect(&ws_url);
    let target = cdp.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
    let attached = cdp.call(
        None,
        "Target.attachToTarget",
        json!({ "targetId": target["targetId"], "flatten": true }),
    );
    let session = attached["sessionId"].as_str().unwrap().to_string();
    cdp.call(Some(&session), "Page.enable", json!({}));
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "print.html")
        .collect();
    pages.sort();

    let mut problems = Vec::new();
    for width in [1280, 390] {
        viewport(&mut cdp, &session, width, 900, false);
        let (mut graphs, mut texts) = (0, 0);
        for page in &pages {
            cdp.events.clear();
            let url = format!("file://{}/{page}", out.display());
            cdp.call(Some(&session), "Page.navigate", json!({ "url": url }));
            cdp.wait_for("Page.loadEventFired");
            let found = cdp.eval(&session, GRAPH_TEXT_CHECK);
            for (k, g) in found.as_array().unwrap().iter().enumerate() {
                graphs += 1;
                texts += g[0].as_u64().unwrap_or(0);
                let px = g[1].as_f64().unwrap_or(0.0);
                if px < 11.0 {
                    problems.push(format!(
                        "{page} at {width} px: graph {} has {px:.1} px text (drawn {} px wide)",
                        k + 1,
                        g[2]
                    ));
                }
            }
        }
        // The chapters and the errata hold 26 graphs of 3 or more nodes.
        assert!(graphs >= 20, "only {graphs} graphs seen at {width} px");
        assert!(texts >= 5 * graphs, "only {texts} texts in {graphs} graphs");
        eprintln!("{width} px: {graphs} graphs, {texts} text elements");
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Predict-then-reveal on the first backward table of backprop.html, as a
/// reader uses it: after loading, the rows after the first hide their
/// values (their number and node stay); a mouse click on "Next row"
/// reveals one more row, Enter on the focused button one more, "Show all"
/// the rest. What the reader sees is judged by the computed `filter`.
const REVEAL_STATE: &str = r#"(async () => {
  await new Promise(r => setTimeout(r, 30));
  const b = [...document.querySelectorAll('.nn-reveal')]
    .find(b => b.querySelector('th') && /∂/.test(b.querySelector('thead').textContent));
  if (!b) return JSON.stringify(null);
  const rows = [...b.querySelectorAll('tbody tr')];
  const keep = parseInt(b.dataset.nnKeep, 10);
  const blurred = c => getComputedStyle(c).filter !== 'none';
  const hidden = rows.filter(r => [...r.cells].some(blurred)).length;
  // A hidden row shows exactly its first `keep` cells.
  const shape = rows.filter(r => [...r.cells].some(blurred))
    .every(r => [...r.cells].every((c, j) => blurred(c) === (j >= keep)));
  // Where the buttons are on the screen, for a mouse click.
  const centre = sel => {
    const e = b.querySelector(sel);
    if (!e) return null;
    e.scrollIntoView({ block: 'center' });
    const r = e.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  };
  const all = centre('.nn-reveal-all'), at = centre('.nn-reveal-next');
  return JSON.stringify({ rows: rows.length, hidden, shape, at, all,
                          bar: b.querySelector('.nn-reveal-bar') ? b.querySelector('.nn-reveal-bar').innerText : null });
})()"#;

/// Click at a point of the page with the mouse, as a reader would.
fn click(cdp: &mut Cdp, session: &str, at: &Value) {
    for kind in ["mousePressed", "mouseReleased"] {
        cdp.call(
            Some(session),
            "Input.dispatchMouseEvent",
            json!({ "type": kind, "x": at[0], "y": at[1], "button": "left", "clickCount": 1 }),
        );
    }
}

/// Press Enter where the focus is (a click on a button leaves it there).
fn press_enter(cdp: &mut Cdp, session: &str) {
    for (kind, text) in [("keyDown", "\r"), ("keyUp", "")] {
        cdp.call(
            Some(session),
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": "Enter", "code": "Enter",
                    "windowsVirtualKeyCode": 13, "text": text }),
        );
    }
}

/// Predict-then-reveal works by mouse and keyboard in both editions, and a
/// page loaded with scripts off shows every row of every table (the HTML
/// itself hides nothing).
fn reveal_problems(cdp: &mut Cdp, session: &str, root_url: &str, out: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (page, invite) in [
        ("backprop.html", "Predict, then reveal"),
        ("zh/backprop.html", "先预测，再揭晓"),
    ] {
        cdp.events.clear();
        let url = format!("{root_url}{page}");
        cdp.call(Some(session), "Page.navigate", json!({ "url": url }));
        cdp.wait_for("Page.loadEventFired");
        let s0 = cdp.eval(session, REVEAL_STATE);
        let rows = s0["rows"].as_u64().unwrap_or(0);
        if rows < 3 {
            problems.push(format!("{page}: no backward table to reveal ({s0})"));
            continue;
        }
        if !s0["bar"].as_str().unwrap_or("").contains(invite) {
            problems.push(format!(
                "{page}: the reveal bar does not say {invite:?}: {s0}"
            ));
        }
        if s0["hidden"].as_u64() != Some(rows - 1) || s0["shape"] != json!(true) {
            problems.push(format!(
                "{page}: after loading, {} of {rows} rows should hide their values beyond the node: {s0}",
                rows - 1
            ));
        }
        // A click on Next row, Enter on the focused button, a click on
        // Show all: one row more, one row more, every row.
        for (step, want) in [("click", rows - 2), ("Enter", rows - 3), ("Show all", 0)] {
            let before = cdp.eval(session, REVEAL_STATE);
            match step {
                "click" => click(cdp, session, &before["at"]),
                "Show all" => click(cdp, session, &before["all"]),
                _ => press_enter(cdp, session),
            }
            let after = cdp.eval(session, REVEAL_STATE);
            if after["hidden"].as_u64() != Some(want) {
                problems.push(format!(
                    "{page}: after {step}, want {want} of {rows} rows hidden: {after}"
                ));
            }
        }
    }

    // Scripts off: every row of every table shown, no buttons.
    cdp.call(
        Some(session),
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    for page in ["backprop.html", "zh/backprop.html"] {
        cdp.events.clear();
        let url = format!("{root_url}{page}");
        cdp.call(Some(session), "Page.navigate", json!({ "url": url }));
        cdp.wait_for("Page.loadEventFired");
        let r = cdp.eval(
            session,
            "JSON.stringify({ reveals: document.querySelectorAll('.nn-reveal').length, \
             bars: document.querySelectorAll('.nn-reveal-bar').length, \
             blurred: [...document.querySelectorAll('main td')].filter(c => getComputedStyle(c).filter !== 'none').length })",
        );
        if r["reveals"].as_u64().unwrap_or(0) < 2
            || r["bars"].as_u64() != Some(0)
            || r["blurred"].as_u64() != Some(0)
        {
            problems.push(format!(
                "{page} without scripts: want the reveal tables whole and no buttons: {r}"
            ));
        }
    }
    cdp.call(
        Some(session),
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    );
    // And the HTML as written hides nothing: only the script adds the class.
    for dir in [out.to_path_buf(), out.join("zh")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "html") {
                let html = std::fs::read_to_string(&path).unwrap();
                if html.contains("nn-hidden") {
                    problems.push(format!("{}: the HTML hides table cells", path.display()));
                }
            }
        }
    }
    problems
}

/// The print page as paper shows it: print media at the width of an A4
/// page inside Chromium's default margins (210 mm at 96 px per inch is
/// 794 px, less about 0.4 in on each side). Every table is shown (folded
/// checks unfolded, every row revealed) and its right edge is on the page.
const PRINT_CHECK: &str = r#"(async () => {
  await new Promise(r => setTimeout(r, 30));
  const W = document.documentElement.clientWidth;
  const cut = [], unseen = [];
  let n = 0;
  for (const t of document.querySelectorAll('main table')) {
    n++;
    const r = t.getBoundingClientRect();
    const head = (t.rows[0] ? t.rows[0].innerText : '').replace(/\s+/g, ' ').slice(0, 50);
    if (r.width === 0 || r.height === 0) unseen.push(head);
    else if (r.right > W + 0.5 || r.left < -0.5)
      cut.push(`${Math.round(r.left)}..${Math.round(r.right)} px on a ${W} px page: ${head}`);
  }
  const blurred = [...document.querySelectorAll('main td')]
    .filter(c => getComputedStyle(c).filter !== 'none').length;
  const bars = [...document.querySelectorAll('.nn-reveal-bar')]
    .filter(b => b.getBoundingClientRect().height > 0).length;
  return JSON.stringify({ W, n, cut, unseen, blurred, bars });
})()"#;

fn print_problems(cdp: &mut Cdp, session: &str, root_url: &str) -> Vec<String> {
    let mut problems = Vec::new();
    viewport(cdp, session, 718, 1000, true);
    for page in ["print.html", "zh/print.html"] {
        cdp.events.clear();
        let url = format!("{root_url}{page}");
        cdp.call(Some(session), "Page.navigate", json!({ "url": url }));
        cdp.wait_for("Page.loadEventFired");
        let r = cdp.eval(session, PRINT_CHECK);
        let n = r["n"].as_u64().unwrap_or(0);
        if n < 150 {
            problems.push(format!("{page} in print: only {n} tables seen"));
        }
        for c in r["cut"].as_array().unwrap() {
            problems.push(format!("{page} in print: a table runs off the page: {c}"));
        }
        for u in r["unseen"].as_array().unwrap() {
            problems.push(format!("{page} in print: a table is not shown: {u}"));
        }
        if r["blurred"].as_u64() != Some(0) || r["bars"].as_u64() != Some(0) {
            problems.push(format!(
                "{page} in print: rows still hidden or buttons shown: {r}"
            ));
        }
        eprintln!("{page} in print: {n} tables on a {} px page", r["W"]);
    }
    viewport(cdp, session, 1280, 900, false);
    problems
}
