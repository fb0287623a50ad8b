"""Set-up of a Spark Python worker: keep the import-cache reset pyspark does before every task cheap.

pyspark's worker calls ``importlib.invalidate_caches()`` at the start of every task. On
Python 3.11 each zip importer then reads its whole archive's directory again, in Python,
once per importer: a worker has one for every package it imported from ``pyspark.zip``,
py4j's zip and Spark's core jar (all on the worker's PYTHONPATH), 17 in this job's workers,
and the reset cost 0.12 CPU-seconds a task (measured; about 3% of a benchmark worker's
CPU). Python 3.12 reads the directory again only when it is next needed. Here an archive
whose size and modification time have not changed keeps the directory already read; a
changed one is read again, as before.
"""

from __future__ import annotations

import os
import sys
import zipimport

_stamps: dict[str, tuple[int, int]] = {}
_prepared = False


def _stamp(archive: str) -> tuple[int, int] | None:
    try:
        status = os.stat(archive)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _invalidate_if_changed(importer: zipimport.zipimporter, reread: object) -> None:
    archive = importer.archive
    stamp = _stamp(archive)
    known = zipimport._zip_directory_cache.get(archive)  # type: ignore[attr-defined]
    if stamp is not None and known is not None and _stamps.get(archive) == stamp:
        importer._files = known  # type: ignore[attr-defined]
        return
    reread(importer)  # type: ignore[operator]
    if stamp is not None:
        _stamps[archive] = stamp


def in_spark_worker() -> bool:
    """Whether this process is a pyspark Python worker (pyspark marks it before it runs a task's code)."""
    files = sys.modules.get("pyspark.core.files")
    return bool(files is not None and getattr(files.SparkFiles, "_is_running_on_worker", False))


def prepare() -> None:
    """Make a worker's per-task import-cache reset cheap (Python 3.11 only; once per process)."""
    global _prepared
    if _prepared or sys.version_info >= (3, 12) or not in_spark_worker():
        return
    _prepared = True
    reread = zipimport.zipimporter.invalidate_caches
    zipimport.zipimporter.invalidate_caches = lambda self: _invalidate_if_changed(self, reread)  # type: ignore[method-assign]
