"""Speakers: our rule-based coreference from the speaker's mention to an entity of the article."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.model import Article, Extraction, Quote, Speaker
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.coref import phrase_head
from newsgraph.pipeline.quotes.speaker_phrase import phrase_bounds
from newsgraph.pipeline.quotes.subjects import subject_of


@pytest.fixture(scope="module")
def extractor(quotes_extractor: Extractor) -> Extractor:
    return quotes_extractor


def speakers(extractor: Extractor, text: str) -> tuple[Extraction, list[Speaker | None]]:
    """The speakers of the quotes of a small article."""
    result = extractor.extract(Article(text=text))
    return result, [q.speaker for q in result.quotes]


def _quote_about(result: Extraction, words: str) -> Quote:
    """The quote holding ``words`` (other quotes the text may hold aside)."""
    return next(q for q in result.quotes if words in q.text)


def test_pronoun_goes_to_the_person_of_its_gender(extractor: Extractor) -> None:
    text = (
        "John Carter met Linda Park on Tuesday to sign the harbour contract.\n\n"
        "“The deal is done and we are happy,” she said."
    )
    result, (speaker,) = speakers(extractor, text)
    assert speaker is not None and (speaker.text, speaker.name) == ("she", "Linda Park")
    entity = result.entity(speaker.entity)
    assert entity is not None and "she" in [m.text for m in entity.mentions]


def test_he_skips_a_woman_named_after_him(extractor: Extractor) -> None:
    text = (
        "Senator Paul Grant spoke after Karen Holt asked him about the vote.\n\n"
        "“I have not made up my mind on the bill,” he said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Paul Grant"


def test_a_noun_of_one_sex_outweighs_a_first_name(extractor: Extractor) -> None:
    """ "Jordan" is a man's name in the list, but "Congresswoman" says this Jordan is a woman: "he" is the other man."""
    text = (
        "Congresswoman Jordan Lee met Sam Park at the harbour on Monday.\n\n"
        "“We will not close the shelter this winter,” he said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Sam Park"


def test_an_honorific_outweighs_a_first_name(extractor: Extractor) -> None:
    text = "Ms. Jordan Smith met Mark Park at the harbour on Monday.\n\n“We will not close the shelter,” she said."
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Jordan Smith"


def test_a_spokeswoman_set_beside_a_name_is_a_woman(extractor: Extractor) -> None:
    text = (
        "Jordan Hale, a spokeswoman for the port, met Tom Baker on Monday.\n\n"
        "“We have a lot of work ahead of us,” he said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Tom Baker"


def test_a_pronoun_chosen_among_several_people_gives_nobody_a_gender(extractor: Extractor) -> None:
    """ "she" went to Casey Nolan, the nearest of three people: no evidence that Nolan is a woman, so a
    later "he" may still be Nolan rather than the man named first."""
    text = (
        "Mayor Ana Rivera met Tom Baker and Casey Nolan at the harbour on Monday. Nolan spoke first. "
        "“We have a lot of work ahead of us,” she said.\n"
        "Later, Nolan took questions. “The water keeps rising every single year,” he said."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "water keeps rising").speaker
    assert speaker is not None and speaker.name == "Casey Nolan"


def test_surname_resolves_to_the_full_name(extractor: Extractor) -> None:
    text = "Police chief Daniel Reyes spoke to reporters on Monday.\n\n“We have arrested two suspects,” Reyes said."
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and (speaker.text, speaker.name) == ("Reyes", "Daniel Reyes")


def test_description_resolves_to_the_entity_it_described(extractor: Extractor) -> None:
    text = (
        "Talks stalled after the militant group Hezbollah left the meeting.\n\n"
        "“We will not sign,” the militant group said."
    )
    result, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Hezbollah"
    entity = result.entity(speaker.entity)
    assert entity is not None and "the militant group" in [m.text for m in entity.mentions]


def test_a_deputy_is_not_the_office_they_deputise_for(extractor: Extractor) -> None:
    # "the president" is President Hale even though Vice President Carter was named since; "the vice president"
    # is still Carter.
    text = (
        "President Tom Hale flew to Varna on Monday. Vice President Ann Carter stayed in the capital.\n\n"
        "“We will rebuild the port,” the president said.\n\n"
        "“The money is ready,” the vice president said."
    )
    _, (president, deputy) = speakers(extractor, text)
    assert president is not None and president.name == "Tom Hale"
    assert deputy is not None and deputy.name == "Ann Carter"


def test_group_ner_missed_becomes_an_organisation(extractor: Extractor) -> None:
    result, (speaker,) = speakers(extractor, "The Norwegian navy said it had rescued 40 sailors from the ferry.")
    assert speaker is not None and speaker.name == "Norwegian navy"
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "ORG"


def test_nobody_named_means_no_speaker(extractor: Extractor) -> None:
    _, found = speakers(extractor, "It was reported that the bridge would close for a month of repairs.")
    assert all(s is None for s in found)
    text = "“Nobody told us the water was unsafe to drink for a week.”\n\nThe town has asked for help."
    assert _quote_about(extractor.extract(Article(text=text)), "Nobody told us").speaker is None


def test_unnamed_source_keeps_its_own_words(extractor: Extractor) -> None:
    _, (speaker,) = speakers(extractor, "“The talks collapsed before midnight,” a senior official said.")
    assert speaker is not None and speaker.entity is None and speaker.name == "a senior official"


def test_relative_pronoun_speaks_for_the_person_it_hangs_on(extractor: Extractor) -> None:
    result = extractor.extract(Article(text="Jane Roe, who said the plan would fail, left the council meeting early."))
    speaker = _quote_about(result, "the plan would fail").speaker
    assert speaker is not None and (speaker.text, speaker.name) == ("who", "Jane Roe")
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "PERSON"


def test_relative_pronoun_of_unnamed_people_is_named_by_them(extractor: Extractor) -> None:
    text = "The council heard from residents who said the road was unsafe for children."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "the road was unsafe").speaker
    assert speaker is not None and speaker.text == "who" and speaker.name == "residents" and speaker.entity is None


def test_an_indefinite_antecedent_is_no_earlier_person(extractor: Extractor) -> None:
    text = "Senator Ruth Amos met voters in Lisburn. A candidate who backs the mine said it would bring jobs."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "it would bring jobs").speaker
    assert speaker is not None and speaker.entity is None and speaker.name == "A candidate"


def test_a_long_subject_is_named_by_its_head_not_its_clause(extractor: Extractor) -> None:
    result = extractor.extract(
        Article(text="Officials who spoke on condition of anonymity said the talks had stalled.")
    )
    speaker = _quote_about(result, "the talks had stalled").speaker
    assert speaker is not None and speaker.name == "Officials" and speaker.entity is None
    assert speaker.text.startswith("Officials who spoke")


def test_figures_released_by_a_source_are_the_source_speaking(extractor: Extractor) -> None:
    result = extractor.extract(
        Article(text="Figures released by City Hall showed that rents rose 12 percent last year.")
    )
    speaker = _quote_about(result, "rents rose").speaker
    assert speaker is not None and speaker.name == "City Hall"
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "ORG" and entity.name == "City Hall"


def test_his_comments_are_the_comments_of_the_man_named_before(extractor: Extractor) -> None:
    text = "Mayor Tim Vos spoke to farmers on Monday.\n\nHis comments suggested that the water tax would rise."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "the water tax would rise").speaker
    assert speaker is not None and speaker.name == "Tim Vos"


def test_a_name_set_beside_a_title_is_the_speaker(extractor: Extractor) -> None:
    text = "The head of the dockworkers' union, Tom Elling, said the strike would go on."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "the strike would go on").speaker
    assert speaker is not None and speaker.name == "Tom Elling"
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "PERSON"


def test_an_unnamed_spokesman_is_a_person_of_the_side_he_speaks_for(extractor: Extractor) -> None:
    text = (
        "Mayor Anna Berg opened the session on Monday. A spokesman for the mayor said the budget would be cut. "
        "The spokesman added that no jobs would go."
    )
    result = extractor.extract(Article(text=text))
    first, second = _quote_about(result, "the budget").speaker, _quote_about(result, "no jobs").speaker
    assert first is not None and second is not None
    assert first.name == "spokesman for the mayor" and second.entity == first.entity
    entity = result.entity(first.entity)
    assert entity is not None and entity.type == "PERSON"
    assert entity.titles == ["spokesman"] and entity.affiliation == "Anna Berg"


def test_the_company_is_the_organisation_last_named(extractor: Extractor) -> None:
    text = "Keller Shipping cut its forecast on Monday. In a statement, the company said demand had fallen."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "demand had fallen").speaker
    assert speaker is not None and speaker.name == "Keller Shipping"


def test_the_union_is_the_union_named_before_not_the_last_organisation(extractor: Extractor) -> None:
    text = (
        "The Harbour Workers' Union called the strike in May. The port authority said 20 ships were waiting. "
        "The union says more than 300 of its members are on strike."
    )
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "300 of its members").speaker
    assert speaker is not None and speaker.name == "Harbour Workers' Union"


def test_an_office_is_named_with_whose_office_it_is(extractor: Extractor) -> None:
    result = extractor.extract(Article(text="The governor's office said the bridge would reopen in May."))
    speaker = _quote_about(result, "the bridge would reopen").speaker
    assert speaker is not None and speaker.name == "governor's office"
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "ORG"


def test_an_article_in_a_named_outlet_is_the_outlet_speaking(extractor: Extractor) -> None:
    text = "Forbes covered the sale. An article in Forbes said the deal was worth $2 billion."
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "the deal was worth").speaker
    assert speaker is not None and speaker.name == "Forbes"


def test_she_finds_the_only_woman_even_far_back(extractor: Extractor) -> None:
    text = (
        "Carla Moreno, the port director, opened the meeting on Monday. The talks on the harbour deal resumed. "
        "The union brought new figures. The first session ran late. A second session began at noon. "
        "Dock workers waited outside the gate. Traffic was slow near the harbour. Police closed one lane. "
        "Late in the evening she said the deal was close."
    )
    result = extractor.extract(Article(text=text))
    speaker = _quote_about(result, "the deal was close").speaker
    assert speaker is not None and (speaker.text, speaker.name) == ("she", "Carla Moreno")


def test_a_government_named_by_its_country_is_no_other_countrys(extractor: Extractor) -> None:
    text = (
        "The United States government sent aid to the region. The plan was opposed by members of the Saudi "
        "government, which denied any role in the attacks. The Saudi government later pledged more aid."
    )
    result = extractor.extract(Article(text=text))
    first, second = _quote_about(result, "any role").speaker, _quote_about(result, "more aid").speaker
    assert first is not None and second is not None
    assert first.name == "Saudi government" and first.entity == second.entity


PILOTS = (
    "Harbour master Anna Berg met port director Tom Keller and retired pilot Tom Young on Monday.\n\n"
    "Young, in his remarks, did not address the dredging plan, but did criticize the tender. "
    "“The tender must be rewritten from the first page,” he said.\n\n"
    "The crews hope to reach the Moon of the bay by spring, and the Moon landing film was shown.\n\n"
    "“The cranes will restart on Friday,” he said.\n\n"
    "The Veldport Port Authority opened the new quay on Tuesday.\n\n"
    "That said, the authority says it will keep the old quay open.\n"
)


@pytest.fixture(scope="module")
def pilots(extractor: Extractor) -> Extraction:
    return extractor.extract(Article(text=PILOTS))


def test_a_surname_ner_missed_is_the_antecedent_of_the_next_he(pilots: Extraction) -> None:
    # NER misses the sentence-initial "Young"; once the speaker of "did criticize" names him, "he" is him.
    speaker = _quote_about(pilots, "rewritten").speaker
    assert speaker is not None and speaker.name == "Tom Young"


def test_a_thing_named_with_the_is_no_person_for_he(pilots: Extraction) -> None:
    speaker = _quote_about(pilots, "cranes will restart").speaker
    assert speaker is not None and speaker.name == "Tom Young"
    assert "Moon" not in {e.name for e in pilots.entities if e.type == "PERSON"}


def test_that_said_is_no_speaker(pilots: Extraction) -> None:
    quote = _quote_about(pilots, "old quay open")
    assert quote.text == "it will keep the old quay open"
    assert quote.speaker is not None and quote.speaker.name == "Veldport Port Authority"


COURT = (
    "“The cranes will restart on Friday,” he said.\n\n"
    "Attorney General Ana Ruiz filed the charges against two harbour guards on Monday.\n\n"
    "Defense attorneys said the two were prepared to fight the charges.\n\n"
    "Their lawyer Tom Keller declined to say whether the guards slept the night pilot Erik Lund died. "
    "“The crew was short-staffed for months,” he said.\n\n"
    "Lund grew up in Dunmore. According to his aunt, Jane Starner, “He was steering boats before he could read.”\n"
)


@pytest.fixture(scope="module")
def court(extractor: Extractor) -> Extraction:
    return extractor.extract(Article(text=COURT))


def test_a_he_with_no_one_before_it_is_no_one_to_quote(court: Extraction) -> None:
    quote = _quote_about(court, "cranes will restart")
    assert quote.act == "unattributed"


def test_a_plural_description_is_not_the_one_person_it_names(court: Extraction) -> None:
    speaker = _quote_about(court, "fight the charges").speaker
    assert speaker is not None and speaker.name == "Defense attorneys"


def test_he_is_the_main_clause_subject_not_the_nearest_subject(court: Extraction) -> None:
    speaker = _quote_about(court, "short-staffed").speaker
    assert speaker is not None and speaker.name == "Tom Keller"


def test_a_description_set_beside_a_name_is_that_person(court: Extraction) -> None:
    speaker = _quote_about(court, "steering boats").speaker
    assert speaker is not None and speaker.name == "Jane Starner"


def test_a_participle_speaks_for_the_subject_nearest_its_verb() -> None:
    """ "BUFFALO, N.Y. — …, coach Dana Lee expressed confidence, saying …": the parser may make the
    dateline's place a second subject of the verb; the participle's speaker is the one beside it."""
    words = ["BUFFALO", "—", "coach", "Dana", "Lee", "expressed", "confidence", ",", "saying", "she", "wins", "."]
    heads = [5, 5, 4, 4, 5, 5, 5, 5, 5, 10, 8, 5]
    deps = [
        "nsubj",
        "punct",
        "compound",
        "compound",
        "nsubj",
        "ROOT",
        "dobj",
        "punct",
        "advcl",
        "nsubj",
        "ccomp",
        "punct",
    ]
    tags = ["NNP", ":", "NN", "NNP", "NNP", "VBD", "NN", ",", "VBG", "PRP", "VBZ", "."]
    pos = ["PROPN", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subject = subject_of(doc[8])
    assert subject is not None and subject.text == "Lee"


def test_a_platform_is_where_words_appear_not_who_says_them(extractor: Extractor) -> None:
    text = (
        "Singer Lena Ortiz has long feuded with her former label.\n\n"
        "Last week, Lena Ortiz posted on Twitter accusing the label of blocking her old songs.\n\n"
        "She claimed the label feared the show would hurt its sales.\n\n"
        "“I just want to sing my own songs,” she said."
    )
    result, _ = speakers(extractor, text)
    for words in ("the label of blocking", "feared the show", "sing my own songs"):
        speaker = _quote_about(result, words).speaker
        assert speaker is not None and speaker.name == "Lena Ortiz", words
    twitter = next(e for e in result.entities if e.name == "Twitter")
    assert twitter.type == "ORG"


def test_a_surname_ner_missed_still_draws_the_pronoun_after_it(extractor: Extractor) -> None:
    text = (
        "The label was bought this year by a firm owned by manager Victor Braun.\n\n"
        "Braun has worked with Maria Lopez and Tom Reyes, both of whom Lena Ortiz has quarrelled with.\n\n"
        "He said the deal was fair to every artist."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "fair to every artist").speaker
    assert speaker is not None and speaker.name == "Victor Braun"


def test_a_name_closing_a_description_is_the_speaker(extractor: Extractor) -> None:
    text = (
        "The company that runs the AMAs, Dale Clark Productions, denies that the dispute was settled.\n\n"
        "“Any agreement must be made with the band's managers,” they said."
    )
    result, _ = speakers(extractor, text)
    for words in ("the dispute was settled", "band's managers"):
        speaker = _quote_about(result, words).speaker
        assert speaker is not None and speaker.name == "Dale Clark Productions", words


def test_who_said_it_is_the_speaker_not_the_outlet_that_relays_it(extractor: Extractor) -> None:
    text = (
        "No link has been found between the two cases, the regional health board said, according to the "
        "Daily Courier.\n\n"
        "Police said they had no plans to release the recordings, according to lawyers for the family.\n\n"
        "According to the Valley Herald, the mayor said on Friday that she would sign the bill."
    )
    result, _ = speakers(extractor, text)
    board = _quote_about(result, "No link has been found").speaker
    assert board is not None and board.name == "regional health board"
    police = _quote_about(result, "no plans to release").speaker
    assert police is not None and police.text == "Police"
    # An "according to" before the report vouches for all of it, as PolNeAR reads it.
    herald = _quote_about(result, "would sign the bill").speaker
    assert herald is not None and herald.name == "Valley Herald"


def test_the_governor_is_the_person_titled_gov(extractor: Extractor) -> None:
    text = (
        "Republican Gov. Ellen Marsh did not meet the teachers on Tuesday.\n\n"
        "The governor said she was waiting for the pay commission to report next year."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "waiting for the pay commission").speaker
    assert speaker is not None and speaker.name == "Ellen Marsh"


def test_they_after_an_unnamed_group_is_that_group(extractor: Extractor) -> None:
    text = (
        "Northline Motors showed its new electric truck on Wednesday.\n\n"
        "Analysts expect the number of electric trucks for sale in the U.S. to triple by 2026. "
        "They say longer range will make the trucks more popular."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "longer range").speaker
    assert speaker is not None and (speaker.entity, speaker.name) == (None, "Analysts")


def test_the_companies_are_not_the_last_company_named(extractor: Extractor) -> None:
    text = (
        "The agency picked Orbit Freight and two other firms on Monday, Orbit Freight said.\n\n"
        "The companies said they wanted to carry passengers too."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "carry passengers").speaker
    assert speaker is not None and speaker.name == "companies"


def test_the_statement_speaks_for_whoever_issued_it(extractor: Extractor) -> None:
    text = (
        "Harbor Records issued a statement on Friday about the singer's concert plans.\n\n"
        "“At no point did we say she could not perform,” the statement said."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "At no point").speaker
    assert speaker is not None and speaker.name == "Harbor Records"


@pytest.mark.parametrize(
    ("earlier", "issuer"),
    [
        ("Harbor Records criticized the singer. Harbor Records' statement was short.", "Harbor Records"),
        ("The label hit back on Friday in a statement from Harbor Records.", "Harbor Records"),
    ],
)
def test_the_statement_speaks_for_the_issuer_named_beside_it_before(
    extractor: Extractor, earlier: str, issuer: str
) -> None:
    result, _ = speakers(extractor, earlier + " The statement said the label had offered her the masters.")
    speaker = _quote_about(result, "offered her the masters").speaker
    assert speaker is not None and speaker.name == issuer


def test_a_document_speaks_for_the_name_inside_its_phrase(extractor: Extractor) -> None:
    text = (
        "Ford left his estate to his friends, according to a document Matthesen prepared for her lawyers.\n\n"
        "Carlineo pleaded guilty, the U.S. Attorney's Office for the Western District of New York said. "
        "He could face up to 10 years in prison, according to the office release."
    )
    result, _ = speakers(extractor, text)
    document = _quote_about(result, "estate").speaker
    release = _quote_about(result, "10 years").speaker
    assert document is not None and document.name == "Matthesen"
    assert release is not None and release.name == "U.S. Attorney's Office for the Western District of New York"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Harbor Records released an album on Friday. The statement said the label kept the masters.", "evidence"),
        ("A tweet read that the concert was cancelled.", "evidence"),
        ("“We will not stop,” the statement said.", "unattributed"),
    ],
)
def test_a_document_whose_issuer_the_text_does_not_give_is_no_speaker(
    extractor: Extractor, text: str, act: str
) -> None:
    result, _ = speakers(extractor, text)
    assert [q.act for q in result.quotes] == [act]


def test_a_bare_quantifier_is_named_by_the_group_it_counts_from(extractor: Extractor) -> None:
    text = (
        "Dozens of deportees arrived in Guatemala on Tuesday. Some said they had been beaten in detention.\n\n"
        "Many Twitter users mocked the ad. Another wondered why the state bothered to trademark the tagline."
    )
    result, _ = speakers(extractor, text)
    some = _quote_about(result, "beaten").speaker
    another = _quote_about(result, "trademark").speaker
    assert some is not None and (some.text, some.name) == ("Some", "deportees")
    assert another is not None and (another.text, another.name) == ("Another", "Twitter users")


def test_a_pronoun_passes_over_a_man_the_text_said_had_died(extractor: Extractor) -> None:
    text = (
        "Prince Andrew has faced criticism over his friendship with Jeffrey Epstein. "
        "Epstein was found dead in his cell in August. “I have no recollection of meeting her,” he told the BBC."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "recollection").speaker
    assert speaker is not None and speaker.text == "he" and "Andrew" in speaker.name


def test_the_paper_is_the_outlet_last_named_and_no_outlet_of_its_own(extractor: Extractor) -> None:
    named = "The Harbour Herald reported the leak first. The paper said the port had known for months."
    result, _ = speakers(extractor, named)
    speaker = _quote_about(result, "known for months").speaker
    assert speaker is not None and speaker.name == "Harbour Herald"
    result, _ = speakers(extractor, "The paper said the port had known for months.")
    assert [(q.act, q.speaker.entity if q.speaker else None) for q in result.quotes] == [("evidence", None)]


def test_another_after_one_of_a_kind_is_another_of_that_kind(extractor: Extractor) -> None:
    text = "“We’d be North Dakota,” one user quipped.\nAnother wondered why the state bothered to trademark it."
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "trademark").speaker
    assert speaker is not None and (speaker.text, speaker.name) == ("Another", "user")


def test_the_source_of_a_report_in_an_outlet_is_the_outlet(extractor: Extractor) -> None:
    text = (
        "According to a report in the Argus Leader, the governor launched the campaign on Monday. "
        "The report says an agency in Minneapolis came up with the campaign."
    )
    result, _ = speakers(extractor, text)
    first, second = (_quote_about(result, words) for words in ("launched", "came up"))
    assert first.act == second.act == "speech"
    assert first.speaker is not None and first.speaker.name == "Argus Leader"
    assert second.speaker is not None and second.speaker.name == "Argus Leader"


def test_a_name_ner_missed_beside_a_role_is_a_person(extractor: Extractor) -> None:
    text = (
        "Mr. Lund’s tendency to raise his demands has made the other side wary, people close to the talks said.\n\n"
        "Tavish Orrin, a trade professor at Halden, said the president’s “restless temper” had complicated "
        "the talks. “By raising expectations, Lund makes any deal less likely,” he said."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "raising expectations").speaker
    assert speaker is not None and speaker.name == "Tavish Orrin"


def test_a_bare_title_after_a_named_speaker_is_that_speaker(extractor: Extractor) -> None:
    text = (
        "Rowan Ellery was voted off the dance show on Monday.\n\n"
        "“We lost the baby,” Ellery said on the show.\n\n"
        "“It makes you more human,” said the actor."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "more human").speaker
    assert speaker is not None and speaker.name == "Rowan Ellery"


def test_a_word_for_anyone_or_an_unnamed_source_is_not_the_speaker_before(extractor: Extractor) -> None:
    text = (
        "“The treatment worked,” Dr. Ann Dempsey said.\n\n"
        "“My life is as it was before,” the man wrote.\n\n"
        "“We expect more cases,” the official said."
    )
    result, _ = speakers(extractor, text)
    for words in ("as it was before", "more cases"):
        speaker = _quote_about(result, words).speaker
        assert speaker is not None and speaker.name != "Ann Dempsey", words


def test_of_two_who_share_a_surname_the_one_named_in_full(extractor: Extractor) -> None:
    text = (
        "Teresa Nielsen Hayden met him in 1980. Her husband, Patrick Nielsen Hayden, edited his books.\n\n"
        "“One bad infection would wipe out every penny he had,” Teresa Nielsen Hayden explained."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "every penny").speaker
    assert speaker is not None and speaker.name == "Teresa Nielsen Hayden"


def test_a_name_described_by_who_is_a_person_and_its_surname_later_the_same(extractor: Extractor) -> None:
    text = (
        "Montell Figgins, who represents Thomas, said his client refused the plea deal. "
        "He said Thomas is a single father of three.\n\n"
        "“Sometimes people make mistakes,” Figgins said."
    )
    result, _ = speakers(extractor, text)
    names = {_quote_about(result, words).speaker.name for words in ("single father", "make mistakes")}  # type: ignore[union-attr]
    assert names == {"Montell Figgins"}


def test_the_agency_is_the_agency_last_named(extractor: Extractor) -> None:
    text = (
        "In August, Veldport Border Protection announced it would not vaccinate families in its centres.\n\n"
        "At the time, the agency said in a statement that the stays were too short for a vaccination program."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "too short").speaker
    assert speaker is not None and speaker.name == "Veldport Border Protection"


def test_the_same_pronoun_as_the_subject_before_goes_on_about_the_same_person(extractor: Extractor) -> None:
    text = (
        "Jane Starner was surprised when I asked about the books.\n\n"
        "She gave me an email address for his sister, Martha Fry. “I cannot believe Martha would not want his "
        "books back in print,” she said."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "cannot believe").speaker
    assert speaker is not None and speaker.name == "Jane Starner"


def test_two_names_joined_speak_together_not_as_the_first(extractor: Extractor) -> None:
    text = (
        "The novelist John Ford died in 2006. His siblings, Dale Ford and Martha Fry, agreed to an interview.\n\n"
        "Ford and Fry replied that I was threatening them."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "threatening them").speaker
    assert speaker is not None and (speaker.entity, speaker.name) == (None, "Ford and Fry")


def test_a_speaker_hung_on_a_fronted_phrase_still_speaks(extractor: Extractor) -> None:
    # The parser makes the adviser an apposition of "the Herald" and leaves "said" with no subject.
    text = (
        "In a statement to the Herald, her chief of staff, Tom Rinaldi, said: “The mayor believes the harbour "
        "plan is sound, and that the council will back it when the costs are known.”"
    )
    result, _ = speakers(extractor, text)
    quote = _quote_about(result, "harbour plan")
    assert quote.act == "speech"
    assert quote.speaker is not None and quote.speaker.name == "Tom Rinaldi"


def test_a_person_described_by_age_is_the_person_just_named(extractor: Extractor) -> None:
    text = (
        "Maria Lindqvist crossed the finish line in the rain.\n\n"
        "“I trained for this race for ten years,” said the 46-year-old."
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "trained for this race").speaker
    assert speaker is not None and speaker.name == "Maria Lindqvist"


def test_a_verb_the_parser_leaves_loose_keeps_the_clause_subject(extractor: Extractor) -> None:
    text = (
        "Mayor Dana Whitfield gestured as if to calm the crowd, then leaned in and boomed: "
        "“We will rebuild this bridge.”"
    )
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "rebuild this bridge").speaker
    assert speaker is not None and speaker.name == "Dana Whitfield"


def test_a_speakers_phrase_keeps_the_bracket_it_opens(extractor: Extractor) -> None:
    text = "Sen. Alma Ruiz (D-Ore.) said the bill would pass next week."
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "bill would pass").speaker
    assert speaker is not None and text[speaker.start : speaker.end].endswith("(D-Ore.)")


def test_a_speakers_phrase_never_starts_inside_the_quote_before_it() -> None:
    # A parse met on real copy: the quote's last words hang on the speaker's name after it.
    words = ["“", "Good", "coach", "this", "guy", ",", "”", "Okafor", ",", "the", "captain", ",", "said", "."]
    heads = [12, 2, 12, 4, 7, 7, 7, 12, 7, 10, 7, 7, 12, 12]
    deps = ["punct", "amod", "ccomp", "det", "appos", "punct", "punct", "nsubj", "punct", "det", "appos", "punct"]
    deps += ["ROOT", "punct"]
    pos = ["PUNCT", "ADJ", "NOUN", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"]
    pos += ["VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    start, end = phrase_bounds(doc[7], doc[12])
    assert doc.text[start:end] == "Okafor , the captain"


def test_who_spoke_along_with_the_speaker_is_part_of_the_source(extractor: Extractor) -> None:
    text = "Ms. Lindqvist, along with the harbour master Tomas Berg, said the pier would close in May."
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "pier would close").speaker
    assert (
        speaker is not None
        and text[speaker.start : speaker.end] == "Ms. Lindqvist, along with the harbour master Tomas Berg"
    )


def test_what_a_speaker_was_doing_is_not_part_of_who_they_are(extractor: Extractor) -> None:
    text = "“It's a movement now,” said the younger Mr. Brill, surrounded by his three sisters."
    result, _ = speakers(extractor, text)
    speaker = _quote_about(result, "movement now").speaker
    assert speaker is not None and text[speaker.start : speaker.end] == "the younger Mr. Brill"


def test_a_premodifier_parsed_as_a_second_subject_does_not_head_the_speaker() -> None:
    # The parse the small model gives "Northwind editor-in-chief Jan Ekdal said": the outlet and the
    # person both as subjects of "said". The speaker is the person the phrase ends in.
    words = ["Northwind", "editor", "Jan", "Ekdal", "said", "so"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[4, 3, 3, 4, 4, 4],
        deps=["nsubj", "nmod", "compound", "nsubj", "ROOT", "advmod"],
        pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "ADV"],
    )
    assert phrase_head(doc, 0, 3).text == "Ekdal"
    assert phrase_head(doc, 1, 3).text == "Ekdal"


def test_a_middle_name_is_not_the_surname_two_others_bear(extractor: Extractor) -> None:
    text = (
        "Harold Tabb and Edgar Tabb run a ferry company. Their sister, Rosalind Tabb Corrigan, sold her share in 2010."
        "\n\n“We never wanted to sell,” Mr. Tabb said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Tabb"


def test_mrs_is_not_the_man_of_the_same_surname(extractor: Extractor) -> None:
    text = "Daniel Varrow, a builder, was arrested in May.\n\n“My husband is innocent,” Mrs. Varrow said on Friday."
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Varrow"


def test_mr_and_mrs_of_one_surname_are_two_people_a_full_name_joins_neither_without_evidence(
    extractor: Extractor,
) -> None:
    text = (
        "Tomas Pelkin runs the mill in Dornfeld. Mr. Pelkin hired twelve people last year.\n\n"
        "“We keep the books honest,” Mrs. Pelkin said."
    )
    result, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Pelkin"
    wife = result.entity(speaker.entity)
    assert wife is not None and [m.text for m in wife.mentions] == ["Pelkin"]


def test_of_two_who_bear_a_surname_the_one_the_story_names_more(extractor: Extractor) -> None:
    text = (
        "The mill was opened by Peter Hallam in 1990. Peter Hallam sold it last year, and Peter Hallam now farms. "
        "The buyer, Annabella Hallam, kept the staff.\n\n“We never wanted to sell,” Hallam said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Peter Hallam"
