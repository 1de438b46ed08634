#!/usr/bin/env python3
"""Independent recomputation of forward/1-3 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/forward-N__table.snap)
and against every value under "results" in the JSON snapshots."""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, json_snapshot_text  # noqa: E402

ev = Evidence("forward")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

relu = lambda z: max(F(0), z)

# forward/1: column convention, CAL 2-2-1 (CAL: x_j^2 = f(sum_i w_ij^1 x_i^1 + b_j^1), 0-based, input i -> hidden j)
x = [F(1), F(2)]
# CAL-style weights w1[i][j] (input i -> hidden j), 0-based, from the snapshot's W(1)_(j+1,i+1)
cal_w1 = {(0, 0): F(1), (1, 0): F(-1, 2), (0, 1): F(1, 2), (1, 1): F(1)}
cal_b1 = [F(1, 4), F(-1)]
cal_w2 = {(0, 0): F(2), (1, 0): F(-1)}
cal_b2 = [F(1, 2)]
u = [sum(x[i] * cal_w1[(i, j)] for i in range(2)) + cal_b1[j] for j in range(2)]  # CAL's u0, u1
h = [relu(v) for v in u]
u2 = sum(h[j] * cal_w2[(j, 0)] for j in range(2)) + cal_b2[0]
for lab, v, s in [("z(1)_1", u[0], "1/4"), ("z(1)_2", u[1], "3/2"), ("a(1)_1", h[0], "1/4"), ("a(1)_2", h[1], "3/2"),
                  ("z(2)_1", u2, "-1/2"), ("a(2)_1", u2, "-1/2")]:
    check("forward/1 " + lab, v, s)
# the column matrix as the table lists it: W(1) = [[w1_11, w1_12], [w1_21, w1_22]] = [[1, -1/2], [1/2, 1]]
W1 = [[F(1), F(-1, 2)], [F(1, 2), F(1)]]
for j in range(2):
    for i in range(2):
        ok = W1[j][i] == cal_w1[(i, j)]
        verdict(ok, f"forward/1 W(1)_({j+1},{i+1}) is CAL w^1_({i},{j})")

# forward/2: JQ row convention h = f(h W + b), W in x out: W(1) row = transpose of column W(1)
W1r = [[F(1), F(1, 2)], [F(-1, 2), F(1)]]  # w1_11, w1_12 / w1_21, w1_22 as listed in forward/2
W2r = [[F(2)], [F(-1)]]
b1 = [F(1, 4), F(-1)]; b2 = [F(1, 2)]
z1 = [sum(x[i] * W1r[i][j] for i in range(2)) + b1[j] for j in range(2)]
a1 = [relu(v) for v in z1]
z2 = [sum(a1[i] * W2r[i][j] for i in range(2)) + b2[j] for j in range(1)]
for lab, v, s in [("z(1)_1", z1[0], "1/4"), ("z(1)_2", z1[1], "3/2"), ("a(1)_1", a1[0], "1/4"), ("a(1)_2", a1[1], "3/2"),
                  ("z(2)_1", z2[0], "-1/2"), ("a(2)_1", z2[0], "-1/2")]:
    check("forward/2 " + lab, v, s)
ok = all(W1r[i][j] == W1[j][i] for i in range(2) for j in range(2)) and z2[0] == u2
verdict(ok, "forward/2 W(1) is the transpose of forward/1's and the outputs agree")

# forward/3: PKU output layers, z_k = sum_j a_j w_jk + b_k
a = [F(1), F(2)]
z = a[0] * F(1, 2) + a[1] * F(-1, 4) + 0
check("forward/3 sigmoid z", z, "0")
check("forward/3 sigmoid p", F(1, 2) if z == 0 else 1 / (1 + math.exp(-z)), "1/2")
check("forward/3 regression f", z, "0")
V = [[F(1), F(0), F(-1)], [F(0), F(1, 2), F(1)]]  # v_jk, j = input, k = output
c = [F(0), F(0), F(-1)]
zk = [a[0] * V[0][k] + a[1] * V[1][k] + c[k] for k in range(3)]
for k, s in enumerate(["1", "1", "0"]):
    check(f"forward/3 softmax z_{k+1}", zk[k], s)
den = sum(math.exp(v) for v in zk)
for k, s in enumerate(["0.422319", "0.422319", "0.155362"]):
    check(f"forward/3 softmax p_{k+1}", math.exp(zk[k]) / den, s)
ok = abs(sum(math.exp(v) / den for v in zk) - 1) < 1e-15
verdict(ok, "forward/3 softmax sums to 1")

# forward/3 JSON results: each probability under its own name (the sigmoid's p(y=1|x) is 1/2,
# the softmax's p(y=1|x) is e/(2e+1)); a JSON object keeps only the last of two equal keys.
pairs = []
json.loads(json_snapshot_text("forward-3"), object_pairs_hook=lambda p: (pairs.append([k for k, _ in p]), dict(p))[1])
res = json.loads(json_snapshot_text("forward-3"))["results"]
dups = [k for keys in pairs for k in set(keys) if keys.count(k) > 1]
verdict(not dups, "forward/3 json: no repeated keys", dups)
sig_key = [k for k in res if k.startswith("sigmoid")]
verdict(len(sig_key) == 1 and res[sig_key[0]]["exact"] == "1/2", "forward/3 json: sigmoid p(y=1|x) = 1/2 exact", sig_key)
for k in range(3):
    key = f"softmax p(y={k+1}|x)"
    got = res.get(key, {}).get("float")
    verdict(got is not None and abs(got - math.exp(zk[k]) / den) < 1e-15, f"forward/3 json: {key} = {math.exp(zk[k]) / den:.6g}")

# JSON results (forward/3's are checked above)
for ex in ("forward-1", "forward-2"):
    check_json(ex, {"z(1)_1": F(1, 4), "z(1)_2": F(3, 2), "a(1)_1": F(1, 4), "a(1)_2": F(3, 2), "z(2)_1": F(-1, 2), "a(2)_1": F(-1, 2)})
check_json("forward-3", {"sigmoid p(y=1|x)": F(1, 2), "f(x)": F(0),
                         **{f"softmax p(y={k+1}|x)": math.exp(zk[k]) / den for k in range(3)}})

# forward/4: PKU's four layers (Layer 1 = input), scalar form z_i^(L+1) = sum_j w_ji^(L) a_j^(L) + b_i^(L),
# ReLU in Layers 2 and 3, sigmoid output p(y=1|x) in Layer 4. Weights keyed as PKU writes them: w[L][(j, i)].
w = {1: {(1, 1): F(1), (2, 1): F(1, 2), (1, 2): F(-1), (2, 2): F(1), (1, 3): F(1), (2, 3): F(-1)},
     2: {(1, 1): F(1, 2), (2, 1): F(1), (3, 1): F(1), (1, 2): F(1), (2, 2): F(-2), (3, 2): F(1)},
     3: {(1, 1): F(2), (2, 1): F(1)}}
b = {1: [F(0), F(-1, 2), F(1, 2)], 2: [F(-1), F(0)], 3: [F(-1)]}
act = [F(1), F(2)]  # a^(1) = x
e4 = {}
shown4 = {2: (["2", "1/2", "-1/2"], ["2", "1/2", "0"]), 3: (["1/2", "1"], ["1/2", "1"]), 4: (["1"], ["0.731059"])}
for L in (1, 2, 3):
    n_out = len(b[L])
    zs = [sum(w[L][(j + 1, i + 1)] * act[j] for j in range(len(act))) + b[L][i] for i in range(n_out)]
    if L < 3:
        acts = [relu(z) for z in zs]
    else:
        acts = [1 / (1 + math.exp(-float(z))) for z in zs]
    for i in range(n_out):
        check(f"forward/4 z({L+1})_{i+1}", zs[i], shown4[L + 1][0][i])
        check(f"forward/4 a({L+1})_{i+1}", acts[i], shown4[L + 1][1][i])
        e4[f"z({L+1})_{i+1}"] = zs[i]; e4[f"a({L+1})_{i+1}"] = acts[i]
    act = acts
verdict(abs(act[0] - 0.7310585786300049) < 1e-15, "forward/4 p(y=1|x) = sigma(1)")
check_json("forward-4", e4)

ev.finish()
