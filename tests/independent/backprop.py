#!/usr/bin/env python3
"""Independent recomputation of backprop/4-5 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/backprop-N__table.snap)
and against every value under "results" in the JSON snapshots.
Gradients are recomputed twice: by the chain/delta rule written out by hand here,
and by central differences of a forward pass written separately."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F  # noqa: E402

ev = Evidence("backprop")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

relu = lambda z: max(0, z)

# ---- backprop/4: CAL 2-2-1, f = ReLU, g = identity, Loss = (y0 - y)^2 (MSE, n = 1); CAL 0-based indexing
# CAL names: x^1_0, x^1_1 inputs; w^1_(i,j) input i -> hidden j; w^2_(j,0) hidden j -> output
def cal_forward(p):
    u0 = p["x10"] * p["w1_00"] + p["x11"] * p["w1_10"] + p["b1_0"]
    u1 = p["x10"] * p["w1_01"] + p["x11"] * p["w1_11"] + p["b1_1"]
    x20, x21 = relu(u0), relu(u1)
    u2 = x20 * p["w2_00"] + x21 * p["w2_10"] + p["b2_0"]
    y0 = u2
    return u0, u1, x20, x21, u2, y0, (y0 - p["y"]) ** 2
# values from the inputs table: W(1)_(j+1,i+1) = w^1_(i,j)
P = {"x10": F(1), "x11": F(2), "w1_00": F(1), "w1_10": F(-1, 2), "w1_01": F(1, 2), "w1_11": F(1),
     "b1_0": F(1, 4), "b1_1": F(-1), "w2_00": F(2), "w2_10": F(-1), "b2_0": F(1, 2), "y": F(1)}
u0, u1, x20, x21, u2, y0, L = cal_forward(P)
dL_dg = 2 * (y0 - P["y"])
check("backprop/4 y_0", y0, "-1/2")
check("backprop/4 dLoss/dg(u2)", dL_dg, "-3")
check("backprop/4 dg/du2", F(1), "1")
check("backprop/4 du2/dw2_00 = x^2_0", x20, "1/4")
check("backprop/4 dLoss/dw2_00", dL_dg * 1 * x20, "-3/4")
check("backprop/4 du2/df(u0) = w2_00", P["w2_00"], "2")
check("backprop/4 f'(u0)", F(1 if u0 > 0 else 0), "1")
check("backprop/4 u0", u0, "1/4")
check("backprop/4 du0/dw1_00 = x^1_0", P["x10"], "1")
check("backprop/4 dLoss/dw1_00", dL_dg * 1 * P["w2_00"] * (1 if u0 > 0 else 0) * P["x10"], "-6")
def fd4(key, h=F(1, 10**6)):
    a = dict(P); a[key] += h
    b = dict(P); b[key] -= h
    return (cal_forward(a)[-1] - cal_forward(b)[-1]) / (2 * h)
check("backprop/4 exact central difference dLoss/dw2_00 (L is quadratic there)", fd4("w2_00"), "-3/4")
check("backprop/4 exact central difference dLoss/dw1_00", fd4("w1_00"), "-6")
# all nine chains the deck asks for, written out factor by factor (CAL 0-based names), each
# against the shown product and against an exact central difference of a separate forward pass
fp = lambda u: F(1 if u > 0 else 0)  # ReLU' (u0 = 1/4, u1 = 3/2: no kink at the defaults)
x2 = [x20, x21]; x1 = [P["x10"], P["x11"]]; u = [u0, u1]
chains4 = {"w2_00": [dL_dg, 1, x2[0]], "w2_10": [dL_dg, 1, x2[1]], "b2_0": [dL_dg, 1, 1]}
for i in range(2):
    for j in range(2):
        chains4[f"w1_{i}{j}"] = [dL_dg, 1, P[f"w2_{j}0"], fp(u[j]), x1[i]]
for j in range(2):
    chains4[f"b1_{j}"] = [dL_dg, 1, P[f"w2_{j}0"], fp(u[j]), 1]
shown4 = {"w2_00": "-3/4", "w2_10": "-9/2", "b2_0": "-3", "w1_00": "-6", "w1_01": "3",
          "w1_10": "-12", "w1_11": "6", "b1_0": "-6", "b1_1": "3"}
grads4 = {}
for k, fs in chains4.items():
    prod = F(1)
    for f in fs:
        prod *= f
    grads4[k] = prod
    check(f"backprop/4 chain dLoss/d{k} = " + " x ".join(str(f) for f in fs), prod, shown4[k])
    check(f"backprop/4 exact central difference dLoss/d{k}", fd4(k), shown4[k])
check("backprop/4 x^2_1", x21, "3/2")

# ---- backprop/5: NNDL delta recursion, 2-2-3, ReLU hidden, softmax + CE, class 2, lr 1/2
x = [1.0, -1.0]
W1 = [[1.0, -1.0], [1.0, 1.0]]; b1 = [0.0, 0.5]
W2 = [[1.0, 0.0], [0.0, 1.0], [-0.5, 1.0]]; b2 = [0.0, 0.0, 0.5]
t = [0.0, 1.0, 0.0]; lr = 0.5
def fwd(W1, b1, W2, b2, x):
    z1 = [sum(W1[j][i] * x[i] for i in range(2)) + b1[j] for j in range(2)]
    a1 = [max(0.0, v) for v in z1]
    z2 = [sum(W2[k][j] * a1[j] for j in range(2)) + b2[k] for k in range(3)]
    m = max(z2); e = [math.exp(v - m) for v in z2]; s = sum(e)
    yh = [v / s for v in e]
    return z1, a1, z2, yh, -sum(tk * math.log(yk) for tk, yk in zip(t, yh))
z1, a1, z2, yh, L = fwd(W1, b1, W2, b2, x)
# exact parts
check("backprop/5 z(1)_1", F(2), "2"); assert z1[0] == 2
check("backprop/5 z(1)_2", F(z1[1]), "1/2")
check("backprop/5 z(2)_1", F(z2[0]), "2"); check("backprop/5 z(2)_2", F(z2[1]), "1/2"); check("backprop/5 z(2)_3", F(z2[2]), "0")
for k, s in enumerate(["0.736125", "0.164252", "0.0996236"]):
    check(f"backprop/5 a(2)_{k+1}", yh[k], s)
check("backprop/5 L", L, "1.80636")
check("backprop/5 dL/da(2)_2", -1 / yh[1], "-6.08822")
d2 = [yh[k] - t[k] for k in range(3)]
# the softmax Jacobian route, to confirm delta(2) = yhat - y
dLda = [-t[k] / yh[k] for k in range(3)]
jac = [sum(((yh[i] if i == k else 0) - yh[i] * yh[k]) * dLda[i] for i in range(3)) for k in range(3)]
for k, s in enumerate(["0.736125", "-0.835748", "0.0996236"]):
    check(f"backprop/5 delta(2)_{k+1}", d2[k], s)
    check(f"backprop/5 delta(2)_{k+1} via Jacobian", jac[k], s)
gW2 = [[d2[k] * a1[j] for j in range(2)] for k in range(3)]
shown_gW2 = [["1.47225", "0.368062"], ["-1.6715", "-0.417874"], ["0.199247", "0.0498118"]]
dLda1 = [sum(W2[k][j] * d2[k] for k in range(3)) for j in range(2)]
check("backprop/5 dL/da(1)_1", dLda1[0], "0.686313"); check("backprop/5 dL/da(1)_2", dLda1[1], "-0.736125")
d1 = [dLda1[j] * (1.0 if z1[j] > 0 else 0.0) for j in range(2)]
check("backprop/5 delta(1)_1", d1[0], "0.686313"); check("backprop/5 delta(1)_2", d1[1], "-0.736125")
gW1 = [[d1[j] * x[i] for i in range(2)] for j in range(2)]
shown_gW1 = [["0.686313", "-0.686313"], ["-0.736125", "0.736125"]]
dx = [sum(W1[j][i] * d1[j] for j in range(2)) for i in range(2)]
check("backprop/5 dL/dx_1", dx[0], "-0.0498118"); check("backprop/5 dL/dx_2", dx[1], "-1.42244")

def fdp(which, idx, h=1e-6):
    def run(delta):
        A = [r[:] for r in W1]; B = b1[:]; C = [r[:] for r in W2]; D = b2[:]; X = x[:]
        tgt = {"W1": A, "b1": B, "W2": C, "b2": D, "x": X}[which]
        if isinstance(idx, tuple): tgt[idx[0]][idx[1]] += delta
        else: tgt[idx] += delta
        return fwd(A, B, C, D, X)[-1]
    return (run(h) - run(-h)) / (2 * h)
for k in range(3):
    for j in range(2):
        check(f"backprop/5 dL/dW(2)_{k+1},{j+1}", gW2[k][j], shown_gW2[k][j])
        check(f"backprop/5 FD dL/dW(2)_{k+1},{j+1}", fdp("W2", (k, j)), shown_gW2[k][j])
    check(f"backprop/5 FD dL/db(2)_{k+1}", fdp("b2", k), ["0.736125", "-0.835748", "0.0996236"][k])
for j in range(2):
    for i in range(2):
        check(f"backprop/5 dL/dW(1)_{j+1},{i+1}", gW1[j][i], shown_gW1[j][i])
        check(f"backprop/5 FD dL/dW(1)_{j+1},{i+1}", fdp("W1", (j, i)), shown_gW1[j][i])
    check(f"backprop/5 FD dL/db(1)_{j+1}", fdp("b1", j), ["0.686313", "-0.736125"][j])
    check(f"backprop/5 FD dL/dx_{j+1}", fdp("x", j), ["-0.0498118", "-1.42244"][j])
# update with lr = 1/2
nW1 = [[W1[j][i] - lr * gW1[j][i] for i in range(2)] for j in range(2)]
nb1 = [b1[j] - lr * d1[j] for j in range(2)]
nW2 = [[W2[k][j] - lr * gW2[k][j] for j in range(2)] for k in range(3)]
nb2 = [b2[k] - lr * d2[k] for k in range(3)]
for lab, v, s in [("W(1)_1,1", nW1[0][0], "0.656844"), ("W(1)_1,2", nW1[0][1], "-0.656844"), ("W(1)_2,1", nW1[1][0], "1.36806"),
                  ("W(1)_2,2", nW1[1][1], "0.631938"), ("b(1)_1", nb1[0], "-0.343156"), ("b(1)_2", nb1[1], "0.868062"),
                  ("W(2)_1,1", nW2[0][0], "0.263875"), ("W(2)_1,2", nW2[0][1], "-0.184031"), ("W(2)_2,1", nW2[1][0], "0.835748"),
                  ("W(2)_2,2", nW2[1][1], "1.20894"), ("W(2)_3,1", nW2[2][0], "-0.599624"), ("W(2)_3,2", nW2[2][1], "0.975094"),
                  ("b(2)_1", nb2[0], "-0.368062"), ("b(2)_2", nb2[1], "0.417874"), ("b(2)_3", nb2[2], "0.450188")]:
    check("backprop/5 new " + lab, v, s)

# ---- backprop/6: NNDL dz(l)/dw_ij = I_i(a_j): z = W a + b (3x2), i = 2, j = 1, delta = (1/2, -1, 1/4)
a6 = [F(2), F(-1)]
W6 = [[F(1), F(0)], [F(-1), F(1, 2)], [F(1, 2), F(2)]]
b6 = [F(0), F(1), F(-1)]
d6 = [F(1, 2), F(-1), F(1, 4)]
i6, j6 = 2, 1
z6 = lambda W: [sum(W[k][c] * a6[c] for c in range(2)) + b6[k] for k in range(3)]
z = z6(W6)
for k, s6 in enumerate(["2", "-3/2", "-2"]):
    check(f"backprop/6 z_{k+1}", z[k], s6)
# the derivative by definition: z is linear in w_ij, so a difference quotient with any step is exact
Wh = [r[:] for r in W6]; Wh[i6 - 1][j6 - 1] += F(1, 1000)
dz = [(zh - z0) / F(1, 1000) for zh, z0 in zip(z6(Wh), z)]
for k, s6 in enumerate(["0", "2", "0"]):
    check(f"backprop/6 dz_{k+1}/dw_21 (difference quotient, step 1/1000)", dz[k], s6)
verdict(dz == [a6[j6 - 1] if k == i6 - 1 else 0 for k in range(3)], "backprop/6 dz/dw_21 = I_2(a_1) = [0, a_1, 0]")
g6 = sum(dz[k] * d6[k] for k in range(3))
check("backprop/6 dL/dw_21 = I_2(a_1)^T delta", g6, "-2")
# the full outer product delta a^T, every entry
outer6 = [[d6[k] * a6[c] for c in range(2)] for k in range(3)]
for k, row in enumerate([["1", "-1/2"], ["-2", "1"], ["1/2", "-1/4"]]):
    for c in range(2):
        check(f"backprop/6 (delta a^T)_{k+1}{c+1}", outer6[k][c], row[c])
verdict(outer6[i6 - 1][j6 - 1] == g6, "backprop/6 entry (2,1) of delta a^T equals I_2(a_1)^T delta")
e6 = {f"z(l)_{k+1}": z[k] for k in range(3)}
e6.update({f"dz_{k+1}/dw_21": dz[k] for k in range(3)})
e6["dL/dw_21"] = g6

# JSON results
check_json("backprop-4", {"y0": F(-1, 2), "Loss": F(9, 4), **{"dLoss/d" + k: v for k, v in grads4.items()}})
e5 = {"loss": L, "z(1)_1": F(2), "z(1)_2": F(1, 2), "a(1)_1": F(2), "a(1)_2": F(1, 2),
      "z(2)_1": F(2), "z(2)_2": F(1, 2), "z(2)_3": F(0)}
for j in range(2):
    e5[f"delta(1)_{j+1}"] = d1[j]; e5[f"dL/db(1)_{j+1}"] = d1[j]
    for i in range(2):
        e5[f"dL/dW(1)_{j+1},{i+1}"] = gW1[j][i]
for k in range(3):
    e5[f"a(2)_{k+1}"] = yh[k]; e5[f"delta(2)_{k+1}"] = d2[k]; e5[f"dL/db(2)_{k+1}"] = d2[k]
    for j in range(2):
        e5[f"dL/dW(2)_{k+1},{j+1}"] = gW2[k][j]
e5["W(1)_1,1 new"] = nW1[0][0]  # the one step the exercise asks about, lr = 1/2
check_json("backprop-5", e5)
check_json("backprop-6", e6)

ev.finish()
