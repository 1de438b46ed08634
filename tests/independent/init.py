#!/usr/bin/env python3
"""Independent recomputation of init/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/init-N__table.snap)
and against every value under "results" in the JSON snapshots.

init/2's activation-spread table is random (seed 1). To check it number by number
this file re-implements the generator the Rust code draws from, fastrand 2.5's
WyRand (Rng::with_seed(s) sets the state to s; gen_u64; f64() = (gen_u64() >> 1) * 2^-63,
redrawn if 1.0), from the crate's published algorithm, and redoes the stack in Python:
inputs U(-sqrt3, sqrt3), then per layer a fresh width x width W ~ U(-a, a), b = 0,
z = W a, std over all batch x width activations (population std).
It also checks each first-layer value against the large-width expectation."""
from fractions import Fraction as F
import math

import re
fails = 0
def fmt(v):
    if isinstance(v, F):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return f"{v:.6g}"

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "init-*__table.snap")))
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


# init/1 (JQ): m = 10, bound 1/sqrt(m) pinned ~0.316228, variance of U(-a, a) = a^2/3 = 1/(3m)
m = 10
check("init/1 sqrt(m)", math.sqrt(m), "3.16228")
check("init/1 bound 1/sqrt(m) (pinned 0.316228)", 1 / math.sqrt(m), "0.316228")
check("init/1 variance", F(1, 3 * m), "1/30")
# variance of U(-a,a) from the definition: (2a)^2/12
a2 = F(1, m)
check("init/1 variance (2a)^2/12", 4 * a2 / 12, "1/30")
check("init/1 m = 4 bound", F(1, 2), "1/2"); assert math.sqrt(4) == 2

# init/2 (CAL): fan_in = fan_out = 64
fi, fo = 64, 64
bounds = {"random small": F(1, 100), "JQ": None, "Xavier": None, "He": None}
check("init/2 random small a", F(1, 100), "1/100")
check("init/2 random small var", F(1, 100) ** 2 / 3, "1/30000")
check("init/2 JQ a = 1/sqrt(64)", F(1, 8), "1/8")
check("init/2 JQ var", F(1, 64) / 3, "1/192")
check("init/2 Xavier a", math.sqrt(6 / (fi + fo)), "0.216506")
check("init/2 Xavier var = 2/(n_in+n_out)", F(6, fi + fo) / 3, "1/64")
check("init/2 He a", math.sqrt(6 / fi), "0.306186")
check("init/2 He var = 2/n_in", F(6, fi) / 3, "1/32")

M64 = (1 << 64) - 1
class WyRand:
    def __init__(self, seed): self.s = seed & M64
    def u64(self):
        self.s = (self.s + 0x2d358dccaa6c78a5) & M64
        t = self.s * (self.s ^ 0x8bb84b93962eacc9)
        return (t & M64) ^ (t >> 64)
    def f64(self):
        while True:
            x = (self.u64() >> 1) * (1.0 / (1 << 63))
            if x < 1.0:
                return x

def spread(width, depth, batch, a, act, seed):
    rng = WyRand(seed)
    x = [[(rng.f64() * 2.0 - 1.0) * math.sqrt(3) for _ in range(width)] for _ in range(batch)]
    out = []
    for _ in range(depth):
        W = [[(rng.f64() * 2.0 - 1.0) * a for _ in range(width)] for _ in range(width)]
        nx = []
        for row in x:
            r = []
            for wr in W:
                z = 0.0
                for p, q in zip(wr, row):
                    z += p * q
                r.append(math.tanh(z) if act == "tanh" else max(z, 0.0))
            nx.append(r)
        x = nx
        allv = [v for r in x for v in r]
        mean = sum(allv) / len(allv)
        out.append(math.sqrt(sum((v - mean) ** 2 for v in allv) / len(allv)))
    return out

shown = {
    ("random small", "tanh"): ("0.0466687", "9.90261e-09", "4.84244e-14"),
    ("random small", "relu"): ("0.0270651", "1.08279e-09", "7.60037e-16"),
    ("JQ", "tanh"): ("0.464696", "0.0269087", "0.00318001"),
    ("JQ", "relu"): ("0.338313", "0.00413051", "7.0784e-05"),
    ("Xavier", "tanh"): ("0.631259", "0.2864", "0.234089"),
    ("Xavier", "relu"): ("0.585976", "0.111524", "0.0172005"),
    ("He", "tanh"): ("0.722887", "0.557646", "0.568542"),
    ("He", "relu"): ("0.828695", "0.89219", "0.550416"),
}
avals = {"random small": 0.01, "JQ": 1 / math.sqrt(64), "Xavier": math.sqrt(6 / 128), "He": math.sqrt(6 / 64)}
for (sch, act), (s1, s6, s10) in shown.items():
    st = spread(64, 10, 32, avals[sch], act, 1)
    check(f"init/2 {sch} {act} layer 1", st[0], s1)
    check(f"init/2 {sch} {act} layer 6", st[5], s6)
    check(f"init/2 {sch} {act} layer 10", st[9], s10)

# Sanity against theory (not to 6 digits): first layer with unit-variance inputs, Var z = n a^2/3.
# ReLU: std(relu(N(0, s^2))) = s*sqrt(1/2 - 1/(2 pi)); tanh: std of tanh(N(0, s^2)) by quadrature.
def tanh_std(sd):
    n = 4000; acc = 0.0; lo, hi = -8.0, 8.0; h = (hi - lo) / n
    for i in range(n + 1):
        u = lo + i * h
        wgt = (0.5 if i in (0, n) else 1.0) * h * math.exp(-u * u / 2) / math.sqrt(2 * math.pi)
        acc += wgt * math.tanh(sd * u) ** 2
    return math.sqrt(acc)
for (sch, act), (s1, _, _) in shown.items():
    sd = math.sqrt(64 * avals[sch] ** 2 / 3)
    th = sd * math.sqrt(0.5 - 1 / (2 * math.pi)) if act == "relu" else tanh_std(sd)
    ok = abs(float(s1) / th - 1) < 0.1
    print(("PASS" if ok else "FAIL"), f"init/2 {sch} {act} layer 1 within 10% of theory {th:.4g} (shown {s1})")
    fails += 0 if ok else 1

# JSON results
check_json("init-1", {"bound": 1 / math.sqrt(10), "variance": F(1, 30)})
check_json("init-2", {"var random small": F(1, 30000), "var JQ U(-1/√m, 1/√m)": F(1, 192),
                      "var Xavier / Glorot": F(1, 64), "var He": F(1, 32)})

print("init:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
