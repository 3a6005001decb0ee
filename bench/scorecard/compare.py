#!/usr/bin/python3
"""The scorecard engine against a one-hot logistic regression on the same splits.

  /usr/bin/python3 bench/scorecard/compare.py --data FILE.csv --target COL --positive VALUE
        [--splits 5] [--engines scorecard] [--ptm-args "--calibration none"] [--work DIR]

Split k is train_test_split(stratify=y, test_size=0.2, random_state=k) of the file's rows,
written unchanged (every cell as text) to WORK/split-k/{train,test}.csv. Our engines go
through the product's command line, as a bank would use it: `ptm import train.csv`, `ptm
train --engine E --test-size 0` (every training row fits; calibration on cross-fitted
scores), `ptm score test.csv`; the held-out AUC is scikit-learn's roc_auc_score of the
scored file's Default_Probability, as for the reference. The reference is scikit-learn's
LogisticRegression(L2, C=1, lbfgs) on median-imputed, standardised numbers and
most-frequent-imputed one-hot categories (unknown test categories ignored), fitted on the
same training rows. Only an empty cell is missing for the reference; a column pandas reads
as numbers is numeric. Prints one line per split and the mean and sd per stack.
"""
import argparse, json, os, subprocess, sys, tempfile, time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def logistic_reference(train, test, target, positive):
    x_train, x_test = train.drop(columns=[target]), test.drop(columns=[target])
    numeric = [c for c in x_train.columns if pd.api.types.is_numeric_dtype(x_train[c])]
    categorical = [c for c in x_train.columns if c not in numeric]
    prep = ColumnTransformer([
        ('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), numeric),
        ('cat', make_pipeline(SimpleImputer(strategy='most_frequent'),
                              OneHotEncoder(handle_unknown='ignore')), categorical)])
    model = make_pipeline(prep, LogisticRegression(C=1.0, max_iter=5000))
    t0 = time.time()
    model.fit(x_train, (train[target].astype(str) == positive).astype(int))
    seconds = time.time() - t0
    p = model.predict_proba(x_test)[:, 1]
    return roc_auc_score((test[target].astype(str) == positive).astype(int), p), seconds


def ptm(db, *args):
    out = subprocess.run(['npm', 'run', '-s', 'ptm', '--', '--db', db, '--json', *args],
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f'ptm {" ".join(args)} failed: {out.stderr.strip()}')
    return json.loads(out.stdout)


def ours(folder, target, positive, engine, extra):
    db = os.path.join(folder, f'{engine}.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    ptm(db, 'import', os.path.join(folder, 'train.csv'), '--target', target, '--positive', positive)
    t0 = time.time()
    trained = ptm(db, 'train', '--engine', engine, '--test-size', '0', *extra)
    seconds = time.time() - t0
    scored = os.path.join(folder, f'{engine}-scored.csv')
    ptm(db, 'score', os.path.join(folder, 'test.csv'), '--out', scored)
    frame = pd.read_csv(scored, dtype={target: str}, keep_default_na=False)
    y = (frame[target] == positive).astype(int)
    return roc_auc_score(y, frame['Default_Probability'].astype(float)), seconds, trained


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--data', required=True)
    a.add_argument('--target', required=True)
    a.add_argument('--positive', required=True)
    a.add_argument('--splits', type=int, default=5)
    a.add_argument('--engines', default='scorecard')
    a.add_argument('--ptm-args', default='')
    a.add_argument('--work', default=None)
    o = a.parse_args()
    work = o.work or tempfile.mkdtemp(prefix='scorecard-bench-')
    raw = pd.read_csv(o.data, dtype=str, keep_default_na=False)
    typed = pd.read_csv(o.data, keep_default_na=False, na_values=[''])
    y = (raw[o.target] == o.positive).astype(int)
    results = {'logreg': []}
    for k in range(o.splits):
        train_idx, test_idx = train_test_split(np.arange(len(raw)), test_size=0.2, stratify=y, random_state=k)
        folder = os.path.join(work, f'split-{k}')
        os.makedirs(folder, exist_ok=True)
        raw.iloc[train_idx].to_csv(os.path.join(folder, 'train.csv'), index=False)
        raw.iloc[test_idx].to_csv(os.path.join(folder, 'test.csv'), index=False)
        auc, s = logistic_reference(typed.iloc[train_idx], typed.iloc[test_idx], o.target, o.positive)
        results['logreg'].append(auc)
        line = f'split {k}: logreg {auc:.4f} ({s:.2f} s)'
        for engine in o.engines.split(','):
            auc, s, _ = ours(folder, o.target, o.positive, engine, o.ptm_args.split())
            results.setdefault(engine, []).append(auc)
            line += f'   {engine} {auc:.4f} ({s:.1f} s)'
        print(line, flush=True)
    for stack, aucs in results.items():
        print(f'{stack:>10}: mean AUC {np.mean(aucs):.4f} sd {np.std(aucs, ddof=1):.4f}')


if __name__ == '__main__':
    main()
