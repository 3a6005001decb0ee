#!/usr/bin/python3
"""Reference for `ptm import`: pandas read_csv, then DataFrame.to_sql into a new SQLite file
(one table, one transaction), as a Python user would load a CSV into a database.

usage: pd_import.py CSV DB      Prints one JSON line: read_csv and to_sql seconds."""
import json, os, sqlite3, sys, time
import pandas as pd

csv, db = sys.argv[1:3]
if os.path.exists(db):
    os.remove(db)
t0 = time.perf_counter()
d = pd.read_csv(csv)
t1 = time.perf_counter()
con = sqlite3.connect(db)
d.to_sql('loans', con, index=False, chunksize=100_000)
con.commit()
con.close()
t2 = time.perf_counter()
print(json.dumps(dict(rows=len(d), read_csv_s=round(t1 - t0, 3), to_sql_s=round(t2 - t1, 3),
                      total_s=round(t2 - t0, 3))))
