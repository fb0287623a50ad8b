"""newsgraph on Apache Spark: the same readers and pipeline as ``ingest``, over a cluster, into Parquet.

``newsgraph spark INPUT... --out DIR`` (or ``spark-submit`` of ``newsgraph/spark/__main__.py``)
runs ``job.run``; ``newsgraph load DIR --db URL`` (``load.py``, no Spark needed) brings the
tables into a store. Importing this package does not import pyspark: only the job needs it.
In a Spark Python worker, importing it makes the worker's per-task set-up cheaper (``worker.py``).
"""

from newsgraph.spark.worker import prepare

prepare()
