"""Check a central run against the workstation on the same sample.

    python compare_runs.py WORKSTATION.csv CENTRAL.csv [--key Customer_ID]

WORKSTATION.csv is `ptm score SAMPLE.csv --out WORKSTATION.csv` on a branch workstation;
CENTRAL.csv is the same sample scored centrally (score_csv.py or the Spark job). Rows are
matched by the key column, else by position. The runs agree when every probability is
within 1e-3, at least 99.9 % are within 1e-5, and every decision and grade is the same.
Prints the figures as JSON; exits 0 when the runs agree, 1 when not.
"""
import argparse
import json
import sys

import pandas as pd

COLUMNS = ["Default_Probability", "Default_Prediction", "Risk_Grade"]


def read(path: str, key: str | None) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"Risk_Grade": str}, keep_default_na=False)
    return (frame.set_index(frame[key].astype(str)) if key else frame)[COLUMNS]


def compare(workstation: pd.DataFrame, central: pd.DataFrame) -> dict:
    both = workstation.join(central, how="left", rsuffix="_central")
    missing = int(both["Default_Probability_central"].isna().sum())
    both = both.dropna(subset=["Default_Probability_central"])
    diff = (both["Default_Probability"] - both["Default_Probability_central"]).abs()
    result = {
        "compared": len(both),
        "missingInCentral": missing,
        "maxAbsDiff": float(diff.max()) if len(both) else None,
        "withinShare": float((diff <= 1e-5).mean()) if len(both) else 0.0,
        "decisionMismatches": int((both["Default_Prediction"] != both["Default_Prediction_central"]).sum()),
        "gradeMismatches": int((both["Risk_Grade"] != both["Risk_Grade_central"]).sum()),
    }
    result["ok"] = bool(
        len(both) > 0 and missing == 0 and result["maxAbsDiff"] <= 1e-3 and result["withinShare"] >= 0.999
        and result["decisionMismatches"] == 0 and result["gradeMismatches"] == 0
    )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workstation")
    parser.add_argument("central")
    parser.add_argument("--key")
    args = parser.parse_args()
    result = compare(read(args.workstation, args.key), read(args.central, args.key))
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)
