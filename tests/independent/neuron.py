#!/usr/bin/env python3
"""Independent recomputation of neuron/1-3 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/neuron-N__table.snap)
and against every value under "results" in the JSON snapshots."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, NUMBER_FLOAT_WHOLE  # noqa: E402

ev = Evidence("neuron", compare=NUMBER_FLOAT_WHOLE)
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

sig = lambda z: 1 / (1 + math.exp(-z))

# neuron/1: x=3, w=1/2, b=-1
x, w, b = F(3), F(1, 2), F(-1)
z = w * x + b
check("neuron/1 z", z, "1/2")
check("neuron/1 a", sig(float(z)), "0.622459")

# neuron/2: x=2, w=1/2, b=-1, y=1 (MS §2); pinned dz=-1/2, dw=-1, db=-1/2
x, w, b, y = F(2), F(1, 2), F(-1), F(1)
z = w * x + b
check("neuron/2 z", z, "0")
a = F(1, 2)  # sigma(0) exactly
assert z == 0
check("neuron/2 a", a, "1/2")
L = -(float(y) * math.log(a) + float(1 - y) * math.log(1 - a))
check("neuron/2 L", L, "0.693147")
dLda = -y / a + (1 - y) / (1 - a)
check("neuron/2 dL/da", dLda, "-2")
dadz = a * (1 - a)
check("neuron/2 da/dz", dadz, "1/4")
check("neuron/2 dz", dLda * dadz, "-1/2")
check("neuron/2 dz simplified", a - y, "-1/2")
check("neuron/2 dw", x * (a - y), "-1")
check("neuron/2 db", a - y, "-1/2")
# finite differences of L (independent of the formulas)
def Lf(w_, b_):
    aa = sig(w_ * 2 + b_)
    return -math.log(aa)
h = 1e-6
check("neuron/2 FD dw", (Lf(0.5 + h, -1) - Lf(0.5 - h, -1)) / (2 * h), "-1")
check("neuron/2 FD db", (Lf(0.5, -1 + h) - Lf(0.5, -1 - h)) / (2 * h), "-0.5")

# neuron/3: GD loop, lr=1, 5 steps from the neuron/2 point
rows = [
    ("0.5", "-1", "0.5", "0.693147", "-1", "-0.5", "1.5", "-0.5"),
    ("1.5", "-0.5", "0.924142", "0.0788897", "-0.151716", "-0.0758582", "1.65172", "-0.424142"),
    ("1.65172", "-0.424142", "0.946813", "0.0546535", "-0.106374", "-0.0531868", "1.75809", "-0.370955"),
    ("1.75809", "-0.370955", "0.95872", "0.042156", "-0.0825597", "-0.0412798", "1.84065", "-0.329675"),
    ("1.84065", "-0.329675", "0.966158", "0.0344279", "-0.067684", "-0.033842", "1.90833", "-0.295833"),
]
x, y, lr = 2.0, 1.0, 1.0
w, b = 0.5, -1.0
prevL = None
for i, row in enumerate(rows, 1):
    a = sig(w * x + b)
    L = -(y * math.log(a) + (1 - y) * math.log(1 - a))
    dw, db = x * (a - y), a - y
    nw, nb = w - lr * dw, b - lr * db
    for lab, v, s in zip(("w", "b", "a", "L", "dw", "db", "new w", "new b"), (w, b, a, L, dw, db, nw, nb), row):
        check(f"neuron/3 step {i} {lab}", v, s)
    if prevL is not None and not L < prevL:
        verdict(False, "neuron/3 loss does not fall at step", i)
    prevL = L
    w, b = nw, nb

# JSON results
check_json("neuron-1", {"z": F(1, 2), "a": sig(0.5)})
check_json("neuron-2", {"z": F(0), "a": F(1, 2), "L": math.log(2), "dL/da": F(-2), "da/dz": F(1, 4),
                        "dz": F(-1, 2), "dw": F(-1), "db": F(-1, 2)})
w, b, Ls = 0.5, -1.0, []
for i in range(5):
    a = sig(2 * w + b); Ls.append(-math.log(a))
    w, b = w - 2 * (a - 1), b - (a - 1)
exp3 = {f"L_{i+1}": Ls[i] for i in range(5)}
exp3["L_1"] = math.log(2)
exp3.update({"w": w, "b": b})
check_json("neuron-3", exp3)

# neuron/3's figure: L at steps 1-5, and (w, b) before steps 1-5 and after step 5 (the loop above, again)
import json  # noqa: E402
from common import json_snapshot_text  # noqa: E402
fig = [b for b in json.loads(json_snapshot_text("neuron-3"))["blocks"] if b.get("type") == "figure"]
w, b, traj = 0.5, -1.0, [(0.5, -1.0)]
for i in range(5):
    a = sig(2 * w + b)
    w, b = w - 2 * (a - 1), b - (a - 1)
    traj.append((w, b))
ok = len(fig) == 1 and len(fig[0]["panels"]) == 2
if ok:
    (lp,), (wp, bp) = (p["series"] for p in fig[0]["panels"])
    close = lambda got, want: len(got) == len(want) and all(  # noqa: E731
        g[0] == k + 1 and abs(g[1] - v) <= 1e-12 * max(1, abs(v)) for k, (g, v) in enumerate(zip(got, want)))
    ok = close(lp["points"], Ls) and close(wp["points"], [t[0] for t in traj]) and close(bp["points"], [t[1] for t in traj])
verdict(ok, "neuron/3 figure: L_1..L_5 and w, b before each step and after the last, recomputed")

ev.finish()
