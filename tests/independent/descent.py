#!/usr/bin/env python3
"""Independent recomputation of gradient-descent/4 (plain python3, integers only).
Batch / epoch / iteration arithmetic (JQ): N = 55,000 training samples, B = 100 gives
ceil(N/B) = 550 iterations per epoch, indexed 0-549 (pinned); a B that does not divide N
(128) leaves a last batch of N - (ceil(N/B) - 1) * B samples. Checks the table and JSON
results, and every point of the figure (iterations per epoch against B): each point is
(B, ceil(N/B)) for every whole B from 50 to 256 (half the smaller chosen batch to twice
the larger), and each chosen B has a vertical marker from 0 up to the curve."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, json_snapshot_text  # noqa: E402

ev = Evidence("gradient-descent")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict


def ceil_div(n, b):
    return -(-n // b)


N = 55000
expected = {}
for b, key in [(100, ""), (128, " (other batch)")]:
    it = ceil_div(N, b)
    last = N - (it - 1) * b
    assert 0 < last <= b and (it - 1) * b < N <= it * b  # the definition of the ceiling
    check(f"gradient-descent/4 B = {b} iterations per epoch", F(it), str(it))
    check(f"gradient-descent/4 B = {b} last batch", F(last), str(last))
    verdict(f"| 0-{it - 1} in every epoch |" in ev.tables, f"gradient-descent/4 B = {b} indices 0-{it - 1} shown")
    expected[f"iterations per epoch{key}"] = F(it)
    expected[f"last index{key}"] = F(it - 1)
    expected[f"last batch{key}"] = F(last)
verdict(expected["iterations per epoch"] == 550 and expected["last index"] == 549,
        "gradient-descent/4 pinned: 550 iterations per epoch, indexed 0-549")
verdict(expected["last batch (other batch)"] == 88, "gradient-descent/4 B = 128: 429 full batches, 88 left (55000 - 54912)")
check_json("gradient-descent-4", expected)

doc = json.loads(json_snapshot_text("gradient-descent-4"))
figs = [b for b in doc["blocks"] if b.get("type") == "figure"]
verdict(len(figs) == 1 and len(figs[0]["panels"]) == 1, "gradient-descent/4 has one figure with one panel")
series = figs[0]["panels"][0]["series"]
curve = series[0]["points"]
verdict([p[0] for p in curve] == list(range(50, 257)), "gradient-descent/4 curve at every B from 50 to 256")
bad = [p for p in curve if p[1] != ceil_div(N, int(p[0]))]
verdict(not bad, "gradient-descent/4 every curve point is (B, ceil(55000/B))", bad[:3])
for s, b in zip(series[1:], [100, 128]):
    it = ceil_div(N, b)
    verdict(s["points"] == [[b, 0], [b, it]] and s["label"] == f"B = {b}: {it} iterations",
            f"gradient-descent/4 marker at B = {b} from 0 to {it}", s["label"])

ev.finish()
