"""Inputs for a model exported by `ptm export-model --format onnx`, from a pandas DataFrame.

The model takes one [N, 1] tensor per raw input column, named as the column:
numbers as float64 with NaN for missing, categories as trimmed text with "" for missing
(any text the model never saw in training, "" included, scores as the most frequent
category, exactly as the workstation scores it).
"""
import numpy as np
import pandas as pd

# The workbench's spellings of "no value", compared trimmed and in any case.
MISSING = {"", "na", "n/a", "null", "nan", "-", "?", "none", "#n/a"}

OUTPUTS = ["Default_Probability", "Default_Prediction", "Risk_Grade"]


def _missing(column: pd.Series) -> pd.Series:
    return column.isna() | column.astype(str).str.strip().str.lower().isin(MISSING)


def feeds(session, frame: pd.DataFrame) -> dict:
    """One input tensor per model input, from columns of text (read_csv(dtype=str)) or typed columns."""
    out = {}
    for spec in session.get_inputs():
        column = frame[spec.name]
        missing = _missing(column)
        if spec.type == "tensor(double)":
            # Plain decimal numbers only: anything else raises (clean such cells before scoring).
            numbers = pd.to_numeric(column.where(~missing), errors="raise")
            out[spec.name] = numbers.to_numpy(np.float64).reshape(-1, 1)
        else:
            text = column.astype(str).str.strip().where(~missing, "")
            out[spec.name] = text.to_numpy(object).reshape(-1, 1)
    return out


def score(session, frame: pd.DataFrame) -> pd.DataFrame:
    """Default_Probability, Default_Prediction and Risk_Grade of every row of `frame`."""
    probability, decision, grade = session.run(OUTPUTS, feeds(session, frame))
    return pd.DataFrame(
        {"Default_Probability": probability.ravel(), "Default_Prediction": decision.ravel(), "Risk_Grade": grade.ravel()},
        index=frame.index,
    )
