"""Class folders and LMS exports, read by independent consumers.

- exercise --roster: every student's seed is recomputed here (64-bit FNV-1a
  of "S:id", shifted right by 11, written from the definition), every
  answers.toml is read with Python's tomllib and lists exactly the
  quantities the manifest says were asked, with "" values.
- exercise --format gift: parsed by the npm package gift-pegjs
  (tests/consumers/gift_check.js): every question Numerical, its answer the
  key's value within the tolerance.
- exercise --format qti: read by the PyPI package qti2txt (its Canvas zip
  reader: manifest, namespace stripping, XMLCanvasParser): every question a
  numerical_question, the exact answer the key's value, the accepted range
  the value ± the tolerance.
- grade's results.json: checked against Gradescope's own documentation of
  the format, "Autograder Specifications", section "Output format"
  (https://gradescope-autograders.readthedocs.io/en/latest/specs/, source
  docs/specs.md of github.com/gradescope/autograder_samples): only the
  documented top-level and per-test keys, each of its documented type and
  values (visibility, status, output formats), score = the tests' sum.

The key values come from `exercise --format json --key` (the catalog's own
report); the consumers only have to read the exports right. Under CI=true a
missing consumer (node, gift-pegjs, qti2txt) is a FAIL; elsewhere a SKIP.
Needs the debug binary (cargo build)."""
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "target", "debug", "nn-tutor")
CI = os.environ.get("CI") == "true"
TOL = 0.00005
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Tally  # noqa: E402

tally = Tally()
verdict = tally.verdict


def missing(what):
    """A consumer that is not installed: FAIL under CI, SKIP elsewhere."""
    if CI:
        verdict(False, f"{what} is not installed (.ci/run installs it)")
    else:
        print("SKIP", what, "is not installed")


def run(*args, cwd=None):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True)


def fnv1a_seed(course, sid):
    h = 0xCBF29CE484222325
    for b in f"{course}:{sid}".encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) % (1 << 64)
    return h >> 11


def key_values(args):
    """[(title, value)] of every asked quantity, from the JSON key."""
    out = run("exercise", *args, "--format", "json", "--key")
    doc = json.loads(out.stdout)
    qs = []
    for p in doc["problems"]:
        for name in p["find"]:
            r = p["results"][name]
            v = float(Fraction(r["exact"])) if r.get("exact") is not None else r["float"]
            qs.append((f"P{p['number']} {p['example']} {name}", v))
    return qs


def roster(tmp):
    path = os.path.join(tmp, "students.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffid,name\r\ns001,\"Li, Lei\"\r\n王小明,Wang\r\ns.o-b_2,O\r\n")
    out = os.path.join(tmp, "class")
    r = run("exercise", "--all", "--seed", "2024", "--roster", path, "--out", out)
    if not verdict(r.returncode == 0, "exercise --roster exits 0", r.stderr.strip()):
        return
    m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    ids = [s["id"] for s in m["students"]]
    verdict(ids == ["s001", "王小明", "s.o-b_2"], "roster order and ids", ids)
    for s in m["students"]:
        verdict(s["seed"] == fnv1a_seed(2024, s["id"]), f"seed of {s['id']}", s["seed"])
        t = tomllib.load(open(os.path.join(out, s["dir"], "answers.toml"), "rb"))
        verdict(t["student"] == s["id"] and t["seed"] == s["seed"], f"{s['id']}: answers.toml names its sheet")
        got = [(p["number"], p["example"], p["set"], list(p["answers"])) for p in t["problem"]]
        want = [(p["number"], p["example"], p["set"], p["asked"]) for p in s["problems"]]
        verdict(got == want, f"{s['id']}: answers.toml asks what the manifest says ({len(want)} problems)")
        verdict(
            all(v == "" for p in t["problem"] for v in p["answers"].values()),
            f"{s['id']}: every template value is empty",
        )
        # The sheet is the plain `exercise --seed N` sheet: the key JSON reprints.
        key = json.load(open(os.path.join(out, s["dir"], "key.json"), encoding="utf-8"))
        again = run(*key["command"].split()[1:])
        redo = json.loads(again.stdout)
        # The plain run prints its command without --key; all else is equal.
        redo.pop("command"), key.pop("command")
        verdict(redo == key, f"{s['id']}: `exercise --all --seed {s['seed']} --format json --key` reprints key.json")
    verdict(m["students"][0]["columns"] == {"name": "Li, Lei"}, "roster's other columns kept")


def gift(tmp):
    args = ["--all", "--seed", "7"]
    path = os.path.join(tmp, "sheet.gift")
    r = run("exercise", *args, "--format", "gift", "--out", path)
    if not verdict(r.returncode == 0, "exercise --format gift exits 0", r.stderr.strip()):
        return
    qs = key_values(args)
    keyfile = os.path.join(tmp, "gift-key.json")
    json.dump({"tolerance": TOL, "questions": [{"title": t, "value": v} for t, v in qs]}, open(keyfile, "w"))
    node = shutil.which("node")
    script = os.path.join(ROOT, "tests", "consumers", "gift_check.js")
    if node is None:
        return missing("node")
    r = subprocess.run([node, script, path, keyfile], capture_output=True, text=True)
    if r.returncode == 2:
        return missing("gift-pegjs")
    lines = r.stdout.splitlines()
    bad = [l for l in lines if l.startswith("FAIL")]
    for l in bad[:20]:
        print(l)
    verdict(
        r.returncode == 0 and not bad,
        f"gift-pegjs reads {len(qs)} numerical questions, each the key within ±{TOL}",
    )


def qti(tmp):
    try:
        from qti2txt.parsers import XMLCanvasParser
        from qti2txt.processors import FileProcessor, NamespaceStripper
    except Exception as e:  # ImportError, or a SyntaxError on an old python
        return missing(f"qti2txt ({e.__class__.__name__})")
    args = ["--all", "--seed", "7"]
    path = os.path.join(tmp, "quiz.zip")
    r = run("exercise", *args, "--format", "qti", "--out", path)
    if not verdict(r.returncode == 0, "exercise --format qti exits 0", r.stderr.strip()):
        return
    qs = key_values(args)
    unz = os.path.join(tmp, "qti")
    FileProcessor.unzip_file(path, unz)
    pairs = FileProcessor.get_resource_hrefs(os.path.join(unz, "imsmanifest.xml"))
    verdict(len(pairs) == 1, "one quiz in the manifest", pairs)
    quiz, _meta = pairs[0]
    stripped = os.path.join(tmp, "stripped.xml")
    NamespaceStripper().remove_namespace_from_file(os.path.join(unz, quiz), stripped)
    details = XMLCanvasParser(stripped).extract_question_details()
    verdict(len(details) == len(qs), f"qti2txt reads {len(details)} questions, {len(qs)} in the key")
    bad = 0
    for d, (title, v) in zip(details, qs):
        ans = d.get("correct_answers", [{}])[0]
        lo, hi = ans.get("range", [None, None])
        ok = (
            d["question_type"] == "numerical_question"
            and abs(ans.get("exact", float("nan")) - v) <= 1e-9 * max(1, abs(v))
            and abs((v - lo) - TOL) < 1e-9
            and abs((hi - v) - TOL) < 1e-9
        )
        if not ok:
            bad += 1
            verdict(False, title, d["question_type"], ans, "against", v)
    verdict(bad == 0, f"every QTI question is numerical, its answer the key, its range ±{TOL}")


# Gradescope's results.json, as its "Autograder Specifications" document it
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output
# format", "Controlling Test Case Visibility", "Test case status", "Output
# String Formatting"). Top level: score (number; required unless every test
# has one), execution_time, output, output_format, test_output_format,
# test_name_format, visibility, stdout_visibility, extra_data, tests (list),
# leaderboard. Each test: score, max_score, status, name, name_format,
# number (a string such as "1.1"), output, output_format, tags (strings),
# visibility, extra_data.
TOP_KEYS = {"score", "execution_time", "output", "output_format", "test_output_format",
            "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard"}
TEST_KEYS = {"score", "max_score", "status", "name", "name_format", "number", "output",
             "output_format", "tags", "visibility", "extra_data"}
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}
NUMBER = (int, float)


def documented(obj, keys):
    """The keys of obj outside `keys`, and the documented keys whose value
    has the wrong type or is not one of the documented values."""
    bad = sorted(set(obj) - keys)
    for k, v in obj.items():
        ok = {
            "score": lambda: isinstance(v, NUMBER) and not isinstance(v, bool),
            "max_score": lambda: isinstance(v, NUMBER) and not isinstance(v, bool),
            "execution_time": lambda: isinstance(v, NUMBER),
            "status": lambda: v in ("passed", "failed"),
            "visibility": lambda: v in VISIBILITY,
            "stdout_visibility": lambda: v in VISIBILITY,
            "output_format": lambda: v in FORMATS,
            "test_output_format": lambda: v in FORMATS,
            "test_name_format": lambda: v in FORMATS,
            "name_format": lambda: v in FORMATS,
            "name": lambda: isinstance(v, str),
            "number": lambda: isinstance(v, str),
            "output": lambda: isinstance(v, str) and "\r" not in v,
            "tags": lambda: isinstance(v, list) and all(isinstance(t, str) for t in v),
            "extra_data": lambda: isinstance(v, dict),
            "tests": lambda: isinstance(v, list),
            "leaderboard": lambda: isinstance(v, list),
        }.get(k, lambda: True)()
        if not ok:
            bad.append(f"{k}={v!r}")
    return bad


def gradescope(tmp):
    out = os.path.join(tmp, "gs")
    path = os.path.join(tmp, "gs.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\na1\n王小明\n")
    r = run("exercise", "backprop", "--example", "1", "--seed", "3", "--count", "2", "--roster", path, "--out", out)
    if not verdict(r.returncode == 0, "roster for the Gradescope check", r.stderr.strip()):
        return
    m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    # a1 answers problem 1's f right and problem 2's f with the sign flipped.
    s = m["students"][0]
    key = json.load(open(os.path.join(out, s["dir"], "key.json"), encoding="utf-8"))
    lines = [f'student = "{s["id"]}"']
    for k, p in enumerate(key["problems"]):
        f = Fraction(p["results"]["f"]["exact"])
        f = -f if k == 1 else f
        lines += ["[[problem]]", f"number = {p['number']}", f'example = "{p["example"]}"',
                  f'set = "{p["set"].removeprefix("--set ")}"', "[problem.answers]", f'f = "{f}"']
    open(os.path.join(out, s["dir"], "answers.toml"), "w").write("\n".join(lines) + "\n")
    os.remove(os.path.join(out, m["students"][1]["dir"], "answers.toml"))
    r = run("grade", out)
    verdict(r.returncode == 0, "grade exits 0 with a missing answers file", r.stderr.strip())
    for st in m["students"]:
        res = json.load(open(os.path.join(out, st["dir"], "results.json"), encoding="utf-8"))
        bad = documented(res, TOP_KEYS)
        ok = not bad and "tests" in res and "score" in res
        verdict(ok, f"{st['id']}: results.json has only Gradescope's documented top-level fields", bad)
        # Plain text, which may quote a student's file: not the default
        # simple_format, which renders HTML.
        verdict(res.get("output_format") == "text", f"{st['id']}: the top-level output is marked text")
        for t in res["tests"]:
            bad = documented(t, TEST_KEYS)
            ok = not bad and all(k in t for k in ("name", "number", "output", "score", "max_score", "status"))
            ok = ok and 0 <= t["score"] <= t["max_score"]
            # Gradescope's own default: passed when score is max_score.
            ok = ok and (t["status"] == "passed") == (t["score"] == t["max_score"])
            verdict(ok, f"{st['id']}: test {t.get('name')!r} has the documented fields, score ≤ max_score, "
                    "passed exactly at full marks", bad)
        verdict(abs(sum(t["score"] for t in res["tests"]) - res["score"]) < 1e-9, f"{st['id']}: score is the sum of the tests'")
        asked = sum(len(p["asked"]) for p in st["problems"])
        verdict(sum(t["max_score"] for t in res["tests"]) == asked, f"{st['id']}: max is one point per asked quantity ({asked})")
    a1 = json.load(open(os.path.join(out, m["students"][0]["dir"], "results.json"), encoding="utf-8"))
    verdict(a1["score"] == 1 and "sign_flip" in a1["tests"][1]["output"], "a1 scores 1 (f right once) and problem 2 names the sign flip")
    wang = json.load(open(os.path.join(out, m["students"][1]["dir"], "results.json"), encoding="utf-8"))
    verdict(wang["score"] == 0 and "does not exist" in wang["output"], "王小明's missing file scores 0 and says why")


def main():
    if not os.path.exists(BIN):
        verdict(False, f"{BIN} does not exist: run cargo build first")
        return
    with tempfile.TemporaryDirectory() as tmp:
        roster(tmp)
        gift(tmp)
        qti(tmp)
        gradescope(tmp)


main()
tally.finish("class_exports")
