#!/usr/bin/python3
"""Why does our forest trail scikit-learn's on a real file? scikit-learn emulations of each
choice our product makes, on the split files reference.py wrote (the rows ours trains on).

usage: diagnose.py --name NAME --target T --positive V [--splits 5] [--only E1,E2] [--jobs 2]

Every experiment is a scikit-learn / imbalanced-learn pipeline that differs from the baseline
(reference.py's sk_rf: median / most-frequent imputation, ordinal codes of sorted categories,
RandomForestClassifier(200, max_depth=15)) in one named way; each prints its mean held-out AUC
and the paired difference from the baseline over the same splits (mean and sd over splits).
The forest's random_state is the split number k, as in reference.py; `--seeds N` averages
each split over N forest seeds (k, k+100, ...) to take the forest's own noise out.
"""
import argparse, json, os, sys

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import DEFAULT_CACHE, read_table, split_dir, tree_encoder  # noqa: E402

MAX_BINS = 255
# The product's importer reads these cells as missing (src/main/core/data/csv/parseNumber.ts).
PRODUCT_MISSING = {'na', 'n/a', 'null', 'nan', '-', '?', 'none', '#n/a'}


def edges_like_ours(col, max_bins):
    """Upper bin edges as binning.ts's edgesFromSorted places them (the last, +inf, left out): one
    bin per distinct value when there are at most max_bins; else greedy equal-frequency bins, the
    share re-spread over the bins still to fill, and a value that alone fills a share in a bin of
    its own; each edge halfway between the bins' neighbouring values."""
    values, counts = np.unique(col, return_counts=True)
    if len(values) <= max_bins:
        return (values[:-1] + values[1:]) / 2
    edges = []
    bins_left, rest, in_bin = max_bins, len(col), 0
    share = rest / bins_left
    for i in range(len(values) - 1):
        if bins_left <= 1:
            break
        in_bin += counts[i]
        if in_bin >= share or counts[i + 1] >= share:
            edges.append(values[i] / 2 + values[i + 1] / 2)
            rest -= in_bin
            in_bin = 0
            bins_left -= 1
            share = rest / bins_left
    return np.array(edges)


def bin_like_ours(A_train, A_other_list, max_bins=MAX_BINS, only=None):
    """Every column replaced by its bin index under our binning (binning.ts, edges_like_ours):
    order preserved, as our splits see it. With `only` (column indices), the other columns are
    left as they are."""
    out_train = A_train.copy()
    outs = [A.copy() for A in A_other_list]
    for j in range(A_train.shape[1]):
        if only is not None and j not in only:
            continue
        edges = edges_like_ours(A_train[:, j], max_bins)
        out_train[:, j] = np.searchsorted(edges, A_train[:, j], side='left')
        for A, o in zip(A_other_list, outs):
            o[:, j] = np.searchsorted(edges, A[:, j], side='left')
    return out_train, outs


def forest(seed, jobs, **kw):
    params = dict(n_estimators=200, max_depth=15, n_jobs=jobs, random_state=seed)
    params.update(kw)
    return RandomForestClassifier(**params)


def standardise(A, numeric_count, ref):
    """Standard-scales the first numeric_count columns with ref's mean/std (as our preprocessing)."""
    A = A.astype(float).copy()
    mu = ref[:, :numeric_count].mean(axis=0)
    sdv = ref[:, :numeric_count].std(axis=0)
    sdv[sdv == 0] = 1
    A[:, :numeric_count] = (A[:, :numeric_count] - mu) / sdv
    return A


def smote(A, y, numeric_count, categorical_count, seed, scaled):
    from imblearn.over_sampling import SMOTE, SMOTENC
    B = standardise(A, numeric_count, A) if scaled else A
    cats = list(range(numeric_count, numeric_count + categorical_count))
    sm = SMOTENC(categorical_features=cats, random_state=seed) if cats else SMOTE(random_state=seed)
    R, yR = sm.fit_resample(B, y)
    return R, yR, B


def as_product_reads(X, categorical):
    """Categorical cells the product's importer takes for missing (e.g. the category 'none') set to NaN."""
    X = X.copy()
    for c in categorical:
        X[c] = X[c].where(~X[c].astype(str).str.strip().str.lower().isin(PRODUCT_MISSING), np.nan)
    return X


def experiment(name, Xtr, ytr, Xte, yte, numeric, categorical, seed, jobs):
    """Held-out AUC of one experiment on one split."""
    nn, nc = len(numeric), len(categorical)
    if name == 'none_missing':
        # As the product imports the file: then the baseline (most-frequent imputation, codes).
        Xtr, Xte = as_product_reads(Xtr, categorical), as_product_reads(Xte, categorical)
        enc = tree_encoder(numeric, categorical, missing_as_nan=False).fit(Xtr)
        return auc_of(forest(seed, jobs).fit(enc.transform(Xtr), ytr), enc.transform(Xte), yte)
    enc = tree_encoder(numeric, categorical, missing_as_nan=False).fit(Xtr)
    A, T = enc.transform(Xtr).astype(float), enc.transform(Xte).astype(float)
    if name == 'baseline':
        return auc_of(forest(seed, jobs).fit(A, ytr), T, yte)
    if name == 'onehot':
        from sklearn.preprocessing import OneHotEncoder
        oh = OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit(A[:, nn:])
        A2 = np.hstack([A[:, :nn], oh.transform(A[:, nn:])])
        T2 = np.hstack([T[:, :nn], oh.transform(T[:, nn:])])
        return auc_of(forest(seed, jobs).fit(A2, ytr), T2, yte)
    if name == 'agegroup':
        # The product adds Age_Group (brackets of AGE_BRACKETS) when a column plays the Age role.
        age = next((c for c in numeric if c.lower() == 'age'), None)
        if age is None:
            return auc_of(forest(seed, jobs).fit(A, ytr), T, yte)
        groups = lambda X: np.searchsorted([25, 35, 45, 60], X[age].fillna(X[age].median()).values, side='left')
        A2, T2 = np.column_stack([A, groups(Xtr)]), np.column_stack([T, groups(Xte)])
        return auc_of(forest(seed, jobs).fit(A2, ytr), T2, yte)
    if name.startswith('bins'):
        # binsN: every column binned as ours with at most N bins; binsN_only_COL: that column
        # alone; binsN_leafL: with min_samples_leaf L.
        parts = name.split('_')
        only = [numeric.index(name.split('_only_', 1)[1])] if '_only_' in name else None
        leaf = int(parts[1][4:]) if len(parts) > 1 and parts[1].startswith('leaf') else 1
        Ab, (Tb,) = bin_like_ours(A, [T], max_bins=int(parts[0][4:]), only=only)
        return auc_of(forest(seed, jobs, min_samples_leaf=leaf).fit(Ab, ytr), Tb, yte)
    if name.startswith('leaf'):
        return auc_of(forest(seed, jobs, min_samples_leaf=int(name[4:])).fit(A, ytr), T, yte)
    if name.startswith('wleaf'):
        # Leaves of at least N bootstrap-weighted rows, as our forest counts them (scikit-learn's
        # min_samples_leaf counts distinct in-bag rows; the bootstrap weights sum to len(ytr)).
        leaf = int(name[5:])
        return auc_of(forest(seed, jobs, min_weight_fraction_leaf=leaf / len(ytr)).fit(A, ytr), T, yte)
    if name.startswith('mf_'):
        mf = {'all': None, 'log2': 'log2', 'half': 0.5, 'third': 0.33}[name[3:]]
        return auc_of(forest(seed, jobs, max_features=mf).fit(A, ytr), T, yte)
    if name == 'nobootstrap':
        return auc_of(forest(seed, jobs, bootstrap=False).fit(A, ytr), T, yte)
    if name == 'depth_none':
        return auc_of(forest(seed, jobs, max_depth=None).fit(A, ytr), T, yte)
    if name == 'balanced':
        return auc_of(forest(seed, jobs, class_weight='balanced_subsample').fit(A, ytr), T, yte)
    if name == 'oob_isotonic':
        # The product's calibration: isotonic regression fitted on out-of-bag scores of the
        # training rows, applied to the test scores (a monotone map: AUC moves only by ties).
        rf = forest(seed, jobs, oob_score=True).fit(A, ytr)
        return auc_isotonic(rf, rf.oob_decision_function_[:, 1], ytr, T, yte)
    if name in ('smote_raw', 'smote_scaled', 'smote_scaled_bins255', 'smote_scaled_isotonic',
                'smote_raw_isotonic', 'smote_scaled_bins255_isotonic', 'smote_scaled_leaf3'):
        R, yR, B = smote(A, ytr, nn, nc, seed, scaled='scaled' in name)
        Tt = standardise(T, nn, A) if 'scaled' in name else T
        if 'bins255' in name:
            R, (Tt,) = bin_like_ours(R, [Tt])
        kw = dict(min_samples_leaf=3) if name.endswith('leaf3') else {}
        if name.endswith('isotonic'):
            rf = forest(seed, jobs, oob_score=True, **kw).fit(R, yR)
            # Out-of-bag scores of the real training rows only (the first len(ytr) rows).
            return auc_isotonic(rf, rf.oob_decision_function_[: len(ytr), 1], ytr, Tt, yte)
        return auc_of(forest(seed, jobs, **kw).fit(R, yR), Tt, yte)
    raise SystemExit(f'unknown experiment {name}')


def auc_of(model, T, y):
    return roc_auc_score(y, model.predict_proba(T)[:, 1])


def auc_isotonic(rf, oob, ytr, T, yte):
    ok = np.isfinite(oob)
    iso = IsotonicRegression(out_of_bounds='clip', y_min=0, y_max=1).fit(oob[ok], ytr[ok])
    return roc_auc_score(yte, iso.predict(rf.predict_proba(T)[:, 1]))


EXPERIMENTS = ['baseline', 'none_missing', 'onehot', 'agegroup', 'bins255', 'oob_isotonic', 'leaf3', 'leaf5', 'leaf10', 'wleaf5', 'mf_log2',
               'mf_third', 'mf_half', 'mf_all', 'nobootstrap', 'depth_none', 'balanced', 'smote_raw',
               'smote_scaled', 'smote_scaled_bins255', 'smote_raw_isotonic', 'smote_scaled_isotonic',
               'smote_scaled_bins255_isotonic', 'smote_scaled_leaf3']


def write_relabelled(a):
    """Split files whose non-empty 'missing' spellings are renamed, so the product keeps them as categories."""
    for k in range(a.splits):
        out = split_dir(a.cache, a.name + '-relabelled', k)
        os.makedirs(out, exist_ok=True)
        for part in ('train', 'test'):
            frame = pd.read_csv(os.path.join(split_dir(a.cache, a.name, k), f'{part}.csv'), dtype=str,
                                keep_default_na=False)
            hit = frame.apply(lambda c: c.str.strip().str.lower().isin(PRODUCT_MISSING))
            frame = frame.mask(hit, frame + '_')
            frame.to_csv(os.path.join(out, f'{part}.csv'), index=False, lineterminator='\n')
        print(out)


def dump(a):
    """The baseline's encoded matrices (numeric then categorical codes; last column y), for our engine alone."""
    for k in range(a.splits):
        folder = split_dir(a.cache, a.name, k)
        Xtr, ytr, numeric, categorical = read_table(os.path.join(folder, 'train.csv'), a.target, a.positive)
        Xte, yte, _, _ = read_table(os.path.join(folder, 'test.csv'), a.target, a.positive)
        enc = tree_encoder(numeric, categorical, missing_as_nan=False).fit(Xtr)
        out = os.path.join(a.cache, 'diag', a.name, f'split-{k}')
        os.makedirs(out, exist_ok=True)
        for part, X, y in (('train', Xtr, ytr), ('test', Xte[Xtr.columns], yte)):
            np.savetxt(os.path.join(out, f'{part}.csv'), np.column_stack([enc.transform(X), y]), delimiter=',', fmt='%.17g')
        print(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--name', required=True)
    ap.add_argument('--target', required=True)
    ap.add_argument('--positive', required=True)
    ap.add_argument('--splits', type=int, default=5)
    ap.add_argument('--first-split', type=int, default=0, help='start at this split (e.g. to add splits 5..9 to a run of 0..4)')
    ap.add_argument('--seeds', type=int, default=1)
    ap.add_argument('--only', default='')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--cache', default=DEFAULT_CACHE)
    ap.add_argument('--dump', action='store_true',
                    help="write each split's baseline-encoded matrices to CACHE/diag/NAME/split-k/ (for engineOnly.ts) and stop")
    ap.add_argument('--write-relabelled', action='store_true',
                    help="copy the split files to splits/NAME-relabelled/ with every cell the product reads as "
                         "missing (e.g. the category 'none') renamed TOKEN_, for ours.ts --split-set, and stop")
    a = ap.parse_args()
    if a.dump:
        return dump(a)
    if a.write_relabelled:
        return write_relabelled(a)
    names = [n for n in a.only.split(',') if n] or EXPERIMENTS
    if 'baseline' not in names:
        names = ['baseline'] + names
    aucs = {n: [] for n in names}
    by_seed = {n: [] for n in names}
    for k in range(a.first_split, a.splits):
        folder = split_dir(a.cache, a.name, k)
        Xtr, ytr, numeric, categorical = read_table(os.path.join(folder, 'train.csv'), a.target, a.positive)
        Xte, yte, _, _ = read_table(os.path.join(folder, 'test.csv'), a.target, a.positive)
        Xte = Xte[Xtr.columns]
        for n in names:
            by_seed[n].append([experiment(n, Xtr, ytr, Xte, yte, numeric, categorical, k + 100 * s, a.jobs)
                               for s in range(a.seeds)])
            aucs[n].append(np.mean(by_seed[n][-1]))
    base = np.array(aucs['baseline'])
    for n in names:
        v = np.array(aucs[n])
        d = v - base
        print(json.dumps(dict(dataset=a.name, experiment=n, auc=round(v.mean(), 4), auc_sd=round(v.std(ddof=1), 4),
                              diff=round(d.mean(), 4), diff_sd=round(d.std(ddof=1), 4) if len(d) > 1 else None,
                              per_split=[round(x, 4) for x in v],
                              per_split_seed=[[round(x, 5) for x in row] for row in by_seed[n]])), flush=True)


if __name__ == '__main__':
    main()
