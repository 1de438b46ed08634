#!/usr/bin/env python3
"""Independent recomputation of network/1-3 (plain python3).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/network-N__table.snap)
and against every value under "results" in the JSON snapshots."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F, TEXT  # noqa: E402

ev = Evidence("network", compare=TEXT)
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

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
    verdict(ok, f"network/3 layer {l} inner dimensions match")

# JSON results
check_json("network-1", {"weights": F(8120), "biases": F(34), "total": F(8154)})
check_json("network-2", {"weights": F(668672), "biases": F(1034), "total": F(669706)})
check_json("network-3", {"W(1) rows (column)": F(4), "W(1) rows (row)": F(3), "W(2) rows (column)": F(2), "W(2) rows (row)": F(4)})

ev.finish()
