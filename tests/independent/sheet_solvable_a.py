"""Every problem of neuron/1-3, activation/1-4, forward/1-4, softmax/1-2 and
loss/1-2 is solvable from the page (issue 12): for each example, a 50-problem
student sheet (`exercise … --count 50 --format json`, no key) is read, every
asked quantity (`find`) is computed from the problem's `given` ONLY, with this
script's own arithmetic (fractions where the answer is exact, math for exp and
ln), and compared with the key of the same sheet (`--key`, `results`): exact
values must be equal, floats within 1e-9 relative.

Needs the debug binary (target/debug/nn-tutor). Prints PASS/FAIL lines and
`sheet_solvable_a: ALL PASS` or `N FAIL`; exits 1 on any FAIL."""
import json
import math
import os
import subprocess
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Evidence  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "target", "debug", "nn-tutor")
COUNT = 50
SEED = 1213

ev = Evidence("sheet_solvable_a")


def sheet(example, key):
    topic, n = example.split("/")
    cmd = [BIN, "exercise", topic, "--example", n, "--seed", str(SEED), "--count", str(COUNT), "--format", "json"]
    if key:
        cmd.append("--key")
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)["problems"]


def val(g):
    """A given value as Fraction (exact) or float; vectors and matrices as lists."""
    if isinstance(g, list):
        return [val(x) for x in g]
    if isinstance(g, str):
        return g
    return F(g["exact"]) if g["exact"] is not None else g["float"]


def exact(x):
    return isinstance(x, F)


# ---- the arithmetic, from the decks' formulas ----

def exp(x):
    return math.exp(float(x))


def sigmoid(z):
    """σ(z); σ(0) = 1/2 exactly (the one rational value at a rational point)."""
    if exact(z) and z == 0:
        return F(1, 2)
    return 1 / (1 + math.exp(-float(z)))


def ln(x):
    return math.log(float(x))


def act(f, z):
    if f == "sigmoid":
        return sigmoid(z)
    if f == "relu":
        return z if z > 0 else (F(0) if exact(z) else 0.0)
    if f == "identity":
        return z
    if f == "tanh":
        return math.tanh(float(z))
    raise ValueError(f)


def softmax(z):
    m = max(float(x) for x in z)
    e = [math.exp(float(x) - m) for x in z]
    s = sum(e)
    return [x / s for x in e]


def dense(g):
    """The forward pass of a Layers-posed problem: every z(l)_i, a(l)_i by name."""
    a = g["x"]
    out = {}
    layer = 1
    while f"W({layer})" in g:
        W, b, f = g[f"W({layer})"], g[f"b({layer})"], g[f"f({layer})"]
        if g["convention"] == "column":
            z = [sum((W[i][j] * a[j] for j in range(len(a))), F(0)) + b[i] for i in range(len(b))]
        else:
            z = [sum((a[k] * W[k][j] for k in range(len(a))), F(0)) + b[j] for j in range(len(b))]
        a = softmax(z) if f == "softmax" else [act(f, zi) for zi in z]
        for i in range(len(z)):
            out[f"z({layer})_{i + 1}"] = z[i]
            out[f"a({layer})_{i + 1}"] = a[i]
        layer += 1
    return out


# ---- one solver per example: given -> {asked name: value} ----

def neuron_1(g):
    d = dense(g)
    return {"z": d["z(1)_1"], "a": d["a(1)_1"]}


def neuron_2(g):
    x, w, b, y = g["x"][0], g["W(1)"][0][0], g["b(1)"][0], g["t"][0]
    assert g["loss"] == "bce" or "entropy" in g["loss"], g["loss"]
    z = w * x + b
    a = sigmoid(z)
    dlda = -y / a + (1 - y) / (1 - a)
    dadz = a * (1 - a)
    dz = a - y
    return {"z": z, "a": a, "L": -(y * ln(a) + (1 - y) * ln(1 - a)),
            "dL/da": dlda, "da/dz": dadz, "dz": dz, "dw": x * dz, "db": dz}


def neuron_3(g):
    x, y, w, b, lr = (float(g[k]) for k in ("x", "y", "w0", "b0", "lr"))
    out = {}
    for k in range(1, int(g["steps"]) + 1):
        a = sigmoid(w * x + b)
        out[f"L_{k}"] = -(y * math.log(a) + (1 - y) * math.log(1 - a))
        w, b = w - lr * x * (a - y), b - lr * (a - y)
    out["w"], out["b"] = w, b
    return out


def forward_layers(g):
    return dense(g)


def softmax_exact(z):
    """softmax, exact (1/n each) when every score is the same exact number."""
    if all(exact(x) for x in z) and len(set(z)) == 1:
        return [F(1, len(z))] * len(z)
    return softmax(z)


def forward_3(g):
    a, W, b, V, c = g["a"], g["W"], g["b"], g["V"], g["c"]
    z = a[0] * W[0][0] + a[1] * W[1][0] + b[0]
    out = {"sigmoid p(y=1|x)": sigmoid(z), "f(x)": z}
    zk = [a[0] * V[0][k] + a[1] * V[1][k] + c[k] for k in range(3)]
    for k, p in enumerate(softmax_exact(zk)):
        out[f"softmax p(y={k + 1}|x)"] = p
    return out


def forward_4(g):
    """PKU: a^(1) = x; z^(L+1) = W^(L) a^(L) + b^(L); ReLU in Layers 2, 3, σ in Layer 4."""
    a, out = g["x"], {}
    for L in (1, 2, 3):
        W, b = g[f"W^({L})"], g[f"b^({L})"]
        z = [sum((W[i][j] * a[j] for j in range(len(a))), F(0)) + b[i] for i in range(len(b))]
        a = [sigmoid(zi) if L == 3 else act("relu", zi) for zi in z]
        for i in range(len(z)):
            out[f"z({L + 1})_{i + 1}"] = z[i]
            out[f"a({L + 1})_{i + 1}"] = a[i]
    return out


def softmax_1(g):
    y = softmax_exact(g["a"])
    out = {f"y{k + 1}": y[k] for k in range(3)}
    out["sum"] = sum(y)
    return out


def softmax_2(g):
    z, c = g["z"], int(g["class"])
    yhat = softmax_exact(z)
    out = {"L": -ln(yhat[c - 1])}
    for k in range(3):
        out[f"dL/dz{k + 1}"] = yhat[k] - (1 if k == c - 1 else 0)
    return out


def loss_1(g):
    y, t = g["y'"], g["t"]
    sq = sum(((y[k] - t[k]) ** 2 for k in range(3)), F(0))
    ce = sum(-t[k] * ln(y[k]) for k in range(3) if t[k] != 0)
    return {"mse": sq / 3, "half_sse": sq / 2, "cross_entropy": ce}


def loss_2(g):
    W, b, lam, alpha = g["W"][0], g["b"], g["lambda"], g["alpha"]
    yhat = [W[0] * g[f"x({n})"][0] + W[1] * g[f"x({n})"][1] + b for n in (1, 2)]
    L = [(yhat[n] - g[f"y({n + 1})"]) ** 2 / 2 for n in (0, 1)]
    pen = lam / 2 * (W[0] ** 2 + W[1] ** 2)
    delta = yhat[0] - g["y(1)"]
    x1 = g["x(1)"]
    return {"L1": L[0], "L2": L[1], "penalty": pen, "R": (L[0] + L[1]) / 2 + pen,
            "W_11 new": W[0] - alpha * (delta * x1[0] + lam * W[0]),
            "W_12 new": W[1] - alpha * (delta * x1[1] + lam * W[1]),
            "b new": b - alpha * delta}


def activation_1(g):
    z1, z2, z3, z4, z5, gam = (g[k] for k in ("z1", "z2", "z3", "z4", "z5", "gamma"))
    s1, t2 = sigmoid(z1), math.tanh(float(z2))
    assert z4 < 0
    return {"logistic(z1)": s1, "logistic'(z1)": s1 * (1 - s1),
            "tanh(z2)": t2, "tanh'(z2)": 1 - t2 * t2,
            "relu(z3)": max(z3, F(0)), "relu'(z3)": F(1) if z3 > 0 else F(0),
            "elu(z4)": float(gam) * (exp(z4) - 1), "elu'(z4)": float(gam) * exp(z4),
            "softplus(z5)": math.log1p(exp(z5)), "softplus'(z5)": sigmoid(z5)}


def activation_2(g):
    z = g["z"]
    assert z < 0
    out = {"Leaky ReLU(z)": g["gamma"] * z, "Leaky ReLU'(z)": g["gamma"],
           "PReLU unit 1(z)": g["gamma1"] * z, "PReLU unit 1'(z)": g["gamma1"],
           "PReLU unit 2(z)": g["gamma2"] * z, "PReLU unit 2'(z)": g["gamma2"],
           "ELU(z)": float(g["alpha"]) * (exp(z) - 1), "ELU'(z)": float(g["alpha"]) * exp(z)}
    x, w, b = (g["x1"], g["x2"]), g["w"], g["b"]
    p = [w[k][0] * x[0] + w[k][1] * x[1] + b[k] for k in (0, 1)]
    out["maxout a"] = max(p)
    out["da/dz1"] = F(1) if p[0] > p[1] else F(0)
    out["da/dz2"] = F(1) if p[1] > p[0] else F(0)
    return out


def activation_3(g):
    s = sigmoid(g["start"])
    k = math.ceil((g["start"] - g["goal"]) / g["lr"])
    return {"sigmoid'(start)": s * (1 - s), "relu'(start)": F(1), "steps relu": F(k)}


def activation_4(g):
    x, w, up = g["x"], g["w"], g["g"]
    assert all(xi > 0 for xi in x)
    s = sigmoid(sum((w[i] * x[i] for i in range(3)), F(0)))
    return {f"dL/dw{i + 1}": up * s * (1 - s) * x[i] for i in range(3)}


SOLVERS = {
    "neuron/1": neuron_1,
    "neuron/2": neuron_2,
    "neuron/3": neuron_3,
    "activation/1": activation_1,
    "activation/2": activation_2,
    "activation/3": activation_3,
    "activation/4": activation_4,
    "forward/1": forward_layers,
    "forward/2": forward_layers,
    "forward/3": forward_3,
    "forward/4": forward_4,
    "softmax/1": softmax_1,
    "softmax/2": softmax_2,
    "loss/1": loss_1,
    "loss/2": loss_2,
}


def agree(got, key):
    if key["exact"] is not None:
        return exact(got) and got == F(key["exact"])
    kf = key["float"]
    return abs(float(got) - kf) <= 1e-9 * max(1.0, abs(kf))


for example, solve in SOLVERS.items():
    student, keyed = sheet(example, False), sheet(example, True)
    bad = 0
    for p, k in zip(student, keyed):
        assert "results" not in p and "report" not in p, "the student sheet carries the key"
        assert p["set"] == k["set"], "student sheet and key differ"
        given = {name: val(v) for name, v in p["given"].items()}
        mine = solve(given)
        for name in p["find"]:
            if name not in mine:
                bad += 1
                print("FAIL", example, p["set"], name, "cannot be computed from given")
                continue
            if not agree(mine[name], k["results"][name]):
                bad += 1
                print("FAIL", example, p["set"], name, "mine", mine[name], "key", k["results"][name])
    ev.verdict(bad == 0 and len(student) == COUNT, example, f"{len(student)} problems, every asked quantity from given")

ev.finish()
