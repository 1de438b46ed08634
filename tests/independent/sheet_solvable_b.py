"""Solvable from the page (issue 12), h-stmtB's examples: for each example, a
--count 50 student sheet in JSON (no key, no report) is read, every asked
quantity (`find`) is computed from `given` alone with this script's own
arithmetic, and compared with the key of the same sheet (`--key`, `results`):
exact values must be exact and equal, rounded ones agree to 1e-9 relative.

Graph programs are evaluated with sympy (the derivative of the output with
respect to a step is taken by making that step a symbol); layer passes with a
plain dense forward/backward in Fractions (math.exp for softmax/sigmoid); the
hand-posed examples with their deck formulas. Needs the debug binary and
sympy. Prints PASS/FAIL per problem; exits 1 on any FAIL."""
import json
import math
import os
import subprocess
import sys
from fractions import Fraction as F

import sympy

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "target", "debug", "nn-tutor")
SEED = 2026
COUNT = 50
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Tally  # noqa: E402

tally = Tally()
verdict = tally.verdict


def sheet(topic, n, key):
    cmd = [BIN, "exercise", topic, "--example", str(n), "--seed", str(SEED), "--count", str(COUNT), "--format", "json"]
    if key:
        cmd.append("--key")
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)["problems"]


def num(g):
    """A given number: exact Fraction when the JSON has it, else float."""
    if isinstance(g, dict):
        return F(g["exact"]) if g.get("exact") is not None else g["float"]
    return g


def vec(g):
    return [num(x) for x in g]


def mat(g):
    return [[num(x) for x in row] for row in g]


def same(got, want):
    """got (Fraction, int, float or sympy number) against a key result."""
    exact = want.get("exact")
    if isinstance(got, sympy.Basic):
        if got.is_Rational:
            got = F(int(got.p), int(got.q))
        else:
            got = float(got)
    if isinstance(got, int):
        got = F(got)
    if exact is not None:
        # an exact key: mine must be exact and equal
        return isinstance(got, F) and F(exact) == got
    # a rounded key (a float 0 too, where an exact 0 multiplies a float)
    w = want["float"]
    return abs(float(got) - w) <= 1e-9 * max(1.0, abs(w))


# ---- graph programs -------------------------------------------------------

LOCALS = {
    "exp": sympy.exp,
    "max": sympy.Max,
    "sigmoid": lambda x: 1 / (1 + sympy.exp(-x)),
    "relu": lambda x: sympy.Max(0, x),
}


def program(src, inputs):
    """Every step's value and d(out)/d(name) for every input and step."""
    steps = []
    for s in src.split(";"):
        lhs, rhs = s.split("=", 1)
        steps.append((lhs.strip(), rhs.strip().replace("^", "**")))
    out = steps[-1][0]

    def run(held=None):
        env = {k: sympy.Rational(v.numerator, v.denominator) if isinstance(v, F) else v for k, v in inputs.items()}
        t = sympy.Symbol("t_held")
        if held in env:
            env[held] = t
        for lhs, rhs in steps:
            val = sympy.sympify(rhs, locals={**LOCALS, **env})
            env[lhs] = t if lhs == held else val
        return env, t

    values, _ = run()
    out_vals = {k: values[k] for k, _ in steps}
    grads = {}
    for name in list(inputs) + [k for k, _ in steps]:
        env, t = run(name)
        at = values[name] if name in values else inputs[name]
        d = sympy.diff(env[out], t).subs(t, at)
        grads[f"d{out}/d{name}"] = sympy.nsimplify(d) if d.is_Rational else d.evalf(30)
    res = {k: (v if v.is_Rational else v.evalf(30)) for k, v in out_vals.items()}
    res.update(grads)
    return res


def graph_given(p):
    g = p["given"]
    ins = {k: num(v) for k, v in g.items() if k != "program"}
    return program(g["program"], ins)


# ---- dense layers -----------------------------------------------------------

def act(name, z):
    if name == "relu":
        return [x if x > 0 else F(0) for x in z], [F(1) if x > 0 else F(0) for x in z]
    if name == "identity":
        return list(z), [F(1)] * len(z)
    if name == "softmax":
        m = [math.exp(x) for x in z]
        s = sum(m)
        return [x / s for x in m], None
    raise ValueError(name)


def dense(g):
    assert g["convention"] == "column"
    x = vec(g["x"])
    layers = []
    k = 1
    while f"W({k})" in g:
        layers.append((mat(g[f"W({k})"]), vec(g[f"b({k})"]), g[f"f({k})"]))
        k += 1
    a, zs, acts, fps = x, [], [x], []
    for W, b, f in layers:
        z = [sum(w * ai for w, ai in zip(row, a)) + bi for row, bi in zip(W, b)]
        a, fp = act(f, z)
        zs.append(z)
        acts.append(a)
        fps.append(fp)
    t = vec(g["t"])
    y = acts[-1]
    if g["loss"] == "mse":
        n = len(y)
        loss = sum((yi - ti) ** 2 for yi, ti in zip(y, t)) / n
        delta = [F(2, n) * (yi - ti) * fp for yi, ti, fp in zip(y, t, fps[-1])]
    elif g["loss"] == "cross_entropy":
        loss = -sum(ti * math.log(yi) for yi, ti in zip(y, t) if ti != 0)
        delta = [yi - ti for yi, ti in zip(y, t)]
    else:
        raise ValueError(g["loss"])
    deltas = [None] * len(layers)
    deltas[-1] = delta
    for l in range(len(layers) - 2, -1, -1):
        W = layers[l + 1][0]
        back = [sum(W[i][j] * deltas[l + 1][i] for i in range(len(W))) for j in range(len(W[0]))]
        deltas[l] = [bj * fp for bj, fp in zip(back, fps[l])]
    out = {"loss": loss, "L": loss}
    for l in range(len(layers)):
        L = l + 1
        for i, (zi, ai, di) in enumerate(zip(zs[l], acts[l + 1], deltas[l])):
            out[f"z({L})_{i + 1}"] = zi
            out[f"a({L})_{i + 1}"] = ai
            out[f"delta({L})_{i + 1}"] = di
            out[f"dL/db({L})_{i + 1}"] = di
            for j, aj in enumerate(acts[l]):
                out[f"dL/dW({L})_{i + 1},{j + 1}"] = di * aj
                if "lr" in g:  # one gradient-descent step: W <- W - lr dL/dW, b <- b - lr dL/db
                    out[f"W({L})_{i + 1},{j + 1} new"] = layers[l][0][i][j] - num(g["lr"]) * di * aj
            if "lr" in g:
                out[f"b({L})_{i + 1} new"] = layers[l][1][i] - num(g["lr"]) * di
    return out


def backprop_4(p):
    d = dense(p["given"])
    out = {"y0": d["a(2)_1"], "Loss": d["loss"], "dLoss/db2_0": d["dL/db(2)_1"]}
    for j in range(2):
        # CAL's w^2_(j,0): hidden j to the output; w^1_(i,j): input i to hidden j
        out[f"dLoss/dw2_{j}0"] = d[f"dL/dW(2)_1,{j + 1}"]
        out[f"dLoss/db1_{j}"] = d[f"dL/db(1)_{j + 1}"]
        for i in range(2):
            out[f"dLoss/dw1_{i}{j}"] = d[f"dL/dW(1)_{j + 1},{i + 1}"]
    return out


# ---- hand-posed examples ----------------------------------------------------

def backprop_6(p):
    g = p["given"]
    a, W, b, d = vec(g["a(l-1)"]), mat(g["W(l)"]), vec(g["b(l)"]), vec(g["delta(l)"])
    i, j = int(num(g["i"])), int(num(g["j"]))
    out = {}
    for k in range(3):
        out[f"z(l)_{k + 1}"] = W[k][0] * a[0] + W[k][1] * a[1] + b[k]
        out[f"dz_{k + 1}/dw_{i}{j}"] = a[j - 1] if k + 1 == i else F(0)
    out[f"dL/dw_{i}{j}"] = d[i - 1] * a[j - 1]
    return out


def matrix_calculus_1(p):
    g = p["given"]
    x, W, a, d = vec(g["x"]), mat(g["W"]), vec(g["a"]), vec(g["delta"])
    jac = [[x[1], x[0]], [2 * x[0], 0], [0, 2 * x[1]]]  # ∂(x1x2, x1², x2²)/∂x
    out = {}
    for i in range(3):
        for j in range(2):
            out[f"dy{i + 1}/dx{j + 1}"] = F(jac[i][j])
            out[f"dL/dW{i + 1}{j + 1}"] = d[i] * x[j]
    for j in range(2):
        out[f"d(a^T x)/dx{j + 1}"] = a[j]
        out[f"dL/dx{j + 1}"] = sum(W[i][j] * d[i] for i in range(3))
    return out


def autodiff_3(p):
    g = p["given"]
    out = {}
    for n in ("x1", "x2"):
        x = num(g[n])
        f, d = (x * x, 2 * x) if x > 0 else (-x, F(-1))
        out[f"f({n})"] = f
        out[f"df/dx({n}) static"] = d
        out[f"df/dx({n}) dynamic"] = d
    return out


def autodiff_4(p):
    g = p["given"]
    x, w, b = num(g["x"]), num(g["w"]), num(g["b"])
    z = w * x + b
    # σ(0) = 1/2 and σ'(0) = 1/4 exactly; elsewhere exp makes them floats
    s = F(1, 2) if z == 0 else 1 / (1 + math.exp(-float(z)))
    ds = s * (1 - s)
    return {"f": s, "df/dx": ds * w, "df/dw": ds * x, "df/db": ds}


def gd_1(p):
    g = p["given"]
    xs, ys = vec(g["data_x"]), vec(g["data_y"])
    lr, w, b = num(g["lr"]), num(g["w"]), num(g["b"])
    n = len(xs)
    out = {}
    for k in range(1, int(num(g["steps"])) + 1):
        e = [w * x + b - y for x, y in zip(xs, ys)]
        out[f"J_{k}"] = sum(t * t for t in e) / n
        gw = F(2, n) * sum(t * x for t, x in zip(e, xs))
        gb = F(2, n) * sum(e)
        w, b = w - lr * gw, b - lr * gb
        out[f"w_{k}"], out[f"b_{k}"] = w, b
    return out


def gd_4(p):
    g = p["given"]
    n = int(num(g["n"]))
    out = {}
    for name, key in (("batch", ""), ("other_batch", " (other batch)")):
        bsz = int(num(g[name]))
        it = -(-n // bsz)
        out[f"iterations per epoch{key}"] = it
        out[f"last index{key}"] = it - 1
        out[f"last batch{key}"] = n - (it - 1) * bsz
    return out


def network_counts(p):
    ns = [int(num(p["given"][f"n{k}"])) for k in range(4)]
    w = sum(a * b for a, b in zip(ns, ns[1:]))
    b = sum(ns[1:])
    return {"weights": w, "biases": b, "total": w + b}


def network_3(p):
    ns = [int(num(p["given"][f"n{k}"])) for k in range(3)]
    out = {}
    for l in (1, 2):
        out[f"W({l}) rows (column)"] = ns[l]
        out[f"W({l}) rows (row)"] = ns[l - 1]
    return out


def init_1(p):
    m = int(num(p["given"]["m"]))
    r = math.isqrt(m)
    bound = F(1, r) if r * r == m else 1 / math.sqrt(m)
    return {"bound": bound, "variance": F(1, 3 * m)}


def xor_2(p):
    g = p["given"]
    W, c, v, b, x = mat(g["W"]), vec(g["c"]), vec(g["w"]), num(g["b"]), vec(g["x"])

    def run(x1, x2):
        z = [W[k][0] * x1 + W[k][1] * x2 + c[k] for k in range(2)]
        h = [max(F(0), t) for t in z]
        return z, h, v[0] * h[0] + v[1] * h[1] + b

    out = {}
    for x1 in (0, 1):
        for x2 in (0, 1):
            out[f"y({x1},{x2})"] = run(x1, x2)[2]
    # the title's promise, from the given numbers alone: the network computes XOR
    verdict(all(out[f"y({a},{b_})"] == (a ^ b_) for a in (0, 1) for b_ in (0, 1)), "xor/2 computes XOR", p["set"])
    z, h, y = run(*x)
    out.update({"z_1": z[0], "z_2": z[1], "h_1": h[0], "h_2": h[1], "y": y})
    return out


EXAMPLES = [
    ("backprop", 1, graph_given),
    ("backprop", 2, graph_given),
    ("backprop", 3, graph_given),
    ("backprop", 4, backprop_4),
    ("backprop", 5, lambda p: dense(p["given"])),
    ("backprop", 6, backprop_6),
    ("matrix-calculus", 1, matrix_calculus_1),
    ("autodiff", 1, graph_given),
    ("autodiff", 2, graph_given),
    ("autodiff", 3, autodiff_3),
    ("autodiff", 4, autodiff_4),
    ("chain-rule", 1, graph_given),
    ("chain-rule", 2, graph_given),
    ("gradient-descent", 1, gd_1),
    ("gradient-descent", 4, gd_4),
    ("network", 1, network_counts),
    ("network", 2, network_counts),
    ("network", 3, network_3),
    ("init", 1, init_1),
    ("xor", 2, xor_2),
]

only = sys.argv[1:]
for topic, n, solve in EXAMPLES:
    ident = f"{topic}/{n}"
    if only and ident not in only:
        continue
    students, keys = sheet(topic, n, False), sheet(topic, n, True)
    verdict(len(students) == COUNT, ident, "sheet has", len(students), "problems")
    for st, key in zip(students, keys):
        assert "results" not in st and "report" not in st
        mine = solve(st)
        bad = [q for q in st["find"] if q not in mine or not same(mine[q], key["results"][q])]
        verdict(not bad and st["set"] == key["set"], ident, st["set"], "asked", len(st["find"]),
                *(f"{q}: mine {mine.get(q)} key {key['results'][q]}" for q in bad))

tally.finish("sheet_solvable_b")
