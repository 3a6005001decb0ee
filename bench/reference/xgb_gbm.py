#!/usr/bin/python3
"""Reference: XGBoost gradient boosting (tree_method 'hist', C++), the settings of our
`gbm` engine, with early stopping on an inner stratified validation share of the training
rows. Prints one JSON line: rows, fit_s (XGBClassifier.fit alone, wall), fit_cpu_s (its CPU
seconds, all threads), predict_s, acc, auc, rounds_kept.

usage: xgb_gbm.py CSV TARGET [--positive V] [--test-column COL] [--drop A,B]
                  [--rounds 500] [--eta 0.05] [--depth 3] [--leaves 0] [--subsample 0.8]
                  [--colsample 0.8] [--l2 1] [--min-child-weight 1] [--early-stopping 50]
                  [--validation-share 0.15] [--categorical native|codes] [--seed 42] [--jobs 2]

--test-column: rows whose COL is 1 are the test rows (the split our bench made); without
it, train_test_split(stratify=y, test_size=0.2, random_state=seed) as xgb_rf.py.
--leaves 0: depth-wise trees of --depth (XGBoost's default); otherwise lossguide growth with
at most that many leaves (and --depth).
--categorical native: text columns as pandas categories with enable_categorical (XGBoost's
own category-set splits, max_cat_to_onehot 4 as LightGBM); codes: text as integer codes.
The base score is the training rows' positive rate, as our engine's bias."""
import argparse, json, time
import numpy as np, pandas as pd, xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, accuracy_score

ap = argparse.ArgumentParser()
ap.add_argument('csv'); ap.add_argument('target')
ap.add_argument('--positive'); ap.add_argument('--test-column'); ap.add_argument('--drop', default='')
ap.add_argument('--rounds', type=int, default=500); ap.add_argument('--eta', type=float, default=0.05)
ap.add_argument('--depth', type=int, default=3); ap.add_argument('--leaves', type=int, default=0)
ap.add_argument('--subsample', type=float, default=0.8); ap.add_argument('--colsample', type=float, default=0.8)
ap.add_argument('--l2', type=float, default=1.0); ap.add_argument('--min-child-weight', type=float, default=1.0)
ap.add_argument('--early-stopping', type=int, default=50); ap.add_argument('--validation-share', type=float, default=0.15)
ap.add_argument('--categorical', choices=['native', 'codes'], default='native')
ap.add_argument('--seed', type=int, default=42); ap.add_argument('--jobs', type=int, default=2)
a = ap.parse_args()

df = pd.read_csv(a.csv)
yr = df.pop(a.target)
y = (yr.astype(str) == a.positive).astype(int).values if a.positive else yr.astype(int).values
test_mask = None
if a.test_column:
    test_mask = df.pop(a.test_column).astype(int).values == 1
for c in [c for c in a.drop.split(',') if c]:
    df.pop(c)
for c in df.columns:
    if df[c].dtype == object:
        df[c] = df[c].astype('category')
        if a.categorical == 'codes':
            df[c] = df[c].cat.codes.replace(-1, np.nan).astype(float)
if test_mask is None:
    idx_tr, idx_te = train_test_split(np.arange(len(y)), test_size=0.2, random_state=a.seed, stratify=y)
else:
    idx_tr, idx_te = np.where(~test_mask)[0], np.where(test_mask)[0]
Xtr, Xte, ytr, yte = df.iloc[idx_tr], df.iloc[idx_te], y[idx_tr], y[idx_te]

params = dict(n_estimators=a.rounds, learning_rate=a.eta, max_depth=a.depth, subsample=a.subsample,
              colsample_bytree=a.colsample, reg_lambda=a.l2, min_child_weight=a.min_child_weight,
              tree_method='hist', n_jobs=a.jobs, random_state=a.seed, base_score=float(ytr.mean()),
              enable_categorical=a.categorical == 'native', max_cat_to_onehot=4)
if a.leaves > 0:
    params.update(grow_policy='lossguide', max_leaves=a.leaves)
if a.early_stopping > 0:
    Xfit, Xval, yfit, yval = train_test_split(Xtr, ytr, test_size=a.validation_share, random_state=a.seed, stratify=ytr)
    m = xgb.XGBClassifier(early_stopping_rounds=a.early_stopping, eval_metric='logloss', **params)
    fit = lambda: m.fit(Xfit, yfit, eval_set=[(Xval, yval)], verbose=False)
else:
    m = xgb.XGBClassifier(**params)
    fit = lambda: m.fit(Xtr, ytr)
t0, c0 = time.perf_counter(), time.process_time()
fit()
t_fit, c_fit = time.perf_counter() - t0, time.process_time() - c0
kept = m.best_iteration + 1 if a.early_stopping > 0 else a.rounds
t0 = time.perf_counter(); p = m.predict_proba(Xte)[:, 1]; pred_s = time.perf_counter() - t0
print(json.dumps(dict(rows=len(y), train_rows=int(len(idx_tr)), fit_s=round(t_fit, 3), fit_cpu_s=round(c_fit, 3), predict_s=round(pred_s, 3),
                      acc=round(accuracy_score(yte, (p >= .5).astype(int)), 4), auc=round(roc_auc_score(yte, p), 4),
                      rounds_kept=int(kept))))
