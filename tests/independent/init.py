#!/usr/bin/env python3
"""Independent recomputation of init/1-2 (plain python3 + fractions).
Prints PASS/FAIL per number against the values shown in the table snapshots
(each shown value must also still occur in tests/snapshots/init-N__table.snap)
and against every value under "results" in the JSON snapshots.

init/2's activation-spread table is random (seed 1). To check it number by number
this file re-implements the generator the Rust code draws from (the training engine's
generator, which init/2 shares): rand_chacha 0.10's ChaCha8Rng::seed_from_u64(s), from the
published algorithms and not from the Rust code: rand_core's seed_from_u64 expands s with
PCG32 (state = state*6364136223846793005 + 11634580027462260723 mod 2^64, then the XSH-RR
output) into eight little-endian u32 words = the 256-bit key; ChaCha with 8 rounds
(RFC 7539 quarter-round, 64-bit block counter from 0, zero nonce) gives the word stream;
next_u64 = w[2k] | w[2k+1] << 32; uniform() = (next_u64 >> 11) * 2^-53; U(lo, hi) =
lo + (hi - lo) * uniform(). The ChaCha code is first checked against RFC 7539's (IETF
draft's) 20-round test vector for the zero key. Then it redoes the stack in Python: inputs
U(-sqrt3, sqrt3) (batch rows of width values), then per layer a fresh width x width W
drawn row-major (row i = input i) from U(-a, a), b = 0, z_j = sum_i a_i W_ij, the
activation, std over all batch x width activations (population std).
It also checks each first-layer value against the large-width expectation."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # common.py, even under python3 -P
from common import Evidence, F  # noqa: E402

ev = Evidence("init")
check, check_json, verdict = ev.check, ev.check_json, ev.verdict

# init/1 (JQ): m = 10, bound 1/sqrt(m) pinned ~0.316228, variance of U(-a, a) = a^2/3 = 1/(3m)
m = 10
check("init/1 sqrt(m)", math.sqrt(m), "3.16228")
check("init/1 bound 1/sqrt(m) (pinned 0.316228)", 1 / math.sqrt(m), "0.316228")
check("init/1 variance", F(1, 3 * m), "1/30")
# variance of U(-a,a) from the definition: (2a)^2/12
a2 = F(1, m)
check("init/1 variance (2a)^2/12", 4 * a2 / 12, "1/30")
check("init/1 m = 4 bound", F(1, 2), "1/2"); assert math.sqrt(4) == 2

# init/2 (CAL): fan_in = fan_out = 64
fi, fo = 64, 64
bounds = {"random small": F(1, 100), "JQ": None, "Xavier": None, "He": None}
check("init/2 random small a", F(1, 100), "1/100")
check("init/2 random small var", F(1, 100) ** 2 / 3, "1/30000")
check("init/2 JQ a = 1/sqrt(64)", F(1, 8), "1/8")
check("init/2 JQ var", F(1, 64) / 3, "1/192")
check("init/2 Xavier a", math.sqrt(6 / (fi + fo)), "0.216506")
check("init/2 Xavier var = 2/(n_in+n_out)", F(6, fi + fo) / 3, "1/64")
check("init/2 He a", math.sqrt(6 / fi), "0.306186")
check("init/2 He var = 2/n_in", F(6, fi) / 3, "1/32")

M64 = (1 << 64) - 1
M32 = (1 << 32) - 1


def chacha_block(key_words, counter, rounds):
    """One 16-word ChaCha block (RFC 7539 layout with a 64-bit counter and a zero 64-bit nonce)."""
    st = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574] + list(key_words) + [counter & M32, counter >> 32, 0, 0]
    x = st[:]

    def rotl(v, c):
        return ((v << c) | (v >> (32 - c))) & M32

    def qr(a, b, c, d):
        x[a] = (x[a] + x[b]) & M32; x[d] = rotl(x[d] ^ x[a], 16)
        x[c] = (x[c] + x[d]) & M32; x[b] = rotl(x[b] ^ x[c], 12)
        x[a] = (x[a] + x[b]) & M32; x[d] = rotl(x[d] ^ x[a], 8)
        x[c] = (x[c] + x[d]) & M32; x[b] = rotl(x[b] ^ x[c], 7)

    for _ in range(rounds // 2):
        qr(0, 4, 8, 12); qr(1, 5, 9, 13); qr(2, 6, 10, 14); qr(3, 7, 11, 15)
        qr(0, 5, 10, 15); qr(1, 6, 11, 12); qr(2, 7, 8, 13); qr(3, 4, 9, 14)
    return [(x[i] + st[i]) & M32 for i in range(16)]


# RFC 7539 / draft-nir-cfrg-chacha20-poly1305-04 test vector 1: ChaCha20, zero key, block 0
v = chacha_block([0] * 8, 0, 20)
verdict(v[:4] == [0xADE0B876, 0x903DF1A0, 0xE56A5D40, 0x28BD8653] and v[15] == 0x8665EEB2,
        "ChaCha20 zero-key test vector (checks the ChaCha code below)")


def pcg32_words(state, n):
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 11634580027462260723) & M64
        xs = (((state >> 18) ^ state) >> 27) & M32
        rot = state >> 59
        out.append(((xs >> rot) | (xs << ((32 - rot) & 31))) & M32)
    return out


class ChaCha8:
    def __init__(self, seed):
        self.key = pcg32_words(seed & M64, 8)  # little-endian bytes of each word = the word itself
        self.counter = 0
        self.buf = []

    def u64(self):
        if not self.buf:
            self.buf = chacha_block(self.key, self.counter, 8)
            self.counter += 1
        lo, hi = self.buf[0], self.buf[1]
        self.buf = self.buf[2:]
        return lo | (hi << 32)

    def uniform(self):
        return (self.u64() >> 11) * 2.0 ** -53

    def range(self, lo, hi):
        return lo + (hi - lo) * self.uniform()


def spread(width, depth, batch, a, act, seed):
    rng = ChaCha8(seed)
    r3 = math.sqrt(3)
    x = [[rng.range(-r3, r3) for _ in range(width)] for _ in range(batch)]
    out = []
    for _ in range(depth):
        W = [[rng.range(-a, a) for _ in range(width)] for _ in range(width)]  # W[i][j]: input i -> unit j
        nx = []
        for row in x:
            r = []
            for j in range(width):
                z = 0.0
                for i in range(width):
                    z += row[i] * W[i][j]
                r.append(math.tanh(z) if act == "tanh" else max(z, 0.0))
            nx.append(r)
        x = nx
        allv = [v for r in x for v in r]
        mean = sum(allv) / len(allv)
        out.append(math.sqrt(sum((v - mean) ** 2 for v in allv) / len(allv)))
    return out

shown = {
    ("random small", "tanh"): ("0.0461371", "9.94952e-09", "4.27762e-14"),
    ("random small", "relu"): ("0.0267442", "7.13372e-10", "1.17627e-15"),
    ("JQ", "tanh"): ("0.460051", "0.0277436", "0.00290934"),
    ("JQ", "relu"): ("0.334302", "0.0027213", "0.000109549"),
    ("Xavier", "tanh"): ("0.62742", "0.295995", "0.220975"),
    ("Xavier", "relu"): ("0.579028", "0.073475", "0.0266204"),
    ("He", "tanh"): ("0.720938", "0.557558", "0.541925"),
    ("He", "relu"): ("0.818869", "0.5878", "0.851852"),
}
avals = {"random small": 0.01, "JQ": 1 / math.sqrt(64), "Xavier": math.sqrt(6 / 128), "He": math.sqrt(6 / 64)}
for (sch, act), (s1, s6, s10) in shown.items():
    st = spread(64, 10, 32, avals[sch], act, 1)
    check(f"init/2 {sch} {act} layer 1", st[0], s1)
    check(f"init/2 {sch} {act} layer 6", st[5], s6)
    check(f"init/2 {sch} {act} layer 10", st[9], s10)

# Sanity against theory (not to 6 digits): first layer with unit-variance inputs, Var z = n a^2/3.
# ReLU: std(relu(N(0, s^2))) = s*sqrt(1/2 - 1/(2 pi)); tanh: std of tanh(N(0, s^2)) by quadrature.
def tanh_std(sd):
    n = 4000; acc = 0.0; lo, hi = -8.0, 8.0; h = (hi - lo) / n
    for i in range(n + 1):
        u = lo + i * h
        wgt = (0.5 if i in (0, n) else 1.0) * h * math.exp(-u * u / 2) / math.sqrt(2 * math.pi)
        acc += wgt * math.tanh(sd * u) ** 2
    return math.sqrt(acc)
for (sch, act), (s1, _, _) in shown.items():
    sd = math.sqrt(64 * avals[sch] ** 2 / 3)
    th = sd * math.sqrt(0.5 - 1 / (2 * math.pi)) if act == "relu" else tanh_std(sd)
    ok = abs(float(s1) / th - 1) < 0.1
    verdict(ok, f"init/2 {sch} {act} layer 1 within 10% of theory {th:.4g} (shown {s1})")

# JSON results
check_json("init-1", {"bound": 1 / math.sqrt(10), "variance": F(1, 30)})
check_json("init-2", {"var random small": F(1, 30000), "var JQ U(-1/√m, 1/√m)": F(1, 192),
                      "var Xavier / Glorot": F(1, 64), "var He": F(1, 32)})

ev.finish()
