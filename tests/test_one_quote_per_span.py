"""One stretch of text is one quote: the rules and the learned scorer never both report it (issue 14)."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.conftest import EXAMPLES, POLNEAR_DEV, need_shared

from newsgraph.ingest import read_paths
from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor

# The PolNeAR dev article where the rules and the scorer both took the same report.
TWICE = "nyt_2016-09-08_obama-on-climate-change-the-tren.txt"


@pytest.mark.shared
def test_a_polnear_report_found_twice_is_one_quote(extractor: Extractor) -> None:
    (article,) = read_paths([need_shared(POLNEAR_DEV / "text" / TWICE)])
    quotes = extractor.extract(article).quotes
    spans = Counter((q.start, q.end) for q in quotes)
    assert spans.most_common(1)[0][1] == 1
    assert all(q.continues in {o.id for o in quotes} for q in quotes if q.continues)


def test_no_sample_article_has_two_quotes_on_one_span(extractor: Extractor) -> None:
    for result in extractor.extract_many(read_paths([EXAMPLES])):
        assert isinstance(result, Extraction), result.error
        spans = Counter((q.start, q.end) for q in result.quotes)
        assert not [s for s, n in spans.items() if n > 1], result.article.source
