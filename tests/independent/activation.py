#!/usr/bin/env python3
"""Independent recomputation of activation/1-4 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/activation-N__table.snap)
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
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "activation-*__table.snap")))
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


sig = lambda z: 1 / (1 + math.exp(-z))
def cd(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)

# ---- activation/1 (NNDL table), points -2..2, ELU gamma = 1
zs = [-2, -1, 0, 1, 2]
gamma = 1.0
tables = {
    "logistic": (lambda z: sig(z), lambda z: sig(z) * (1 - sig(z)),
                 [("0.119203", "0.104994"), ("0.268941", "0.196612"), ("1/2", "1/4"), ("0.731059", "0.196612"), ("0.880797", "0.104994")]),
    "tanh": (math.tanh, lambda z: 1 - math.tanh(z) ** 2,
             [("-0.964028", "0.0706508"), ("-0.761594", "0.419974"), ("0", "1"), ("0.761594", "0.419974"), ("0.964028", "0.0706508")]),
    "relu": (lambda z: max(0, z), lambda z: 1.0 if z > 0 else 0.0,
             [("0", "0"), ("0", "0"), ("0", "0"), ("1", "1"), ("2", "1")]),
    "elu": (lambda z: z if z > 0 else gamma * (math.exp(z) - 1), lambda z: 1.0 if z > 0 else gamma * math.exp(z),
            [("-0.864665", "0.135335"), ("-0.632121", "0.367879"), ("0", "1"), ("1", "1"), ("2", "1")]),
    "softplus": (lambda z: math.log1p(math.exp(z)), sig,
                 [("0.126928", "0.119203"), ("0.313262", "0.268941"), ("0.693147", "1/2"), ("1.31326", "0.731059"), ("2.12693", "0.880797")]),
}
exact_at_0 = {"logistic": (F(1, 2), F(1, 4)), "tanh": (F(0), F(1)), "relu": (F(0), F(0)), "elu": (F(0), F(1)), "softplus": (None, F(1, 2))}
for name, (f, d, rows) in tables.items():
    for z, (fs, ds) in zip(zs, rows):
        fv, dv = f(z), d(z)
        if z == 0 and exact_at_0[name][0] is not None:
            fv = exact_at_0[name][0]
        if z == 0:
            dv = exact_at_0[name][1]
        if name in ("relu",) or (name == "elu" and z > 0) or (name == "tanh" and z == 0):
            fv = F(fv) if not isinstance(fv, F) else fv
            dv = F(int(dv)) if not isinstance(dv, F) else dv
        check(f"activation/1 {name}({z})", fv, fs)
        check(f"activation/1 {name}'({z})", dv, ds)
        # derivative against a central difference (independent of the closed form), except at the ReLU kink
        if not (name == "relu" and z == 0):
            ok = abs(cd(f, z) - float(dv)) < 1e-6
            print(("PASS" if ok else "FAIL"), f"activation/1 {name}'({z}) vs central difference {cd(f, z):.6g}")
            fails += 0 if ok else 1
# ReLU kink: central difference at 0 is 1/2 as shown
check("activation/1 relu central difference at 0", cd(lambda z: max(0.0, z), 0.0), "0.5")

# ---- activation/2: z=-2, Leaky gamma=1/10, PReLU 1/10 and 1/4, ELU alpha=1; maxout
z = F(-2)
check("activation/2 LeakyReLU(z)", F(1, 10) * z, "-1/5")
check("activation/2 LeakyReLU'(z)", F(1, 10), "1/10")
check("activation/2 PKU max(0.1x, x) at z", max(F(1, 10) * z, z), "-1/5")
check("activation/2 PReLU1(z)", F(1, 10) * z, "-1/5")
check("activation/2 PReLU1'(z)", F(1, 10), "1/10")
check("activation/2 PReLU2(z)", F(1, 4) * z, "-1/2")
check("activation/2 PReLU2'(z)", F(1, 4), "1/4")
alpha = 1.0
check("activation/2 ELU(z) alpha=1", alpha * (math.exp(-2) - 1), "-0.864665")
check("activation/2 ELU'(z) alpha=1", alpha * math.exp(-2), "0.135335")
x = (F(1), F(-1)); w1 = (F(1), F(2)); w2 = (F(1, 2), F(-1)); b1 = b2 = F(0)
z1 = w1[0] * x[0] + w1[1] * x[1] + b1
z2 = w2[0] * x[0] + w2[1] * x[1] + b2
check("activation/2 maxout z1", z1, "-1")
check("activation/2 maxout z2", z2, "3/2")
check("activation/2 maxout a", max(z1, z2), "3/2")
check("activation/2 maxout da/dz1", F(int(z1 > z2)), "0")
check("activation/2 maxout da/dz2", F(int(z2 > z1)), "1")
check("activation/2 maxout da/dw2_1", x[0], "1")
check("activation/2 maxout da/dw2_2", x[1], "-1")

# ---- activation/3 (PKU): sigma'(10) pinned 4.5396e-5; GD on L = f(x) from 10 until x <= 1
dsig = lambda x: sig(x) * (1 - sig(x))
check("activation/3 sigma'(10)", dsig(10), "4.53958e-5".replace("e-5", "e-05"))
ok = f"{dsig(10):.5g}" == "4.5396e-05"
print(("PASS" if ok else "FAIL"), "activation/3 pinned sigma'(10) ~ 4.5396e-5:", f"{dsig(10):.5g}")
fails += 0 if ok else 1
check("activation/3 e^-x/(1+e^-x)^2 at 10", math.exp(-10) / (1 + math.exp(-10)) ** 2, "4.53958e-05")
shown_sig = {0: ("10", "4.53958e-05"), 1: ("9.99995", "4.53979e-05"), 2: ("9.99991", "4.53999e-05"), 4: ("9.99982", "4.54041e-05"),
             8: ("9.99964", "4.54123e-05"), 16: ("9.99927", "4.54288e-05"), 32: ("9.99855", "4.54618e-05"), 64: ("9.99709", "4.55281e-05"),
             128: ("9.99417", "4.56611e-05"), 256: ("9.98831", "4.59295e-05"), 512: ("9.97648", "4.64759e-05"), 1024: ("9.9524", "4.76087e-05"),
             2048: ("9.90242", "5.00483e-05"), 4096: ("9.79429", "5.57632e-05"), 8192: ("9.535", "7.22667e-05"), 16384: ("8.63868", "0.000177058"),
             22047: ("0.860714", "0.208868")}
xv, k = 10.0, 0
seen = {0: (xv, dsig(xv))}
while xv > 1:
    xv -= 1.0 * dsig(xv); k += 1
    seen[k] = (xv, dsig(xv))
check("activation/3 sigmoid steps to reach x<=1", F(k), "22047")
for kk, (xs, ds) in shown_sig.items():
    check(f"activation/3 sigmoid step {kk} x", seen[kk][0], xs)
    check(f"activation/3 sigmoid step {kk} f'(x)", seen[kk][1], ds)
xr, kr = F(10), 0
while xr > 1:
    xr -= 1; kr += 1
check("activation/3 ReLU steps", F(kr), "9")
est = (math.exp(10) + 20 - math.exp(-10)) - (math.exp(1) + 2 - math.exp(-1))
check("activation/3 integral estimate", float(round(est)), "22042")

# ---- activation/4 (NNDL): dL/dw_i = g * s(1-s) * x_i
xs = [F(1), F(2), F(1, 2)]; ws = [F(1, 2), F(-1, 4), F(0)]; g = F(-1)
zz = sum(a * b for a, b in zip(ws, xs))
check("activation/4 z", zz, "0")
for i, (xi, s) in enumerate(zip(xs, ["-1/4", "-1/2", "-1/8"]), 1):
    check(f"activation/4 dL/dw{i}", g * F(1, 4) * xi, s)
mean = sum(xs) / 3
check("activation/4 mean", mean, "7/6")
xc = [xi - mean for xi in xs]
for i, (xi, s) in enumerate(zip(xc, ["-1/6", "5/6", "-2/3"]), 1):
    check(f"activation/4 centred x{i}", xi, s)
zc = sum(a * b for a, b in zip(ws, xc))
check("activation/4 centred z", zc, "-7/24")
s = sig(float(zc))
check("activation/4 centred sigma", s, "0.427596")
check("activation/4 centred sigma(1-sigma)", s * (1 - s), "0.244758")
for i, (xi, sh) in enumerate(zip(xc, ["0.0407929", "-0.203965", "0.163172"]), 1):
    # finite difference of L = g*sigma(w.x) in w_i (L linear in sigma with slope g)
    def L(wi, i=i):
        ww = [float(w) for w in ws]; ww[i - 1] = wi
        return float(g) * sig(sum(a * float(b) for a, b in zip(ww, xc)))
    check(f"activation/4 centred dL/dw{i}", float(g) * s * (1 - s) * float(xi), sh)
    check(f"activation/4 centred FD dL/dw{i}", cd(L, float(ws[i - 1])), sh)

# JSON results
e1 = {}
fns = {"logistic": (sig, lambda z: sig(z) * (1 - sig(z))), "tanh": (math.tanh, lambda z: 1 - math.tanh(z) ** 2),
       "relu": (lambda z: F(max(0, z)), lambda z: F(int(z > 0))),
       "elu": (lambda z: F(z) if z >= 0 else math.exp(z) - 1, lambda z: F(1) if z >= 0 else math.exp(z)),
       "softplus": (lambda z: math.log1p(math.exp(z)), sig)}
exact0 = {"logistic": (F(1, 2), F(1, 4)), "tanh": (F(0), F(1)), "softplus": (None, F(1, 2))}
for name, (f, d) in fns.items():
    for n, z in zip(["z1", "z2", "z3", "z4", "z5"], [-2, -1, 0, 1, 2]):
        fv, dv = f(z), d(z)
        if z == 0 and name in exact0:
            fv = exact0[name][0] if exact0[name][0] is not None else fv
            dv = exact0[name][1]
        e1[f"{name}({n})"] = fv; e1[f"{name}'({n})"] = dv
check_json("activation-1", e1)
check_json("activation-2", {"Leaky ReLU(z)": F(-1, 5), "Leaky ReLU'(z)": F(1, 10), "PReLU unit 1(z)": F(-1, 5),
                            "PReLU unit 1'(z)": F(1, 10), "PReLU unit 2(z)": F(-1, 2), "PReLU unit 2'(z)": F(1, 4),
                            "ELU(z)": math.exp(-2) - 1, "ELU'(z)": math.exp(-2), "maxout a": F(3, 2),
                            "da/dz1": F(0), "da/dz2": F(1)})
check_json("activation-3", {"sigmoid'(start)": dsig(10), "relu'(start)": F(1), "steps sigmoid": F(k), "steps relu": F(kr)})
check_json("activation-4", {"dL/dw1": F(-1, 4), "dL/dw2": F(-1, 2), "dL/dw3": F(-1, 8)})

print("activation:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
