#!/usr/bin/env python3
"""Independent recomputation of approximation/2 (plain python3): PKU's
f_theta(x) = phi(sum_i c_i phi(w_i x + b_i) + c_0) with the hidden ReLUs drawing the
broken line through knots k_i = i/n. Here the broken line is evaluated by plain
linear interpolation between the knots (not as a sum of ReLUs), then the outer phi
is applied; errors are maxima over 1,001 points of [0, 1]. Checks every error of
the two tables and every value under "results" in the JSON snapshot."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence  # noqa: E402

ev = Evidence("approximation")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict


def interp(h, n, x):
    """The broken line through (i/n, h(i/n)), i = 0..n, at x in [0, 1]."""
    i = min(int(x * n), n - 1)
    k0, k1 = i / n, (i + 1) / n
    return h(k0) + (h(k1) - h(k0)) * (x - k0) * n


wave = lambda x: math.sin(2 * math.pi * x)
inside = lambda x: 0.5 + 0.4 * wave(x)
logit = lambda p: math.log(p / (1 - p))
sigma = lambda z: 1 / (1 + math.exp(-z))
relu = lambda z: max(0.0, z)
grid = [i / 1000 for i in range(1001)]

expected = {}
for n in [1, 2, 4, 8, 16, 32, 64]:
    e_id = max(abs(wave(x) - interp(wave, n, x)) for x in grid)
    e_relu = max(abs(wave(x) - relu(interp(wave, n, x))) for x in grid)
    e_sig = max(abs(inside(x) - sigma(interp(lambda t: logit(inside(t)), n, x))) for x in grid)
    check(f"approximation/2 n={n} identity-outside error", e_id, f"{e_id:.6g}")
    check(f"approximation/2 n={n} ReLU-outside error", e_relu, f"{e_relu:.6g}")
    check(f"approximation/2 n={n} sigma-outside error", e_sig, f"{e_sig:.6g}")
    check(f"approximation/2 n={n} sigma error x n^2", e_sig * n * n, f"{e_sig * n * n:.6g}")
    verdict(e_relu >= 1 - 1e-12, f"approximation/2 n={n}: ReLU outside never reaches sin(2pi x) = -1 (error {e_relu:.6g})")
    expected[f"relu error n={n}"] = e_relu
    expected[f"sigmoid error n={n}"] = e_sig
ratios = [expected[f"sigmoid error n={n}"] / expected[f"sigmoid error n={2 * n}"] for n in [16, 32]]
verdict(all(3.5 < q < 4.5 for q in ratios), f"approximation/2 from n = 16 on, doubling n divides the sigma-outside error by about 4: {ratios}")
check_json("approximation-2", expected)

ev.finish()
