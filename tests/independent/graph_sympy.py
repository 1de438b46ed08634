"""Differential test of `nn-tutor graph` against sympy, a computer-algebra
system written independently of nn-tutor.

Seeded random programs of the expression language (powers of negative bases
with whole exponents, nested division, exp/ln/sqrt/sigmoid/tanh, relu, abs,
max and min away from their kinks and ties, and steps that reuse a name such
as `q = x + y; f = q*q`) are run through the real binary with
`--format json`; sympy differentiates the same program symbolically. For the
output, every named step and every gradient df/dv (v a variable or a named
step):
- a value nn-tutor marks exact must be a rational that equals sympy's exactly,
  and a program of rational operations only (+ - * / and whole powers) must
  give exact values;
- a rounded value must agree with sympy's to 1e-9 (relative, at least 1 absolute
  scale).
A few hand-picked programs from issue reports (x^(-1) at x = -3, x^y at
x = 0, a variable exponent of a negative base whose gradient does not exist)
are checked the same way.

Run from the repository root after `cargo build` (CI runs it after
`cargo test`, which builds target/debug/nn-tutor). Needs `pip install sympy`.
"""
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Evidence  # noqa: E402

import sympy as sp  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.path.join(ROOT, "target", "debug", "nn-tutor")
SEED = 20261126
CASES = 250
VARS = ["x", "y", "z", "w"]
SYM = {v: sp.Symbol(v, real=True) for v in VARS}

ev = Evidence("graph_sympy")

# What the random programs covered, checked at the end so that a change to
# the generator cannot quietly drop a family.
COVERED = {"negative base": 0, "nested division": 0, "kinked op": 0, "reused step": 0}


class Reject(Exception):
    """The drawn node would sit on a pole, outside a domain, on a kink or a tie."""


class Gen:
    """Builds one random expression bottom-up: the program text, the sympy
    expression (in the symbols of the variables and of earlier steps), and
    its exact or numeric value at the chosen point, which decides whether a
    node is allowed (no division by zero, ln and sqrt of positives only, no
    kink or tie)."""

    def __init__(self, rng, env):
        self.rng = rng
        self.env = env  # name -> (sympy symbol, value)
        self.rational = True  # only + - * / and whole powers so far

    def value(self, e):
        return e.subs({s: val for s, val in self.env.values()})

    def leaf(self):
        r = self.rng.random()
        if r < 0.7:
            name = self.rng.choice(list(self.env))
            return name, self.env[name][0], set()
        if r < 0.85:
            n = self.rng.randint(1, 4)
            return str(n), sp.Integer(n), set()
        p, q = self.rng.randint(1, 5), self.rng.randint(2, 4)
        return f"{p}/{q}", sp.Rational(p, q), set()

    def node(self, depth):
        for _ in range(50):
            try:
                return self.try_node(depth)
            except Reject:
                continue
        return self.leaf()

    def try_node(self, depth):
        if depth == 0 or self.rng.random() < 0.25:
            return self.leaf()
        kind = self.rng.choice(
            ["+", "-", "*", "/", "/", "pow", "pow", "neg", "exp", "ln", "sqrt",
             "sigmoid", "tanh", "relu", "abs", "max", "min", "varpow", "nested"]
        )
        a_text, a, ta = self.node(depth - 1)
        av = self.value(a)
        if kind in "+-*/":
            b_text, b, tb = self.node(depth - 1)
            bv = self.value(b)
            if kind == "/" and bv == 0:
                raise Reject
            tags = ta | tb | ({"division"} if kind == "/" else set())
            if kind == "/" and "division" in ta | tb:
                tags.add("nested division")
            e = {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[kind]
            return f"({a_text}) {kind} ({b_text})", e, tags
        if kind == "nested":
            # a/(b/c) or (a/b)/c
            b_text, b, tb = self.node(depth - 1)
            c_text, c, tc = self.node(depth - 1)
            bv, cv = self.value(b), self.value(c)
            tags = ta | tb | tc | {"division", "nested division"}
            if self.rng.random() < 0.5:
                if cv == 0 or bv == 0:
                    raise Reject
                return f"({a_text}) / (({b_text}) / ({c_text}))", a / (b / c), tags
            if bv == 0 or cv == 0:
                raise Reject
            return f"(({a_text}) / ({b_text})) / ({c_text})", (a / b) / c, tags
        if kind == "pow":
            n = self.rng.choice([-3, -2, -1, -1, 2, 2, 3])
            if av == 0 and n < 0:
                raise Reject
            # a negative base with a whole exponent, written both ways
            exp_text = f"({n})" if self.rng.random() < 0.5 or n > 0 else f"{n}"
            return f"({a_text})^{exp_text}", a ** n, ta | ({"negative base"} if av < 0 else set())
        if kind == "varpow":
            # a^b with a variable exponent: only where a > 0 (elsewhere the
            # gradient along b does not exist; see the hand-picked cases)
            b_text, b, tb = self.node(depth - 1)
            bv = self.value(b)
            if not (av > 0) or abs(sp.N(bv * sp.log(av))) > 20:
                raise Reject
            self.rational = False
            return f"({a_text})^({b_text})", a ** b, ta | tb
        if kind == "neg":
            return f"-({a_text})", -a, ta
        if kind in ("relu", "abs"):
            if av == 0:
                raise Reject  # a kink
            # away from 0 the function is locally a line: the same branch
            e = (a if av > 0 else sp.Integer(0)) if kind == "relu" else (a if av > 0 else -a)
            return f"{kind}({a_text})", e, ta | {"kinked op"}
        if kind in ("max", "min"):
            b_text, b, tb = self.node(depth - 1)
            bv = self.value(b)
            if sp.N(av - bv, 30) == 0 or abs(sp.N(av - bv)) < 1e-6:
                raise Reject  # a tie
            first = (av > bv) if kind == "max" else (av < bv)
            return f"{kind}({a_text}, {b_text})", (a if first else b), ta | tb | {"kinked op"}
        self.rational = False
        if abs(sp.N(av)) > 30:
            raise Reject  # keep exp and friends in range
        if kind == "exp":
            return f"exp({a_text})", sp.exp(a), ta
        if kind == "ln":
            if not (av > 0):
                raise Reject
            return f"ln({a_text})", sp.log(a), ta
        if kind == "sqrt":
            if not (av > 0):
                raise Reject  # sqrt's slope is infinite at 0
            return f"sqrt({a_text})", sp.sqrt(a), ta
        if kind == "sigmoid":
            return f"sigmoid({a_text})", 1 / (1 + sp.exp(-a)), ta
        return f"tanh({a_text})", sp.tanh(a), ta


def value_text(v):
    return str(v.p) if v.q == 1 else f"{v.p}/{v.q}"


def random_point(rng, names):
    vals = {}
    for n in names:
        p = rng.choice([-3, -2, -1, 1, 2, 3, 0]) if rng.random() < 0.8 else rng.randint(-5, 5)
        q = rng.choice([1, 1, 2, 3, 4])
        vals[n] = sp.Rational(p, q)
    return vals


def random_program(rng):
    """Up to three steps; later steps use earlier names, some more than once."""
    names = rng.sample(VARS, rng.randint(1, 4))
    point = random_point(rng, names)
    env = {n: (SYM[n], point[n]) for n in names}
    gen = Gen(rng, env)
    covered = set()
    steps = []  # (name, text, sympy expression in symbols of vars and steps)
    step_names = ["q", "r"][: rng.randint(0, 2)]
    for s in step_names:
        text, e, tags = gen.node(rng.randint(1, 2))
        covered |= tags
        sym = sp.Symbol(s, real=True)
        v = gen.value(e)
        steps.append((s, text, e))
        env[s] = (sym, v)
    text, e, tags = gen.node(rng.randint(1, 3))
    covered |= tags
    # every step and variable feeds the output (a reused name: q*q)
    for s, _, _ in steps:
        text, e = f"({text}) + ({s})*({s})", e + env[s][0] * env[s][0]
        covered.add("reused step")
    words = set(re.findall(r"[a-z_]\w*", text + " " + " ".join(t for _, t, _ in steps)))
    used = {n for n in names if n in words}
    for n in names:
        if n not in used:
            text, e = f"({text}) + {n}", e + SYM[n]
    steps.append(("f", text, e))
    for family in covered & set(COVERED):
        COVERED[family] += 1
    return names, point, steps, gen.rational


def expected(names, point, steps):
    """Values of every step and df/dv for v a variable or step (holding the
    other nodes fixed: a step's gradient sums the paths through it)."""
    syms = {n: SYM[n] for n in names}
    syms.update({s: sp.Symbol(s, real=True) for s, _, _ in steps})

    # full[s]: step s in the variables only
    full = {}
    for s, _, e in steps:
        full[s] = e.subs({syms[t]: full[t] for t, _, _ in steps if t in full})
    at = {syms[n]: point[n] for n in names}
    out = {}
    f_full = full["f"]
    for s, _, _ in steps:
        out[s] = full[s].subs(at)
    for n in names:
        d = sp.diff(f_full, syms[n]).subs(at)
        out[f"df/d{n}"] = d
    # a step's gradient: f with the later steps written in terms of it
    for k, (s, _, _) in enumerate(steps[:-1]):
        f_s = steps[-1][2]
        for t, _, te in reversed(steps[k + 1 : -1]):
            f_s = f_s.subs(syms[t], te)
        vals = dict(at)
        vals.update({syms[t]: full[t].subs(at) for t, _, _ in steps[: k + 1]})
        out[f"df/d{s}"] = sp.diff(f_s, syms[s]).subs(vals)
    return out


def run_graph(src, point):
    args = [BIN, "graph", src, "--format", "json"]
    if point:
        args += ["--at", ",".join(f"{n}={value_text(v)}" for n, v in point.items())]
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def compare(label, key, want, got, must_be_exact):
    if got is None:
        return ev.verdict(False, label, key, "missing from the JSON results")
    if got["exact"] is not None:
        if not want.is_Rational:
            want = sp.nsimplify(sp.simplify(want))
        ok = want.is_Rational and got["exact"] == value_text(want)
        return ev.verdict(ok, label, key, "exact", got["exact"], "sympy", want)
    if must_be_exact:
        return ev.verdict(False, label, key, "rounded", got["float"], "but sympy gives the rational", want)
    w = float(sp.N(want, 30))
    ok = abs(got["float"] - w) <= 1e-9 * max(1.0, abs(w))
    return ev.verdict(ok, label, key, "float", got["float"], "sympy", w)


def check_case(label, src, names, point, steps, rational):
    code, out, err = run_graph(src, point)
    if code != 0:
        return ev.verdict(False, label, src, "failed:", err.strip())
    res = json.loads(out)["results"]
    want = expected(names, point, steps)
    for key, w in want.items():
        compare(f"{label}: {src} at {point}:", key, w, res.get(key), rational)
    extra = set(res) - set(want)
    if extra:
        ev.verdict(False, label, src, "results sympy did not compute:", sorted(extra))


def hand_picked():
    x, y, w = SYM["x"], SYM["y"], SYM["w"]
    cases = [
        # issue 16: a constant whole exponent of a negative base needs no ln
        ("x^(-1)", {"x": sp.Integer(-3)}, x ** -1),
        ("x^-1", {"x": sp.Integer(-3)}, x ** -1),
        ("(w/x)^(-1)", {"w": sp.Integer(1), "x": sp.Integer(-4)}, (w / x) ** -1),
        ("max(y^(-1), -1)", {"y": sp.Integer(-2)}, y ** -1),  # -1/2 > -1
        ("((-1/2)/y)^(-1)", {"y": sp.Integer(3)}, (sp.Rational(-1, 2) / y) ** -1),
        ("(x - 5)^3 / (y + 1)^(-2)", {"x": sp.Integer(2), "y": sp.Rational(-3, 2)}, (x - 5) ** 3 / (y + 1) ** -2),
    ]
    for src, point, e in cases:
        names = list(point)
        check_case("hand", src, names, point, [("f", src, e)], True)
    # x^y at x = 0, y = 2: f = 0, df/dx = y·x^(y-1) = 0, and 0^b = 0 for b > 0: df/dy = 0
    code, out, err = run_graph("x^y", {"x": sp.Integer(0), "y": sp.Integer(2)})
    res = json.loads(out)["results"] if code == 0 else {}
    for key in ["f", "df/dx", "df/dy"]:
        ev.verdict(res.get(key, {}).get("exact") == "0", "hand x^y at (0, 2)", key, res.get(key), err.strip())
    # x^y at x = -2, y = 3: f = -8, df/dx = 3·(-2)^2 = 12; sympy's df/dy = x^y·log(x) is not real
    code, out, err = run_graph("x^y", {"x": sp.Integer(-2), "y": sp.Integer(3)})
    res = json.loads(out)["results"] if code == 0 else {}
    dy = sp.diff(x ** y, y).subs({x: -2, y: 3})
    ev.verdict(res.get("f", {}).get("exact") == "-8", "hand x^y at (-2, 3): f", res.get("f"))
    ev.verdict(res.get("df/dx", {}).get("exact") == "12", "hand x^y at (-2, 3): df/dx", res.get("df/dx"))
    ev.verdict(
        "df/dy" not in res and not dy.is_real,
        "hand x^y at (-2, 3): df/dy absent; sympy's is not real:",
        sp.N(dy),
    )


def main():
    if not os.path.exists(BIN):
        ev.verdict(False, "no binary at", BIN, "(run cargo build first)")
        ev.finish()
    hand_picked()
    rng = random.Random(SEED)
    for k in range(CASES):
        names, point, steps, rational = random_program(rng)
        src = "; ".join(f"{s} = {t}" for s, t, _ in steps)
        check_case(f"case {k}", src, names, point, steps, rational)
    for family, n in COVERED.items():
        ev.verdict(n >= 20, "coverage:", n, "programs with a", family)
    ev.finish()


if __name__ == "__main__":
    main()
