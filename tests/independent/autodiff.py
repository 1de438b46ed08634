#!/usr/bin/env python3
"""Independent recomputation of autodiff/4 (plain python3 + fractions): NNDL's
f(x; w, b) = 1/(exp(-(wx + b)) + 1) staged as h1 ... h6, differentiated in
forward mode with dual numbers (one pass per input), in reverse mode by the
chain written out by hand, and by central differences. Prints PASS/FAIL per
number against the table snapshot and the JSON results."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F  # noqa: E402

ev = Evidence("autodiff")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict


class Dual:
    """a + b·eps with eps² = 0: the value and its tangent."""
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __add__(self, o):
        o = o if isinstance(o, Dual) else Dual(o, 0)
        return Dual(self.a + o.a, self.b + o.b)

    def __mul__(self, o):
        o = o if isinstance(o, Dual) else Dual(o, 0)
        return Dual(self.a * o.a, self.a * o.b + self.b * o.a)

    def __neg__(self):
        return Dual(-self.a, -self.b)


def exp(d):
    e = F(1) if d.a == 0 else math.exp(d.a)  # exp(0) = 1 exactly
    return Dual(e, e * d.b)


def inv(d):  # 1/d, derivative -1/d²
    return Dual(1 / d.a, -d.b / (d.a * d.a))


def staged(x, w, b):
    h1 = x * w; h2 = h1 + b; h3 = -h2; h4 = exp(h3); h5 = h4 + 1; h6 = inv(h5)
    return [h1, h2, h3, h4, h5, h6]


P = {"x": F(1), "w": F(0), "b": F(0)}
cols = {}
for seed in ("x", "w", "b"):
    d = {k: Dual(v, F(1) if k == seed else F(0)) for k, v in P.items()}
    cols[seed] = staged(d["x"], d["w"], d["b"])
hs = [h.a for h in cols["x"]]
for k, want in enumerate(["0", "0", "0", "1", "2", "1/2"]):
    check(f"autodiff/4 h{k+1}", hs[k], want)
shown = {"x": ["0"] * 6, "w": ["1", "1", "-1", "-1", "-1", "1/4"], "b": ["0", "1", "-1", "-1", "-1", "1/4"]}
for seed in ("x", "w", "b"):
    for k in range(6):
        check(f"autodiff/4 forward pass seed {seed}: dh{k+1}/d{seed}", cols[seed][k].b, shown[seed][k])
# reverse mode by hand: df/dh6 = 1, dh6/dh5 = -1/h5², dh5/dh4 = 1, dh4/dh3 = exp(h3), dh3/dh2 = -1, dh2/dh1 = 1, dh2/db = 1
g_h2 = 1 * (-1 / hs[4] ** 2) * 1 * F(1) * (-1)
rev = {"w": g_h2 * 1 * P["x"], "b": g_h2 * 1, "x": g_h2 * 1 * P["w"]}
for seed in ("x", "w", "b"):
    verdict(cols[seed][-1].b == rev[seed], f"autodiff/4 forward tangent of f for {seed} = reverse gradient {rev[seed]}")
    check(f"autodiff/4 reverse df/d{seed}", rev[seed], shown[seed][-1])


def f(x, w, b):
    return 1 / (math.exp(-(w * x + b)) + 1)


for seed in ("x", "w", "b"):
    h = 1e-6
    a = {k: float(v) for k, v in P.items()}; a[seed] += h
    c = {k: float(v) for k, v in P.items()}; c[seed] -= h
    fd = (f(**a) - f(**c)) / (2 * h)
    verdict(abs(fd - float(rev[seed])) < 1e-8, f"autodiff/4 central difference df/d{seed} = {fd:.9f}")
# cost: 3 inputs, 9 edges with a local product (h1: 2, h2: 2, h3, h4, h5, h6, f = h6: 1 each)
E = 2 + 2 + 1 + 1 + 1 + 1 + 1
verdict(f"3 × {E} = {3 * E}" in ev.tables and f"1 × {E} = {E}" in ev.tables, f"autodiff/4 cost: forward 3 × {E}, reverse 1 × {E}")
n = 784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10
verdict(n == 669706, "autodiff/4 parameters of 784-512-512-10 = 669,706")
check_json("autodiff-4", {"f": F(1, 2), "df/dx": rev["x"], "df/dw": rev["w"], "df/db": rev["b"]})

ev.finish()
