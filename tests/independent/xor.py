#!/usr/bin/env python3
"""Independent recomputation of xor/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/xor-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from itertools import product
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, TEXT  # noqa: E402

ev = Evidence("xor", compare=TEXT)
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

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
verdict(not four, "xor/1 no separating line on a finer grid either")

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
# xor/2 at the asked input, by default x = (1, 1): z = (2, 1), h = (2, 1), y = 2 - 2 = 0
want2 = {f"y({x1},{x2})": F(x1 ^ x2) for (x1, x2), _ in data}
want2.update({"z_1": F(2), "z_2": F(1), "h_1": F(2), "h_2": F(1), "y": F(0)})
check_json("xor-2", want2)

# xor/2's exercise family: every 2-2-1 ReLU network with hidden weights and biases whole numbers in
# [-2, 2] whose output y = v1 h1 + v2 h2 + b equals XOR at the four points with v1, v2, b halves,
# |v| <= 3, |b| <= 2. Here (not Cramer's rule as in the Rust): Gauss-Jordan elimination in Fractions on
# the 4x3 system [h1 h2 1 | y]; a pivot-free column (rank < 3) means no unique output, and one ReLU
# unit cannot give XOR, so such pairs are not in the family. The Rust test pins 372.
def solve(rows):
    m = [list(map(F, r)) for r in rows]
    piv = 0
    for col in range(3):
        k = next((i for i in range(piv, 4) if m[i][col] != 0), None)
        if k is None:
            return None
        m[piv], m[k] = m[k], m[piv]
        m[piv] = [t / m[piv][col] for t in m[piv]]
        for i in range(4):
            if i != piv and m[i][col] != 0:
                m[i] = [a - m[i][col] * bb for a, bb in zip(m[i], m[piv])]
        piv += 1
    if m[3][3] != 0:  # the fourth equation left over: inconsistent
        return None
    return [m[i][3] for i in range(3)]

units = list(product(range(-2, 3), repeat=3))
family = 0
for u1 in units:
    for u2 in units:
        rows = [[max(0, u[0] * x1 + u[1] * x2 + u[2]) for u in (u1, u2)] + [1, y] for (x1, x2), y in data]
        sol = solve(rows)
        if sol and all(t.denominator <= 2 for t in sol) and abs(sol[0]) <= 3 and abs(sol[1]) <= 3 and abs(sol[2]) <= 2:
            family += 1
verdict(family == 372, "xor/2 exercise family size (the Rust test pins 372):", family)

ev.finish()
