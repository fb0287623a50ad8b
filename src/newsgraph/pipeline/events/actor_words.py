"""The fixed word sets the actor finder reads: pronouns by person and number, group nouns that stand for their "of"
phrase, descriptions that point back to a name, the types of names that act and of those that are places or things.
"""

from __future__ import annotations

PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
THING = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
SPEAKER = frozenset({"i", "we", "me", "us", "our", "my"})
PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})
# Group nouns that stand for their "of" phrase: "a group of Moroccan diplomats".
PARTITIVE = frozenset(
    {
        "group",
        "number",
        "member",
        "dozen",
        "hundred",
        "thousand",
        "some",
        "most",
        "many",
        "all",
        "part",
        "batch",
        "patch",
        "contingent",
        "team",
        "wave",
        "band",
        "unit",
        "one",
        "two",
        "several",
        "couple",
    }
)
# Nouns of English for one person, by which a story refers back to someone it named ("the man", "the woman").
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "teenager", "youth", "suspect"})
# Endings of English nouns for one who does what a verb names ("attacker", "adviser", "supervisor").
PERSON_SUFFIXES = ("er", "or")
# Heads of descriptions that point back to a named organisation or country ("the militant group").
ORG_DESCRIPTIONS = frozenset({"group", "organization", "organisation", "movement", "militant", "faction", "party"})
PLACE_DESCRIPTIONS = frozenset({"country", "nation", "government", "regime", "state", "kingdom", "republic"})
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Named things that cannot act: a bridge (FAC), a river (LOC), a ship's name (PRODUCT), a storm (EVENT).
THING_TYPES = frozenset({"FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
DEFINITE = frozenset({"the", "this", "that"})
DROP_LEADING = frozenset({"DET", "NUM", "PUNCT", "ADP", "PRON", "CCONJ", "SYM"})
ORGANISE = frozenset({"organiser", "organizer", "organise", "organize"})
WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "off", "within"})
# Quantifiers that make a group noun generic: "most people won't appreciate", "many businesses agree".
GENERIC = frozenset({"most", "many", "few", "all", "every", "any", "no"})
# Prepositions through which a thing names whom it goes to, is shared with or where ("aid to Kenya",
# "aid deliveries in Baghdad").
THING_PARTY_PREPS = frozenset({"to", "with", "for", "against", "from", "in"})
# Clauses hung on a noun, which describe its referent rather than name whose it is.
CLAUSES = frozenset({"acl", "relcl", "appos", "advcl"})
# CAMEO's sectors of the state: government, military, police, judiciary, legislature, intelligence.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Built places that people hold, guard or use: an act on one is aimed at whoever holds it, not at the town it is in.
# The PLOVER manual's recipient is "the entity or entities to whom the event is directed", and the place is the
# event's location ("event_loc"): "shelled an army post in Jaffna" is aimed at the army, "blocked the Rukban
# crossing point" at no one named. General English nouns for installations, dwellings, places of worship and
# military positions (WordNet's facility, structure and dwelling).
FACILITIES = frozenset(
    {
        "airbase",
        "airfield",
        "airport",
        "barracks",
        "base",
        "camp",
        "checkpoint",
        "church",
        "compound",
        "consulate",
        "crossing",
        "depot",
        "embassy",
        "facility",
        "factory",
        "garrison",
        "harbor",
        "harbour",
        "headquarters",
        "home",
        "hospital",
        "house",
        "installation",
        "mosque",
        "office",
        "outpost",
        "plant",
        "point",
        "port",
        "position",
        "post",
        "refinery",
        "residence",
        "school",
        "station",
        "synagogue",
        "temple",
        "terminal",
        "warehouse",
    }
)
