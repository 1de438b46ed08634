#!/usr/bin/env python3
"""Independent recomputation of loss/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/loss-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from fractions import Fraction as F
import math

import re
fails = 0
def fmt(v):
    if isinstance(v, F):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return f"{v:.6g}"

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "loss-*__table.snap")))
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


# loss/1 (CAL, PKU): prediction y' = (1/2, 1/4, 1/4), target t = (1, 0, 0), n = 3
yp = [F(1, 2), F(1, 4), F(1, 4)]; t = [F(1), F(0), F(0)]; n = 3
rows = [("1/4", "-1/3", "-1/2", "0.693147", "-2"), ("1/16", "1/6", "1/4", "0", "0"), ("1/16", "1/6", "1/4", "0", "0")]
for k in range(3):
    sq = (yp[k] - t[k]) ** 2
    check(f"loss/1 (y'-t)^2 k={k+1}", sq, rows[k][0])
    check(f"loss/1 dMSE/dy' k={k+1}", F(2, n) * (yp[k] - t[k]), rows[k][1])
    check(f"loss/1 d(SSE/2)/dy' k={k+1}", yp[k] - t[k], rows[k][2])
    ce = -float(t[k]) * math.log(yp[k]) if t[k] else F(0)
    check(f"loss/1 -t ln y' k={k+1}", ce, rows[k][3])
    check(f"loss/1 dCE/dy' k={k+1}", -t[k] / yp[k], rows[k][4])
mse = sum((a - b) ** 2 for a, b in zip(yp, t)) / n
sse2 = sum((a - b) ** 2 for a, b in zip(yp, t)) / 2
check("loss/1 MSE", mse, "1/8")
check("loss/1 1/2 SSE", sse2, "3/16")
check("loss/1 CEE", -sum(float(b) * math.log(a) for a, b in zip(yp, t)), "0.693147")
ok = mse / sse2 == F(2, n)
print(("PASS" if ok else "FAIL"), "loss/1 text: MSE / (SSE/2) = 2/n =", mse / sse2); fails += 0 if ok else 1

# loss/2 (NNDL): linear unit y = w.x + b, L = 1/2 (yhat - y)^2, R = 1/N sum L + lambda/2 ||W||^2
X = [(F(1), F(2)), (F(2), F(-1))]; Y = [F(1), F(0)]
w = [F(1, 2), F(-1, 2)]; b = F(0); lam = F(1, 10); alpha = F(1, 2)
yh = [w[0] * x[0] + w[1] * x[1] + b for x in X]
L = [(a - y) ** 2 / 2 for a, y in zip(yh, Y)]
check("loss/2 yhat 1", yh[0], "-1/2"); check("loss/2 yhat 2", yh[1], "3/2")
check("loss/2 L 1", L[0], "9/8"); check("loss/2 L 2", L[1], "9/8")
mean = sum(L) / 2
pen = lam / 2 * sum(v * v for v in w)
check("loss/2 ||W||_F^2", sum(v * v for v in w), "1/2")
check("loss/2 mean L", mean, "9/8"); check("loss/2 penalty", pen, "1/40"); check("loss/2 R", mean + pen, "23/20")
d = yh[0] - Y[0]
gW = [d * X[0][j] + lam * w[j] for j in range(2)]
check("loss/2 delta a_1", d * X[0][0], "-3/2"); check("loss/2 delta a_2", d * X[0][1], "-3")
check("loss/2 lambda W_1", lam * w[0], "1/20"); check("loss/2 lambda W_2", lam * w[1], "-1/20")
check("loss/2 grad W_1", gW[0], "-29/20"); check("loss/2 grad W_2", gW[1], "-61/20"); check("loss/2 grad b", d, "-3/2")
# the same gradient by an exact central difference of L1 + lambda/2 ||W||^2 (quadratic, so exact)
def obj(w0, w1, bb):
    return (w0 * X[0][0] + w1 * X[0][1] + bb - Y[0]) ** 2 / 2 + lam / 2 * (w0 * w0 + w1 * w1)
h = F(1, 1000)
check("loss/2 central difference W_1", (obj(w[0] + h, w[1], b) - obj(w[0] - h, w[1], b)) / (2 * h), "-29/20")
check("loss/2 central difference W_2", (obj(w[0], w[1] + h, b) - obj(w[0], w[1] - h, b)) / (2 * h), "-61/20")
check("loss/2 central difference b", (obj(w[0], w[1], b + h) - obj(w[0], w[1], b - h)) / (2 * h), "-3/2")
check("loss/2 new W_1", w[0] - alpha * gW[0], "49/40"); check("loss/2 new W_2", w[1] - alpha * gW[1], "41/40")
check("loss/2 new b", b - alpha * d, "3/4")

# JSON results
check_json("loss-1", {"mse": F(1, 8), "half_sse": F(3, 16), "cross_entropy": math.log(2)})
check_json("loss-2", {"L1": F(9, 8), "L2": F(9, 8), "penalty": F(1, 40), "R": F(23, 20),
                      "W_11 new": F(49, 40), "W_12 new": F(41, 40), "b new": F(3, 4)})

print("loss:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
