"""Score the whole loan book in Spark with an exported workbench model (a pandas UDF).

    spark-submit --py-files ptm_onnx.py --files MODEL.onnx spark_udf.py MODEL.onnx LOANS_PATH SCORED_PATH

Each executor loads the model once per task and scores Arrow batches of rows; the
workers need `onnxruntime` and `pandas` installed. Input: a CSV with a header (any
columns; the model's input columns must be among them). Output: the input columns plus
Default_Probability, Default_Prediction and Risk_Grade, as Parquet.
"""
import sys
from typing import Iterator

import onnxruntime as ort
import pandas as pd
from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F

from ptm_onnx import score

RESULT = "Default_Probability double, Default_Prediction long, Risk_Grade string"


def main(model_path: str, loans_path: str, scored_path: str) -> None:
    spark = SparkSession.builder.appName("ptm-onnx-scoring").getOrCreate()
    model_file = model_path.rsplit("/", 1)[-1]
    inputs = [i.name for i in ort.InferenceSession(model_path).get_inputs()]

    @F.pandas_udf(RESULT)
    def score_udf(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        session = ort.InferenceSession(SparkFiles.get(model_file), providers=["CPUExecutionProvider"])
        for frame in batches:
            yield score(session, frame).reset_index(drop=True)

    # Every cell as text, as written (no schema inference): ptm_onnx.feeds reads numbers and missing values.
    loans = spark.read.option("header", True).option("inferSchema", False).csv(loans_path)
    scored = loans.withColumn("score", score_udf(F.struct(*[F.col(f"`{c}`") for c in inputs])))
    scored.select("*", "score.*").drop("score").write.mode("overwrite").parquet(scored_path)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: spark-submit --py-files ptm_onnx.py --files MODEL.onnx spark_udf.py MODEL.onnx LOANS_PATH SCORED_PATH")
    main(*sys.argv[1:])
