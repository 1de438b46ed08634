#!/usr/bin/env python3
"""Independent recomputation of neuron/1-3 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/neuron-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from fractions import Fraction as F
import math

import re
fails = 0

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "neuron-*__table.snap")))
def _in_table(shown):
    s = re.sub(r"e-0(\d)", r"e-\1", shown.split(" ")[0])
    return s in _TABLES

def check(label, got, shown):
    """got: Fraction (exact) or float; shown: string as printed in the snapshot."""
    global fails
    if isinstance(got, F):
        s = str(got.numerator) if got.denominator == 1 else f"{got.numerator}/{got.denominator}"
        ok = shown.split(" ")[0] == s
    else:
        ok = f"{got:.6g}" == shown
    if not _in_table(str(shown)):
        print("FAIL", label, "shown value not found in the table snapshots:", shown)
        ok = False
    print(("PASS" if ok else "FAIL"), label, "independent:", got if isinstance(got, F) else f"{got:.6g}", "shown:", shown)
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


sig = lambda z: 1 / (1 + math.exp(-z))

# neuron/1: x=3, w=1/2, b=-1
x, w, b = F(3), F(1, 2), F(-1)
z = w * x + b
check("neuron/1 z", z, "1/2")
check("neuron/1 a", sig(float(z)), "0.622459")

# neuron/2: x=2, w=1/2, b=-1, y=1 (MS §2); pinned dz=-1/2, dw=-1, db=-1/2
x, w, b, y = F(2), F(1, 2), F(-1), F(1)
z = w * x + b
check("neuron/2 z", z, "0")
a = F(1, 2)  # sigma(0) exactly
assert z == 0
check("neuron/2 a", a, "1/2")
L = -(float(y) * math.log(a) + float(1 - y) * math.log(1 - a))
check("neuron/2 L", L, "0.693147")
dLda = -y / a + (1 - y) / (1 - a)
check("neuron/2 dL/da", dLda, "-2")
dadz = a * (1 - a)
check("neuron/2 da/dz", dadz, "1/4")
check("neuron/2 dz", dLda * dadz, "-1/2")
check("neuron/2 dz simplified", a - y, "-1/2")
check("neuron/2 dw", x * (a - y), "-1")
check("neuron/2 db", a - y, "-1/2")
# finite differences of L (independent of the formulas)
def Lf(w_, b_):
    aa = sig(w_ * 2 + b_)
    return -math.log(aa)
h = 1e-6
check("neuron/2 FD dw", (Lf(0.5 + h, -1) - Lf(0.5 - h, -1)) / (2 * h), "-1")
check("neuron/2 FD db", (Lf(0.5, -1 + h) - Lf(0.5, -1 - h)) / (2 * h), "-0.5")

# neuron/3: GD loop, lr=1, 5 steps from the neuron/2 point
rows = [
    ("0.5", "-1", "0.5", "0.693147", "-1", "-0.5", "1.5", "-0.5"),
    ("1.5", "-0.5", "0.924142", "0.0788897", "-0.151716", "-0.0758582", "1.65172", "-0.424142"),
    ("1.65172", "-0.424142", "0.946813", "0.0546535", "-0.106374", "-0.0531868", "1.75809", "-0.370955"),
    ("1.75809", "-0.370955", "0.95872", "0.042156", "-0.0825597", "-0.0412798", "1.84065", "-0.329675"),
    ("1.84065", "-0.329675", "0.966158", "0.0344279", "-0.067684", "-0.033842", "1.90833", "-0.295833"),
]
x, y, lr = 2.0, 1.0, 1.0
w, b = 0.5, -1.0
prevL = None
for i, row in enumerate(rows, 1):
    a = sig(w * x + b)
    L = -(y * math.log(a) + (1 - y) * math.log(1 - a))
    dw, db = x * (a - y), a - y
    nw, nb = w - lr * dw, b - lr * db
    for lab, v, s in zip(("w", "b", "a", "L", "dw", "db", "new w", "new b"), (w, b, a, L, dw, db, nw, nb), row):
        check(f"neuron/3 step {i} {lab}", v, s)
    if prevL is not None and not L < prevL:
        print("FAIL neuron/3 loss does not fall at step", i); fails += 1
    prevL = L
    w, b = nw, nb

# JSON results
check_json("neuron-1", {"z": F(1, 2), "a": sig(0.5)})
check_json("neuron-2", {"z": F(0), "a": F(1, 2), "L": math.log(2), "dL/da": F(-2), "da/dz": F(1, 4),
                        "dz": F(-1, 2), "dw": F(-1), "db": F(-1, 2)})
w, b, Ls = 0.5, -1.0, []
for i in range(5):
    a = sig(2 * w + b); Ls.append(-math.log(a))
    w, b = w - 2 * (a - 1), b - (a - 1)
exp3 = {f"L_{i+1}": Ls[i] for i in range(5)}
exp3["L_1"] = math.log(2)
exp3.update({"w": w, "b": b})
check_json("neuron-3", exp3)

print("neuron:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
