"""PLOVER events: the spaCy component and the modules it reads.

``lexicon`` holds the words and frames (generated from the CAMEO dictionaries),
``syntax`` reads who did what to whom from the parse, ``actors`` names and codes the
actors, ``senses`` tells a literal reading from a figurative one, and ``counts`` links
casualty figures. Importing the package registers the ``newsgraph_events`` factory.
"""

from newsgraph.pipeline.events.component import make_events

__all__ = ["make_events"]
