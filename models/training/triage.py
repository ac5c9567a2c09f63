"""Triage-level numbers by source: thresholds that hold on every source, what they do to each source's films.

A finding's threshold is the largest value whose sensitivity is >= the target on EVERY validation source that
has that finding (so the pooled figure cannot hide a source the flag misses); beside it, the share of normal
films left routine. The rule matches the service (TriagePolicy): urgent when any finding reaches its threshold.
"""
import numpy as np

import data
import ensemble

FINDINGS = ["covid19", "viral_pneumonia", "lung_opacity"]
NORMAL = data.LABELS.index("normal")


def auc(scores, positives):
    """ROC AUC by the Mann-Whitney statistic (ties count one half); None without both classes."""
    positives = np.asarray(positives, bool)
    if positives.all() or not positives.any():
        return None
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = np.asarray(scores)[order]
    i = 0
    while i < len(sorted_scores):
        j = i
        while j + 1 < len(sorted_scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def choose_thresholds(probabilities, labels, groups, target):
    findings = {}
    for name in FINDINGS:
        k = data.LABELS.index(name)
        positives = labels == k
        per_source = []
        for g in np.unique(groups[positives]):
            mask = (labels != k) | (groups == g)
            per_source.append(ensemble.choose_threshold(probabilities[mask, k], positives[mask], target)[0])
        t = min(per_source) if per_source else 0.0
        flagged = probabilities[:, k] >= t
        normals = labels == NORMAL
        findings[name] = {"threshold": round(t, 6),
                          "sensitivity": round(float(flagged[positives].mean()), 4) if positives.any() else None,
                          "specificity": round(float((~flagged[~positives]).mean()), 4),
                          "normalSpecificity": round(float((~flagged[normals]).mean()), 4) if normals.any() else None}
    return findings


def urgent(probabilities, findings):
    return np.any([probabilities[:, data.LABELS.index(n)] >= f["threshold"] for n, f in findings.items()], axis=0)


def by_source(probabilities, labels, groups, findings):
    """Per source: normals left routine, abnormal films flagged, abnormal-vs-normal AUC inside the source."""
    flagged = urgent(probabilities, findings)
    abnormal_score = 1.0 - probabilities[:, NORMAL]
    rows = {}
    for g in np.unique(groups):
        inside = groups == g
        normals, abnormal = inside & (labels == NORMAL), inside & (labels != NORMAL)
        rows[g] = {"images": int(inside.sum()), "accuracy": round(float(np.mean(probabilities[inside].argmax(1) == labels[inside])), 4),
                   "normalRoutine": [int((~flagged[normals]).sum()), int(normals.sum())],
                   "abnormalFlagged": [int(flagged[abnormal].sum()), int(abnormal.sum())]}
        a = auc(abnormal_score[inside], labels[inside] != NORMAL)
        if a is not None:
            rows[g]["abnormalVsNormalAuc"] = round(a, 4)
    return rows


def summary(probabilities, labels, groups, findings):
    flagged = urgent(probabilities, findings)
    normals = labels == NORMAL
    originals = np.isin(groups, ["armiro/COVID-CXNet", "waliatushar/ai-pneumonia-detection", "muhammedtalo/COVID-19"])
    siim = (groups == "vikasb512/Capstone-Project") & np.isin(labels, [NORMAL, data.LABELS.index("covid19")])
    return {"abnormalVsNormalAuc": round(auc(1.0 - probabilities[:, NORMAL], ~normals) or 0.0, 4),
            "abnormalFlagged": round(float(flagged[~normals].mean()), 4),
            "normalRoutine": round(float((~flagged[normals]).mean()), 4),
            "withinSiimAuc": round(auc(1.0 - probabilities[siim, NORMAL], labels[siim] != NORMAL) or 0.0, 4) if siim.any() else None,
            "originalSourcesAccuracy": round(float(np.mean(probabilities[originals].argmax(1) == labels[originals])), 4) if originals.any() else None,
            "groupNll": round(ensemble.group_nll(probabilities, labels, groups), 4),
            "perSource": by_source(probabilities, labels, groups, findings)}


def describe(row):
    """One line per epoch / model: the numbers that decide, in the order a radiologist reads them."""
    parts = [f"AUC {row['abnormalVsNormalAuc']:.3f}", f"abnormal flagged {row['abnormalFlagged']:.3f}",
             f"normal routine {row['normalRoutine']:.3f}"]
    if row.get("withinSiimAuc") is not None:
        parts.append(f"within-SIIM AUC {row['withinSiimAuc']:.3f}")
    parts.append("normals routine by source " + ", ".join(
        f"{data.short_source(g)} {r['normalRoutine'][0]}/{r['normalRoutine'][1]}" for g, r in row["perSource"].items() if r["normalRoutine"][1]))
    return "; ".join(parts)
