"""Selection rules for `auto`, compared offline on the same candidates (autoSelection.ts output).

    python3 bench/real/autoSelection.py RUNS.jsonl [RUNS.jsonl ...] [--results bench/results/real-2026-12-07.json]
        [--probs DIR]

For every (file, split, seed) autoSelection.ts cross-validated every candidate (repeats × folds
AUCs) and measured each candidate's model, trained on the whole training file, on the test
file. A rule picks a candidate from the cross-validation alone; its figure is the held-out AUC
of that pick. Reported per file: mean held-out AUC of each rule, and its paired difference from
the best single stack (our engines' defaults and the reference stacks of --results), averaged
over seeds within a split, with the standard error over splits.
"""

import argparse
import glob
import json
import math
import os
from collections import defaultdict

import numpy as np
from sklearn.metrics import roc_auc_score

# The product's grid before this work: the engines' own candidates.
PRODUCT = {"forest#0", "forest#1", "forest#2", "gbm#0", "gbm#1", "gbm#2", "scorecard#0", "scorecard#1"}
DEFAULTS = {"forest": "forest#0", "gbm": "gbm#0", "scorecard": "scorecard#0"}


def cv(c, reps):
    f = np.array(c["folds"][:reps])
    return f


def pick_best(cands, reps):
    return max(cands, key=lambda c: cv(c, reps).mean())


def pick_onese(cands, reps, paired=False, per_fold_se=True):
    best = pick_best(cands, reps)
    fb = cv(best, reps)
    if paired:
        chosen = best
        for c in cands:
            d = (fb - cv(c, reps)).ravel()
            se = d.std(ddof=1) / math.sqrt(d.size)
            if d.mean() <= se and c["complexity"] < chosen["complexity"]:
                chosen = c
        return chosen
    # the product's rule: the best's fold sd over sqrt(folds) (repeats pooled)
    x = fb.ravel()
    se = x.std(ddof=1) / math.sqrt(x.size)
    chosen = best
    for c in cands:
        if fb.mean() - cv(c, reps).mean() <= se and c["complexity"] < chosen["complexity"]:
            chosen = c
    return chosen


def blend_auc(run, keys, probs_dir, logit=False):
    path = os.path.join(probs_dir, f"{run['dataset']}-split-{run['split']}-seed-{run['seedSet']}.json")
    with open(path) as fh:
        d = json.load(fh)
    ps = [np.clip(np.array(d["probs"][k]), 1e-6, 1 - 1e-6) for k in keys]
    p = np.mean([np.log(q / (1 - q)) for q in ps] if logit else ps, axis=0)
    return roc_auc_score(np.array(d["y"]), p)


def rank_blend_auc(run, keys, probs_dir):
    from scipy.stats import rankdata

    path = os.path.join(probs_dir, f"{run['dataset']}-split-{run['split']}-seed-{run['seedSet']}.json")
    with open(path) as fh:
        d = json.load(fh)
    p = np.mean([rankdata(np.array(d["probs"][k])) for k in keys], axis=0)
    return roc_auc_score(np.array(d["y"]), p)


def rules(run, grid, reps, probs_dir):
    cands = [c for c in run["candidates"] if grid is None or c["key"] in grid]
    by_key = {c["key"]: c for c in cands}
    out = {}
    out["best mean CV"] = pick_best(cands, reps)["test"]
    out["one-SE (product rule)"] = pick_onese(cands, reps)["test"]
    out["one-SE, paired folds"] = pick_onese(cands, reps, paired=True)["test"]
    # per engine: its best candidate by CV
    per_engine = {}
    for c in cands:
        e = c["engine"]
        if e not in per_engine or cv(c, reps).mean() > cv(per_engine[e], reps).mean():
            per_engine[e] = c
    ranked = sorted(cands, key=lambda c: -cv(c, reps).mean())
    if probs_dir:
        out["blend top 2"] = blend_auc(run, [c["key"] for c in ranked[:2]], probs_dir)
        out["blend top 3"] = blend_auc(run, [c["key"] for c in ranked[:3]], probs_dir)
        out["blend each engine's best"] = blend_auc(run, [c["key"] for c in per_engine.values()], probs_dir)
        eng_ranked = sorted(per_engine.values(), key=lambda c: -cv(c, reps).mean())
        out["blend best 2 engines"] = blend_auc(run, [c["key"] for c in eng_ranked[:2]], probs_dir)
        if "gbm" in per_engine and "scorecard" in per_engine:
            pair = [per_engine["gbm"]["key"], per_engine["scorecard"]["key"]]
            out["blend gbm+scorecard (p)"] = blend_auc(run, pair, probs_dir)
            out["blend gbm+scorecard (logit)"] = blend_auc(run, pair, probs_dir, logit=True)
            out["blend gbm#0+scorecard#0"] = blend_auc(run, ["gbm#0", "scorecard#0"], probs_dir, logit=True)
    out["oracle (best on test)"] = max(c["test"] for c in cands)
    for e, k in DEFAULTS.items():
        if k in by_key:
            out[f"{e} default"] = by_key[k]["test"]
    return out


def references(path):
    if not path:
        return {}
    with open(path) as fh:
        d = json.load(fh)
    ref = defaultdict(dict)
    for s in d["sections"]:
        if s["name"] != "real":
            continue
        for r in s["data"]["results"]:
            if r["stack"] in ("sk_rf", "xgb", "logreg"):
                ref[r["dataset"]][(r["stack"], r["split"])] = r["auc"]
    return ref


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--results", default=None)
    ap.add_argument("--probs", default=None)
    ap.add_argument("--reps", default="1,2")
    a = ap.parse_args()
    runs = []
    for pattern in a.runs:
        for f in glob.glob(pattern):
            with open(f) as fh:
                runs += [json.loads(l) for l in fh if l.startswith("{")]
    ref = references(a.results)
    for dataset in sorted({r["dataset"] for r in runs}):
        rs = [r for r in runs if r["dataset"] == dataset]
        splits = sorted({r["split"] for r in rs})
        print(f"\n## {dataset}: {len(splits)} splits × {len(rs) // len(splits)} seeds")
        for grid_name, grid in (("product grid", PRODUCT), ("wide grid", None)):
            for reps in map(int, a.reps.split(",")):
                if reps > min(r["repeats"] for r in rs):
                    continue
                table = defaultdict(lambda: defaultdict(list))  # rule -> split -> [auc]
                for r in rs:
                    for name, v in rules(r, grid, reps, a.probs).items():
                        table[name][r["split"]].append(v)
                per_split = {n: np.array([np.mean(t[k]) for k in splits]) for n, t in table.items()}
                stacks = {n: v for n, v in per_split.items() if n.endswith("default")}
                for st in ("sk_rf", "xgb", "logreg"):
                    if all((st, k) in ref.get(dataset, {}) for k in splits):
                        stacks[st] = np.array([ref[dataset][(st, k)] for k in splits])
                best_name = max(stacks, key=lambda n: stacks[n].mean())
                best = stacks[best_name]
                print(f"\n{grid_name}, {reps} CV repeat(s); best stack: {best_name} {best.mean():.4f}")
                for n, v in per_split.items():
                    d = v - best
                    print(f"  {n:32s} {v.mean():.4f}   vs best {d.mean():+.4f} (se {d.std(ddof=1) / math.sqrt(len(d)):.4f})")
        # How far cross-validation under-rates each engine's default against the scorecard's:
        # (held-out − CV) of the candidate minus that of scorecard#0, per split (seeds averaged).
        print("\nheld-out − CV AUC, minus the scorecard default's (paired by split):")
        for key in ("gbm#0", "forest#0"):
            gaps = []
            for k in splits:
                per_seed = []
                for r in rs:
                    if r["split"] != k:
                        continue
                    c = {x["key"]: x for x in r["candidates"]}
                    if key in c and "scorecard#0" in c:
                        g = lambda x: x["test"] - np.mean(x["folds"][0])
                        per_seed.append(g(c[key]) - g(c["scorecard#0"]))
                if per_seed:
                    gaps.append(np.mean(per_seed))
            gaps = np.array(gaps)
            if len(gaps) > 1:
                print(f"  {key:10s} {gaps.mean():+.4f} (se {gaps.std(ddof=1) / math.sqrt(len(gaps)):.4f})")


if __name__ == "__main__":
    main()
