"""Issue 13's target for `auto`, from ours.ts runs at several seeds and the reference stacks.

    python3 bench/real/championGap.py OURS.jsonl [OURS.jsonl ...] --references RESULTS.json [--out FILE.json]

OURS.jsonl: lines of `bench/real/ours.ts --seeds ...` (one per dataset, split, seed, variant).
RESULTS.json: a bench results file whose `real` section holds the reference stacks' per-split
figures on the same split files (reference.py: split k = random_state k; its stacks use seed k).

Per file: each stack's held-out AUC per split (ours averaged over its seeds first), mean ± sd
over splits; then auto's paired difference from the best other stack (by mean), with the
standard error over splits. Our forest with SMOTE is left out of "the best other stack" (an
option of an engine already listed; auto runs without SMOTE).
"""

import argparse
import json
import math
from collections import defaultdict

import numpy as np

REFERENCES = ("sk_rf", "sk_rf_smote", "xgb", "logreg")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ours", nargs="+")
    ap.add_argument("--references", required=True)
    ap.add_argument("--out")
    ap.add_argument("--exclude", default="", help="stacks left out of the best other, e.g. ours_blend (the issue's list)")
    a = ap.parse_args()
    runs = []
    for path in a.ours:
        with open(path) as fh:
            runs += [json.loads(l) for l in fh if l.startswith("{")]
    with open(a.references) as fh:
        stored = json.load(fh)
    refs = [r for s in stored["sections"] if s["name"] == "real" for r in s["data"]["results"] if r["stack"] in REFERENCES]
    summary = {}
    for dataset in sorted({r["dataset"] for r in runs}):
        ours = [r for r in runs if r["dataset"] == dataset and r.get("available", True)]
        splits = sorted({r["split"] for r in ours})
        seeds = sorted({r["seed"] - r["split"] for r in ours})
        per_split = defaultdict(dict)  # stack -> split -> auc
        for stack in sorted({r["stack"] for r in ours}):
            for k in splits:
                aucs = [r["auc"] for r in ours if r["stack"] == stack and r["split"] == k]
                if aucs:
                    per_split[stack][k] = float(np.mean(aucs))
        for r in refs:
            if r["dataset"] == dataset and r["split"] in splits:
                per_split[r["stack"]][r["split"]] = r["auc"]
        complete = {s: np.array([v[k] for k in splits]) for s, v in per_split.items() if len(v) == len(splits)}
        print(f"\n## {dataset}: {len(splits)} splits; ours at seed offsets {seeds} (mean per split)")
        for s, v in sorted(complete.items(), key=lambda kv: -kv[1].mean()):
            print(f"  {s:16s} {v.mean():.4f} ± {v.std(ddof=1):.4f}")
        left_out = {"ours_auto", "ours_smote", *filter(None, a.exclude.split(","))}
        others = {s: v for s, v in complete.items() if s not in left_out}
        best = max(others, key=lambda s: others[s].mean())
        d = complete["ours_auto"] - others[best]
        se = d.std(ddof=1) / math.sqrt(len(d))
        print(f"  auto − best other ({best}): {d.mean():+.4f} (se {se:.4f}); target ≥ −0.005: {'met' if d.mean() >= -0.005 else 'not met'}")
        summary[dataset] = {
            "splits": splits,
            "seedOffsets": seeds,
            "meanAuc": {s: float(v.mean()) for s, v in complete.items()},
            "sdAuc": {s: float(v.std(ddof=1)) for s, v in complete.items()},
            "perSplit": {s: [float(x) for x in v] for s, v in complete.items()},
            "bestOther": best,
            "autoMinusBest": float(d.mean()),
            "autoMinusBestSe": float(se),
        }
    if a.out:
        with open(a.out, "w") as fh:
            json.dump({"summary": summary, "ours": runs}, fh, indent=1)


if __name__ == "__main__":
    main()
