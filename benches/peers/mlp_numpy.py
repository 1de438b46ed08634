#!/usr/bin/env python3
"""Peer benchmark: one epoch of mini-batch SGD on an MLP, in numpy.

Same work as nn-tutor's training benchmark, so the two can be timed one after
the other on the same machine:
  784-512-512-10, ReLU hidden layers, softmax cross-entropy, batch 100,
  55,000 synthetic MNIST-shaped samples (pixels uniform in [0, 1), labels 0-9),
  float32, plain SGD with learning rate 0.1, initialisation He-uniform.

Usage:
  python3 -m pip install numpy
  python3 benches/peers/mlp_numpy.py [--sizes 784,512,512,10] [--samples 55000] [--batch 100] [--epochs 1]

Prints the epoch time, samples per second and GFLOP/s (6 * sum(n_in * n_out)
floating-point operations per sample: forward, gradient of W, gradient of a).
On machines that set OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, unset both for the
run to let OpenBLAS pick its fastest kernel.
"""
import argparse
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="784,512,512,10")
    p.add_argument("--samples", type=int, default=55000)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    rng = np.random.default_rng(a.seed)
    x = rng.random((a.samples, sizes[0]), dtype=np.float32)
    y = rng.integers(0, sizes[-1], a.samples)
    W = [rng.uniform(-1, 1, (m, n)).astype(np.float32) * np.float32(np.sqrt(6.0 / m))
         for m, n in zip(sizes[:-1], sizes[1:])]
    b = [np.zeros(n, np.float32) for n in sizes[1:]]
    lr = np.float32(a.lr)
    flops_per_sample = 6 * sum(m * n for m, n in zip(sizes[:-1], sizes[1:]))
    for epoch in range(a.epochs):
        order = rng.permutation(a.samples)
        t0 = time.perf_counter()
        loss_sum = 0.0
        for start in range(0, a.samples, a.batch):
            idx = order[start:start + a.batch]
            acts = [x[idx]]
            for l in range(len(W)):
                z = acts[-1] @ W[l] + b[l]
                acts.append(np.maximum(z, 0) if l < len(W) - 1 else z)
            logits = acts[-1]
            logits = logits - logits.max(axis=1, keepdims=True)
            e = np.exp(logits)
            prob = e / e.sum(axis=1, keepdims=True)
            n = len(idx)
            loss_sum += float(-np.log(prob[np.arange(n), y[idx]] + 1e-12).sum())
            delta = prob
            delta[np.arange(n), y[idx]] -= 1
            delta /= n
            for l in reversed(range(len(W))):
                gW = acts[l].T @ delta
                gb = delta.sum(axis=0)
                if l > 0:
                    delta = (delta @ W[l].T) * (acts[l] > 0)
                W[l] -= lr * gW
                b[l] -= lr * gb
        dt = time.perf_counter() - t0
        print(f"epoch {epoch + 1}: {dt:.3f} s, {a.samples / dt:,.0f} samples/s, "
              f"{flops_per_sample * a.samples / dt / 1e9:.1f} GFLOP/s, "
              f"mean loss {loss_sum / a.samples:.4f}")


if __name__ == "__main__":
    main()
