"""What every script in tests/independent shares: the PASS/FAIL bookkeeping and
the reading of a topic's snapshots. No recomputation lives here; each script
still derives its numbers on its own from the decks' formulas.

A script imports it with its own directory first on sys.path (python3 puts it
there when it runs `python3 tests/independent/x.py`; the scripts also insert it
explicitly, so `python3 -P` works too):

    ev = Evidence("topic")          # reads tests/snapshots/topic-*__table.snap
    check, check_json, verdict = ev.check, ev.check_json, ev.verdict
    ...
    ev.finish()                     # "topic: ALL PASS" / "N FAIL", exit 1 on any FAIL

Run on its own this module prints nothing and checks nothing."""
import glob
import json
import os
import re
import sys
from fractions import Fraction as F

SNAPSHOTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "snapshots")


def fmt(v):
    """A value as the tables print it: a Fraction as n or n/d, anything else to 6 significant digits."""
    if isinstance(v, F):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return f"{v:.6g}"


def json_snapshot_text(example):
    """The JSON document of tests/snapshots/<example>__json.snap (the part after insta's header)."""
    return open(os.path.join(SNAPSHOTS, example + "__json.snap")).read().split("---\n", 2)[2]


# How check() compares a computed value with the value a table shows; the scripts differ here on purpose.
NUMBER = "number"
"""fmt(value) against the first word of the shown text (most scripts)."""
NUMBER_FLOAT_WHOLE = "number, a float against the whole shown text"
"""As NUMBER for a Fraction; a float's fmt(value) must equal the whole shown text (neuron.py)."""
TEXT = "text"
"""str(value) against the whole shown text: counts and shape strings (network.py, xor.py)."""


class Tally:
    """Counts the FAIL lines of a script: verdict() prints each check, finish() the summary and the exit status."""

    def __init__(self):
        self.fails = 0

    def verdict(self, ok, *words):
        """Print PASS or FAIL and the words after it; count a FAIL. Returns ok."""
        print(("PASS" if ok else "FAIL"), *words)
        if not ok:
            self.fails += 1
        return ok

    def finish(self, name):
        """Print `name: ALL PASS` or the number of FAILs, and exit 1 after any FAIL."""
        print(f"{name}: ALL PASS" if self.fails == 0 else f"{name}: {self.fails} FAIL")
        sys.exit(1 if self.fails else 0)


class Evidence(Tally):
    """One topic's checks: counts the FAIL lines and knows the topic's table snapshots."""

    def __init__(self, topic, compare=NUMBER):
        super().__init__()
        self.topic = topic
        self.compare = compare
        # every table snapshot of the topic, so that each shown value must still occur in one of them
        self.tables = "".join(open(p).read() for p in glob.glob(os.path.join(SNAPSHOTS, topic + "-*__table.snap")))

    def in_table(self, shown):
        s = re.sub(r"e-0(\d)", r"e-\1", shown.split(" ")[0])
        return s in self.tables

    def check(self, label, got, shown):
        """The independently computed value got against the string shown in the table snapshot."""
        if self.compare == TEXT:
            text = str(got)
            ok = text == shown
        elif self.compare == NUMBER_FLOAT_WHOLE and not isinstance(got, F):
            text = fmt(got)
            ok = text == shown
        else:
            text = fmt(got)
            ok = text == shown.split(" ")[0]
        if not self.in_table(str(shown)):
            print("FAIL", label, "shown value not found in the table snapshots:", shown)
            ok = False
        self.verdict(ok, label, "independent:", text, "shown:", shown)

    def check_json(self, example, expected):
        """Every value under "results" in the JSON snapshot, against the values computed independently
        (exact ones must be exact and equal, rounded ones must have exact = null and agree to 1e-9 relative)."""
        res = json.loads(json_snapshot_text(example))["results"]
        for key in res:
            if key not in expected:
                self.verdict(False, example, "json result not checked:", key)
        for key, want in expected.items():
            got = res.get(key)
            if got is None:
                self.verdict(False, example, "json result missing:", key)
                continue
            if isinstance(want, F):
                ok = got["exact"] == fmt(want) and abs(got["float"] - float(want)) <= 1e-12 * max(1, abs(float(want)))
            else:
                ok = got["exact"] is None and abs(got["float"] - want) <= 1e-9 * max(1e-300, abs(want)) + 1e-300
            self.verdict(ok, example, "json", key, "independent:", want, "json:", got)

    def finish(self):
        """The summary line CI and the README read, then exit non-zero if anything failed."""
        print(f"{self.topic}:", "ALL PASS" if self.fails == 0 else f"{self.fails} FAIL")
        sys.exit(1 if self.fails else 0)
