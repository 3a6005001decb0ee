#!/usr/bin/python3
"""Reference for `ptm inspect`: pandas read_csv, describe (every column) and the Pearson
correlation of the numeric columns, the EDA a Python user starts with.

usage: pd_inspect.py CSV      Prints one JSON line: seconds of each step."""
import json, sys, time
import pandas as pd

t0 = time.perf_counter()
d = pd.read_csv(sys.argv[1])
t1 = time.perf_counter()
summary = d.describe(include='all')
corr = d.corr(numeric_only=True)
t2 = time.perf_counter()
print(json.dumps(dict(rows=len(d), columns=summary.shape[1], corr_columns=corr.shape[0],
                      read_csv_s=round(t1 - t0, 3), describe_corr_s=round(t2 - t1, 3),
                      total_s=round(t2 - t0, 3))))
