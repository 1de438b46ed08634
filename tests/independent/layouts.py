#!/usr/bin/env python3
"""Independent recomputation of matrix-calculus/1 (plain python3 + fractions).
Every derivative is recomputed from its function by exact central differences
(step 1 is exact for polynomials of degree <= 2), laid out both ways, and compared
with the table snapshot (each matrix as the table writes it, [r1; r2; ...]) and
with every value under "results" in the JSON snapshot."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, fmt  # noqa: E402

ev = Evidence("matrix-calculus")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

x = [F(1), F(2)]
W = [[F(1), F(2)], [F(0), F(-1)], [F(3), F(1, 2)]]
a = [F(3), F(-1)]
d = [F(1), F(-2), F(1, 2)]


def jac(f, v):
    """Numerator layout (row i = output i) by central differences with step 1."""
    cols = []
    for j in range(len(v)):
        up = v[:]; up[j] += 1
        dn = v[:]; dn[j] -= 1
        cols.append([(p - q) / 2 for p, q in zip(f(up), f(dn))])
    return [list(r) for r in zip(*cols)]


T = lambda m: [list(r) for r in zip(*m)]
y = lambda v: [v[0] * v[1], v[0] ** 2, v[1] ** 2]
Wx = lambda v: [sum(W[i][j] * v[j] for j in range(2)) for i in range(3)]
ax = lambda v: [a[0] * v[0] + a[1] * v[1]]
Lx = lambda v: [sum(di * zi for di, zi in zip(d, Wx(v)))]       # L = delta^T (W x), dL/dz = delta
def LW(flat):
    return [sum(d[i] * (flat[2 * i] * x[0] + flat[2 * i + 1] * x[1]) for i in range(3))]

Jy, JWx, Jax, JLx = jac(y, x), jac(Wx, x), jac(ax, x), jac(Lx, x)
gW = jac(LW, [w for row in W for w in row])[0]            # dL/dW_ij, row-major
gW = [gW[0:2], gW[2:4], gW[4:6]]                           # 3x2: the shape of W (denominator layout)
verdict(JWx == W, "matrix-calculus/1 d(Wx)/dx in numerator layout is W")
verdict(Jax == [a], "matrix-calculus/1 d(a^T x)/dx in numerator layout is a^T")
verdict(JLx == [[sum(d[i] * W[i][j] for i in range(3)) for j in range(2)]], "matrix-calculus/1 dL/dx = delta^T W")
verdict(gW == [[d[i] * x[j] for j in range(2)] for i in range(3)], "matrix-calculus/1 dL/dW = delta x^T")

# the two tables of dy/dx
for i in range(3):
    for j in range(2):
        check(f"matrix-calculus/1 dy{i+1}/dx{j+1}", Jy[i][j], fmt(Jy[i][j]))


def show(m):
    return "[" + "; ".join(", ".join(fmt(v) for v in r) for r in m) + "]"


def shape(m):
    return f"{len(m)}×{len(m[0])}"


for name, num in [("dy/dx", Jy), ("d(Wx)/dx", JWx), ("d(a^T x)/dx", Jax), ("dL/dx", JLx), ("dL/dW", T(gW))]:
    den = T(num)
    for layout, m in [("numerator", num), ("denominator", den)]:
        ok = show(m) in ev.tables
        verdict(ok, f"matrix-calculus/1 {name} {layout} layout {show(m)} ({shape(m)}) in the table")
verdict(shape(gW) == "3×2" and shape(W) == "3×2", "matrix-calculus/1 dL/dW in denominator layout has the shape of W")

res = {}
for i in range(3):
    for j in range(2):
        res[f"dy{i+1}/dx{j+1}"] = Jy[i][j]
for j in range(2):
    res[f"d(a^T x)/dx{j+1}"] = Jax[0][j]
    res[f"dL/dx{j+1}"] = JLx[0][j]
for i in range(3):
    for j in range(2):
        res[f"dL/dW{i+1}{j+1}"] = gW[i][j]
check_json("matrix-calculus-1", res)

ev.finish()
