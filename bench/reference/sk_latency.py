#!/usr/bin/python3
"""Reference for /predict: scikit-learn's predict_proba on one row at a time, the model of
sk_batch.py (RandomForestClassifier 200 trees, depth 15, n_jobs=2) fitted on TRAIN_CSV
(all-numeric). Times CALLS one-row calls after WARMUP, each on another row of the file.

usage: sk_latency.py TRAIN_CSV TARGET CALLS [WARMUP]   Prints one JSON line: milliseconds."""
import json, sys, time
import numpy as np, pandas as pd
from sklearn.ensemble import RandomForestClassifier

train, target, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])
warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 20
d = pd.read_csv(train)
y = d.pop(target)
X = d.values
rf = RandomForestClassifier(n_estimators=200, max_depth=15, n_jobs=2, random_state=1).fit(X, y.values)
ms = []
for i in range(warmup + calls):
    row = X[i % len(X)].reshape(1, -1)
    t0 = time.perf_counter()
    rf.predict_proba(row)
    if i >= warmup:
        ms.append((time.perf_counter() - t0) * 1000)
ms = np.array(ms)
print(json.dumps(dict(calls=calls, p50_ms=round(float(np.percentile(ms, 50)), 3),
                      p99_ms=round(float(np.percentile(ms, 99)), 3), mean_ms=round(float(ms.mean()), 3))))
