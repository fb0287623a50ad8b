"""The figures component: numbers read, widened into ranges and units, filtered, and put in context.

Importing the package registers the ``newsgraph_figures`` factory.
"""

from newsgraph.pipeline.figures.component import FigureFinder, find_figures, make_figures

__all__ = ["FigureFinder", "find_figures", "make_figures"]
