#!/usr/bin/env python3
"""Independent recomputation of softmax/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/softmax-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from fractions import Fraction as F
import math, sys

import re
fails = 0
def fmt(v):
    if isinstance(v, F):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return f"{v:.6g}"

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "softmax-*__table.snap")))
def _in_table(shown):
    s = re.sub(r"e-0(\d)", r"e-\1", shown.split(" ")[0])
    return s in _TABLES

def check(label, got, shown):
    global fails
    ok = fmt(got) == shown.split(" ")[0]
    if not _in_table(str(shown)):
        print("FAIL", label, "shown value not found in the table snapshots:", shown)
        ok = False
    print(("PASS" if ok else "FAIL"), label, "independent:", fmt(got), "shown:", shown)
    if not ok:
        fails += 1
def flag(label, ok):
    global fails
    print(("PASS" if ok else "FAIL"), label); fails += 0 if ok else 1

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


# softmax/1 (JQ): a = (0.3, 2.9, 4)
a = [F(3, 10), F(29, 10), F(4)]
e = [math.exp(v) for v in a]
S = sum(e)
m = max(a)
es = [math.exp(v - m) for v in a]
Ss = sum(es)
for k, (ex, y, exs, ys) in enumerate([("1.34986", "0.0182113", "0.0247235", "0.0182113"),
                                       ("18.1741", "0.245192", "0.332871", "0.245192"),
                                       ("54.5982", "0.736597", "1", "0.736597")]):
    check(f"softmax/1 exp(a_{k+1})", e[k], ex)
    check(f"softmax/1 y_{k+1}", e[k] / S, y)
    check(f"softmax/1 exp(a_{k+1}-m)", es[k], exs)
    check(f"softmax/1 y_{k+1} (shifted)", es[k] / Ss, ys)
check("softmax/1 sum exp", S, "74.1222")
check("softmax/1 sum exp shifted", Ss, "1.35759")
check("softmax/1 sum y", sum(x / Ss for x in es), "1")
flag("softmax/1 text: exp overflows f64 past about 709.78 (ln of the largest f64 = %.6f)" % math.log(sys.float_info.max), round(math.log(sys.float_info.max), 2) == 709.78)
a2 = [v + 1000 for v in a]
check("softmax/1 shifted a_1", a2[0], "10003/10")
check("softmax/1 shifted a_2", a2[1], "10029/10")
try:
    math.exp(float(a2[0])); flag("softmax/1 exp(1000.3) overflows", False)
except OverflowError:
    flag("softmax/1 exp(1000.3) overflows", True)
m2 = max(a2)
es2 = [math.exp(float(v - m2)) for v in a2]
for k, s in enumerate(["0.0182113", "0.245192", "0.736597"]):
    check(f"softmax/1 +1000 y_{k+1}", es2[k] / sum(es2), s)

# softmax/2 (NNDL): z = (1, 2, -1), class 2, L = -log yhat_c, grad = yhat - y
z = [1.0, 2.0, -1.0]
y = [0, 1, 0]
den = sum(math.exp(v) for v in z)
yh = [math.exp(v) / den for v in z]
L = -math.log(yh[1])
check("softmax/2 L", L, "0.349012")
shown = [("0.259496", "0", "0.259496"), ("0.705385", "-1.41767", "-0.294615"), ("0.035119", "0", "0.035119")]
# Jacobian route computed with the full Jacobian diag(yh) - yh yh^T times dL/dyhat
dLdy = [-y[k] / yh[k] for k in range(3)]
jac = [sum(((yh[i] if i == k else 0) - yh[i] * yh[k]) * dLdy[i] for i in range(3)) for k in range(3)]
def Lf(zz):
    d = sum(math.exp(v) for v in zz)
    return -math.log(math.exp(zz[1]) / d)
for k, (ys, gs, ds) in enumerate(shown):
    check(f"softmax/2 yhat_{k+1}", yh[k], ys)
    if y[k] == 0:
        check(f"softmax/2 dL/dyhat_{k+1}", F(0), gs)
    else:
        check(f"softmax/2 dL/dyhat_{k+1}", dLdy[k], gs)
    check(f"softmax/2 Jacobian route {k+1}", jac[k], ds)
    check(f"softmax/2 yhat-y {k+1}", yh[k] - y[k], ds)
    h = 1e-6
    zp = list(z); zp[k] += h; zm = list(z); zm[k] -= h
    check(f"softmax/2 central difference {k+1}", (Lf(zp) - Lf(zm)) / (2 * h), ds)

# JSON results
check_json("softmax-1", {"y1": e[0] / S, "y2": e[1] / S, "y3": e[2] / S, "sum": 1.0})
check_json("softmax-2", {"L": L, "dL/dz1": yh[0], "dL/dz2": yh[1] - 1, "dL/dz3": yh[2]})

print("softmax:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
