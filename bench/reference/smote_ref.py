#!/usr/bin/python3
"""Reference for SMOTE-NC: imbalanced-learn on the rows our SMOTE-NC balances (written by
bench/steps/smote.ts: standardised numeric features, categorical codes, the 0/1 target).

usage: smote_ref.py CSV K NUM_CATEGORICAL   (the categorical columns are the last NUM_CATEGORICAL
before the target)       Prints one JSON line: seconds of SMOTENC and of SMOTE on the same rows."""
import json, sys, time
import pandas as pd
from imblearn.over_sampling import SMOTE, SMOTENC

csv, k, num_cat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
d = pd.read_csv(csv)
y = d.pop('y').values
X = d.values
cats = list(range(X.shape[1] - num_cat, X.shape[1]))
t0 = time.perf_counter()
Xn, yn = SMOTENC(categorical_features=cats, k_neighbors=k, random_state=42).fit_resample(X, y)
t1 = time.perf_counter()
Xs, ys = SMOTE(k_neighbors=k, random_state=42).fit_resample(X, y)
t2 = time.perf_counter()
print(json.dumps(dict(rows=len(y), synthetic=int(len(yn) - len(y)), smotenc_s=round(t1 - t0, 3),
                      smote_s=round(t2 - t1, 3))))
