"""Entities on small sentences of our own: merging, titles, affiliations, acting noun phrases, descriptions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Article, Entity, Extraction, Span
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.entities import EntityGrouper, add_entity, entity_at, resolve_description

Entities = Callable[[str], list[Entity]]
# The model's own components: what the entities component reads.
MODEL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "newsgraph_entities")


@pytest.fixture(scope="module")
def parse(extractor: Extractor) -> Callable[[str], Doc]:
    """The shared pipeline run up to and including the entities component, nothing after it."""

    def run(text: str) -> Doc:
        doc = extractor.nlp.make_doc(text)
        for name, component in extractor.nlp.pipeline:
            if name in MODEL_PIPES:
                doc = component(doc)
        return doc

    return run


@pytest.fixture(scope="module")
def entities(parse: Callable[[str], Doc]) -> Entities:
    return lambda text: list(parse(text)._.entities)


def tagged(text: str, ents: list[tuple[str, str]]) -> list[Entity]:
    """Entities of a text whose NER mentions we set ourselves.

    Each (surface, label) tags every occurrence of the surface that no earlier pair tagged.
    """
    doc = spacy.blank("en")(text)
    spans: list[SpacySpan] = []
    taken: set[int] = set()
    for surface, label in ents:
        start = 0
        while (found := text.find(surface, start)) >= 0:
            span = doc.char_span(found, found + len(surface), label=label)
            assert span is not None, surface
            if taken.isdisjoint(range(span.start, span.end)):
                spans.append(span)
                taken.update(range(span.start, span.end))
            start = found + len(surface)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return list(EntityGrouper()(doc)._.entities)


def named(found: list[Entity], name: str) -> Entity:
    hits = [e for e in found if e.name == name]
    assert len(hits) == 1, [(e.name, e.type) for e in found]
    return hits[0]


def test_surnames_and_possessives_are_mentions_of_the_full_name() -> None:
    text = "Mayor Jane Alvarez opened the bridge. Alvarez said it was cheap. Alvarez’s office agreed."
    found = tagged(text, [("Jane Alvarez", "PERSON"), ("Alvarez’s", "PERSON"), ("Alvarez", "PERSON")])
    person = named(found, "Jane Alvarez")
    assert [m.text for m in person.mentions] == ["Jane Alvarez", "Alvarez", "Alvarez"]
    assert person.aliases == ["Alvarez"]
    assert len(found) == 1


def test_a_first_name_joins_the_one_full_name_it_fits() -> None:
    text = "Kristen Welker asked about the bill. “Thanks, Kristen,” the senator said."
    found = tagged(text, [("Kristen Welker", "PERSON"), ("Kristen,", "PERSON")])
    assert [m.text for m in named(found, "Kristen Welker").mentions] == ["Kristen Welker", "Kristen"]


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    text = "Maria Lopez and Daniel Lopez founded the bakery. Lopez said the ovens came late."
    found = tagged(text, [("Maria Lopez", "PERSON"), ("Daniel Lopez", "PERSON"), ("Lopez", "PERSON")])
    assert sorted(e.name for e in found) == ["Daniel Lopez", "Lopez", "Maria Lopez"]
    assert all(len(e.mentions) == 1 for e in found)


def test_mr_joins_a_mans_full_name_and_mrs_of_the_same_surname_stays_apart() -> None:
    text = "Daniel Varrow was held. Mr. Varrow denied it. Mrs. Varrow wept. Varrow was freed. Mr. Varrow thanked her."
    found = tagged(text, [("Daniel Varrow", "PERSON"), ("Varrow", "PERSON")])
    assert [m.text for m in named(found, "Daniel Varrow").mentions] == ["Daniel Varrow"] + ["Varrow"] * 3
    wife = next(e for e in found if e.name == "Varrow")
    assert text[wife.mentions[0].start - 5 : wife.mentions[0].start] == "Mrs. "
    assert len(wife.mentions) == 1


def test_a_participle_opening_the_sentence_is_no_first_name() -> None:
    text = "Port director Tom Keller spoke on Tuesday.\n\nHosting Keller at the gala was an honour, Berg said."
    found = tagged(text, [("Tom Keller", "PERSON"), ("Hosting Keller", "PERSON"), ("Berg", "PERSON")])
    assert [m.text for m in named(found, "Tom Keller").mentions] == ["Tom Keller", "Keller"]
    assert "Hosting Keller" not in {e.name for e in found}


def test_a_name_mistagged_once_keeps_the_label_most_mentions_give_it() -> None:
    text = "Okafor spoke first. Later Okafor left, and Okafor returned."
    doc = spacy.blank("en")(text)
    labels = ["PERSON", "ORG", "PERSON"]
    starts = [i for i, t in enumerate(doc) if t.text == "Okafor"]
    doc.ents = [SpacySpan(doc, i, i + 1, label=label) for i, label in zip(starts, labels, strict=True)]
    (person,) = EntityGrouper()(doc)._.entities
    assert (person.name, person.type, len(person.mentions)) == ("Okafor", "PERSON", 3)


def test_a_leading_article_does_not_split_an_organisation() -> None:
    text = "He told the Daily Ledger. Sources said to The Daily Ledger that it was true."
    found = tagged(text, [("the Daily Ledger", "ORG"), ("The Daily Ledger", "ORG")])
    assert len(found) == 1 and len(found[0].mentions) == 2
    assert found[0].name == "The Daily Ledger"


def test_a_title_swallowed_into_a_person_span_is_cut_off() -> None:
    found = tagged("Prime Minister Ana Ruiz spoke.", [("Prime Minister Ana Ruiz", "PERSON")])
    assert [(e.name, e.mentions[0].text) for e in found] == [("Ana Ruiz", "Ana Ruiz")]


def test_a_possessor_swallowed_into_a_person_span_becomes_its_own_mention() -> None:
    found = tagged("Channel Nine’s Lena Ortiz asked.", [("Channel Nine’s Lena Ortiz", "PERSON")])
    assert sorted((e.name, e.type) for e in found) == [("Channel Nine", "ORG"), ("Lena Ortiz", "PERSON")]


def test_words_and_numbers_glued_to_a_person_span_are_cut_off() -> None:
    """Box scores and NER slips seen on real pages: "Megan Cook 4", "rookie Emil Bemstrom"."""
    text = "Goals: Megan Cook 4, Tom Vries 1 goal. The coach rang Lena Ortiz and rookie Emil Bemstrom. Ask von Moltke."
    found = tagged(
        text,
        [
            ("Megan Cook 4", "PERSON"),
            ("Tom Vries 1 goal", "PERSON"),
            ("rang Lena Ortiz", "PERSON"),
            ("rookie Emil Bemstrom", "PERSON"),
            ("von Moltke", "PERSON"),
        ],
    )
    assert sorted(e.name for e in found) == ["Emil Bemstrom", "Lena Ortiz", "Megan Cook", "Tom Vries", "von Moltke"]


def test_title_and_affiliation_from_the_words_before_a_name(entities: Entities) -> None:
    found = entities("National Security Council spokesman John Kirby said the talks had stalled.")
    kirby = named(found, "John Kirby")
    assert kirby.titles == ["National Security Council spokesman"]
    assert kirby.affiliation == "National Security Council"


def test_a_nationality_before_a_title_belongs_to_the_title(entities: Entities) -> None:
    found = entities("Israeli Prime Minister Benjamin Netanyahu said the talks would resume.")
    assert named(found, "Benjamin Netanyahu").titles == ["Israeli Prime Minister"]
    assert named(found, "Israeli").type == "NORP"


def test_titles_from_appositives(entities: Entities) -> None:
    found = entities(
        "Hugh Hill, a doctor in Gaza, said the hospital was full. "
        "Tom Reyes, the city's fire chief, said the blaze was out."
    )
    assert named(found, "Hugh Hill").titles == ["doctor"]
    assert named(found, "Tom Reyes").titles == ["fire chief"]


def test_affiliation_from_an_appositive_and_from_a_possessive(entities: Entities) -> None:
    found = entities("Ellen Park, chief executive of Northwind Bank, said profits rose.")
    park = named(found, "Ellen Park")
    assert (park.titles, park.affiliation) == (["chief executive"], "Northwind Bank")
    welker = named(entities("NBC’s Kristen Welker asked the senator about the bill."), "Kristen Welker")
    assert (welker.titles, welker.affiliation) == ([], "NBC")


def test_an_acting_noun_phrase_is_an_organisation_and_a_nationality_is_not(entities: Entities) -> None:
    found = entities("The Israeli military said it struck 40 targets. Palestinian officials said homes were hit.")
    military = named(found, "Israeli military")
    assert military.type == "ORG" and [m.text for m in military.mentions] == ["Israeli military"]
    assert named(found, "Palestinian").type == "NORP"
    assert not any(e.name in ("Israeli", "Palestinian") and e.type == "ORG" for e in found)


def test_a_noun_phrase_that_does_nothing_is_no_entity(entities: Entities) -> None:
    found = entities("Reporters asked about the Israeli military and its plans.")
    assert not any(e.name == "Israeli military" for e in found)


def test_a_description_refers_back_to_the_entity_it_described(entities: Entities) -> None:
    found = entities(
        "Talks between Israel and militant group Hamas stalled on Tuesday. The militant group said it would not return."
    )
    hamas = named(found, "Hamas")
    assert hamas.descriptions == ["militant group"]
    assert [m.text for m in hamas.mentions] == ["Hamas", "militant group"]


def test_a_title_lets_the_role_refer_back_to_the_person(entities: Entities) -> None:
    found = entities("Fire chief Tom Reyes arrived at noon. The chief said the blaze was out.")
    assert [m.text for m in named(found, "Tom Reyes").mentions] == ["Tom Reyes", "chief"]


def test_resolve_description_finds_one_entity_or_none(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Envoys met militant group Hamas and rebel group Ansar Dine. Later the militant group left. The group stayed."
    )
    assert [(e.name, e.type, e.descriptions) for e in doc._.entities] == [
        ("Hamas", "ORG", ["militant group"]),
        ("Ansar Dine", "ORG", ["rebel group"]),
    ]
    militant = [t for t in doc if t.text == "militant"][-1]
    resolved = resolve_description(doc, doc[militant.i - 1 : militant.i + 2])
    assert resolved is not None and resolved.name == "Hamas"
    group = [t for t in doc if t.text == "group"][-1]
    assert resolve_description(doc, doc[group.i - 1 : group.i + 1]) is None
    assert resolve_description(doc, doc[0:1]) is None


def test_headline_words_are_not_part_of_a_name(entities: Entities) -> None:
    found = entities(
        "Mayor Says Bridge Will Open Soon\n\nMayor Jane Alvarez said the bridge would open in May. Alvarez smiled."
    )
    assert not any("Says" in e.name for e in found)
    assert len(named(found, "Jane Alvarez").mentions) >= 2


def test_every_mention_is_the_text_at_its_offsets(entities: Entities) -> None:
    text = (
        "NBC’s Kristen Welker pressed  Kirby.\u00a0National Security Council spokesman John Kirby said Kirby’s"
        " team met the Israeli military, which said the militant group Hamas had left. The militant group denied it."
    )
    for entity in entities(text):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "“”“”“", "Kirby Kirby Kirby Welker Netanyahu", "John Kirby\n\nKirby\n\nThe Israeli military"],
)
def test_odd_text_never_breaks_it(entities: Entities, text: str) -> None:
    for entity in entities(text):
        assert entity.mentions and all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_five_thousand_paragraphs_are_grouped() -> None:
    text = "\n\n".join(f"Ana Ruiz met Tom Reyes in Quito. Ruiz said case {i} was closed." for i in range(5000))
    found = tagged(text, [("Ana Ruiz", "PERSON"), ("Tom Reyes", "PERSON"), ("Quito", "GPE"), ("Ruiz", "PERSON")])
    assert sorted((e.name, len(e.mentions)) for e in found) == [
        ("Ana Ruiz", 10000),
        ("Quito", 5000),
        ("Tom Reyes", 5000),
    ]


def test_entities_added_later_and_looked_up_by_offsets(parse: Callable[[str], Doc]) -> None:
    doc = parse("The Israeli military said it struck targets. The ministry agreed.")
    military = entity_at(doc, 0, 19)
    assert military is not None and military.name == "Israeli military"
    start = doc.text.index("The ministry")
    ministry = add_entity(doc, "ministry", "ORG", start, start + len("The ministry"))
    assert entity_at(doc, start, start + 3) is ministry
    assert ministry.id == f"e{len(doc._.entities)}"


def test_descriptions_round_trip_and_are_left_out_when_empty() -> None:
    hamas = Entity(id="e1", name="Hamas", type="ORG", mentions=[Span(0, 5, "Hamas")], descriptions=["militant group"])
    extraction = Extraction(article=Article(text="Hamas"), entities=[hamas, Entity(id="e2", name="Gaza", type="GPE")])
    data = extraction.to_dict()
    assert data["entities"][0]["descriptions"] == ["militant group"]
    assert "descriptions" not in data["entities"][1]
    assert Extraction.from_dict(data) == extraction


def test_an_acronym_is_no_surname() -> None:
    found = tagged("Kim Jong Un spoke. The U.N. said no.", [("Kim Jong Un", "PERSON"), ("U.N.", "ORG")])
    assert sorted(e.name for e in found) == ["Kim Jong Un", "U.N."]


def test_a_lone_classifier_before_a_name_is_no_description(entities: Entities) -> None:
    found = entities("Leaders met at the state Senate on Monday. The state said yes.")
    senate = named(found, "Senate")
    assert senate.descriptions == [] and len(senate.mentions) == 1


def test_a_later_full_name_adding_words_in_front_does_not_become_the_name() -> None:
    text = "Chandler Van Voorhis founded it. Van Voorhis said so. Fans called him Crooked Chandler Van Voorhis."
    found = tagged(
        text, [("Crooked Chandler Van Voorhis", "PERSON"), ("Chandler Van Voorhis", "PERSON"), ("Van Voorhis", "ORG")]
    )
    (person,) = found
    assert (person.name, person.type, len(person.mentions)) == ("Chandler Van Voorhis", "PERSON", 3)


def test_whose_gives_the_affiliation_and_is_no_part_of_the_title(entities: Entities) -> None:
    found = entities(
        "The walkout was called by the Ferry Workers' Union, whose leader Tomas Rieger said talks had failed."
    )
    leader = named(found, "Tomas Rieger")
    assert leader.titles == ["leader"]
    assert leader.affiliation == "Ferry Workers' Union"


def test_a_company_named_like_a_person_is_an_organisation() -> None:
    text = "Profits fell at Brenner Logistics. Ella Marr, chief executive of Brenner Logistics, said so."
    found = tagged(text, [("Brenner Logistics", "PERSON"), ("Ella Marr", "PERSON")])
    assert named(found, "Brenner Logistics").type == "ORG"


def test_its_and_the_union_refer_back_to_the_organisation_named_before(entities: Entities) -> None:
    found = entities(
        "Orlan Freight said on Monday that it would close two depots. Its chief executive, Paul Menzel, "
        "blamed the cost of fuel. The Ferry Workers' Union called the plan reckless. "
        '"We will fight it," said Karin Holt, the union\'s spokeswoman.'
    )
    assert named(found, "Paul Menzel").affiliation == "Orlan Freight"
    assert named(found, "Karin Holt").affiliation == "Ferry Workers' Union"


def test_only_an_organisation_noun_refers_back(entities: Entities) -> None:
    found = entities(
        "Fighters of the Islamic State attacked the town. The state's campaign chairman, Roy Pell, said little."
    )
    assert named(found, "Roy Pell").affiliation is None


def test_an_honorific_is_no_title_and_the_title_before_it_counts(entities: Entities) -> None:
    found = entities(
        "Beds are short at Harlow General Hospital, the hospital's director, Dr. Nadia Sorel, said on Friday."
    )
    director = named(found, "Nadia Sorel")
    assert director.titles == ["director"]
    assert director.affiliation == "Harlow General Hospital"


def test_a_trade_is_a_title(entities: Entities) -> None:
    found = entities('"The cranes have stopped," said Jonas Pirk, a crane operator. Lorry driver Mia Quent agreed.')
    assert named(found, "Jonas Pirk").titles == ["crane operator"]
    assert named(found, "Mia Quent").titles == ["Lorry driver"]


def test_a_state_role_is_affiliated_with_the_state(entities: Entities) -> None:
    found = entities("Norland's ambassador, Petra Vask, said the talks would go on. Ivo Lenz of Norland agreed.")
    assert named(found, "Petra Vask").affiliation == "Norland"
    assert named(found, "Ivo Lenz").affiliation is None


def test_a_company_role_with_no_company_belongs_to_the_one_named_just_before(entities: Entities) -> None:
    found = entities(
        "Orlan Freight will cut 80 jobs at its depot, the company said on Tuesday. "
        "Chief executive Nora Blix said the decision was painful."
    )
    assert named(found, "Nora Blix").affiliation == "Orlan Freight"


def test_a_name_ner_missed_elsewhere_is_found_again() -> None:
    text = "Radio Tarn reported the fire. Firefighters told Radio Tarn that the town of Tarn was safe."
    doc = spacy.blank("en")(text)
    town = text.rindex("Tarn")
    spans = [doc.char_span(0, 10, label="ORG"), doc.char_span(town, town + 4, label="GPE")]
    doc.ents = [span for span in spans if span is not None]
    found = list(EntityGrouper()(doc)._.entities)
    assert [m.text for m in named(found, "Radio Tarn").mentions] == ["Radio Tarn", "Radio Tarn"]
    assert [m.start for m in named(found, "Tarn").mentions] == [town]


def test_a_short_form_joins_the_one_company_it_names() -> None:
    text = "Tallis Rail will cut jobs. Tallis said volumes fell. Trains from Dorvik to Tallis ran late."
    found = tagged(text, [("Tallis Rail", "ORG"), ("Tallis", "GPE"), ("Dorvik", "GPE")])
    assert [m.text for m in named(found, "Tallis Rail").mentions] == ["Tallis Rail", "Tallis", "Tallis"]
    republican = "The Republican Party met. A Republican senator spoke."
    found = tagged(republican, [("Republican Party", "ORG"), ("Republican", "NORP")])
    assert named(found, "Republican").type == "NORP"


def test_the_at_the_start_of_a_line_is_no_part_of_a_name() -> None:
    text = "Friday, May 3, 2024\n\nThe Carver Bridge, closed since a flood, will reopen."
    found = tagged(text, [("The Carver Bridge", "FAC")])
    assert [e.name for e in found] == ["Carver Bridge"]
    wrapped = "The fire was first reported by\nThe Harlow Courier on Friday."
    assert [e.name for e in tagged(wrapped, [("The Harlow Courier", "ORG")])] == ["The Harlow Courier"]


def test_a_saints_name_with_its_possessive_names_the_institution(entities: Entities) -> None:
    found = entities(
        "Lena Drost, a midwife at St. Hilda's hospital, said beds were short. "
        "Owen Tate, a nurse who has worked at the hospital for ten years, agreed."
    )
    assert named(found, "Lena Drost").affiliation == "St. Hilda's hospital"
    assert named(found, "Owen Tate").affiliation == "St. Hilda's hospital"


def test_an_organisation_beats_a_place_and_a_qualified_role_is_not_guessed(entities: Entities) -> None:
    found = entities(
        "Lena Ruiz, president of the Tarnow-based Coastal Growers Association, said prices fell. "
        "Vell Media reported the story. Mayor spokesman Tim Oda declined to comment."
    )
    assert named(found, "Lena Ruiz").affiliation == "Coastal Growers Association"
    assert named(found, "Tim Oda").affiliation is None


def test_a_lone_name_used_only_as_a_place_is_a_place(extractor: Extractor) -> None:
    text = "Ferries to Korvik were cancelled. Jobs in Korvik depend on them. Later Hale said Hale was tired."
    doc = extractor.nlp.make_doc(text)
    for name, component in extractor.nlp.pipeline:
        if name in MODEL_PIPES and name not in ("ner", "newsgraph_entities"):
            doc = component(doc)
    doc.ents = [SpacySpan(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in ("Korvik", "Hale")]
    found = list(EntityGrouper()(doc)._.entities)
    assert named(found, "Korvik").type == "GPE"
    assert named(found, "Hale").type == "PERSON"


def parsed_with(extractor: Extractor, text: str, ents: list[tuple[str, str]]) -> list[Entity]:
    """Entities from the shipped entities component on a parsed text whose NER mentions we set ourselves."""
    doc = extractor.nlp.make_doc(text)
    for name, component in extractor.nlp.pipeline:
        if name in MODEL_PIPES and name not in ("ner", "newsgraph_entities"):
            doc = component(doc)
    spans: list[SpacySpan] = []
    for surface, label in ents:
        start = 0
        while (found := text.find(surface, start)) >= 0:
            span = doc.char_span(found, found + len(surface), label=label)
            assert span is not None, surface
            if all(s.end <= span.start or span.end <= s.start for s in spans):
                spans.append(span)
            start = found + len(surface)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return list(extractor.nlp.get_pipe("newsgraph_entities")(doc)._.entities)


def test_a_first_name_and_an_unknown_surname_tagged_org_is_a_person(extractor: Extractor) -> None:
    text = "Amanda Quenneth spoke to reporters on Monday. Quenneth said the vote was close."
    found = parsed_with(extractor, text, [("Amanda Quenneth", "ORG"), ("Quenneth", "ORG")])
    person = named(found, "Amanda Quenneth")
    assert (person.type, len(person.mentions)) == ("PERSON", 2)


def test_a_first_name_before_a_dictionary_word_stays_an_organisation(extractor: Extractor) -> None:
    text = "Henry Lumber opened a yard in the valley. Henry Lumber hired forty people."
    found = parsed_with(extractor, text, [("Henry Lumber", "ORG")])
    assert named(found, "Henry Lumber").type == "ORG"


def test_a_dictionary_surname_the_text_calls_ms_is_a_person() -> None:
    text = "Grace Fletcher spoke to reporters. Ms. Fletcher said the vote was close."
    found = tagged(text, [("Grace Fletcher", "ORG"), ("Fletcher", "ORG")])
    person = named(found, "Grace Fletcher")
    assert (person.type, len(person.mentions)) == ("PERSON", 2)


def test_a_person_described_by_an_organisation_word_stays_a_person(extractor: Extractor) -> None:
    text = "Tom Vellor's campaign, Amanda Quenneth, said the race was open. Quenneth left in May."
    found = parsed_with(
        extractor, text, [("Tom Vellor", "PERSON"), ("Amanda Quenneth", "PERSON"), ("Quenneth", "PERSON")]
    )
    assert named(found, "Amanda Quenneth").type == "PERSON"


def test_a_white_house_named_after_a_president_is_an_organisation() -> None:
    text = (
        "Lena Darrow spoke at the White House. An adviser in the Darrow White House said so. "
        "The White House declined to comment."
    )
    found = tagged(text, [("Lena Darrow", "PERSON"), ("Darrow White House", "PERSON"), ("White House", "ORG")])
    assert named(found, "Darrow White House").type == "ORG"
    assert named(found, "White House").type == "ORG"
    assert named(found, "Lena Darrow").type == "PERSON"


def test_a_first_name_misspelt_once_joins_the_usual_spelling() -> None:
    text = "Marisol Quenneth arrived. Marysol Quenneth spoke first. Marisol Quenneth left. Quenneth said it was late."
    found = tagged(text, [("Marisol Quenneth", "PERSON"), ("Marysol Quenneth", "PERSON"), ("Quenneth", "PERSON")])
    person = named(found, "Marisol Quenneth")
    assert (len(found), len(person.mentions)) == (1, 4)


def test_two_spellings_each_used_again_are_two_people() -> None:
    text = "Ivona Darrel spoke. Ivonka Darrel spoke too. Ivona Darrel left, and Ivonka Darrel stayed."
    found = tagged(text, [("Ivona Darrel", "PERSON"), ("Ivonka Darrel", "PERSON")])
    assert sorted(e.name for e in found) == ["Ivona Darrel", "Ivonka Darrel"]


def test_a_bare_surname_two_people_bear_is_the_one_last_named() -> None:
    text = (
        "Amanda Quell opened the hearing. Carl Quell spoke next. Quell said the budget was short. "
        "Amanda Quell closed it. Quell thanked the staff. Mr. Quell left early."
    )
    found = tagged(text, [("Amanda Quell", "PERSON"), ("Carl Quell", "PERSON"), ("Quell", "PERSON")])
    sentences = {e.name: [text.rfind(". ", 0, m.start) for m in e.mentions] for e in found}
    said, thanked, carl, amanda = (text.index(". " + w) for w in ("Quell said", "Quell thanked", "Carl", "Amanda"))
    mister = text.index("Mr. ") + 2
    assert sentences == {"Amanda Quell": [-1, amanda, thanked], "Carl Quell": [carl, said, mister]}


def test_a_bare_surname_passes_over_a_dictionary_word_glued_to_it(extractor: Extractor) -> None:
    text = "Carl Quell spoke on Monday. Amanda Quell agreed. Team Quell cheered. Quell said it was over."
    ents = [("Carl Quell", "PERSON"), ("Amanda Quell", "PERSON"), ("Team Quell", "PERSON"), ("Quell", "PERSON")]
    found = parsed_with(extractor, text, ents)
    assert [m.start for m in named(found, "Amanda Quell").mentions] == [text.index("Amanda"), text.rindex("Quell")]


def test_a_first_name_with_another_ending_is_another_person() -> None:
    text = "Joren Vandal died in 2014. Joren Vandal was 43. His daughter Jorena Vandal spoke at the rally."
    found = tagged(text, [("Joren Vandal", "PERSON"), ("Jorena Vandal", "PERSON")])
    assert sorted(e.name for e in found) == ["Joren Vandal", "Jorena Vandal"]


def test_a_surname_two_people_bear_stays_a_person_where_it_qualifies_a_noun(extractor: Extractor) -> None:
    text = "Quell supporters gathered early. Amanda Quell spoke first. Carl Quell spoke next."
    found = parsed_with(extractor, text, [("Amanda Quell", "PERSON"), ("Carl Quell", "PERSON"), ("Quell", "PERSON")])
    assert named(found, "Quell").type == "PERSON"


def test_a_surname_tagged_as_a_place_joins_its_bearer_unless_the_text_uses_it_as_one(extractor: Extractor) -> None:
    text = (
        "Ambassador Henrik Brandland testified on Tuesday. Brandland said he had followed orders. "
        "Brandland’s lawyers stayed silent. Lena Jordan chairs the panel; Jordan sent aid. "
        "Carla Mirhaven runs the port. Ferries in Mirhaven stopped, and Mirhaven lost trade."
    )
    people = [("Henrik Brandland", "PERSON"), ("Lena Jordan", "PERSON"), ("Carla Mirhaven", "PERSON")]
    found = parsed_with(extractor, text, people + [("Brandland", "GPE"), ("Jordan", "GPE"), ("Mirhaven", "GPE")])
    mentions = [m.text for m in named(found, "Henrik Brandland").mentions]
    assert mentions[:3] == ["Henrik Brandland", "Brandland", "Brandland"]
    assert named(found, "Jordan").type == "GPE"
    assert named(found, "Mirhaven").type == "GPE"
    assert len(named(found, "Carla Mirhaven").mentions) == 1


def test_a_place_is_no_surname_of_a_name_that_no_person_bears(extractor: Extractor) -> None:
    text = "The agency said N. Korea fired two missiles. Officials in Seoul said Korea must talk."
    found = parsed_with(extractor, text, [("N. Korea", "PERSON"), ("Korea", "GPE")])
    assert named(found, "Korea").type == "GPE"


def test_a_surname_ner_missed_joins_the_one_person_who_bears_it(extractor: Extractor) -> None:
    text = (
        "Keir Starmer arrived in Paris on Sunday. Starmer met the French president on Monday. "
        "Economist Mark Price spoke on Sunday. Price rises hit shoppers, and Price said so. "
        "Investor Patrick Soon-Shiong bought a stake; Shiong is a place in the story."
    )
    found = parsed_with(
        extractor, text, [("Keir Starmer", "PERSON"), ("Mark Price", "PERSON"), ("Patrick Soon-Shiong", "PERSON")]
    )
    assert [m.text for m in named(found, "Keir Starmer").mentions] == ["Keir Starmer", "Starmer"]
    price = named(found, "Mark Price").mentions
    assert [m.text for m in price] == ["Mark Price", "Price"]
    assert (
        text[price[1].start - 5 : price[1].start] == "and "[-5:] or text[price[1].start - 4 : price[1].start] == "and "
    )
    assert len(named(found, "Patrick Soon-Shiong").mentions) == 1
