"""The dates component: date expressions found, their tense read, and resolved to the calendar.

Importing the package registers the ``newsgraph_dates`` factory.
"""

from newsgraph.pipeline.dates.component import DateResolver, make_dates

__all__ = ["DateResolver", "make_dates"]
