"""The fixed sets the event coder reads: words of English and the classes of codes they stand for.

Function words that steer the parse ("unless", "with"), content words of general English grouped by
what they tell (verbs of killing, nouns of disorder, of fiction), and the PLOVER types, CAMEO sectors
and NER labels the coder treats alike. None is fitted to a corpus; the comments say where a set comes
from or what it stands for.
"""

from __future__ import annotations

from newsgraph.pipeline.events.lexicon import POLITICAL_SECTORS as LEXICON_POLITICAL_SECTORS

HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Participles that English dictionaries also list as prepositions ("barring a deal": unless there is one;
# "excluding one-off gains", "failing that", "pending a review"): heading a phrase of their own, they tell no act.
PARTICIPLE_PREPOSITIONS = frozenset(
    {
        "barring",
        "excepting",
        "excluding",
        "failing",
        "pending",
        "including",
        "regarding",
        "respecting",
        "concerning",
        "considering",
        "following",
        "saving",
    }
)
# Suffixes of English nouns of a quality or a state, and such nouns without one: what is endangered when something
# "threatens" it ("the viability of", "the independence of", "the future of").
QUALITY_SUFFIXES = ("ity", "ness", "hood", "ence", "ance")
QUALITIES = frozenset({"future", "survival", "safety", "health", "peace", "way"})
# Adverbs of English that make a future a forecast: "will likely", "would probably".
LIKELIHOOD = frozenset({"likely", "probably", "possibly", "perhaps", "maybe", "presumably", "conceivably"})
# A promise with "unless" is a threat: "will withdraw its force unless a ceasefire is arranged".
THREAT_MARKS = frozenset({"unless"})
PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "throughout", "around", "into", "within"})
# Prepositions through which a light verb takes its event noun: "went on strike", "put under investigation".
LIGHT_PREPS = frozenset({"on", "under", "into"})
# Nouns for what is said or written, whose "-ing" clause is done by whoever issued them.
REPORT_NOUNS = frozenset({"declaration", "statement", "resolution", "letter", "note", "communique", "message"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself", "yourselves"})
# Pronouns that may stand for an unnamed doer of violence ("they shot him"); "it hits you" and "that
# struck me" are idioms, whose "it" is no one.
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who", "whom"})
# Verbs whose subject event stops rather than happens: "the truce ended".
ENDING_VERBS = frozenset({"end", "collapse", "expire", "break", "fail", "stall", "falter", "lapse"})
# Light verbs that end what their event noun names: "ended the siege", "stopped its bombardment".
STOPPING = frozenset({"stop", "end"})
# Types whose target is the place itself when no one is named: "struck 400 targets in Gaza"
# (but "detained 14 activists in Istanbul" targets the activists, not the city).
PHYSICAL = frozenset({"ASSAULT", "COERCE"})
# Entity types that are political actors by kind, known to the dictionary or not.
POLITIES = frozenset({"GPE", "NORP"})
# The PLOVER manual's verbal categories that are statements, not meetings (CONSULT is "All consultations
# and meetings", which happen where a noun can tell them: "talks with Hamas").
SAID = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# The PLOVER manual's verbal acts made to someone, whose recipient is the one spoken to: "All requests, demands, and
# orders" (REQUEST), "Express disapproval; condemn; complain" (ACCUSE), "All rejections and refusals" (REJECT), threats.
ADDRESSED = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Entity types a modifier of an event noun names the other party by ("Washington's China trade talks").
PARTY_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Nouns of English for an undertaking whose kind the noun before them tells ("rescue operation", "relief mission").
UNDERTAKINGS = frozenset({"operation", "mission", "effort", "campaign"})
# What is offered, whose recipient is the one who takes it up or turns it down: the manual's AGREE ("Agree to, offer,
# promise ...") and AID ("All provision of humanitarian and development aid").
OFFERED = frozenset({"AGREE", "AID"})
# Verbs of English by which the one an offer is made to takes it up or turns it down.
TAKING = frozenset({"accept", "reject", "refuse", "decline", "spurn", "rebuff", "take", "welcome"})
# Entity types of places, which a bare noun of violence may name as struck ("the attack on Kharkiv").
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Types whose word alone tells the act with no one it is aimed at: violence and repression fall on
# whoever they name, a protest or a mobilisation needs no recipient.
BARE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# The PLOVER manual's reciprocal events ("Compound and Reciprocal Actors"): a meeting has all its parties as
# actors, and two-sided violence "all participants ... except when a Side A/Side B can be distinguished";
# with one actor and one recipient in our output, the sides named together are Side A and Side B.
RECIPROCAL_TYPES = frozenset({"CONSULT"})
# Verbs and nouns of English that tell a two-sided act with a joined subject ("protesters and police clashed").
SYMMETRIC = frozenset(
    {
        "clash",
        "fight",
        "fighting",
        "skirmish",
        "spar",
        "feud",
        "wrangle",
        "quarrel",
        "bicker",
        "negotiate",
        "talk",
        "conflict",
        "war",
        "battle",
        "altercation",
        "brawl",
        "scuffle",
        "standoff",
    }
)
# Adjectives of English telling the harm a violent act left its object in: "shot dead", "beaten unconscious".
HARM_RESULTS = frozenset({"dead", "unconscious", "senseless"})
# Nouns of English for fighting among many, told of a place: "Hong Kong's street battles", "the unrest in Iran".
DISORDER = frozenset(
    {
        "battle",
        "struggle",
        "fighting",
        "unrest",
        "riot",
        "violence",
        "turmoil",
        "uprising",
        "clash",
        "skirmish",
        "disorder",
        "chaos",
        "insurgency",
        "rebellion",
        "revolt",
        "upheaval",
    }
)
# Adverbs of English that mark a charge as not established: "for allegedly abusing his office".
ALLEGED = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
# Nouns of English for a course, an aim, a request or a risk, whose event noun has not happened: "paved the way for
# the annexation", "calls for the release of", "the threat of an invasion".
PROSPECTS = frozenset(
    {
        "way",
        "path",
        "door",
        "road",
        "plan",
        "proposal",
        "call",
        "demand",
        "push",
        "bid",
        "appeal",
        "request",
        "threat",
        "risk",
        "danger",
        "fear",
        "prospect",
        "possibility",
        "hope",
        "preparation",
    }
)
# Nouns of English for those who protest, whom a place's protest is theirs ("Hong Kong protests ... the protesters").
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "activist"})
# Verbs of English whose object lives: killing is done to people or animals, never to a place.
KILLING = frozenset({"kill", "slaughter", "murder", "massacre", "butcher", "slay", "assassinate", "hunt"})
# Nouns of English for a person by the part they play, with no agent suffix: "the suspect", "the culprit".
ROLES = frozenset({"suspect", "culprit", "captive", "accused", "assailant", "hostage", "attacker", "shooter"})
# Verbs whose object is the means, used on someone named by a preposition.
INSTRUMENTAL = frozenset({"use", "employ", "deploy"})
# Verbs that send people somewhere (CAMEO 150's "SEND", "DISPATCH", "DEPLOY"): their purpose types the move.
SENDING = frozenset({"send", "dispatch", "despatch", "deploy"})
# CAMEO's ORDER synonyms that command: "ORDER", "ENJOIN", "DICTATE", with "command", "direct", "instruct".
COMMANDS = frozenset({"order", "command", "direct", "instruct", "enjoin"})
# What another party is ordered to cease ("suspend publication", "stop broadcasting", "close its offices") or
# ordered to leave.
CEASING = frozenset({"stop", "suspend", "halt", "cease", "close", "shut", "end", "disband"})
DEPARTING = frozenset({"leave", "quit", "depart", "vacate"})
# Natural hazards of general English. The PLOVER manual, COERCE: "State of emergencies in relation to national
# disasters should generally not be coded as COERCE `restrict' absent evidence for their use as a repressive tactic":
# evacuations, closures and orders to stay indoors ahead of a storm restrict and ask no one for a political end.
NATURAL_HAZARDS = frozenset(
    {
        "hurricane",
        "typhoon",
        "cyclone",
        "storm",
        "tornado",
        "flood",
        "flooding",
        "wildfire",
        "bushfire",
        "earthquake",
        "quake",
        "tsunami",
        "eruption",
        "volcano",
        "landslide",
        "mudslide",
        "avalanche",
        "blizzard",
        "heatwave",
        "drought",
    }
)
# Prepositions that name the party an act is aimed at ("cut ties WITH the rebels", "withdrew aid FROM the region").
PARTY_PREPOSITIONS = frozenset({"with", "from", "to", "on", "against"})
PAYING = frozenset({"pay", "compensate", "refund", "repay"})
# Pronouns a described person may be referred to by ("the 57-year-old suspect ... he").
DESCRIBED_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# Cooperation of everyday life as much as of politics: offers, talks, concessions.
EVERYDAY = frozenset({"AGREE", "CONSULT", "CONCEDE"})
RECIPIENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Prepositions naming whom a thing given or imposed reaches: "asylum to", "sanctions on", "a ban against".
RECEIVING_PREPS = frozenset({"to", "on", "upon", "against"})
# Prepositions naming whom an act on a thing is aimed at: "closed its borders with Syria", "sent arms to Ukraine",
# "dismissed criticism from Britain", "brokered a truce between Israel and Hamas".
AIMED_PREPS = RECEIVING_PREPS | {"with", "from", "toward", "towards", "between"}
POLITICAL_SECTORS = LEXICON_POLITICAL_SECTORS | {"NGO", "IMG", "OPP", "PTY"}
# CAMEO's codes of firms: a business, a multinational.
BUSINESS = frozenset({"BUS", "MNC"})
FIRST_PERSON = frozenset({"i", "we"})
# Verbs of thanks and praise: CAMEO codes a thanks that is only announced as a symbolic act ("THANK: - WILL * [017]"),
# which the CAMEO -> PLOVER table leaves uncoded, not as the intent to cooperate the manual's AGREE is.
COURTESIES = frozenset({"thank", "congratulate", "salute", "commend", "praise", "applaud", "acknowledge"})
# Wrappers that tell a wish or an aim, not a commitment: they code only what they govern.
VOTES = frozenset({"vote"})
# Nouns whose clause is a proposition not asserted by the text: charges, theories, fears, possibilities.
UNASSERTED = frozenset(
    {
        "accusation",
        "allegation",
        "claim",
        "charge",
        "theory",
        "rumor",
        "rumour",
        "speculation",
        "suggestion",
        "suspicion",
        "fear",
        "possibility",
        "prospect",
        "notion",
        "idea",
        "doubt",
        "question",
    }
)
WISHES = frozenset({"want", "aim", "seek", "plan", "intend", "eager", "determined", "hope", "wish"})
# Nouns of what one side puts to another, whose acceptance withheld is a rejection: "did not accept the offer".
PROPOSALS = frozenset(
    {"offer", "proposal", "plan", "demand", "request", "deal", "terms", "invitation", "bid", "appeal", "ultimatum"}
)
# Verbs of weighing an act not yet decided: "considered sanctioning the Baltic states", "discussed sending troops".
CONTEMPLATING = frozenset({"consider", "contemplate", "weigh", "mull", "ponder", "debate", "discuss", "explore"})
# CAMEO sectors of the state: its government, armed and police forces and intelligence services.
STATE_FORCES = frozenset({"MIL", "COP", "SPY", "GOV"})
# The sectors of the state and its bodies: its forces, its courts and its legislature.
STATE_BODIES = STATE_FORCES | {"JUD", "LEG"}
# Sectors of those who command forces: the state's, and armed groups (rebels, insurgents, unidentified armed forces).
ARMED = STATE_FORCES | {"REB", "INS", "UAF", "IMG"}
# Works whose story is told: what happens in them is no event.
FICTION = frozenset(
    {"novel", "novella", "film", "movie", "plot", "storyline", "screenplay", "sitcom", "episode", "fiction", "thriller"}
)
# Types a person undergoes, so that a person's possessive before their noun is who it falls on ("Assange's
# arrest", "his extradition"), not who did it.
UNDERGONE = frozenset({"COERCE", "SANCTION"})
# Types reported without a known actor: an attack by unknown gunmen, an arrest by unnamed police.
UNCLAIMED = frozenset({"ASSAULT", "COERCE"})
# The words of violence English also says of words: "attacked the president", "assailed the plan".
ATTACKS = frozenset({"attack", "assail", "assault"})
# Phoenix PTY agents that name parties and politicians; its "faction" and "movement" name armed groups as often.
PARTY_WORDS = frozenset({"party", "politician"})
# Phoenix sectors of office-holders, whom a party attacks in words.
OFFICES = frozenset({"GOV", "LEG", "PTY", "JUD"})
# The PLOVER manual's ACCUSE allege: "sue, indict, or charge; bring to trial", the acts of prosecutors and courts.
JUDICIAL_CHARGES = frozenset({"charge", "indict", "sue", "prosecute"})
