"""newsgraph on Apache Spark: the same readers and pipeline as ``ingest``, over a cluster, into Parquet.

``newsgraph spark INPUT... --out DIR`` (or ``spark-submit`` of ``newsgraph/spark/__main__.py``)
runs ``job.run``; ``newsgraph load DIR --db URL`` (``load.py``, no Spark needed) brings the
tables into a store. Importing this package does not import pyspark: only the job needs it.
"""
