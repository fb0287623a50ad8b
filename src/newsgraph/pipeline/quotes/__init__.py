"""The quotes component: who said (or thought) what, with the words that say so.

The rules find quotes in marks (``direct.py``, ``singles.py``, ``posts.py``) and reports
in the parse (``indirect.py``; what a verb reports in ``content.py``, whom a report is by in
``reporters.py``, cue lexicon in ``cues.py``, a cue's subject in ``subjects.py``, the speaker's phrase
in ``speaker_phrase.py``, "Name:" labels in ``labels.py``); a scorer learned from PolNeAR
adds reports the lexicon lacks (``learned.py``); the attribution model (``attribution.py``)
weighs them (``weighing.py``). ``component.py`` puts them together (speakers of quotes in
marks in ``direct_speakers.py``, reports meeting marks in ``mixed.py``, the last pass in
``finishing.py``). Speakers are resolved
to entities by the separate ``newsgraph_speakers`` component (``pipeline/speakers.py``).

Importing the package registers the ``newsgraph_quotes`` factory.
"""

from newsgraph.pipeline.quotes.component import QuoteFinder, make_quotes

__all__ = ["QuoteFinder", "make_quotes"]
