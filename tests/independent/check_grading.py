"""Independent check of `nn-tutor check`'s grading rule on backprop/2, the
staged sigmoid neuron f = 1/(1 + exp(-(w0·x0 + w1·x1 + w2))) (CS231n / PKU).

Written from the sheet's instruction ("exact values where you can, otherwise
4 decimals") and the gate-by-gate chain rule, without reading the Rust code:
for the deck's inputs and 20 seeded draws from the exercise ranges, this
script computes f and ∂f/∂w0, ∂f/∂x0, ∂f/∂w1, ∂f/∂x1, ∂f/∂w2 exactly (as
floats) and by hand with every intermediate rounded to D decimals (values,
local derivatives and products rounded half away from zero; a float rounded
from its binary value), then writes three answers files per draw and checks
the binary's verdict codes (`--format json`):

  1. each value rounded to 4 decimals: right;
  2. each value as rounding every step to 2 decimals gives it: wrong, with
     slip `step_rounded` (or `too_few_decimals` where that equals the value
     rounded to 2 places); right under `--round-each 2`;
  3. each value cut off after 4 decimals: right where that is the rounded
     value or what rounding every step to 4 places gives within 0.0001 of
     the value (the sheet's own rule), else wrong with slip `truncated`.

(A value rounded at every step to 4 places is right only within 0.0001:
at z = -5 by hand σ'(z) collapses to 0.0000, and 0.00 is not an answer to
a gradient of -0.0133.)

Then follow-through on a layer example, backprop/5 (NNDL's δ recursion: a
2-2-3 network, ReLU hidden layer W(1) = [[1, -1], [1, 1]], b(1) = (0, 1/2),
softmax output W(2) = [[1, 0], [0, 1], [-1/2, 1]], b(2) = (0, 0, 1/2),
cross-entropy against a one-hot class), for the deck's inputs and seeded
draws with both hidden units alive: a student writes a(1)_1 one too large
and then works every later step correctly from the values they wrote
(z(2) = W(2)a(1) + b(2), a(2) = softmax(z(2)) to 4 decimals, loss =
-ln a(2)_class, δ(2) = a(2) - y, δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀδ(2),
∂L/∂W(1)_1,1 = δ(1)_1·x1). Under `--follow-through` every later answer that
is not already right is right with credit `follow_through`; without it,
wrong with slip `carried_forward`; a(1)_1 is wrong either way.

Run from the repository root after `cargo build`.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction as F
from math import exp, log

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Evidence  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "target", "debug", "nn-tutor")
ev = Evidence("check_grading")
NAMES = ["f", "df/dw0", "df/dx0", "df/dw1", "df/dx1", "df/dw2"]


def rnd(x, d):
    """x rounded to d places: a Fraction half away from zero, a float from its binary value."""
    q = Decimal(1).scaleb(-d)
    if isinstance(x, F):
        s = -1 if x < 0 else 1
        # exact: floor(|x|·10^d + 1/2) / 10^d, with the sign put back
        n = (abs(x) * 10**d + F(1, 2)).__floor__()
        return F(s * n, 10**d)
    return F(Decimal(x).quantize(q, rounding=ROUND_HALF_EVEN))


def exact(w0, x0, w1, x1, w2):
    """f and its gradients in floating point: σ'(z) = f(1 - f)."""
    z = w0 * x0 + w1 * x1 + w2
    f = 1 / (1 + exp(-z))
    g = f * (1 - f)
    return {"f": f, "df/dw0": g * x0, "df/dx0": g * w0, "df/dw1": g * x1, "df/dx1": g * w1, "df/dw2": g}


def by_hand(w0, x0, w1, x1, w2, d):
    """The same, gate by gate, every value, local derivative and product rounded to d places."""
    r = lambda v: rnd(v, d)  # noqa: E731
    z = F(w0 * x0 + w1 * x1 + w2)  # integers: exact at every step
    n = -z
    e = r(exp(n)) if n != 0 else F(1)
    den = r(1 + e)
    f = r(1 / den)
    df_dd = r(r(-1 / den**2))  # upstream 1 times the rounded local -1/d²
    df_de = df_dd  # d = 1 + e: local 1
    df_dn = r(df_de * e)  # exp's local is its own (rounded) value
    df_dz = r(df_dn * -1)
    # z = c + w2, c = a + b: locals 1; a = w0·x0: locals x0 and w0
    return {"f": f, "df/dw0": r(df_dz * x0), "df/dx0": r(df_dz * w0), "df/dw1": r(df_dz * x1),
            "df/dx1": r(df_dz * w1), "df/dw2": df_dz}


def text(v, d):
    return f"{Decimal(v.numerator) / Decimal(v.denominator):.{d}f}" if isinstance(v, F) else f"{v:.{d}f}"


def cut(x, d):
    """x cut off (toward zero) after d places."""
    s = f"{Decimal(x):.20f}"
    whole, frac = s.split(".")
    return F(Decimal(whole + "." + frac[:d]))


def grade(sets, answers, extra=()):
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
        for k, v in answers.items():
            fh.write(f'"{k}" = {v}\n')
        path = fh.name
    out = subprocess.run([BIN, "check", "backprop", "-e", "2", "--set", sets, "--format", "json", *extra, path],
                         capture_output=True, text=True)
    os.unlink(path)
    doc = json.loads(out.stdout)
    return {v["name"]: (v["code"], v["slip"] or "-") for v in doc["problems"][0]["verdicts"]}


rng = random.Random(20261126)
draws = [(2, -1, -3, -2, -3)]
while len(draws) < 21:
    w = (rng.randint(-3, 3), rng.choice([-2, -1, 1, 2]), rng.randint(-3, 3), rng.choice([-2, -1, 1, 2]),
         rng.randint(-3, 3))
    if w not in draws:
        draws.append(w)

for w in draws:
    sets = "w0={},x0={},w1={},x1={},w2={}".format(*w)
    ex, h2, h4 = exact(*w), by_hand(*w, 2), by_hand(*w, 4)
    # 1. the value rounded to 4 decimals is right
    got = grade(sets, {q: text(rnd(ex[q], 4), 4) for q in NAMES})
    for q in NAMES:
        ev.verdict(got[q][0] == "right", sets, q, "rounded to 4:", got[q])
    # 2. rounded at every step to 2 decimals
    answers = {q: text(h2[q], 2) for q in NAMES}
    got = grade(sets, answers)
    allowed = grade(sets, answers, ["--round-each", "2"])
    for q in NAMES:
        if h2[q] == rnd(ex[q], 2):
            want = ("wrong", "too_few_decimals")
        else:
            want = ("wrong", "step_rounded")
        # a hand value that is also the exact one (a zero gradient) is right
        if float(h2[q]) == ex[q]:
            want = ("right", "-")
        ev.verdict(got[q] == want, sets, q, answers[q], "expected", want, "got", got[q])
        ev.verdict(allowed[q][0] == "right", sets, q, answers[q], "--round-each 2:", allowed[q])
    # 3. cut off after 4 decimals
    answers = {q: text(cut(ex[q], 4), 4) for q in NAMES}
    got = grade(sets, answers)
    for q in NAMES:
        c = cut(ex[q], 4)
        by_rule = c == h4[q] and abs(float(c) - ex[q]) <= 1e-4
        want = ("right", "-") if c == rnd(ex[q], 4) or by_rule else ("wrong", "truncated")
        ev.verdict(got[q] == want, sets, q, answers[q], "expected", want, "got", got[q])



def check_json(args, answers):
    """check ARGS on an answers file: {name: (code, slip, credit)}."""
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
        for k, v in answers.items():
            fh.write(f'"{k}" = {v}\n')
        path = fh.name
    out = subprocess.run([BIN, "check", *args, "--format", "json", path], capture_output=True, text=True)
    os.unlink(path)
    doc = json.loads(out.stdout)
    return {v["name"]: (v["code"], v["slip"] or "-", v["credit"] or "-") for v in doc["problems"][0]["verdicts"]}


def backprop5(x1, x2, c, slip):
    """backprop/5's asked values as a student writes them, with a(1)_1 + slip
    and every later step from the written values (exact fractions where the
    step is exact, 4 decimals after exp and ln)."""
    w2 = [[F(1), F(0)], [F(0), F(1)], [F(-1, 2), F(1)]]
    b2 = [F(0), F(0), F(1, 2)]
    z1 = [F(x1 - x2), F(x1 + x2) + F(1, 2)]
    a1 = [max(z, F(0)) for z in z1]
    a1[0] += slip
    z2 = [sum(w * a for w, a in zip(row, a1)) + b for row, b in zip(w2, b2)]
    e = [exp(float(z)) for z in z2]
    a2 = [rnd(v / sum(e), 4) for v in e]
    loss = rnd(-log(a2[c - 1]), 4)
    d2 = [a - (1 if k == c - 1 else 0) for k, a in enumerate(a2)]
    relu_d = [1 if z > 0 else 0 for z in z1]
    d1 = [relu_d[j] * sum(w2[k][j] * d2[k] for k in range(3)) for j in range(2)]
    vals = {"loss": loss, "a(1)_1": a1[0], "a(1)_2": a1[1], "a(2)_1": a2[0], "a(2)_2": a2[1],
            "a(2)_3": a2[2], "delta(2)_1": d2[0], "delta(2)_2": d2[1], "delta(2)_3": d2[2],
            "delta(1)_1": d1[0], "delta(1)_2": d1[1], "dL/dW(1)_1,1": d1[0] * x1}
    return vals


def written(v):
    """A value as written: the fraction in quotes when it has no short decimal, else its
    decimal with all its places and at least the sheet's 4."""
    if (v * 10**8).denominator != 1:
        return f'"{v.numerator}/{v.denominator}"'
    places = next(p for p in range(9) if (v * 10**p).denominator == 1)
    return text(v, max(places, 4))


drawn5 = [(1, -1, 2)]
while len(drawn5) < 11:
    d = (rng.randint(-4, 4), rng.randint(-4, 4), rng.randint(1, 3))
    if d[0] - d[1] > 0 and d[0] + d[1] + F(1, 2) > 0 and d not in drawn5:
        drawn5.append(d)
for x1, x2, c in drawn5:
    args = ["backprop", "-e", "5", "--set", f"x1={x1},x2={x2},class={c}"]
    right, own = backprop5(x1, x2, c, 0), backprop5(x1, x2, c, 1)
    answers = {q: written(v) for q, v in own.items()}
    followed = check_json([*args, "--follow-through"], answers)
    plain = check_json(args, answers)
    for q, v in own.items():
        if q == "a(1)_1":
            want_f = want_p = ("wrong", "-")
        elif v == right[q]:
            want_f = want_p = ("right", "-")
        else:
            want_f, want_p = ("right", "follow_through"), ("wrong", "carried_forward")
        # (code, whether credited for following through) and (code, slip if carried forward)
        got_f = (followed[q][0], "follow_through" if followed[q][2] == "follow_through" else "-")
        got_p = (plain[q][0], "carried_forward" if plain[q][1] == "carried_forward" else "-")
        ev.verdict(got_f == want_f, args[-1], q, answers[q], "--follow-through: expected", want_f, "got", followed[q])
        ev.verdict(got_p == want_p, args[-1], q, answers[q], "expected", want_p, "got", plain[q])

ev.finish()
