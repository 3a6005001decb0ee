#!/usr/bin/python3
"""Reference stacks on the real credit files, on split files every stack shares.

  reference.py splits   --data CSV --name NAME --target T [--splits 5] [--cache DIR]
  reference.py run      --data CSV --name NAME --target T --positive V [--splits 5]
                        [--stacks sk_rf,xgb,logreg,sk_rf_smote] [--jobs 2] [--cache DIR]
  reference.py evaluate --scored SCORED.csv --target T --positive V --prob-column COL
                        [--test TEST.csv] [--name NAME --split K --stack S --fit-s X]

Split k (k = 0..K-1) is train_test_split(stratify=y, test_size=0.2, random_state=k) of the
dataset's rows; its rows are written unchanged (every cell as text, as in the file) to
CACHE/splits/NAME/split-k/{train,test}.csv, so other stacks (our CLI) fit and score exactly
the same rows. `run` writes the splits if missing, then fits each stack on train.csv and
scores test.csv. `evaluate` computes the same figures for a scored CSV made by another
stack (ours), so every stack is measured by the same code (scikit-learn's roc_auc_score).

Reading: only an empty cell is missing; a column pandas reads as numbers is numeric, any
other is categorical. Stacks (all preprocessing fitted on the training rows only):
  sk_rf        numeric: median imputation; categorical: most-frequent imputation, then
               OrdinalEncoder (sorted categories; an unseen test category -> -1);
               RandomForestClassifier(200 trees, max_depth=15, other defaults).
  sk_rf_smote  the same encoding, then imblearn SMOTENC (SMOTE if no categorical column;
               k=5, classes balanced) on the training rows only, then the same forest.
  xgb          OrdinalEncoder codes with missing/unseen left as NaN, numeric NaN left as is
               (XGBoost learns where missing goes); XGBClassifier(max_depth=3,
               n_estimators=300, learning_rate=0.05, tree_method='hist'), other defaults.
  logreg       numeric: median imputation + StandardScaler; categorical: most-frequent
               imputation + OneHotEncoder(handle_unknown='ignore');
               LogisticRegression(L2, C=1, lbfgs, max_iter=5000).
Each prints one JSON line per (dataset, split, stack): held-out AUC, fit seconds (from the
training frame to the fitted model: encoding, SMOTE and the fit), and calibration on the test
rows: mean predicted probability vs observed default rate, and the expected calibration
error over deciles of the predicted probability (10 equal-count groups of the sorted
predictions; sum of group share x |mean prediction - default rate|), with the ECE a
perfectly calibrated model would show on as many rows (ece_floor), and the Brier score.
"""
import argparse, json, os, sys, time

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, brier_score_loss

DEFAULT_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'real')
STACKS = ['sk_rf', 'xgb', 'logreg', 'sk_rf_smote']
TEST_SIZE = 0.2


def split_dir(cache, name, k):
    return os.path.join(cache, 'splits', name, f'split-{k}')


def write_splits(data, name, target, splits, cache):
    """Writes the K split files (every cell as the text it was) and returns their folders."""
    raw = pd.read_csv(data, dtype=str, keep_default_na=False)
    if target not in raw.columns:
        sys.exit(f'{data}: no column "{target}"; the columns are {", ".join(raw.columns)}')
    folders = []
    for k in range(splits):
        folder = split_dir(cache, name, k)
        if not (os.path.exists(os.path.join(folder, 'train.csv')) and os.path.exists(os.path.join(folder, 'test.csv'))):
            train, test = train_test_split(raw, test_size=TEST_SIZE, random_state=k, stratify=raw[target])
            os.makedirs(folder, exist_ok=True)
            train.to_csv(os.path.join(folder, 'train.csv'), index=False, lineterminator='\n')
            test.to_csv(os.path.join(folder, 'test.csv'), index=False, lineterminator='\n')
        folders.append(folder)
    return folders


def read_table(path, target, positive):
    frame = pd.read_csv(path, keep_default_na=False, na_values=[''])
    y = (frame.pop(target).astype(str) == positive).astype(int).values
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    categorical = [c for c in frame.columns if c not in numeric]
    for c in categorical:
        frame[c] = frame[c].astype(object).where(frame[c].notna(), np.nan)
    return frame, y, numeric, categorical


def decile_ece(y, p, order):
    ece = 0.0
    for group in np.array_split(order, 10):
        if len(group):
            ece += len(group) / len(p) * abs(p[group].mean() - y[group].mean())
    return ece


def calibration(y, p):
    """Mean prediction, observed rate, ECE over 10 equal-count groups of the sorted predictions, Brier.

    ece_floor is the ECE a perfectly calibrated model with these same predictions would show
    on this many test rows (mean over 200 draws of y ~ Bernoulli(p), seed 0): the sampling
    noise of the ECE itself, which on a few hundred test rows is far from zero.
    """
    order = np.argsort(p, kind='stable')
    rng = np.random.default_rng(0)
    floor = np.mean([decile_ece((rng.random(len(p)) < p).astype(int), p, order) for _ in range(200)])
    return dict(mean_pred=float(p.mean()), observed=float(y.mean()), ece=float(decile_ece(y, p, order)),
                ece_floor=float(floor), brier=float(brier_score_loss(y, p)))


def figures(y, p):
    return dict(auc=float(roc_auc_score(y, p)), **calibration(y, p))


def tree_encoder(numeric, categorical, missing_as_nan):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OrdinalEncoder
    if missing_as_nan:
        num = 'passthrough'
        cat = OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=np.nan, encoded_missing_value=np.nan)
    else:
        num = SimpleImputer(strategy='median')
        cat = make_pipeline(SimpleImputer(strategy='most_frequent'),
                            OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=-1))
    parts = [('num', num, numeric)] if numeric else []
    if categorical:
        parts.append(('cat', cat, categorical))
    return ColumnTransformer(parts)


def fit_stack(stack, Xtr, ytr, numeric, categorical, seed, jobs):
    """Returns (predict_proba function, extra figures) after fitting on the training frame."""
    from sklearn.ensemble import RandomForestClassifier
    extra = {}
    if stack in ('sk_rf', 'sk_rf_smote'):
        enc = tree_encoder(numeric, categorical, missing_as_nan=False).fit(Xtr)
        A, yA = enc.transform(Xtr), ytr
        if stack == 'sk_rf_smote':
            from imblearn.over_sampling import SMOTE, SMOTENC
            t0 = time.perf_counter()
            # ColumnTransformer puts numeric columns first, then categorical ones.
            cat_idx = list(range(len(numeric), len(numeric) + len(categorical)))
            sm = SMOTENC(categorical_features=cat_idx, random_state=seed) if cat_idx else SMOTE(random_state=seed)
            A, yA = sm.fit_resample(A, yA)
            extra['smote_s'] = time.perf_counter() - t0
        extra['fit_rows'] = int(len(yA))
        rf = RandomForestClassifier(n_estimators=200, max_depth=15, n_jobs=jobs, random_state=seed).fit(A, yA)
        return (lambda X: rf.predict_proba(enc.transform(X))[:, 1]), extra
    if stack == 'xgb':
        import xgboost as xgb
        enc = tree_encoder(numeric, categorical, missing_as_nan=True).fit(Xtr)
        m = xgb.XGBClassifier(max_depth=3, n_estimators=300, learning_rate=0.05, tree_method='hist',
                              n_jobs=jobs, random_state=seed)
        m.fit(enc.transform(Xtr).astype(np.float32), ytr)
        return (lambda X: m.predict_proba(enc.transform(X).astype(np.float32))[:, 1]), extra
    if stack == 'logreg':
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler
        parts = [('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), numeric)] if numeric else []
        if categorical:
            parts.append(('cat', make_pipeline(SimpleImputer(strategy='most_frequent'),
                                               OneHotEncoder(handle_unknown='ignore')), categorical))
        model = make_pipeline(ColumnTransformer(parts), LogisticRegression(C=1.0, max_iter=5000)).fit(Xtr, ytr)
        return (lambda X: model.predict_proba(X)[:, 1]), extra
    sys.exit(f'unknown stack "{stack}"; the stacks are {", ".join(STACKS)}')


def cmd_splits(a):
    for folder in write_splits(a.data, a.name, a.target, a.splits, a.cache):
        print(folder)


def cmd_run(a):
    stacks = [s for s in a.stacks.split(',') if s]
    for k, folder in enumerate(write_splits(a.data, a.name, a.target, a.splits, a.cache)):
        Xtr, ytr, numeric, categorical = read_table(os.path.join(folder, 'train.csv'), a.target, a.positive)
        Xte, yte, _, _ = read_table(os.path.join(folder, 'test.csv'), a.target, a.positive)
        Xte = Xte[Xtr.columns]
        for stack in stacks:
            t0 = time.perf_counter()
            predict, extra = fit_stack(stack, Xtr, ytr, numeric, categorical, seed=k, jobs=a.jobs)
            fit_s = time.perf_counter() - t0
            p = predict(Xte)
            print(json.dumps(dict(dataset=a.name, split=k, stack=stack, fit_s=fit_s, train_rows=len(ytr),
                                  test_rows=len(yte), **extra, **figures(yte, p))), flush=True)


def cmd_evaluate(a):
    scored = pd.read_csv(a.scored, keep_default_na=False, na_values=[''])
    if a.prob_column not in scored.columns:
        sys.exit(f'{a.scored}: no column "{a.prob_column}"')
    if a.test:
        expected = len(pd.read_csv(a.test, dtype=str, keep_default_na=False))
        if expected != len(scored):
            sys.exit(f'{a.scored}: {len(scored)} rows scored, {a.test} has {expected} (see the .errors.csv file)')
    y = (scored[a.target].astype(str) == a.positive).astype(int).values
    p = scored[a.prob_column].astype(float).values
    out = dict(dataset=a.name, split=a.split, stack=a.stack, test_rows=len(y), **figures(y, p))
    if a.fit_s is not None:
        out['fit_s'] = a.fit_s
    print(json.dumps(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='command', required=True)
    for name in ('splits', 'run'):
        p = sub.add_parser(name)
        p.add_argument('--data', required=True)
        p.add_argument('--name', required=True)
        p.add_argument('--target', required=True)
        p.add_argument('--splits', type=int, default=5)
        p.add_argument('--cache', default=DEFAULT_CACHE)
        if name == 'run':
            p.add_argument('--positive', required=True)
            p.add_argument('--stacks', default=','.join(STACKS))
            p.add_argument('--jobs', type=int, default=2)
    p = sub.add_parser('evaluate')
    p.add_argument('--scored', required=True)
    p.add_argument('--test')
    p.add_argument('--target', required=True)
    p.add_argument('--positive', required=True)
    p.add_argument('--prob-column', default='Default_Probability')
    p.add_argument('--name', default='')
    p.add_argument('--split', type=int, default=-1)
    p.add_argument('--stack', default='')
    p.add_argument('--fit-s', type=float)
    a = ap.parse_args()
    dict(splits=cmd_splits, run=cmd_run, evaluate=cmd_evaluate)[a.command](a)


if __name__ == '__main__':
    main()
