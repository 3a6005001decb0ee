"""Score a CSV file with an exported workbench model, as `ptm score` does on a workstation.

    pip install onnxruntime pandas
    python score_csv.py MODEL.onnx LOANS.csv SCORED.csv

Writes every input column, then Default_Probability (6 decimals), Default_Prediction and
Risk_Grade, reading the file in chunks so its size does not matter.
"""
import sys

import onnxruntime as ort
import pandas as pd

from ptm_onnx import score


def main(model_path: str, input_path: str, output_path: str, chunk_rows: int = 100_000) -> None:
    session = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])
    # Every cell as text, as written: ptm_onnx.feeds decides what is a number and what is missing.
    chunks = pd.read_csv(input_path, dtype=str, keep_default_na=False, chunksize=chunk_rows)
    for i, chunk in enumerate(chunks):
        scored = chunk.join(score(session, chunk))
        scored.to_csv(output_path, mode="w" if i == 0 else "a", header=i == 0, index=False, float_format="%.6f")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python score_csv.py MODEL.onnx LOANS.csv SCORED.csv")
    main(*sys.argv[1:])
