#!/usr/bin/env python3
"""Independent recomputation of forward/1-3 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/forward-N__table.snap)
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
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "forward-*__table.snap")))
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


relu = lambda z: max(F(0), z)

# forward/1: column convention, CAL 2-2-1 (CAL: x_j^2 = f(sum_i w_ij^1 x_i^1 + b_j^1), 0-based, input i -> hidden j)
x = [F(1), F(2)]
# CAL-style weights w1[i][j] (input i -> hidden j), 0-based, from the snapshot's W(1)_(j+1,i+1)
cal_w1 = {(0, 0): F(1), (1, 0): F(-1, 2), (0, 1): F(1, 2), (1, 1): F(1)}
cal_b1 = [F(1, 4), F(-1)]
cal_w2 = {(0, 0): F(2), (1, 0): F(-1)}
cal_b2 = [F(1, 2)]
u = [sum(x[i] * cal_w1[(i, j)] for i in range(2)) + cal_b1[j] for j in range(2)]  # CAL's u0, u1
h = [relu(v) for v in u]
u2 = sum(h[j] * cal_w2[(j, 0)] for j in range(2)) + cal_b2[0]
for lab, v, s in [("z(1)_1", u[0], "1/4"), ("z(1)_2", u[1], "3/2"), ("a(1)_1", h[0], "1/4"), ("a(1)_2", h[1], "3/2"),
                  ("z(2)_1", u2, "-1/2"), ("a(2)_1", u2, "-1/2")]:
    check("forward/1 " + lab, v, s)
# the column matrix as the table lists it: W(1) = [[w1_11, w1_12], [w1_21, w1_22]] = [[1, -1/2], [1/2, 1]]
W1 = [[F(1), F(-1, 2)], [F(1, 2), F(1)]]
for j in range(2):
    for i in range(2):
        ok = W1[j][i] == cal_w1[(i, j)]
        print(("PASS" if ok else "FAIL"), f"forward/1 W(1)_({j+1},{i+1}) is CAL w^1_({i},{j})")
        fails += 0 if ok else 1

# forward/2: JQ row convention h = f(h W + b), W in x out: W(1) row = transpose of column W(1)
W1r = [[F(1), F(1, 2)], [F(-1, 2), F(1)]]  # w1_11, w1_12 / w1_21, w1_22 as listed in forward/2
W2r = [[F(2)], [F(-1)]]
b1 = [F(1, 4), F(-1)]; b2 = [F(1, 2)]
z1 = [sum(x[i] * W1r[i][j] for i in range(2)) + b1[j] for j in range(2)]
a1 = [relu(v) for v in z1]
z2 = [sum(a1[i] * W2r[i][j] for i in range(2)) + b2[j] for j in range(1)]
for lab, v, s in [("z(1)_1", z1[0], "1/4"), ("z(1)_2", z1[1], "3/2"), ("a(1)_1", a1[0], "1/4"), ("a(1)_2", a1[1], "3/2"),
                  ("z(2)_1", z2[0], "-1/2"), ("a(2)_1", z2[0], "-1/2")]:
    check("forward/2 " + lab, v, s)
ok = all(W1r[i][j] == W1[j][i] for i in range(2) for j in range(2)) and z2[0] == u2
print(("PASS" if ok else "FAIL"), "forward/2 W(1) is the transpose of forward/1's and the outputs agree")
fails += 0 if ok else 1

# forward/3: PKU output layers, z_k = sum_j a_j w_jk + b_k
a = [F(1), F(2)]
z = a[0] * F(1, 2) + a[1] * F(-1, 4) + 0
check("forward/3 sigmoid z", z, "0")
check("forward/3 sigmoid p", F(1, 2) if z == 0 else 1 / (1 + math.exp(-z)), "1/2")
check("forward/3 regression f", z, "0")
V = [[F(1), F(0), F(-1)], [F(0), F(1, 2), F(1)]]  # v_jk, j = input, k = output
c = [F(0), F(0), F(-1)]
zk = [a[0] * V[0][k] + a[1] * V[1][k] + c[k] for k in range(3)]
for k, s in enumerate(["1", "1", "0"]):
    check(f"forward/3 softmax z_{k+1}", zk[k], s)
den = sum(math.exp(v) for v in zk)
for k, s in enumerate(["0.422319", "0.422319", "0.155362"]):
    check(f"forward/3 softmax p_{k+1}", math.exp(zk[k]) / den, s)
ok = abs(sum(math.exp(v) / den for v in zk) - 1) < 1e-15
print(("PASS" if ok else "FAIL"), "forward/3 softmax sums to 1"); fails += 0 if ok else 1

# forward/3 JSON results: each probability under its own name (the sigmoid's p(y=1|x) is 1/2,
# the softmax's p(y=1|x) is e/(2e+1)); a JSON object keeps only the last of two equal keys.
import json, os
snap = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "snapshots", "forward-3__json.snap")
pairs = []
json.loads(open(snap).read().split("---\n", 2)[2], object_pairs_hook=lambda p: (pairs.append([k for k, _ in p]), dict(p))[1])
res = json.loads(open(snap).read().split("---\n", 2)[2])["results"]
dups = [k for keys in pairs for k in set(keys) if keys.count(k) > 1]
flag = not dups
print(("PASS" if flag else "FAIL"), "forward/3 json: no repeated keys", dups); fails += 0 if flag else 1
sig_key = [k for k in res if k.startswith("sigmoid")]
flag = len(sig_key) == 1 and res[sig_key[0]]["exact"] == "1/2"
print(("PASS" if flag else "FAIL"), "forward/3 json: sigmoid p(y=1|x) = 1/2 exact", sig_key); fails += 0 if flag else 1
for k in range(3):
    key = f"softmax p(y={k+1}|x)"
    got = res.get(key, {}).get("float")
    flag = got is not None and abs(got - math.exp(zk[k]) / den) < 1e-15
    print(("PASS" if flag else "FAIL"), f"forward/3 json: {key} = {math.exp(zk[k]) / den:.6g}"); fails += 0 if flag else 1

# JSON results (forward/3's are checked above)
for ex in ("forward-1", "forward-2"):
    check_json(ex, {"z(1)_1": F(1, 4), "z(1)_2": F(3, 2), "a(1)_1": F(1, 4), "a(1)_2": F(3, 2), "z(2)_1": F(-1, 2), "a(2)_1": F(-1, 2)})
check_json("forward-3", {"sigmoid p(y=1|x)": F(1, 2), "f(x)": F(0),
                         **{f"softmax p(y={k+1}|x)": math.exp(zk[k]) / den for k in range(3)}})

print("forward:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
