"""PLOVER events: the spaCy component and the modules it reads.

``component`` is the spaCy component: ``drafts`` finds the drafts of events in a sentence
(with ``arguments`` reading who did it to whom and ``modality`` whether it was done), and
``building`` turns them into events. ``lexicon`` holds the words and frames (generated from
the CAMEO dictionaries), ``words`` the fixed word sets and code classes, ``syntax`` the
shapes of the parse, ``actors`` names and codes the actors, ``senses`` tells a literal
reading from a figurative one, and ``counts`` links casualty figures. Importing the package
registers the ``newsgraph_events`` factory.
"""

from newsgraph.pipeline.events.component import make_events

__all__ = ["make_events"]
