"""Build newsgraph's event lexicon from the CAMEO verb dictionary and the CAMEO -> PLOVER table.

    .venv/bin/python scripts/build_event_lexicon.py [--dictionaries ../shared/data/event-dictionaries]

Reads ``CAMEO.2.0.txt`` (the PETRARCH verb pattern dictionary, MIT) and
``CAMEO2PLOVER-2021.txt`` (the official conversion table, CC BY-SA 4.0), converts every verb
and every pattern (object, particle, preposition phrase, subject) to a PLOVER type and mode,
reads from the PLOVER manual (``PLOVER_MANUAL.tex``, CC BY-SA 4.0) which types require a recipient,
and writes ``src/newsgraph/pipeline/data/events_lexicon.json`` together with the grammar
lists and the few hand entries of ``scripts/event_lexicon_hand.json`` (each of those says
which definition of the PLOVER manual calls for it). The output is deterministic: the same
inputs give the same bytes, so a diff of the shipped file shows what a dictionary change did.

The conversion table's CAMEO code descriptions ("1662 ... # Expel or withdraw inspectors, observers") give
verb-object frames the verb patterns lack ("expelled the inspectors" is SANCTION expel, not COERCE deport).

Event nouns come from the same patterns: the object of a light verb ("stage a STRIKE",
"launch an ATTACK") is coded with that pattern's code.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DICTIONARIES = ROOT.parent / "shared" / "data" / "event-dictionaries"
HAND = ROOT / "scripts" / "event_lexicon_hand.json"
OUTPUT = ROOT / "src" / "newsgraph" / "pipeline" / "data" / "events_lexicon.json"

# Words right after the verb that the parser reads as particles ("set OFF", "put UP").
PARTICLES = frozenset({"out", "off", "up", "down", "back", "away", "forward", "over", "aside", "around", "in", "on"})
# Verbs that do what their object names ("stage a strike", "launch an attack"): their patterns' objects
# are the event nouns. Verbs that give, offer, end or call for something are left out, because
# their object is not the act ("offer aid" is AID but "call for aid" is a REQUEST).
# A pattern counts for the verb it was found with (the dictionary's comment), not its whole synonym block.
DOING_VERBS = frozenset({"stage", "launch", "mount", "conduct", "wage", "hold", "unleash", "impose", "organize"})
# The dictionary's synonym sets that class nouns by what they name, which the senses read (can it act,
# can it suffer violence): people and their groups, places, vehicles, weapons.
NOUN_CLASSES = (
    "&PEOPLE", "&MILITARY", "&LEADER", "&OPPOSITION", "&SUSPECT", "&REFUGEE", "&HOSTAGE", "&NEGOTIATOR",
    "&TOWN", "&STRONGHOLD", "&CAR", "&AIRCRAFT", "&WEAPON",
)  # fmt: skip
# Nouns of an undertaking, which name no act until a modifier or a preposition does ("military campaign", "campaign
# against", "peacekeeping mission"): the dictionary codes the bare noun as whatever its verb's coder met ("LAUNCH *
# CAMPAIGN [020]", an appeal; "* MISSION" 036, 045, 050, 074, 160 and 1712 under eight verbs), and the block's other
# verbs share the pattern, so "launched the campaign" was a REQUEST, which the PLOVER manual keeps for verbal acts
# ("All requests, demands, and orders ... All requests are verbal acts"), and "launched a rescue mission" an AGREE.
UNDERTAKINGS = frozenset({"campaign", "campaigns", "mission", "missions"})
# The PLOVER manual's quad categories VERBAL COOPERATION and VERBAL CONFLICT: acts that are said.
VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# The PLOVER manual's quad category MATERIAL CONFLICT (and PROTEST): acts whose bare noun names the act.
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Objects that make CAMEO's "strike or boycott" a strike: the work abandoned.
LABOUR = frozenset({"work", "job", "strike", "walkout", "tool"})
# Objects that make CAMEO's "embargo, boycott, or sanctions" the manual's sanctions.
SANCTIONS = frozenset({"sanction", "sanctions"})
# The manual's ACCUSE allege: "sue, indict, or charge; bring to trial".
CHARGING = frozenset({"charge", "indict", "sue", "prosecute", "accuse"})
# The manual's SANCTION convict: "Find an entity or behavior guilty ... in a court of law ... found guilty and
# sentenced or sanctioned via court-order". CAMEO codes convicting, sentencing and a court's condemning as 172/173
# (administrative sanctions, arrest); the manual's COERCE arrest is "Arrest, detain" and its imprisonment comes only
# "also" with a conviction's sentence. CAMEO writes "FIND * GUILTY [173]" under the origins "find" and "found".
CONVICTING = frozenset({"convict", "sentence", "condemn", "find", "found"})
# The delexical ("light") verbs of English grammar: do, give, have, make, take, get, go, come, put, set,
# keep, hold, bring, run, turn. Their meaning comes from their object ("take CONTROL", "give AID",
# "go ON STRIKE"), so they code an event only through a pattern whose object or preposition phrase
# names it; their bare readings ("took a step", "went after him", "gave a talk") and their particle-only
# patterns ("take over", "go ahead") are no event.
GENERAL_VERBS = frozenset(
    {"do", "give", "have", "make", "take", "get", "go", "come", "put", "set", "keep", "hold", "bring", "run", "turn"}
)
# Pattern words that carry no lexical condition (PETRARCH's markers and function words).
MARKERS = frozenset({"$", "^", "+", "%", "a", "an", "the", "of"})
NO_EVENT = "NONE"
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Pattern:
    """One CAMEO pattern in newsgraph's terms."""

    code: str
    origin: str = ""
    reverse: bool = False
    subject: set[str] = field(default_factory=set)
    particle: str | None = None
    objects: list[str] = field(default_factory=list)
    preps: list[str] = field(default_factory=list)

    def frame(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.subject:
            out["subject"] = sorted(self.subject)
        if self.particle:
            out["particle"] = [self.particle]
        if self.objects:
            out["object"] = sorted(set(self.objects))
        if self.preps:
            out["prep"] = sorted(set(self.preps))
        out["type"] = self.code
        if self.reverse:
            out["reverse"] = True
        return out

    def conditions(self) -> int:
        return bool(self.subject) + bool(self.particle) + bool(self.objects) + bool(self.preps)


# Modes of the conversion table that the PLOVER manual's mode tables name otherwise, each by the manual's
# definition of the mode it maps to. ASSAULT targeted: "Targeted killings, including (successful and attempted)
# assassinations and executions, as well as deliberate mass killings of defenseless actors"; COERCE restrict:
# "the banning of individuals or organizations from political life"; THREATEN restrict: "the banning of political
# activities of particular parties or individuals"; RETREAT withdraw: "Retreat from territory or withdraw forces
# from an area" (CAMEO's "return, release" of troops is their withdrawal).
MANUAL_MODES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("COERCE", "ban"): "restrict",
    ("THREATEN", "ban"): "restrict",
    ("RETREAT", "return"): "withdraw",
}


# Rows of the conversion table whose type the PLOVER manual's definitions name otherwise. CONCEDE: "the promise of
# future concessions such easing of administrative or legal restrictions on persons and organizations, removing
# curfews"; the table's 0813 "Ease curfew" and 0814 "Ease state of emergency or martial law" are RETREAT.
MANUAL_TYPES = {"0813": "CONCEDE", "0814": "CONCEDE"}


def read_manual_modes(manual: Path) -> dict[str, frozenset[str]]:
    """Each type's modes as the PLOVER manual's mode tables list them ("arrest & Arrest, detain \\\\")."""
    sections = re.split(r"\\section\{([A-Z]+)\}", manual.read_text(encoding="utf-8"))
    return {
        name: frozenset(re.findall(r"^([a-z][a-z_-]*)\s*&", body, flags=re.M))
        for name, body in zip(sections[1::2], sections[2::2], strict=True)
    }


def read_plover_table(path: Path, modes: dict[str, frozenset[str]]) -> dict[str, str]:
    """CAMEO code -> "TYPE" or "TYPE/mode" from the conversion table.

    A row is "code: TYPE, mode, context", but some rows put a context or a mode of CAMEO's own where the
    mode goes ("175: ASSAULT, pro_autocracy, military", "1722: COERCE, ban"): a mode the manual does not list
    for its type is read as the manual's mode of that definition (``MANUAL_MODES``), else left out.
    """
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line or line.startswith("~"):
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if len(code.strip()) < 3 or not fields[0]:
            continue  # two-digit roots are headings ("08: RETREAT" and "08: CONCEDE" both appear)
        kind = fields[0]
        mode = fields[1] if len(fields) > 1 else ""
        mode = MANUAL_MODES.get((kind, mode), mode if mode in modes.get(kind, ()) else "")
        table.setdefault(code.strip(), MANUAL_TYPES.get(code.strip(), f"{kind}/{mode}" if mode else kind))
    return table


def plover_code(cameo: str, table: dict[str, str]) -> str | None:
    """The PLOVER code of a CAMEO code, through its nearest listed parent.

    Two CAMEO roots have no PLOVER type (the manual's conversion table marks them
    "dropped"). 01 MAKE PUBLIC STATEMENT is no event. 02 APPEAL is coded REQUEST: the
    manual defines REQUEST as "All requests, demands, and orders", which an appeal is.
    """
    cameo = cameo.strip()
    if cameo in ("---", ""):
        return NO_EVENT
    if not cameo.isdigit():
        return None
    if cameo.startswith("01"):
        return NO_EVENT
    if cameo.startswith("02"):
        return "REQUEST"
    code = cameo
    while len(code) >= 3:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def generic(cameo: str) -> bool:
    """The general code of a mutual category: "040 Consult", "060 Engage in material cooperation".

    Both are between two parties (the PLOVER manual: COOPERATE "requires recipient: Yes";
    CONSULT is meetings and consultations), and the dictionary gives their general codes to
    verbs of moving and dealing ("arrive", "leave", "handle", "buy"), so such a verb codes
    one only when it names the party met or dealt with.
    """
    return cameo.strip() in ("040", "060")


def first_code(bracket: str) -> str:
    """ "[042:043]" codes the actor's and the target's act; the actor's is the event told."""
    parts = [p for p in bracket.split(":") if p.strip()]
    return parts[0] if parts else ""


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            name = line.split()[0]
            sets[name] = []
        elif line.startswith("+") and name is not None:
            sets[name].append(_word(line[1:].split("#")[0].strip()))
    return sets


def _word(text: str) -> str:
    """CAMEO spelling to ours: upper case, '_' between words, a final '_' for "no inflection"."""
    return text.strip("_").replace("_", " ").lower()


def _phrases(tokens: list[str], synsets: dict[str, list[str]]) -> list[str]:
    """Every phrase a sequence of pattern words stands for, synonym sets expanded."""
    choices = [synsets.get(t.upper(), [_word(t)]) if t.startswith("&") else [_word(t)] for t in tokens]
    # Words stay as the dictionary spells them: the parse gives each token's own form and its lemma,
    # so "PRISONERS" meets "prisoners", while a plural-only noun keeps its sense ("GOODS" is no "good",
    # "TALKS" no "pep talk").
    return [" ".join(words) for words in product(*choices)]


def _tokens(text: str) -> list[str]:
    """Pattern text to tokens, with {braced phrases} and (prep phrases) kept as groups."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


def read_pattern(text: str, code: str, synsets: dict[str, list[str]]) -> Pattern | None:
    """ "- * OFF (FROM ^) [042]": what the verb needs around it, or None for what we cannot read."""
    if "*" not in text:
        return None
    before, _, after = text.partition("*")
    pattern = Pattern(code)
    for token in _tokens(before):
        words = [w for w in token.strip("{}").split() if w.lower() not in MARKERS]
        if any(w.upper() in ("WILL", "NOT", "TO") or w.upper().startswith(("&AUX", "&TOBE")) for w in words):
            return None  # auxiliaries, modals and negation are read by the coder's own rules, not by words
        if words:
            pattern.subject.update(p.split()[-1] for p in _phrases(words, synsets))
    bare: list[str] = []
    groups: list[list[str]] = []
    for index, token in enumerate(_tokens(after)):
        if token.startswith("("):
            words = token.strip("()").replace("{", " ").replace("}", " ").split()
            if not words or words[0].startswith("&") or words[0] in MARKERS - {"of"}:
                continue
            head = [words.pop(0).lower()]
            if words and words[0].lower() in ("of", "from", "to"):
                head.append(words.pop(0).lower())  # "(OUT OF GOVERNMENT)": the parser's "out of"
            words = [w for w in words if w.lower() not in MARKERS]
            rest = _phrases(words, synsets) if words else [""]
            groups.append([f"{' '.join(head)} {r}".strip() for r in rest])
        elif token.startswith("{"):
            bare.append(token)
        elif token.lower() == "to":
            return None  # "* TO CONGRATULATE": an infinitive, which the wrappers read
        elif index == 0 and token.lower() in PARTICLES:
            pattern.particle = token.lower()
        elif token.lower() not in MARKERS:
            bare.append(token)
    # A pattern's preposition phrases must all be there ("GO (ON TOUR) (TO ^)"); a frame lists
    # alternatives, so a bare preposition beside one with its noun would let "went to" alone match.
    # The phrases that name their noun are kept: the stricter reading.
    named = [g for g in groups if any(" " in p for p in g)]
    pattern.preps = [p for g in (named or groups) for p in g]
    words = [w for t in bare for w in t.strip("{}").split() if w.lower() not in MARKERS]
    if words:
        pattern.objects = _phrases(words, synsets)
    return pattern


@dataclass
class Multi:
    """A multi-word verb of a block ("+CARRY_OUT {+CARRIES_OUT +CARRIED_OUT ...}"): a phrasal verb the dictionary
    lists beside the block's single verbs, with the patterns written for it ("- * RAID [190] # CARRIED_OUT")."""

    verb: str
    word: str
    code: str | None
    forms: set[str]
    patterns: list[Pattern] = field(default_factory=list)

    def spelt(self, origin: str) -> bool:
        """Whether a pattern's origin ("carried_out", "called_off") is this verb in some inflection."""
        first, _, rest = origin.partition("_")
        return origin in self.forms or (rest == self.word and first in _inflections(self.verb))


@dataclass
class Block:
    name: str
    default: str | None
    verbs: dict[str, str | None]
    multi: list[Multi]
    patterns: list[Pattern]
    generic_default: bool = False
    generic_verbs: set[str] = field(default_factory=set)
    # Phrasal patterns by the verb they were written for: "break WITH" is no "beat with".
    phrasal: dict[str, list[Pattern]] = field(default_factory=dict)
    # The inflected forms the dictionary spells out ("STRIVE {STROVE STRIVEN}"), by form.
    forms: dict[str, str] = field(default_factory=dict)


def read_blocks(lines: list[str], table: dict[str, str], synsets: dict[str, list[str]]) -> list[Block]:
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    blocks: list[Block] = []
    block: Block | None = None
    for raw in lines[start + 1 :]:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            found = CODE.search(line)
            name = line.strip("- ").split()[0].lower() if line.strip("- ") else ""
            cameo = first_code(found.group(1)) if found else ""
            default = judicial(cameo, name, plover_code(cameo, table)) if found else None
            block = Block(name, default, {}, [], [], generic(cameo))
            blocks.append(block)
            continue
        if block is None:
            continue
        found = CODE.search(line)
        cameo = first_code(found.group(1)) if found else ""
        code = plover_code(cameo, table) if found else None
        body = CODE.sub("", line).strip()
        if line.startswith("-"):
            if found is None or code is None:
                continue
            pattern = read_pattern(body[1:].strip(), code, synsets)
            if pattern is not None and "#" in raw:
                pattern.origin = raw.split("#", 1)[1].split(",")[0].strip().lower()
            if pattern is not None and found is not None and found.group(1).strip().startswith(":"):
                # "FACE CRITICISM [:111]": the code is the target's act on the subject ("faced criticism
                # from X" is X's criticism of the subject), so the roles are swapped.
                pattern.reverse = True
            objects = set(" ".join(pattern.objects).split()) if pattern is not None else set()
            if pattern is not None and pattern.code == "PROTEST/boycott" and LABOUR & objects:
                # CAMEO 143 is "strike or boycott"; the manual's PROTEST mode strike is "the abandonment of work".
                pattern.code = "PROTEST/strike"
            if pattern is not None and pattern.code.startswith("RETREAT") and LABOUR & objects:
                # CAMEO's "call off a strike" de-escalates a military engagement (087); a strike of workers called
                # off is the manual's CONCEDE: "suspending protests".
                pattern.code = "CONCEDE"
            if pattern is not None and cameo.startswith("163") and SANCTIONS & objects:
                # CAMEO 163 is "impose embargo, boycott, or sanctions", which the table makes COERCE restrict
                # (boycotts and blockades); the manual's SANCTION discontinue: "International (political or
                # economic) sanctions are coded as 'discontinue'".
                pattern.code = "SANCTION/discontinue"
            if pattern is not None:
                pattern.code = asked_for(pattern, judicial(cameo, pattern.origin, pattern.code))
                pattern.code = coercive(cameo, pattern, block)
            multi = next((m for m in block.multi if pattern is not None and m.spelt(pattern.origin)), None)
            if pattern is not None and multi is not None:
                multi.patterns.append(pattern)
            elif (
                pattern is not None
                and pattern.conditions()
                and (_phrasal(pattern) or _said_in_deeds(pattern, block))
                and pattern.origin in block.verbs
            ):
                block.phrasal.setdefault(pattern.origin, []).append(pattern)
            elif pattern is not None and pattern.conditions() and not _undertaking(pattern):
                block.patterns.append(pattern)
        elif line.startswith("+"):
            multi = read_multi(body[1:], code)
            if multi is not None:
                block.multi.append(multi)
        else:
            verb = re.sub(r"\{[^}]*\}", "", body).strip().lower()
            if verb and " " not in verb and verb.isascii():
                block.verbs.setdefault(verb, judicial(cameo, verb, code))
                for form in " ".join(re.findall(r"\{([^}]*)\}", body)).lower().split():
                    block.forms.setdefault(form, verb)
                if code is not None and generic(cameo):
                    block.generic_verbs.add(verb)
    return blocks


def judicial(cameo: str, word: str, code: str | None) -> str | None:
    """The manual's type of a court's act, which CAMEO codes as an arrest or an administrative sanction (172, 173).

    A pattern or verb of charging ("charged by a prosecutor", "indicted on charges") tells the charge, the manual's
    ACCUSE allege: "sue, indict, or charge; bring to trial". One of convicting or sentencing ("convicted of fraud",
    "sentenced to life") is the manual's SANCTION convict (``CONVICTING``).
    """
    if not cameo.startswith(("172", "173")) or code is None:
        return code
    if word in CHARGING and cameo.startswith("173"):
        return "ACCUSE/allege"
    if word in CONVICTING:
        return "SANCTION/convict"
    return code


def coercive(cameo: str, pattern: Pattern, block: Block) -> str:
    """An arrest or an expulsion of protesters is the PLOVER manual's COERCE, not its ASSAULT.

    CAMEO codes some patterns of its verbs of arresting, detaining and expelling 175, "use tactics of violent
    repression" ("ARREST * JOURNALIST", "EXPEL * PROTESTER"), which the conversion table makes ASSAULT. The manual's
    ASSAULT is "deliberate actions which can potentially result in substantial physical harm"; its COERCE is
    "Repression, restrictions on rights, or coercive uses of power falling short of violence", with the modes
    arrest ("Arrest, detain") and deport ("Expel or deport individuals"). So a 175 pattern in a block of coercive
    acts takes the act of the verb it was written for (ARREST 173, COERCE arrest), else the block's; one under a
    verb of violence ("KILL * DEMONSTRATOR", "FIRE * TEAR GAS") stays ASSAULT.
    """
    own = block.verbs.get(pattern.origin) or block.default
    if not cameo.startswith("175") or own is None or not own.startswith("COERCE"):
        return pattern.code
    return own


def asked_for(pattern: Pattern, code: str) -> str:
    """What is called for is asked for: the manual's REQUEST is "All requests, demands, and orders".

    CAMEO codes its "CALL (FOR ...)" patterns 02 (appeal) or 10 (demand) but for a few it codes by what is asked
    ("CALL (FOR END) [053]", rallying support): a pattern written for "call" whose preposition phrases are all
    "for ..." is a REQUEST, keeping the mode of one already coded so ("for end to operation" is REQUEST yield);
    "call up ... for service" (a particle) is a mobilization and stays.
    """
    asks = pattern.origin == "call" and not pattern.particle and not pattern.objects and pattern.preps
    if not asks or not all(p.startswith("for ") for p in pattern.preps) or code.startswith("REQUEST"):
        return code
    return "REQUEST"


def _said_in_deeds(pattern: Pattern, block: Block) -> bool:
    """A pattern of a verbal act in a block of material ones: "ISSUE * ORDERS [138]", "GIVE * {NEGATIVE RESPONSE}"
    under GRANT (060, material cooperation). The PLOVER manual's verbal categories are said ("All requests are
    verbal acts"; threats "are generally verbal acts"): issuing or giving words is the verb's own idiom, which the
    block's verbs of handing things over do not share ("awarded task orders", "supplied a warning")."""
    said = pattern.code.split("/")[0] in VERBAL
    done = block.default is not None and block.default.split("/")[0] not in VERBAL | {NO_EVENT}
    return said and done


def _undertaking(pattern: Pattern) -> bool:
    """A pattern whose only condition is a bare noun of an undertaking (``UNDERTAKINGS``)."""
    bare = not pattern.subject and not pattern.particle and not pattern.preps
    return bare and bool(pattern.objects) and set(pattern.objects) <= UNDERTAKINGS


def _phrasal(pattern: Pattern) -> bool:
    """A pattern of a particle or a bare preposition only ("BREAK (WITH)", "BURN DOWN"): a phrasal verb, whose
    meaning is its own verb's idiom, not shared by the synonyms of its block ("beat ... with the knowledge
    of" breaks off nothing)."""
    return not pattern.objects and not pattern.subject and all(" " not in p for p in pattern.preps)


def block_frames(block: Block) -> list[object]:
    """A block's patterns as frames, most conditions first, each once."""
    return _frames_once(block.patterns)


def _frames_once(patterns: Iterable[Pattern]) -> list[object]:
    """Patterns as frames, most conditions first (in the dictionary's order among equals), each once."""
    frames: list[object] = []
    seen: set[str] = set()
    for pattern in sorted(patterns, key=lambda p: -p.conditions()):
        key = json.dumps(pattern.frame(), sort_keys=True)
        if key not in seen:
            seen.add(key)
            frames.append(pattern.frame())
    return frames


def build_verbs(blocks: list[Block]) -> tuple[dict[str, list[object]], dict[str, list[object]]]:
    """The shared frames of each block, and each verb's frames: its blocks' by name, its default last.

    A block holds WordNet-style synonyms that share its patterns, so the patterns are written
    once per block ("frames": {"block": name}) and read by every verb in it.
    """
    shared: dict[str, list[object]] = {}
    refs: dict[str, list[object]] = defaultdict(list)
    defaults: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    partners: dict[str, str] = {}
    phrasal: dict[str, list[object]] = defaultdict(list)
    for index, block in enumerate(blocks):
        name = f"{block.name}#{index}"
        frames = block_frames(block)
        if frames:
            shared[name] = frames
        for verb, own in block.verbs.items():
            if frames:
                refs[verb].append({"block": name})
            # A phrasal pattern names no object, so any pattern that does is the stricter reading
            # ("broke off relations" breaks them, "broke off" alone threatens).
            refs[verb] += _frames_once(block.phrasal.get(verb, []))
            # The block's code is its head verb's ("DEMAND [100]"). A synonym without a code of its
            # own ("charge" under ACCUSE, "reside" under OCCUPY) is the WordNet set's neighbour, which
            # CAMEO's coder applied only between named actors: it takes the block's code only when its
            # direct object names one ("charged Assange", not "resides in a flat"). A verb with a
            # category's general code ("arrive", "buy": 040 Consult, 060 Cooperate) names neither a
            # meeting nor a cooperation by itself: it takes its code only with the party met or
            # worked with ("discussed the delay WITH the Ukrainians"), not "left Syria", "bought properties".
            head = verb == block.name or block.name not in block.verbs  # a category label heads all its verbs
            code = own or (block.default if head else None)
            general = verb in block.generic_verbs if own else block.generic_default
            if code is not None and not (general and code != NO_EVENT):
                defaults.setdefault(verb, code)
            elif code is not None:
                partners.setdefault(verb, code)
            elif block.default not in (None, NO_EVENT) and not block.generic_default:
                synonyms.setdefault(verb, str(block.default))
            elif block.default not in (None, NO_EVENT):
                partners.setdefault(verb, str(block.default))
        for multi in block.multi:
            phrasal[multi.verb] += multi_frames(multi, block, name if frames else None)
    verbs: dict[str, list[object]] = {}
    for verb in sorted(set(refs) | set(defaults) | set(synonyms) | set(partners) | set(phrasal)):
        # A phrasal verb's frames name its particle, so they come before the single verb's ("called off the
        # strike" is no "called a strike").
        refs[verb] = [*phrasal.get(verb, []), *refs[verb]]
        if verb in GENERAL_VERBS:
            own_frames = [{"general": True, **f} if isinstance(f, dict) and "block" in f else f for f in refs[verb]]
            own_frames = [f for f in own_frames if not isinstance(f, dict) or "block" in f or _names_its_act(f)]
        else:
            own_frames = list(refs[verb])
            if verb in defaults:
                own_frames.append(defaults[verb])
            elif verb in synonyms:
                own_frames.append({"named_object": True, "type": synonyms[verb]})
            elif verb in partners:
                own_frames.append({"with_party": True, "type": partners[verb]})
        if own_frames and own_frames != [NO_EVENT]:
            verbs[verb] = own_frames
    return shared, verbs


# Second words of the dictionary's multi-word verbs that the parser reads as a particle ("carried OUT raids"), as a
# preposition ("met WITH"), or as either ("embarked ON"); any other second word is the verb's object ("wage WAR").
PARTICLE_WORDS = PARTICLES | {"forth", "together"}
PREPOSITIONS = frozenset(
    {"with", "for", "into", "on", "in", "by", "to", "at", "after", "through", "from", "over", "upon", "against", "off"}
)


def read_multi(text: str, code: str | None) -> Multi | None:
    """ "CARRY_OUT {+CARRIES_OUT +CARRIED_OUT}": a verb and the one word after it. Coordinations ("KILLED_AND")
    are PETRARCH's way of reading two verbs as one, and verbs of three words ("GET_HOLD_OF") are left out."""
    name = re.sub(r"\{[^}]*\}", "", text).strip().lower()
    words = name.split("_")
    if len(words) != 2 or not all(words) or words[1] in ("and", "or"):
        return None
    forms = {f.lstrip("+").lower() for group in re.findall(r"\{([^}]*)\}", text) for f in group.split()}
    return Multi(words[0], words[1], code, forms | {name})


def _inflections(verb: str) -> set[str]:
    """The regular forms of a verb, which the dictionary's comments name patterns by ("CALLED_OFF")."""
    stem = verb[:-1] if verb.endswith(("e", "y")) else verb
    forms = {verb, verb + "s", verb + "es", verb + "d", verb + "ed", verb + "ing", stem + "ing", verb + verb[-1] + "ed"}
    return forms | {verb + verb[-1] + "ing", stem + "ied", stem + "ies"}


def _word_conditions(word: str) -> list[dict[str, list[str]]]:
    """How the parse shows a multi-word verb's second word: a particle, a preposition, either, or an object."""
    conditions = [{"particle": [word]}] if word in PARTICLE_WORDS else []
    conditions += [{"prep": [word]}] if word in PREPOSITIONS else []
    return conditions or [{"object": [word]}]


def multi_frames(multi: Multi, block: Block, shared: str | None) -> list[object]:
    """A multi-word verb's frames, read on its first word with its second word required: its own patterns, its
    block's shared patterns, then its code, its own or else its block's, as PETRARCH codes it ("crack down" is
    SUPPRESS's 170). A single verb beside a block's head takes the head's code only with a named object, because
    the dictionary's synonyms came in bulk from WordNet; its multi-word verbs were written by its coders ("Multi-word
    forms -- these have a '+' in them", the dictionary's notes). The general codes of meetings and cooperation
    need the party met, as for single verbs (``generic``)."""
    frames: list[object] = []
    for pattern in sorted(multi.patterns, key=lambda p: -p.conditions()):
        frame = pattern.frame()
        added = [{**c, **frame} for c in _word_conditions(multi.word) if next(iter(c)) not in frame]
        frames += added or [frame]
    if shared is not None:
        frames += [{"block": shared, **c} for c in _word_conditions(multi.word) if "object" not in c]
    code = multi.code or block.default
    if code is None or code == NO_EVENT:
        return frames
    condition = {"with_party": True} if multi.code is None and block.generic_default else {}
    return frames + [{**c, **condition, "type": code} for c in _word_conditions(multi.word)]


def _names_its_act(frame: dict[str, object]) -> bool:
    """A pattern of a general verb that names the act: an object, or a preposition with its noun
    ("take CONTROL", "go ON STRIKE"), not a bare particle or preposition ("take over", "go after")."""
    preps = frame.get("prep") or []
    return bool(frame.get("object")) or any(" " in str(p) for p in preps)  # type: ignore[union-attr]


def build_nouns(blocks: list[Block], verbs: dict[str, list[object]]) -> dict[str, str]:
    """Event nouns: objects of the doing verbs' patterns ("stage a STRIKE") that name an act.

    An object names an act, not a thing or a person ("hold a PRISONER"), when CAMEO also
    codes it, or the verb it is made from ("investigation" from "investigate"), with the same
    PLOVER type, or when at least two different doing verbs' patterns give it the same code.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    origins: dict[tuple[str, str], set[str]] = defaultdict(set)
    for block in blocks:
        # (A doing verb's own patterns count with its block's: "HOLD * TALKS" is hold's own, said in deeds.)
        for pattern in [*block.patterns, *(p for own in block.phrasal.values() for p in own)]:
            if pattern.origin not in DOING_VERBS or pattern.subject or pattern.preps or pattern.particle:
                continue
            if pattern.code == NO_EVENT:
                continue
            for phrase in pattern.objects:
                if " " not in phrase:
                    noun = _singular(phrase)
                    votes[noun][pattern.code] += 1
                    origins[(noun, pattern.code)].add(pattern.origin)
    nouns = {}
    for noun, counter in sorted(votes.items()):
        (code, count), *rest = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        if rest and count == rest[0][1]:
            continue
        kind = code.split("/")[0]
        endings = [end for end in ("ion", "tion", "ation", "ment", "ing") if noun.endswith(end)]
        stems = [noun] + [noun[: -len(end)] + add for end in endings for add in ("", "e", "ate")]
        as_verb = any(_default_type(verbs.get(stem)) == kind for stem in stems)
        if as_verb or len(origins[(noun, code)]) >= 2:
            nouns[noun] = code
    return nouns


def nominalizations(verbs: dict[str, list[object]]) -> dict[str, str]:
    """The act nouns of the coded verbs: their -ion, -sion, -ation, -al and -ment forms and the other endings of
    English derivation (``NOMINAL_ENDINGS``: "invasion", "withdrawal", "deployment", "detention", "apology").

    The verb's own form is kept only for the material conflict types ("the arrest", "the raid",
    "the blockade"): of cooperative verbs it often names a thing ("arm", "fund", "hope"); the gerund only
    for ASSAULT ("the killings").
    Only verbs with an unconditional code of their own; a form that is no English word never
    meets a token, so the forms are generated, not looked up.
    """
    nouns: dict[str, str] = {}
    for verb, frames in verbs.items():
        code = frames[-1] if frames and isinstance(frames[-1], str) else None
        if code is None or code == NO_EVENT or " " in verb:
            continue
        stem = verb[:-1] if verb.endswith("e") else verb
        forms = [verb] if code.split("/")[0] in MATERIAL_CONFLICT else []
        forms += [verb + "ment", verb + "al", stem + "al", stem + "ion", stem + "ation"]
        forms += [verb[: -len(end)] + noun for end, noun in NOMINAL_ENDINGS if verb.endswith(end)]
        if code.split("/")[0] == "ASSAULT":
            # The manual's ASSAULT acts are told by their gerunds as often as by the verb ("the killings",
            # "a stabbing", "the shelling"); of other verbs the gerund often names a thing or a trade.
            forms += _gerunds(verb)
        for form in forms:
            nouns.setdefault(form, code)
    return nouns


def object_nominalizations(verbs: dict[str, list[object]], english: frozenset[str]) -> dict[str, list[object]]:
    """The act nouns of verbs coded only by their object ("deploy TROOPS", "expel DIPLOMATS"), with those frames:
    "the deployment of troops", "the expulsion of diplomats" do the verb's act on the noun's "of" object, and
    "the deployment" alone names none. Only the material conflict types, whose bare noun names the act, and only
    the derived forms that are nouns of English (``english``): the verb's own form often names a thing ("a ban")."""
    nouns: dict[str, list[object]] = {}
    for verb, frames in verbs.items():
        if " " in verb or (frames and isinstance(frames[-1], str) and frames[-1] != NO_EVENT):
            continue
        kept = [f for f in frames if _object_only(f)]
        if not kept:
            continue
        stem = verb[:-1] if verb.endswith("e") else verb
        forms = [verb + "ment", verb + "al", stem + "al", stem + "ion", stem + "ation"]
        forms += [verb[: -len(end)] + noun for end, noun in NOMINAL_ENDINGS if verb.endswith(end)]
        for form in forms:
            if form in english:
                nouns.setdefault(form, kept)
    return nouns


def english_nouns() -> frozenset[str]:
    """The nouns of English as WordNet lists them, which the pipeline's model ships as its lemmatizer's index."""
    import spacy

    from newsgraph.settings import Settings

    lookups = spacy.load(Settings().model).get_pipe("lemmatizer").lookups
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def _object_only(frame: object) -> bool:
    return (
        isinstance(frame, dict)
        and set(frame) <= {"object", "type", "target"}
        and bool(frame.get("object"))
        and str(frame["type"]).split("/")[0] in MATERIAL_CONFLICT
    )


def _gerunds(verb: str) -> list[str]:
    """The -ing forms English spelling allows: "stone" -> "stoning", "kidnap" -> "kidnapping" or "kidnaping"."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return [verb[:-1] + "ing"]
    doubled = len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou"
    return [verb + "ing", verb + verb[-1] + "ing"] if doubled else [verb + "ing"]


# English verb endings and the endings of their act nouns, beyond the regular -ion, -ation, -al and -ment.
NOMINAL_ENDINGS = (
    ("de", "sion"),  # invade -> invasion
    ("logize", "logy"),  # apologize -> apology
    ("logise", "logy"),  # apologise -> apology
    ("tain", "tention"),  # detain -> detention
    ("pel", "pulsion"),  # expel -> expulsion
    ("ny", "nial"),  # deny -> denial
    ("ounce", "unciation"),  # denounce -> denunciation
    ("eize", "eizure"),  # seize -> seizure
    ("ume", "umption"),  # resume -> resumption
    ("aten", "at"),  # threaten -> threat
)


def _default_type(frames: list[object] | None) -> str | None:
    if not frames or not isinstance(frames[-1], str):
        return None
    return frames[-1].split("/")[0]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Words of a CAMEO code description that end its verb-object reading: an infinitive, a clause, a preposition
# phrase ("Ease restrictions ON political freedoms"), a manner ("Cooperate economically").
DESCRIPTION_STOPS = frozenset(
    {"to", "that", "on", "for", "in", "with", "against", "by", "at", "as", "out", "intent", "verbally"}
)
DESCRIPTION_SPLIT = re.compile(r", or |, | or ")


def read_descriptions(path: Path) -> list[tuple[str, str]]:
    """(CAMEO code, description) of the conversion table: "1662: SANCTION, expel ... # Expel or withdraw
    inspectors, observers"."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        head, _, comment = line.partition("#")
        code = head.partition(":")[0].strip()
        if code.isdigit() and len(code) >= 3 and comment.strip():
            rows.append((code, comment.split("  ")[0].strip()))
    return rows


def described_frames(
    path: Path, table: dict[str, str], verbs: dict[str, list[object]], shared: dict[str, list[object]]
) -> dict[str, list[dict[str, object]]]:
    """Verb-object frames read from the CAMEO code descriptions of the conversion table ("Expel or withdraw
    inspectors, observers", "Grant asylum", "Occupy territory"): each verb the description starts with, with
    each noun phrase it then lists, codes that code's PLOVER type. Only phrases the verb's own dictionary
    patterns leave uncoded are added, after those patterns: the dictionary's pattern wins where both speak
    ("EASE CURFEW" is the dictionary's own). A description whose rest is an infinitive, a clause, a preposition
    phrase or a manner ("Express intent to", "Accede to demands", "Cooperate militarily") gives none."""
    frames: dict[str, list[dict[str, object]]] = defaultdict(list)
    for cameo, description in read_descriptions(path):
        code = plover_code(cameo, table)
        heads, words = _description_verbs(description.lower().replace("(", " ( ").split(), verbs)
        if code in (None, NO_EVENT) or not heads or not words or "(" in words or words[0] == "of":
            continue
        if any(w.strip(",") in DESCRIPTION_STOPS or w.strip(",").endswith("ly") for w in words):
            continue
        for noun in _description_objects(" ".join(words), verbs):
            for verb in heads:
                if _default_kind(verbs.get(verb, [])) == code.split("/")[0] or _codes_object(
                    verbs.get(verb, []), shared, noun
                ):
                    continue
                forms = sorted({noun, _plural_phrase(noun), _singular_phrase(noun)})
                frames[verb].append({"object": forms, "type": code})
    return frames


def _description_verbs(words: list[str], verbs: dict[str, list[object]]) -> tuple[list[str], list[str]]:
    """The verbs a description starts with ("Expel or withdraw", "Arrest, detain, or charge") and the words after:
    a verb follows another only after "or" or a comma ("Expel or withdraw aid agencies": "aid" is the object)."""
    heads: list[str] = []
    joined = True
    while words:
        token = words[0]
        if token == "or" and heads:
            words.pop(0)
            joined = True
            continue
        if not joined or token.rstrip(",") not in verbs:
            break
        heads.append(words.pop(0).rstrip(","))
        joined = token.endswith(",")
    return heads, words


def _description_objects(text: str, verbs: dict[str, list[object]]) -> list[str]:
    """The noun phrases a description lists, function words left out. Single words before a last phrase of
    several modify its head: "chemical, biological, or radiological weapons", "suicide, car, or other bombing"."""
    items = [" ".join(w for w in item.split() if w not in MARKERS) for item in DESCRIPTION_SPLIT.split(text)]
    items = [item for item in items if item]
    *first, last = items or [""]
    if first and all(" " not in item for item in first) and " " in last and last.split()[0] not in verbs:
        head = last.split()[-1]
        items = [f"{item} {head}" for item in first] + [last]
    return items


def _default_kind(frames: list[object]) -> str | None:
    """The type of a verb's unconditional code: a frame of that type adds nothing."""
    return frames[-1].split("/")[0] if frames and isinstance(frames[-1], str) else None


def _codes_object(frames: list[object], shared: dict[str, list[object]], noun: str) -> bool:
    """Whether one of a verb's frames (its own or its blocks') names this object, in either number."""
    wanted = {noun, _plural_phrase(noun), _singular_phrase(noun)}
    for frame in frames:
        inner = shared.get(str(frame["block"]), []) if isinstance(frame, dict) and "block" in frame else [frame]
        for item in inner:
            if isinstance(item, dict) and wanted & set(item.get("object", [])):  # type: ignore[arg-type]
                return True
    return False


def _plural_phrase(phrase: str) -> str:
    *rest, last = phrase.split()
    return " ".join([*rest, _plural(last)])


def _singular_phrase(phrase: str) -> str:
    *rest, last = phrase.split()
    return " ".join([*rest, last if last.endswith(("us", "is")) else _singular(last)])


def with_described(verbs: dict[str, list[object]], described: dict[str, list[dict[str, object]]]) -> None:
    """Put each verb's described frames after its dictionary frames and before its default (the last item when it
    is a code or a neighbour's default)."""
    neighbour = ("named_object", "with_party", "recipient")
    for verb, frames in described.items():
        own = verbs.get(verb, [])
        last = own[-1] if own else None
        default = isinstance(last, str) or (isinstance(last, dict) and any(last.get(k) for k in neighbour))
        body, tail = (own[:-1], own[-1:]) if default else (own, [])
        verbs[verb] = [*body, *frames, *tail]


def described_defaults(path: Path, table: dict[str, str], verbs: dict[str, list[object]]) -> dict[str, str]:
    """Verbs a CAMEO code description names alone as the code's act ("111 Criticize or denounce", "051 Praise or
    endorse"): such a verb is no mere WordNet neighbour of its block, which codes only with a named object
    ("criticized the decision" is a criticism), when the neighbour's code is of the description's type. The
    general codes of meetings and cooperation (040, 060) name no act by a verb alone (see ``generic``)."""
    defaults: dict[str, str] = {}
    for cameo, description in read_descriptions(path):
        code = plover_code(cameo, table)
        heads, words = _description_verbs(description.lower().split(), verbs)
        if code in (None, NO_EVENT) or words or generic(cameo):
            continue
        spellings = [v[:-3] + "ise" for v in heads if v.endswith("ize") and v[:-3] + "ise" in verbs]
        for verb in heads + spellings:  # "criticise" is "criticize"
            last = verbs[verb][-1] if verbs[verb] else None
            if (
                isinstance(last, dict)
                and last.get("named_object")
                and str(last["type"]).split("/")[0] == code.split("/")[0]
            ):
                defaults.setdefault(verb, str(last["type"]))
    return defaults


def with_defaults(verbs: dict[str, list[object]], defaults: dict[str, str]) -> None:
    """A verb's neighbour default ("named_object") becomes its unconditional code."""
    for verb, code in defaults.items():
        verbs[verb] = [*verbs[verb][:-1], code]


def verb_forms(blocks: list[Block], verbs: dict[str, list[object]]) -> dict[str, str]:
    """The dictionary's own inflections of its verbs, by form, for the forms a lemmatizer misses ("strove", "trod",
    "overridden"). A form that is a verb of the lexicon itself ("lie" beside "lay") stays that verb."""
    forms: dict[str, str] = {}
    for block in blocks:
        for form, verb in block.forms.items():
            if verb in verbs and form not in verbs and form.isalpha():
                forms.setdefault(form, verb)
    return dict(sorted(forms.items()))


def read_required_recipients(manual: Path) -> list[str]:
    """The types whose section of the PLOVER manual says "Requires recipient: Yes" (COOPERATE, AID, SANCTION):
    an event of such a type is told only with the one it is aimed at."""
    text = manual.read_text(encoding="utf-8")
    sections = re.split(r"\\section\{([A-Z]+)\}", text)
    return sorted(
        name
        for name, body in zip(sections[1::2], sections[2::2], strict=True)
        if re.search(r"\\subsection\{Requires recipient: Yes\}", body)
    )


def build(dictionaries: Path, hand_path: Path) -> dict[str, object]:
    lines = (dictionaries / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    table = read_plover_table(
        dictionaries / "CAMEO2PLOVER-2021.txt", read_manual_modes(dictionaries / "PLOVER_MANUAL.tex")
    )
    synsets = read_synsets(lines)
    blocks = read_blocks(lines, table, synsets)
    hand = json.loads(hand_path.read_text(encoding="utf-8"))
    grammar = hand["grammar"]
    shared, verbs = build_verbs(blocks)
    for word, entry in hand["verbs"].items():
        verbs[word] = _with_hand(verbs.get(word, []), entry, synsets)
    descriptions = dictionaries / "CAMEO2PLOVER-2021.txt"
    with_described(verbs, described_frames(descriptions, table, verbs, shared))
    with_defaults(verbs, described_defaults(descriptions, table, verbs))
    derived = {**nominalizations(verbs), **build_nouns(blocks, verbs)}
    nouns: dict[str, list[object]] = {noun: [code] for noun, code in sorted(derived.items())}
    for noun, frames in object_nominalizations(verbs, english_nouns()).items():
        nouns.setdefault(noun, frames)
    nouns = dict(sorted(nouns.items()))
    for word, entry in hand["nouns"].items():
        nouns[word] = _with_hand(nouns.get(word, []), entry, synsets)
    return {
        "_about": hand["_about"],
        "_source": hand["_source"],
        "noun_classes": {name[1:].lower(): sorted({_singular(w) for w in synsets[name]}) for name in NOUN_CLASSES},
        "requires_recipient": read_required_recipients(dictionaries / "PLOVER_MANUAL.tex"),
        "blocks": shared,
        "verbs": dict(sorted(verbs.items())),
        "nouns": dict(sorted(nouns.items())),
        "verb_forms": verb_forms(blocks, verbs),
        **grammar,
    }


def _with_hand(frames: list[object], entry: dict[str, Any], synsets: dict[str, list[str]]) -> list[object]:
    """A hand entry's frames go before the dictionary's; its default replaces the dictionary's, and so the
    code a WordNet neighbour takes from its block ("need" beside DEMAND), which is a default too.

    A hand frame's object list may name a synonym set of the dictionary ("&NEGOTIATOR"); "not_as_block" leaves
    out the block's shared patterns.
    """
    neighbour = ("recipient", "named_object", "with_party")
    conditional = [f for f in frames if isinstance(f, dict) and not any(f.get(k) for k in neighbour)]
    default = [f for f in frames if f not in conditional]
    if entry.get("not_as_block"):
        # The word is no member of its block's act ("need" beside DEMAND): the patterns written for the block's
        # other verbs ("URGE &SECURITY") are not its own.
        conditional = [f for f in conditional if not (isinstance(f, dict) and "block" in f)]
    if "default" in entry:
        default = [entry["default"]]
    added = [_expanded(f, synsets) for f in entry.get("frames", [])]
    return [*added, *conditional, *default]


def _expanded(frame: object, synsets: dict[str, list[str]]) -> object:
    """A hand frame's nouns name the word in either number ("diplomat", "diplomats"): the matcher prefers a
    frame spelt as the text is, so both are spelt."""
    if not isinstance(frame, dict) or "object" not in frame:
        return frame
    words = [w for item in frame["object"] for w in (synsets[item] if item.startswith("&") else [item])]
    return {**frame, "object": sorted(set(words) | {_plural(w) for w in words})}


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word if word.endswith("s") else word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _dump(lexicon: dict[str, object]) -> str:
    """One entry a line: small enough to ship, and a diff shows which words changed."""
    parts = []
    for key, value in lexicon.items():
        if isinstance(value, dict) and key in ("blocks", "verbs", "nouns"):
            lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
            parts.append(f"{json.dumps(key)}: {{\n" + ",\n".join(lines) + "\n}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dictionaries", type=Path, default=DEFAULT_DICTIONARIES)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    lexicon = build(args.dictionaries, HAND)
    args.output.write_text(_dump(lexicon), encoding="utf-8")
    print(f"{args.output}: {len(lexicon['verbs'])} verbs, {len(lexicon['nouns'])} nouns")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
