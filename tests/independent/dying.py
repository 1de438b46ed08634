#!/usr/bin/env python3
"""Independent recomputation of dying-relu/1 (plain python3, floats).
NNDL's dying ReLU: a 1-1-1 network a = f(w1 x + b1), y^ = w2 a + b2 starts at
w1 = w2 = 1, b1 = b2 = 0 (it fits y = x on x = 0.5, 1, 1.5, 2), takes one SGD
step on an outlier x = 5 with target 0 (loss 1/2 (y^ - y)^2, alpha = 0.15),
then full-batch gradient descent (the mean of the four samples' gradients) for
40 epochs, once with ReLU and once with Leaky ReLU (gamma = 0.1). Every number
of the epoch table and the JSON results is recomputed; the dead network's
floor is the mean 1.25 of y: (1/4) sum 1/2 (y - 1.25)^2 = 0.15625."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F  # noqa: E402

ev = Evidence("dying-relu")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

XS = [0.5, 1.0, 1.5, 2.0]
OUTLIER, LR = 5.0, 0.15


def train(gamma):
    f = lambda z: z if z > 0 else gamma * z  # noqa: E731
    fp = lambda z: 1.0 if z > 0 else gamma  # noqa: E731
    w1, b1, w2, b2 = 1.0, 0.0, 1.0, 0.0
    # the outlier step: dL/dy^ = y^ - 0
    z = w1 * OUTLIER + b1
    a = f(z)
    e = w2 * a + b2
    d = e * w2 * fp(z)
    w1, b1, w2, b2 = w1 - LR * d * OUTLIER, b1 - LR * d, w2 - LR * e * a, b2 - LR * e
    after = (w1, b1)
    rows = []
    for _ in range(40):
        loss, gw1, gb1, gw2, gb2, zmax = 0.0, 0.0, 0.0, 0.0, 0.0, -math.inf
        for x in XS:
            z = w1 * x + b1
            a = f(z)
            e = w2 * a + b2 - x
            loss += e * e / 2
            gw1 += e * w2 * fp(z) * x
            gb1 += e * w2 * fp(z)
            gw2 += e * a
            gb2 += e
            zmax = max(zmax, z)
        n = len(XS)
        rows.append((zmax, math.hypot(gw1 / n, gb1 / n), loss / n))
        w1, b1, w2, b2 = w1 - LR * gw1 / n, b1 - LR * gb1 / n, w2 - LR * gw2 / n, b2 - LR * gb2 / n
    return after, rows


(rw1, rb1), relu = train(0.0)
_, leaky = train(0.1)
verdict((rw1, rb1) == (-2.75, -0.75), "dying-relu/1 after the outlier: w1 = 1 - 0.15*5*5 = -2.75, b1 = -0.15*5 = -0.75")
verdict("After the outlier step: w1 = -2.75, b1 = -0.75" in ev.tables, "dying-relu/1 the outlier step is shown")
shown = {}
for line in ev.tables.splitlines():
    cells = [c.strip() for c in line.split("|")[1:-1]]
    if len(cells) == 7 and cells[0].isdigit():
        shown[int(cells[0])] = cells[1:]
epochs = [e for e in range(1, 41) if e <= 3 or e % 5 == 0]
verdict(sorted(shown) == epochs, "dying-relu/1 rows shown for epochs", epochs)
for e in epochs:
    want = relu[e - 1] + leaky[e - 1]
    for col, (name, got) in enumerate(zip(["ReLU max z", "ReLU grad", "ReLU loss", "Leaky max z", "Leaky grad", "Leaky loss"], want)):
        check(f"dying-relu/1 epoch {e} {name}", got, shown.get(e, ["?"] * 6)[col])
verdict(all(g == 0.0 and z < 0 for z, g, _ in relu), "dying-relu/1 ReLU: gradient 0 and z < 0 in all 40 epochs")
verdict(all(z < 0 for z, _, _ in leaky), "dying-relu/1 Leaky: max z < 0 in every epoch (never fires)")
floor = sum((y - 1.25) ** 2 / 2 for y in XS) / 4
verdict(floor == 0.15625 and all(l >= floor for _, _, l in relu), "dying-relu/1 ReLU loss never below the mean's 0.15625")
verdict(leaky[-1][2] < relu[-1][2], "dying-relu/1 Leaky ends below ReLU")
check_json("dying-relu-1", {
    "relu dead in all epochs": F(1),
    "leaky fires again in epoch": F(0),
    "relu loss, last epoch": relu[-1][2],
    "leaky loss, last epoch": leaky[-1][2],
})
ev.finish()
