"""Ensemble arithmetic used during and after training: member weights, temperature, thresholds, metrics."""
import itertools

import numpy as np


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def nll(probabilities, labels):
    return float(-np.mean(np.log(np.clip(probabilities[np.arange(len(labels)), labels], 1e-12, 1.0))))


def accuracy(probabilities, labels):
    return float(np.mean(probabilities.argmax(axis=1) == labels))


def balanced_accuracy(probabilities, labels):
    predicted = probabilities.argmax(axis=1)
    return float(np.mean([np.mean(predicted[labels == k] == k) for k in np.unique(labels)]))


def combine(member_probabilities, weights):
    weights = np.asarray(weights, dtype=np.float64)
    weights = weights / weights.sum()
    return sum(w * p for w, p in zip(weights, member_probabilities))


def group_nll(probabilities, labels, groups):
    """Mean over (class, source) groups of the NLL inside each group: every source of a class counts alike,
    so the 443 SIIM COVID films do not outvote the 84 web ones when epochs, weights and temperatures are chosen."""
    keys = sorted(set(zip(labels.tolist(), groups.tolist())))
    return float(np.mean([nll(probabilities[(labels == k) & (groups == g)], labels[(labels == k) & (groups == g)]) for k, g in keys]))


def search_weights(member_probabilities, labels, step=0.05, loss=None):
    """Weights on a simplex grid minimising validation NLL (ties: higher accuracy). Each member keeps >= one step."""
    loss = loss or (lambda p: nll(p, labels))
    count = len(member_probabilities)
    if count == 1:
        return [1.0]
    ticks = int(round(1 / step))
    best = None
    for parts in itertools.product(range(1, ticks), repeat=count - 1):
        last = ticks - sum(parts)
        if last < 1:
            continue
        weights = [p / ticks for p in parts] + [last / ticks]
        p = combine(member_probabilities, weights)
        key = (loss(p), -accuracy(p, labels))
        if best is None or key < best[0]:
            best = (key, weights)
    return best[1]


def fit_temperature(logits, labels, loss=None):
    """Temperature scaling (Guo et al. 2017): the T in [0.5, 5] minimising validation NLL (or the given loss)."""
    loss = loss or (lambda p: nll(p, labels))
    grid = np.exp(np.linspace(np.log(0.5), np.log(5.0), 200))
    losses = [loss(softmax(logits / t)) for t in grid]
    return float(grid[int(np.argmin(losses))])


def choose_threshold(scores, positives, target=0.95):
    """The largest threshold whose one-vs-rest sensitivity is >= target; returns (t, sensitivity, specificity)."""
    best = None
    for t in sorted(set(np.round(scores, 6)), reverse=True):
        predicted = scores >= t
        sensitivity = float(np.mean(predicted[positives])) if positives.any() else 0.0
        if sensitivity >= target:
            specificity = float(np.mean(~predicted[~positives])) if (~positives).any() else 1.0
            best = (float(t), sensitivity, specificity)
            break
    return best or (0.0, 1.0, 0.0)


def summary(probabilities, labels):
    return {"accuracy": round(accuracy(probabilities, labels), 4),
            "balancedAccuracy": round(balanced_accuracy(probabilities, labels), 4),
            "nll": round(nll(probabilities, labels), 4)}
