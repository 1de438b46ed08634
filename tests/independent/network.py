#!/usr/bin/env python3
"""Independent recomputation of network/1-3 (plain python3).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/network-N__table.snap)
and against every value under "results" in the JSON snapshots."""
from fractions import Fraction as F
import re
fails = 0

import glob as _glob, os as _os0
_TABLES = "".join(open(p).read() for p in _glob.glob(_os0.path.join(_os0.path.dirname(_os0.path.abspath(__file__)), "..", "snapshots", "network-*__table.snap")))
def _in_table(shown):
    s = re.sub(r"e-0(\d)", r"e-\1", shown.split(" ")[0])
    return s in _TABLES

def check(label, got, shown):
    global fails
    ok = str(got) == shown
    if not _in_table(str(shown)):
        print("FAIL", label, "shown value not found in the table snapshots:", shown)
        ok = False
    print(("PASS" if ok else "FAIL"), label, "independent:", got, "shown:", shown)
    if not ok:
        fails += 1

# ---- JSON results: every value under "results" in the json snapshot, against the
# values computed independently in this file (exact ones must be exact and equal, rounded ones
# must have exact = null and agree to 1e-9 relative).
import json as _json, os as _os
def check_json(example, expected):
    global fails
    path = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "snapshots", example + "__json.snap")
    res = _json.loads(open(path).read().split("---\n", 2)[2])["results"]
    for key in res:
        if key not in expected:
            print("FAIL", example, "json result not checked:", key); fails += 1
    for key, want in expected.items():
        got = res.get(key)
        if got is None:
            print("FAIL", example, "json result missing:", key); fails += 1; continue
        if isinstance(want, F):
            s = str(want.numerator) if want.denominator == 1 else f"{want.numerator}/{want.denominator}"
            ok = got["exact"] == s and abs(got["float"] - float(want)) <= 1e-12 * max(1, abs(float(want)))
        else:
            ok = got["exact"] is None and abs(got["float"] - want) <= 1e-9 * max(1e-300, abs(want)) + 1e-300
        print(("PASS" if ok else "FAIL"), example, "json", key, "independent:", want, "json:", got)
        fails += 0 if ok else 1


def counts(sizes):
    rows = [(a * b, b, (a + 1) * b) for a, b in zip(sizes, sizes[1:])]
    return rows, sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows)

# network/1 (JQ): 784-10-14-10, pinned weights 8120, biases 34, total 8154
rows, W, B, T = counts([784, 10, 14, 10])
for l, (r, s) in enumerate(zip(rows, [("7840", "10", "7850"), ("140", "14", "154"), ("140", "10", "150")]), 1):
    for lab, v, sh in zip(("weights", "biases", "(n_in+1)n_out"), r, s):
        check(f"network/1 layer {l} {lab}", v, sh)
check("network/1 weights (pinned 8,120)", W, "8120")
check("network/1 biases (pinned 34)", B, "34")
check("network/1 total (pinned 8,154)", T, "8154")
check("network/1 JQ's sum 784x10 + 10x14 + 14x10", 784 * 10 + 10 * 14 + 14 * 10, "8120")

# network/2 (PKU): nn.Linear(784,512), nn.Linear(512,512), nn.Linear(512,10); pinned 669,706
rows, W, B, T = counts([28 * 28, 512, 512, 10])
for l, (r, s) in enumerate(zip(rows, [("401408", "512", "401920"), ("262144", "512", "262656"), ("5120", "10", "5130")]), 1):
    for lab, v, sh in zip(("weights", "biases", "(n_in+1)n_out"), r, s):
        check(f"network/2 layer {l} {lab}", v, sh)
check("network/2 weights", W, "668672")
check("network/2 biases", B, "1034")
check("network/2 total (pinned 669,706)", T, "669706")

# network/3: shapes for 3-4-2; column W(l) is n_out x n_in (NNDL W(l) in R^(M_l x M_(l-1))), row is n_in x n_out (JQ m x n)
sizes = [3, 4, 2]
shown = [("4×3 · 3×1 + 4×1 → 4×1", "1×3 · 3×4 + 1×4 → 1×4"), ("2×4 · 4×1 + 2×1 → 2×1", "1×4 · 4×2 + 1×2 → 1×2")]
for l, (m, n) in enumerate(zip(sizes, sizes[1:]), 1):
    col = f"{n}×{m} · {m}×1 + {n}×1 → {n}×1"
    row = f"1×{m} · {m}×{n} + 1×{n} → 1×{n}"
    check(f"network/3 layer {l} column shapes", col, shown[l - 1][0])
    check(f"network/3 layer {l} row shapes", row, shown[l - 1][1])
    # inner dimensions agree, so the products are defined
    ok = (col.split(" · ")[0].split("×")[1] == col.split(" · ")[1].split("×")[0]) and (row.split(" · ")[0].split("×")[1] == row.split(" · ")[1].split("×")[0])
    print(("PASS" if ok else "FAIL"), f"network/3 layer {l} inner dimensions match"); fails += 0 if ok else 1

# JSON results
check_json("network-1", {"weights": F(8120), "biases": F(34), "total": F(8154)})
check_json("network-2", {"weights": F(668672), "biases": F(1034), "total": F(669706)})
check_json("network-3", {"W(1) rows (column)": F(4), "W(1) rows (row)": F(3), "W(2) rows (column)": F(2), "W(2) rows (row)": F(4)})

print("network:", "ALL PASS" if fails == 0 else f"{fails} FAIL")
