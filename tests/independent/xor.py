#!/usr/bin/env python3
"""Independent recomputation of xor/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/xor-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from fractions import Fraction as F
from itertools import product

import re
fails = 0

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "xor-*__table.snap")))
def _in_table(shown):
    s = re.sub(r"e-0(\d)", r"e-\1", shown.split(" ")[0])
    return s in _TABLES

def check(label, got, shown):
    global fails
    g = str(got)
    ok = g == shown
    if not _in_table(str(shown)):
        print("FAIL", label, "shown value not found in the table snapshots:", shown)
        ok = False
    print(("PASS" if ok else "FAIL"), label, "independent:", g, "shown:", shown)
    if not ok:
        fails += 1

# ---- JSON results: every value under "results" in the json snapshot, against the
# values computed independently in this file (exact ones must be exact and equal, rounded ones
# must have exact = null and agree to 1e-9 relative).
import json as _json, os as _os
def check_json(example, expected):
    global fails
    path = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "snapshots", example + "__json.snap")
    res = _json.loads(open(path).read().split("---\n", 2)[2])["results"]
    for key in res:
        if key not in expected:
            print("FAIL", example, "json result not checked:", key); fails += 1
    for key, want in expected.items():
        got = res.get(key)
        if got is None:
            print("FAIL", example, "json result missing:", key); fails += 1; continue
        if isinstance(want, F):
            s = str(want.numerator) if want.denominator == 1 else f"{want.numerator}/{want.denominator}"
            ok = got["exact"] == s and abs(got["float"] - float(want)) <= 1e-12 * max(1, abs(float(want)))
        else:
            ok = got["exact"] is None and abs(got["float"] - want) <= 1e-9 * max(1e-300, abs(want)) + 1e-300
        print(("PASS" if ok else "FAIL"), example, "json", key, "independent:", want, "json:", got)
        fails += 0 if ok else 1


data = [((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)]

# xor/1: perceptron, yhat = I(w.x + b > 0), w += lr (y - yhat) x, b += lr (y - yhat), from 0, samples in truth-table order
w, b, lr = [F(0), F(0)], F(0), F(1)
shown = [(2, -1, 0, 0), (3, -1, 0, 1), (4, -1, 0, 1), (4, -1, 0, 1), (4, -1, 0, 1), (4, -1, 0, 1)]
for ep in range(6):
    mistakes = 0
    for (x1, x2), y in data:
        yh = 1 if w[0] * x1 + w[1] * x2 + b > 0 else 0
        if yh != y:
            mistakes += 1
            w = [w[0] + lr * (y - yh) * x1, w[1] + lr * (y - yh) * x2]
            b = b + lr * (y - yh)
    for lab, v, s in zip(("mistakes", "w1", "w2", "b"), (mistakes, w[0], w[1], b), shown[ep]):
        check(f"xor/1 epoch {ep+1} {lab}", v, str(s))
# the 729-line grid {-2, -3/2, ..., 2}^3: best accuracy 3 of 4; the example line (-2, 1/2), 0 gets 3
grid = [F(k, 2) for k in range(-4, 5)]
best = 0; n = 0
for w1, w2, bb in product(grid, repeat=3):
    n += 1
    acc = sum((1 if w1 * x1 + w2 * x2 + bb > 0 else 0) == y for (x1, x2), y in data)
    best = max(best, acc)
check("xor/1 number of lines", n, "729")
check("xor/1 best accuracy on the grid", best, "3")
acc = sum((1 if F(-2) * x1 + F(1, 2) * x2 > 0 else 0) == y for (x1, x2), y in data)
check("xor/1 example line w=(-2,1/2), b=0 accuracy", acc, "3")
# no line at all: a brute force over a finer grid finds no 4/4 either (the proof in the text is the real argument)
fine = [F(k, 4) for k in range(-12, 13)]
four = any(all((1 if w1 * x1 + w2 * x2 + bb > 0 else 0) == y for (x1, x2), y in data) for w1, w2, bb in product(fine, repeat=3))
print(("PASS" if not four else "FAIL"), "xor/1 no separating line on a finer grid either"); fails += 0 if not four else 1

# xor/2: W = [[1,1],[1,1]], c = (0,-1), w = (1,-2), b = 0 (pinned outputs 0,1,1,0)
W = [[1, 1], [1, 1]]; c = [0, -1]; v = [1, -2]; b = 0
shown = [("(0, -1)", "(0, 0)", "0"), ("(1, 0)", "(1, 0)", "1"), ("(1, 0)", "(1, 0)", "1"), ("(2, 1)", "(2, 1)", "0")]
for ((x1, x2), y), (zs, hs, ys) in zip(data, shown):
    z = [W[j][0] * x1 + W[j][1] * x2 + c[j] for j in range(2)]
    h = [max(0, t) for t in z]
    out = v[0] * h[0] + v[1] * h[1] + b
    check(f"xor/2 ({x1},{x2}) z", f"({z[0]}, {z[1]})", zs)
    check(f"xor/2 ({x1},{x2}) h", f"({h[0]}, {h[1]})", hs)
    check(f"xor/2 ({x1},{x2}) y", out, ys)
    check(f"xor/2 ({x1},{x2}) equals XOR", out, str(x1 ^ x2))

# JSON results
check_json("xor-1", {"mistakes in last epoch": F(mistakes), "best line correct": F(best)})
check_json("xor-2", {f"y({x1},{x2})": F(x1 ^ x2) for (x1, x2), _ in data})

print("xor:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
