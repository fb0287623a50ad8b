"""A Spark worker's per-task import-cache reset keeps an unchanged archive's directory and reads a changed one."""

from __future__ import annotations

import zipfile
import zipimport
from pathlib import Path

from newsgraph.spark.worker import _invalidate_if_changed


def _archive(path: Path, modules: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, source in modules.items():
            archive.writestr(f"{name}.py", source)


def test_an_unchanged_archive_is_not_read_again_and_a_changed_one_is(tmp_path: Path) -> None:
    path = tmp_path / "lib.zip"
    _archive(path, {"first": "A = 1\n"})
    importer = zipimport.zipimporter(str(path))
    reads: list[str] = []

    def reread(target: zipimport.zipimporter) -> None:
        reads.append(target.archive)
        zipimport.zipimporter.invalidate_caches(target)

    _invalidate_if_changed(importer, reread)
    _invalidate_if_changed(importer, reread)
    assert len(reads) == 1
    _archive(path, {"first": "A = 1\n", "second": "B = 2\n"})
    _invalidate_if_changed(importer, reread)
    assert len(reads) == 2
    assert importer.find_spec("second") is not None
