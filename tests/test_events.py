"""Events on small sentences of our own: one construct each, as a reader would check them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.events_support import only, run
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor


def name(extraction: Extraction, entity_id: str | None) -> str:
    entity = extraction.entity(entity_id)
    return entity.name if entity is not None else ""


@pytest.mark.parametrize(
    ("text", "kind", "mode", "trigger"),
    [
        ("Rebels attacked the town of Goma on Monday.", "ASSAULT", None, "attacked"),
        ("The foreign minister accused Belarus of hiding the convoy.", "ACCUSE", "allege", "accused"),
        ("Police in Lagos arrested two journalists on Friday.", "COERCE", "arrest", "arrested"),
        ("The junta released 30 prisoners from the northern jail.", "RETREAT", "release", "released"),
        # Detainees are people by their verb's agent suffix ("detain-ee"), though no dictionary class lists them.
        ("Police released the detainees late on Sunday.", "RETREAT", None, "released"),
        ("Chile and Peru agreed to meet in Lima next month.", "AGREE", None, "agreed"),
        # The PLOVER manual's SANCTION mode expel covers "the expulsion of ambassadors or similar diplomats".
        ("Norway expelled three Russian diplomats.", "SANCTION", "expel", "expelled"),
        ("Thousands of farmers demonstrated outside the parliament in Paris.", "PROTEST", "demo", "demonstrated"),
        # The PLOVER 2021 manual has no 'host' mode: "visit: actor is visiting, recipient is hosting".
        ("Angola hosted the Zambian president for two days of talks.", "CONSULT", "visit", "hosted"),
        ("Japan will send food aid to the flooded provinces.", "AGREE", None, "send"),
        ("The opposition rejected the budget proposal.", "REJECT", None, "rejected"),
    ],
)
def test_verbs_are_coded_by_lexicon_and_frame(
    extractor: Extractor, text: str, kind: str, mode: str | None, trigger: str
) -> None:
    event = only(run(extractor, text), kind)
    assert event.mode == mode
    assert event.trigger.text == trigger


def test_actor_is_the_subject_and_target_the_object(extractor: Extractor) -> None:
    extraction = run(extractor, "Kenya accused Somalia of backing the raid.")
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Kenya"
    assert name(extraction, event.target) == "Somalia"


def test_passive_takes_the_agent_as_actor(extractor: Extractor) -> None:
    extraction = run(extractor, "The Italian embassy was attacked by Libyan militiamen on Sunday.")
    event = only(extraction, "ASSAULT")
    assert "militiamen" in name(extraction, event.actor)
    assert event.actor_country == "LBY"


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target", "sectors"),
    [
        ("Police arrested three men in Leeds on Sunday.", "COERCE", "Police", "three men", ("COP", "PPL")),
        ("The protesters were besieged by police at the university.", "COERCE", "police", "protesters", ("COP", "OPP")),
        ("A man was stabbed by an assailant.", "ASSAULT", "assailant", "man", ("CRM", "PPL")),
        ("Soldiers shot two villagers.", "ASSAULT", "Soldiers", "two villagers", ("MIL", "CVL")),
    ],
)
def test_agents_named_by_a_common_noun_keep_their_words(
    extractor: Extractor, text: str, kind: str, actor: str, target: str, sectors: tuple[str, str]
) -> None:
    """Issue #11: the doer named by a noun the dictionaries give a sector, not by a name, is the actor
    a reader sees; so is whom it fell on."""
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert (event.actor, event.target) == (None, None)
    assert (event.actor_text, event.target_text) == (actor, target)
    assert (event.actor_sector, event.target_sector) == sectors
    for words in (event.actor_words, event.target_words):
        assert words is not None and text[words.start : words.end] == words.text


def test_an_entity_actor_keeps_the_mention_that_named_it(extractor: Extractor) -> None:
    text = (
        "Kenyan President William Ruto met Tanzania's foreign minister. Ruto later accused Somalia of backing the raid."
    )
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "William Ruto"
    assert event.actor_words is not None and event.actor_words.text == "Ruto"
    assert text[event.actor_words.start : event.actor_words.end] == "Ruto" and event.actor_words.start > 60
    assert event.actor_text is None  # the entity's name is what a listing shows
    assert event.target_words is not None and event.target_words.text == "Somalia"


def test_phrasal_frame_picks_the_mode(extractor: Extractor) -> None:
    extraction = run(extractor, "Egypt pulled its negotiators from Doha after the impasse with Hamas.")
    event = only(extraction, "SANCTION")
    assert event.mode == "withdraw"
    assert name(extraction, event.actor) == "Egypt"
    assert name(extraction, event.target) == "Hamas"


def test_nominal_event_with_its_target(extractor: Extractor) -> None:
    extraction = run(extractor, "The Turkish minister announced talks with Iran on the pipeline.")
    event = only(extraction, "CONSULT")
    assert name(extraction, event.target) == "Iran"


def test_nominal_event_without_verb(extractor: Extractor) -> None:
    # A bare noun of violence with no one named as its doer is told only where it names the place
    # struck (the small model takes "Kharkiv" for a person, so a city it knows is used here).
    extraction = run(extractor, "Residents described the attack on Baghdad as the worst in months.")
    event = only(extraction, "ASSAULT")
    assert event.trigger.text == "attack"
    assert name(extraction, event.target) == "Baghdad"
    assert run(extractor, "Officials described the fight against the rebels as the hardest yet.").events == []


def test_negated_event_is_marked(keeping: Extractor) -> None:
    event = only(run(keeping, "Iran did not attack the tanker, the navy said."), "ASSAULT")
    assert event.negated is True
    assert event.to_dict()["negated"] is True


def test_negated_events_are_left_out_by_default(extractor: Extractor) -> None:
    # The PLOVER manual: "Negated events can be excluded from the final event dataset".
    extraction = run(extractor, "Iran did not attack the tanker, but its navy seized a Greek ship.")
    assert [(e.type, e.trigger.text) for e in extraction.events] == [("COERCE", "seized")]


def test_threat_is_not_the_act(extractor: Extractor) -> None:
    extraction = run(extractor, "Russia threatened to strike the port of Odesa.")
    event = only(extraction, "THREATEN")
    assert event.trigger.text == "threatened"
    assert name(extraction, event.actor) == "Russia"
    assert not [e for e in extraction.events if e.type == "ASSAULT"]


def test_vow_is_an_agreement_not_the_release(extractor: Extractor) -> None:
    extraction = run(extractor, "The Sudanese president vowed to free the detained reporters.")
    assert [e.type for e in extraction.events] == ["AGREE"]


def test_refusal_is_a_rejection(extractor: Extractor) -> None:
    extraction = run(extractor, "Hungary refused to deploy troops in Kosovo.")
    assert only(extraction, "REJECT").trigger.text == "refused"
    assert not [e for e in extraction.events if e.type == "MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "If Turkey attacks the border town, the alliance could respond.",
        "Syria could attack the convoy within days.",
        "Will Egypt close the border with Gaza?",
        "Did the army really arrest the mayor?",
    ],
)
def test_hypotheticals_and_questions_are_not_events(extractor: Extractor, text: str) -> None:
    assert run(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministry released a statement on the border talks.", "RETREAT"),
        ("Don't blame the farmers for the shortages.", "ACCUSE"),
        ("The report was demonstrating that the reform failed.", "PROTEST"),
        ("I want to thank the volunteers, the mayor said.", "AGREE"),
        ("The walkout halted the loading of ships at the port.", "SANCTION"),
    ],
)
def test_look_alikes_are_not_coded(extractor: Extractor, text: str, kind: str) -> None:
    assert kind not in [e.type for e in run(extractor, text).events]


def test_a_strike_called_by_a_union_is_a_protest(extractor: Extractor) -> None:
    extraction = run(extractor, "The strike was called by the dockers' union on Monday.")
    assert only(extraction, "PROTEST").mode == "strike"
    assert "ASSAULT" not in [e.type for e in extraction.events]


def test_an_air_strike_is_an_assault(extractor: Extractor) -> None:
    extraction = run(extractor, "Residents described the air strike on Mosul as the heaviest this year.")
    assert only(extraction, "ASSAULT").mode == "aerial"


def test_demonstrative_subject_names_no_actor(extractor: Extractor) -> None:
    text = "Greece closed the crossing. This allowed smugglers to move freely."
    extraction = run(extractor, text)
    # An event needs an actor; "This" is none, so no one conceded anything here.
    assert [e for e in extraction.events if e.type == "CONCEDE"] == []


def test_reported_event_takes_speaker_quote_and_date(extractor: Extractor) -> None:
    extraction = run(extractor, "The Ukrainian army said Tuesday it shelled 30 positions in Donetsk.")
    event = only(extraction, "ASSAULT")
    assert name(extraction, event.actor) == "Ukrainian army"
    assert event.actor_country == "UKR"
    assert event.actor_sector == "MIL"
    assert event.date == "2024-03-05"
    assert event.size == 30
    assert name(extraction, event.location) == "Donetsk"
    quote = next(q for q in extraction.quotes if q.id == event.reported_by)
    assert quote.start <= event.trigger.start < quote.end


def test_pronoun_actor_is_the_last_person_named(extractor: Extractor) -> None:
    text = "Prime Minister Ana Duarte met union leaders in Lisbon. She blamed the strikers for the delays."
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Ana Duarte"


def test_people_detained_in_a_city_are_not_the_city(extractor: Extractor) -> None:
    extraction = run(extractor, "Turkish police detained 14 activists in Istanbul on Sunday.")
    event = only(extraction, "COERCE")
    assert name(extraction, event.actor) == "Turkish police"
    assert event.target is None
    assert name(extraction, event.location) == "Istanbul"
    assert event.size == 14


def test_size_is_the_count_of_the_people_not_their_age(extractor: Extractor) -> None:
    aged = only(run(extractor, "The men, aged 34 and 41, were detained at a house in Kessel."), "COERCE")
    assert aged.size is None
    crowd = only(run(extractor, "Tens of thousands of students demonstrated in Jakarta."), "PROTEST")
    assert crowd.size is not None


def test_description_target_is_the_group_named_before(extractor: Extractor) -> None:
    text = (
        "Qatar hosted talks between Israel and militant group Hamas. "
        "The Egyptian mediator blamed the militant group for the delay."
    )
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.target) == "Hamas"


def test_killed_and_wounded_fill_dead_and_injured(extractor: Extractor) -> None:
    extraction = run(extractor, "Gunmen killed 12 villagers near Maiduguri on Saturday.")
    event = only(extraction, "ASSAULT")
    assert event.dead == 12
    assert name(extraction, event.location) == "Maiduguri"


def test_events_point_at_their_trigger_words(extractor: Extractor) -> None:
    text = "Police arrested 40 protesters in Minsk. Belarus later released them."
    extraction = run(extractor, text)
    assert extraction.events
    for event in extraction.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for ref in (event.actor, event.target, event.location):
            assert ref is None or extraction.entity(ref) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“”“",
        "Hamas. Israel. Qatar. Kirby.",
        " and ".join(["the army struck the depot"] * 300) + ".",
        "\n\n".join(["Police arrested 1e400 people?"] * 60),
        "The minister zorbled the flimflam beside the quangle.",
    ],
)
def test_odd_text_never_crashes(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert all(e.type for e in extraction.events)


def test_unknown_verbs_give_no_events(extractor: Extractor) -> None:
    assert run(extractor, "The minister zorbled the flimflam beside the quangle.").events == []


def test_jsonl_records_keep_their_id_and_get_events(tmp_path: Path) -> None:
    records = [
        {"id": "n1", "text": "Rebels attacked the town of Goma on Monday.", "published": "2024-03-07"},
        {"id": "n2", "text": "Chile expelled two Bolivian diplomats on Friday.", "published": "2024-03-08"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 2
    for line, record in zip(lines, records, strict=True):
        article = line["article"]
        assert record["id"] in (article["id"], article.get("source") or "") or str(article.get("source", "")).endswith(
            "#" + record["id"]
        )
        assert article["published"] == record["published"]
        assert line["events"]
    assert lines[0]["events"][0]["type"] == "ASSAULT"
    assert lines[1]["events"][0]["type"] == "SANCTION"


def test_the_company_and_the_union_point_back_to_their_names(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Staff at Borlund Mills walked out on Tuesday, backed by the Textile Workers' Union. "
        "Orvane Textiles said the mill was losing money. "
        "In a letter, the company accused the union of misleading its members.",
    )
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Orvane Textiles"
    assert name(extraction, event.target) == "Textile Workers' Union"


def test_the_police_is_the_police_named_before(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "The Tarnow City Police detained a student on Friday. "
        "Her lawyer, Karin Holm, accused the police of ignoring the court.",
    )
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Karin Holm"
    assert name(extraction, event.target) == "Tarnow City Police"


def test_both_governments_is_the_last_country_named(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Chile freed two sailors on Monday. Its envoy said both governments had agreed to hold talks in May.",
    )
    event = only(extraction, "AGREE")
    assert name(extraction, event.actor) == "Chile"


def test_threat_is_aimed_at_the_subject_of_its_condition(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Talvik Motors plans to shut its Brenna plant. "
        "The Foundry Workers' Union threatened to strike if the company went ahead.",
    )
    event = only(extraction, "THREATEN")
    assert name(extraction, event.actor) == "Foundry Workers' Union"
    assert name(extraction, event.target) == "Talvik Motors"


def test_warning_of_a_conditional_act_is_a_threat(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "The Foundry Workers' Union began an overtime ban at Talvik Motors on Monday. "
        "Omar Sayer, the firm's director, warned that the plant would close if the union kept up the ban.",
    )
    event = only(extraction, "THREATEN")
    assert event.trigger.text == "warned"
    assert name(extraction, event.actor) == "Omar Sayer"
    assert name(extraction, event.target) == "Foundry Workers' Union"


def test_no_one_accuses_itself_the_reporter_does(extractor: Extractor) -> None:
    text = "Union leader Dana Whitlow said Talvik had wasted a week and accused the company of bad faith."
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Dana Whitlow"
    assert name(extraction, event.target) == "Talvik"


def test_walking_out_of_a_meeting_is_a_withdrawal_from_the_partner(extractor: Extractor) -> None:
    extraction = run(extractor, "Negotiators for Chile walked out of a meeting with Peru on Tuesday.")
    event = only(extraction, "SANCTION")
    assert (event.mode, event.trigger.text) == ("withdraw", "walked")
    assert name(extraction, event.target) == "Peru"


def test_walking_out_over_pay_is_a_strike(extractor: Extractor) -> None:
    event = only(run(extractor, "Nurses at Fenwick General walked out on Monday over pay."), "PROTEST")
    assert event.mode == "strike"


def test_a_strike_is_aimed_at_the_employer_and_the_strike_keeps_that_target(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Bus drivers in Harlow walked off the job on Monday in a dispute over rosters with Coltrane Transit. "
        "The strike was called by the Drivers' Guild.",
    )
    called = next(e for e in extraction.events if e.trigger.text == "called")
    assert called.type == "PROTEST"
    assert name(extraction, called.actor) == "Drivers' Guild"
    assert name(extraction, called.target) == "Coltrane Transit"


def test_its_after_the_union_is_the_union(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "The Mill Workers' Union voted on Monday. Police said the picket at the gates was calm. "
        "The union has not said how long the walkout will last. Its last strike lasted nine days.",
    )
    event = next(e for e in extraction.events if e.trigger.text == "strike")
    assert event.type == "PROTEST"
    assert name(extraction, event.actor) == "Mill Workers' Union"


def test_a_crowd_marching_is_the_organisers_protest(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Thousands of people marched through Halden on Sunday against the new toll. "
        "The organisers, the Halden Residents' Association, said 8,000 people took part.",
    )
    event = only(extraction, "PROTEST")
    assert event.trigger.text == "marched"
    assert name(extraction, event.actor) == "Halden Residents' Association"


def test_the_state_is_no_organisation_named_state(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Islamic State said on Monday that it attacked the convoy near Raqqa. "
        "The state later arrested 12 men in the town.",
    )
    assert name(extraction, only(extraction, "COERCE").actor) != "Islamic State"


def test_workers_on_strike_strike_for_their_union_and_threats_aim_at_it(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "Hundreds of bus drivers stopped work in Harlow on Monday in a strike over rosters. "
        "The Transport Workers' Union says wages have fallen for years. "
        "Coltrane Transit's director, Ida Marsh, warned that the firm might sell routes if the strike dragged on.",
    )
    strike = next(e for e in extraction.events if e.trigger.text == "stopped")
    assert (strike.type, name(extraction, strike.actor)) == ("PROTEST", "Transport Workers' Union")
    threat = only(extraction, "THREATEN")
    assert name(extraction, threat.actor) == "Ida Marsh"
    assert name(extraction, threat.target) == "Transport Workers' Union"


def coded(extraction: Extraction) -> list[tuple[str, str, bool]]:
    return [(e.type, e.trigger.text, e.negated) for e in extraction.events]


@pytest.mark.parametrize(
    "text",
    [
        "A cargo ship struck the harbour wall at Tamsby on Sunday night.",
        "The storm hit the coastal villages of Orvik before dawn.",
        "The Brenner Tunnel will reopen to traffic on Monday, the ministry said.",
        "The old ferry will reopen the route to the islands in June.",
    ],
)
def test_things_do_no_event(extractor: Extractor, text: str) -> None:
    # A ship, a storm or a tunnel is no actor: a collision is no assault, a reopening no pledge.
    assert coded(run(extractor, text)) == []


def test_a_person_who_strikes_still_assaults(extractor: Extractor) -> None:
    extraction = run(extractor, "Gunmen struck a police post near Kadera on Sunday night.")
    assert [e.type for e in extraction.events] == ["ASSAULT"]


def test_a_place_in_the_subject_is_where_not_who(extractor: Extractor) -> None:
    extraction = run(
        extractor,
        "The Tamsby Dockers' Union called the strike. Some 200 workers at the Port of Tamsby walked off the job.",
    )
    walkout = next(e for e in extraction.events if e.trigger.text == "walked")
    assert name(extraction, walkout.actor) == "Tamsby Dockers' Union"
    assert name(extraction, walkout.target) != "Port of Tamsby"


def test_a_plan_with_nobody_named_is_no_agreement(extractor: Extractor) -> None:
    extraction = run(extractor, "The crossing will reopen to lorries next week, officials said.")
    assert "AGREE" not in [e.type for e in extraction.events]


def test_a_pledge_by_someone_is_still_an_agreement(extractor: Extractor) -> None:
    extraction = run(extractor, "Norway will release the two fishermen next week, its foreign minister said.")
    assert [e.type for e in extraction.events] == ["AGREE"]


def test_failing_to_act_is_no_refusal(keeping: Extractor) -> None:
    assert coded(run(keeping, "The rebels failed to produce a list of the captives by Friday.")) == []
    extraction = run(keeping, "The junta failed to release the detained reporters on Monday.")
    assert coded(extraction) == [("RETREAT", "failed", True)]


def test_failing_to_agree_is_still_a_rejection(extractor: Extractor) -> None:
    extraction = run(extractor, "Lodria and Vessmark failed to reach agreement on the border after a day of talks.")
    assert "REJECT" in [e.type for e in extraction.events]


def test_no_arrests_and_nobody_are_negations(keeping: Extractor) -> None:
    # Arrests with no one arrested are no event to count; if one is told, it is as not done.
    extraction = run(keeping, "Police said the rally was calm and that no arrests had been made.")
    assert all(e.negated for e in extraction.events if e.type == "COERCE")


def test_asking_whether_is_a_question_not_a_request(extractor: Extractor) -> None:
    extraction = run(extractor, "Asked whether the men would be charged, the minister said the case was closed.")
    assert "REQUEST" not in [e.type for e in extraction.events]


def test_a_participle_telling_a_state_is_no_event(extractor: Extractor) -> None:
    extraction = run(extractor, "Residents should keep their phones charged and their radios on, the office said.")
    assert "ACCUSE" not in [e.type for e in extraction.events]


def test_denying_wrongdoing_is_no_rejection(extractor: Extractor) -> None:
    assert "REJECT" not in [e.type for e in run(extractor, "The mayor's aide denied any wrongdoing.").events]
    assert "REJECT" in [e.type for e in run(extractor, "The cabinet denied the union's request for talks.").events]


def test_a_threatened_strike_is_only_a_threat(extractor: Extractor) -> None:
    extraction = run(extractor, "The Drivers' Union threatened to stage a strike across the region if pay is cut.")
    assert [e.type for e in extraction.events] == ["THREATEN"]


def test_a_plan_told_by_a_with_clause_is_not_done(extractor: Extractor) -> None:
    extraction = run(
        extractor, "The minister said the border would reopen on Monday, with trucks allowed through after checks."
    )
    assert "CONCEDE" not in [e.type for e in extraction.events]


def test_talks_due_to_resume_have_not_happened(extractor: Extractor) -> None:
    extraction = run(extractor, "Talks between the union and the railway are due to resume next week.")
    assert "CONSULT" not in [e.type for e in extraction.events]


def test_a_thing_marked_with_its_country_stands_for_its_forces(extractor: Extractor) -> None:
    extraction = run(extractor, "Iranian boats attacked a tanker in the Gulf on Tuesday.")
    assert [e.type for e in extraction.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ("Norway rejected a Swedish proposal for signing a fishing pact.", "REJECT", "AGREE"),
        ("Chad rejected a UN appeal for deploying troops along the border.", "REJECT", "MOBILIZE"),
        ("The union accused the company of holding the port hostage.", "ACCUSE", "COERCE"),
    ],
)
def test_what_a_proposal_or_a_charge_names_is_not_told_as_done(
    extractor: Extractor, text: str, kind: str, content: str
) -> None:
    types = [e.type for e in run(extractor, text).events]
    assert kind in types and content not in types


def test_blaming_circumstances_is_no_accusation(extractor: Extractor) -> None:
    extraction = run(extractor, "The airline cut 80 jobs on Monday, blaming rising fuel costs.")
    assert "ACCUSE" not in [e.type for e in extraction.events]
    extraction = run(extractor, "The airline blamed the pilots' union for the delays.")
    assert "ACCUSE" in [e.type for e in extraction.events]


def test_a_strike_is_aimed_at_someone_not_at_its_place(extractor: Extractor) -> None:
    at_port = run(extractor, "The Dockers Union went on strike at the Port of Tamsby on Monday.")
    strike = only(at_port, "PROTEST")
    assert strike.target is None and name(at_port, strike.location) == "Port of Tamsby"
    against = run(extractor, "Teachers in Vessmark went on strike against Lodria on Monday.")
    assert name(against, only(against, "PROTEST").target) == "Lodria"


def test_a_place_near_the_blast_is_not_who_set_it_off(extractor: Extractor) -> None:
    blast = run(extractor, "A roadside blast near the town of Kadera killed three soldiers on Sunday.")
    assert name(blast, only(blast, "ASSAULT").actor) != "Kadera"
    police = run(extractor, "Police in Lagos arrested two journalists on Friday.")
    assert name(police, only(police, "COERCE").actor) == "Lagos"


def test_faced_criticism_is_the_critics_act(extractor: Extractor) -> None:
    # CAMEO codes "FACE CRITICISM [:111]" as the target's act on the subject.
    extraction = run(extractor, "The United States faced stiff criticism from the Arab League on Tuesday.")
    event = only(extraction, "ACCUSE")
    assert (name(extraction, event.actor), name(extraction, event.target)) == ("Arab League", "United States")
    assert run(extractor, "He had been facing the rape charge in Sweden since 2010.").events == []


def test_general_verbs_code_only_through_their_object(extractor: Extractor) -> None:
    # "take" codes a seizure only with what is seized named ("took control of"), not "took a good step".
    assert run(extractor, "The Kenyan coach said his players took a good step forward in Nairobi.").events == []
    extraction = run(extractor, "Rebels took control of the town of Goma on Monday.")
    assert [e.type for e in extraction.events] == ["COERCE"]


def test_naming_and_visiting_a_place_are_no_consultations(extractor: Extractor) -> None:
    # "called X a Y" names X (an object predicate), and a visit needs a host, not a building.
    assert run(extractor, "The Arab League called it an extremely adverse development.").events == []
    extraction = run(extractor, "Putin called Erdogan on Monday.")
    assert [(e.type, e.mode) for e in extraction.events] == [("CONSULT", "phone")]


def test_general_code_verbs_need_the_party_met(extractor: Extractor) -> None:
    # CAMEO gives "discuss", "leave" the general code 040 (Consult): a consultation only with whom.
    extraction = run(
        extractor, "U.S. envoy Kurt Volker said he first discussed the delay with the Ukrainians at the end of August."
    )
    assert [(e.type, name(extraction, e.target)) for e in extraction.events] == [("CONSULT", "Ukrainians")]
    assert run(extractor, "American troops will leave Syria under the plan, the Pentagon said.").events == []


def test_a_dateline_is_not_the_actor(extractor: Extractor) -> None:
    # The parser makes the dateline's capitals the subject; the act is the one named after the dash.
    extraction = run(
        extractor,
        "Esper in Asia\n\nHANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China"
        " of using coercion.",
    )
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Mark Esper"
    assert name(extraction, event.target) == "China"


@pytest.mark.parametrize(
    "text",
    [
        # A verb coded by its word alone, done by a firm to no one: no political event.
        "Dashlane offers a free version of its software.",
        # An election result, not violence.
        "Kentucky Democrats beat the incumbent governor in Tuesday's election.",
        # The manual's RETREAT releases captives, not video.
        "Police released dramatic video of the rescue on Friday.",
        # ... nor a letter: a noun ending like "protester" is no one unless its stem is a verb.
        "In May, Governor Tom Reed released a letter from his longtime physician, Dr. Alan Pike.",
        # ... and a "giant" is no one whose sales can be hit ("gi-" is no verb to make an agent of).
        "Arvo Motors, the Swedish truck giant, won a large order on Monday. The order is crucial for the Swedish "
        "manufacturing giant, whose sales have been badly hit following two recalls.",
        # A visit needs a host: a border or a prison hosts no one.
        "Senator Lee visited the Mexican border near McAllen on Monday.",
    ],
)
def test_words_without_their_political_sense_code_nothing(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert [(e.type, e.trigger.text) for e in extraction.events] == []


def test_a_place_inside_a_clause_about_the_doers_is_not_the_actor(extractor: Extractor) -> None:
    extraction = run(
        extractor, "King was abducted by gunmen wearing military uniforms in the heart of the Afghan capital."
    )
    event = only(extraction, "ASSAULT")
    assert name(extraction, event.actor) != "Afghan"


def test_an_envoy_named_by_possession_is_of_the_owners_country(extractor: Extractor) -> None:
    extraction = run(extractor, "China’s ambassador to Britain accused the UK of meddling in the country’s affairs.")
    event = only(extraction, "ACCUSE")
    assert (event.actor_country, event.target_country) == ("CHN", "GBR")


def test_should_asks_nothing_of_the_weather(extractor: Extractor) -> None:
    text = "The weather should ease by Thursday morning, allowing the utility to restore power, said Mark Quinlan."
    assert [e.type for e in run(extractor, text).events] == []


def test_a_games_roundup_codes_no_events(extractor: Extractor) -> None:
    text = (
        "Hurricanes 4, Blackhawks 2: Nino Niederreiter had a goal and an assist, and Carolina beat Chicago"
        " for their fourth straight victory.\n\nBruins 3, Kings 1: Boston won again."
    )
    assert [(e.type, e.trigger.text) for e in run(extractor, text).events] == []


@pytest.mark.parametrize(
    "text",
    [
        # A question put is no request (the manual's REQUEST asks for something).
        "Senator Alvaro Mendez asked the Estrian minister about the delays at the port.",
        # A modal perfect tells what did not happen.
        "The Estrian ambassador said his government would have objected to the inquiry.",
        # A noun under a condition is not told as done.
        "Alvaro Mendez is an Estrian journalist. He now faces a maximum sentence of ten years in prison in Estria"
        " if convicted of the charges.",
        # A thing of someone's does nothing; its owner is not the actor.
        "Senator Alvaro Mendez's involvement offers a reminder of the role of Estria's farmers.",
        # A forecast of a state is no commitment.
        "The Kremlin's reforms promise to be even deeper than expected.",
        # The speaker's own side urged is no request made of another.
        '"We must teach the young people of Estria patience," Senator Alvaro Mendez said.',
    ],
)
def test_questions_counterfactuals_conditions_and_things_tell_no_event(extractor: Extractor, text: str) -> None:
    assert [(e.type, e.trigger.text) for e in run(extractor, text).events] == []


def test_a_persons_arrest_is_done_to_them(extractor: Extractor) -> None:
    text = "Following Alvaro Mendez's arrest in London, a lawyer for the family asked for the inquiry to be resumed."
    extraction = run(extractor, text)
    event = only(extraction, "COERCE")
    assert (event.actor, name(extraction, event.target)) == (None, "Alvaro Mendez")


def test_asking_for_something_is_still_a_request(extractor: Extractor) -> None:
    extraction = run(extractor, "Senator Alvaro Mendez asked the Estrian government for the port's accounts.")
    event = only(extraction, "REQUEST")
    assert name(extraction, event.actor) == "Alvaro Mendez"


@pytest.mark.parametrize(
    "text",
    [
        # A wish or an aim to do what is no event commits to nothing.
        '"We aim to build on this in future," said Senator Alvaro Mendez of Estria.',
        # A warning that governs no act coded is advice, not a threat.
        "Estrian officials have warned people to stay away from the infected areas.",
        # A direct question put is no request.
        '"And I asked, well, on whose authority?" said Alvaro Mendez, the Estrian envoy.',
        # A "would" clause hung on another is its condition.
        "He testified about a meeting when Mendez told Estrian officials they would need to deliver before the"
        " Estrian government would agree to a meeting.",
    ],
)
def test_wishes_advice_measures_and_conditions_tell_no_event(extractor: Extractor, text: str) -> None:
    assert [(e.type, e.trigger.text) for e in run(extractor, text).events] == []


@pytest.mark.parametrize(
    "text",
    [
        # A wish to strike is told of someone, not a threat they made.
        '"The Estrian soldiers wanted to raid a rebel base, but their orders came late," Alvaro Mendez said.',
        # Reluctance is no rejection of anything proposed.
        "Estrian officials are responding to the smog, but they are reluctant to take aggressive action.",
        # A country's code alone on a firm says where it is: the firm's offers and falls are no political event.
        "Japan's Nikkei 225 declined 0.3%, while the Kospi fell 0.5%.",
    ],
)
def test_wishes_reluctance_and_firms_of_a_country_tell_no_event(extractor: Extractor, text: str) -> None:
    assert [(e.type, e.trigger.text) for e in run(extractor, text).events] == []


@pytest.mark.parametrize(
    "text",
    [
        # A verb of saying under a wrapper says something; it asks nothing.
        "Senator Alvaro Mendez continues to insist his tactics will be worth it.",
        # Advice for a case is asked of no one.
        "If they have chest symptoms, they should let their doctor know, Estria's health minister Alvaro Mendez added.",
        # A thing of someone's ("his approach") is no target violence can harm.
        "Estrian farmers agree that the tariffs hurt them, but they have struggled with his approach.",
    ],
)
def test_sayings_advice_and_struggles_with_things_tell_no_event(extractor: Extractor, text: str) -> None:
    assert [(e.type, e.trigger.text) for e in run(extractor, text).events] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Foreign Secretary Alvaro Mendez attacked the opposition’s policies on Estria and jobs.", "ACCUSE"),
        ("Ambassador Kurt Volker said he opposed the hold on Estrian aid.", "ACCUSE"),
    ],
)
def test_a_thing_is_aimed_at_its_owner_not_at_what_its_phrases_name(extractor: Extractor, text: str, kind: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert event.target is None


def test_people_are_held_not_the_jail_they_are_held_in(extractor: Extractor) -> None:
    text = "All six were taken to the Bartholomew County Jail, where they were being held on 48-hour holds."
    extraction = run(extractor, text)
    # (With the jail gone, no one is named on either side, and an event with neither actor nor recipient is none.)
    assert all(name(extraction, e.target) != "Bartholomew County Jail" for e in extraction.events)


def test_battling_a_process_is_no_violence(extractor: Extractor) -> None:
    extraction = run(extractor, "Senator Alvaro Mendez is battling extradition to Estria, which accuses him of fraud.")
    assert [e.type for e in extraction.events] == ["ACCUSE"]


def test_searching_a_place_investigates_no_one(extractor: Extractor) -> None:
    text = "Inspector Alvaro Mendez says transit officers quickly searched the area and were able to find the van."
    assert [e.mode for e in run(extractor, text).events if e.type == "ACCUSE"] == []
    text = "The Estrian attorney general is investigating Halvard Logistics."
    assert [e.mode for e in run(extractor, text).events if e.type == "ACCUSE"] == ["investigate"]


@pytest.mark.parametrize(
    ("text", "kind", "mode", "actor", "target"),
    [
        ("Chile held talks with Peru on Tuesday.", "CONSULT", None, "Chile", "Peru"),
        ("Peruvian police launched an investigation into the deaths of three miners.", "ACCUSE", "investigate",
         "Peruvian police", ""),
        ("Estrian troops opened fire to disperse the crowd.", "ASSAULT", "firearms", "Estrian troops", ""),
        ("Estrian dockers began a hunger strike outside the parliament.", "PROTEST", "hunger", "Estrian dockers", ""),
    ],
)  # fmt: skip
def test_a_support_verb_does_the_act_its_object_names(
    extractor: Extractor, text: str, kind: str, mode: str | None, actor: str, target: str
) -> None:
    # CAMEO's own patterns ("HOLD TALKS", "LAUNCH INVESTIGATION", "OPEN FIRE"): the verb's subject acts.
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert event.trigger.text in ("held", "launched", "opened", "began")
    assert (event.mode, name(extraction, event.actor), name(extraction, event.target)) == (mode, actor, target)


def test_imposed_sanctions_are_a_sanction_on_whom_they_fall(extractor: Extractor) -> None:
    # The PLOVER manual: "International (political or economic) sanctions are coded as discontinue"
    # (the conversion table's COERCE restrict for CAMEO 163 is for boycotts and blockades).
    extraction = run(extractor, "The European Union imposed sanctions on Estria.")
    event = only(extraction, "SANCTION")
    assert (event.mode, name(extraction, event.actor), name(extraction, event.target)) == (
        "discontinue",
        "European Union",
        "Estria",
    )


def test_a_phrasal_pattern_codes_only_its_own_verb(extractor: Extractor) -> None:
    # CAMEO's "BREAK (WITH)" is a threat for "break with"; "beat ... with" is the beating alone.
    extraction = run(extractor, "Estrian soldiers beat up the prisoners with the knowledge of their officers.")
    assert "THREATEN" not in [e.type for e in extraction.events]


def test_praise_of_a_named_ones_deed_is_aimed_at_them(extractor: Extractor) -> None:
    extraction = run(extractor, "The Estrian foreign minister praised Chile's efforts to cut emissions.")
    event = only(extraction, "SUPPORT")
    assert name(extraction, event.target) == "Chile"


def test_an_investigation_named_by_its_noun_is_into_what_happened(extractor: Extractor) -> None:
    # The manual's investigations are of wrongdoing; a study led or conducted is none.
    text = "Inspector Alvaro Mendez of the Estrian police opened an investigation into the killing of two miners."
    assert [e.mode for e in run(extractor, text).events if e.type == "ACCUSE"] == ["investigate"]
    text = "The Estrian health ministry conducted investigations on people who might have been exposed."
    assert [e.type for e in run(extractor, text).events] == []


def test_a_pattern_naming_the_object_wins_over_a_bare_particle(extractor: Extractor) -> None:
    # CAMEO codes "BREAK OFF" alone a threat (130) and "BREAK RELATIONS" a break of relations (161).
    extraction = run(extractor, "Peru broke off diplomatic relations with Chile.")
    event = only(extraction, "SANCTION")
    assert (name(extraction, event.actor), name(extraction, event.target)) == ("Peru", "Chile")


def test_an_object_spelt_as_the_dictionary_spells_it_decides(extractor: Extractor) -> None:
    # "LIFT SANCTIONS" is CAMEO 085, easing sanctions (RETREAT); "LIFT SANCTION" is 0351, an intent.
    extraction = run(extractor, "Chile lifted sanctions on Peru.")
    assert [e.type for e in extraction.events] == ["RETREAT"]


def test_a_warning_of_ones_own_force_is_a_threat(extractor: Extractor) -> None:
    # The manual's THREATEN covers threats of force; a forecast of someone else's act threatens nothing.
    extraction = run(extractor, "Brazil warned Argentina that it would retaliate.")
    event = only(extraction, "THREATEN")
    assert (event.mode, name(extraction, event.actor), name(extraction, event.target)) == (
        "violence",
        "Brazil",
        "Argentina",
    )
    assert run(extractor, "Forecasters warned that storms would hit the coast.").events == []


def test_what_is_fired_is_the_means_and_what_it_is_fired_at_the_target(extractor: Extractor) -> None:
    # "fired six shells at targets in the town": the shells are no target that violence harms.
    extraction = run(extractor, "Chilean tanks fired six shells at targets in the border town.")
    event = only(extraction, "ASSAULT")
    assert name(extraction, event.actor) == "Chilean tanks"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # A political body named by its country is a named object of a statement, as of a material act.
        ("Human rights groups criticized the Venezuelan government for the arrests.", "Venezuelan"),
        # The passive's subject is the one criticized, the agent the critic.
        ("Ecuador was criticized by the European Union for the expulsions.", "Ecuador"),
    ],
)
def test_criticism_of_a_named_body(extractor: Extractor, text: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert target in name(extraction, event.target)


def test_criticism_of_a_people_is_no_named_object(extractor: Extractor) -> None:
    # "criticize" codes only with a named object: a public is no body, whatever its country.
    extraction = run(extractor, "The columnist criticized the Venezuelan public for its apathy.")
    assert not [e for e in extraction.events if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        # CAMEO 1662 "Expel or withdraw inspectors, observers": the conversion table makes it SANCTION expel.
        ("Ecuador expelled the United Nations inspectors on Tuesday.", "SANCTION", "expel"),
        # CAMEO 0862 "Receive inspectors": RETREAT access.
        ("Peru received United Nations inspectors in Lima on Sunday.", "RETREAT", "access"),
        # CAMEO 064 "Share intelligence or information": COOPERATE, with the one it is shared with.
        ("Jordan shared intelligence with Chile about the plot.", "COOPERATE", None),
    ],
)
def test_code_descriptions_give_verb_object_frames(
    extractor: Extractor, text: str, kind: str, mode: str | None
) -> None:
    assert only(run(extractor, text), kind).mode == mode


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # CAMEO 111 "Criticize or denounce" and 051 "Praise or endorse" name the verbs themselves: no named object
        # is needed, as for "denounce".
        ("The Chilean foreign minister criticized the decision.", "ACCUSE"),
        ("The Bolivian government criticised the ruling.", "ACCUSE"),
        ("The Chilean foreign minister praised the decision.", "SUPPORT"),
    ],
)
def test_verbs_a_code_description_names_need_no_named_object(extractor: Extractor, text: str, kind: str) -> None:
    assert only(run(extractor, text), kind).target is None


def test_a_leader_the_actor_dictionary_lists_by_surname_acts(extractor: Extractor) -> None:
    # Phoenix lists "YELTSIN" among the codeless lines before "RUSSIAN_PRESIDENT_YELTSIN [RUS...]": one person.
    extraction = run(extractor, "Yeltsin accused the parliament of blocking reforms.")
    assert name(extraction, only(extraction, "ACCUSE").actor) == "Yeltsin"


def test_charging_that_is_an_allegation_charging_a_fee_is_none(extractor: Extractor) -> None:
    # The PLOVER manual's ACCUSE: "Accuse, allege, or charge, both judicially and informally".
    extraction = run(extractor, "Peruvian officials charged that Chile was violating the agreement.")
    assert only(extraction, "ACCUSE").mode == "allege"
    assert not run(extractor, "The bank charged a fee for the transfer.").events


def test_a_person_by_surname_alone_is_the_dictionary_person_of_that_surname(extractor: Extractor) -> None:
    # Phoenix knows "YASIR_ARAFAT_" and "+YASSER_ARAFAT", one code: "Arafat" is that person.
    extraction = run(extractor, "Arafat condemned the attack in Tel Aviv.")
    event = only(extraction, "ACCUSE")
    assert name(extraction, event.actor) == "Arafat"
    assert event.actor_country == "PSE"


def test_the_passive_subject_of_blame_is_the_one_blamed(extractor: Extractor) -> None:
    extraction = run(extractor, "Israel was blamed by Palestinians for the bombing.")
    assert name(extraction, only(extraction, "ACCUSE").target) == "Israel"
    assert not run(extractor, "Falling freight volumes were blamed for the loss.").events


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Ending a hostile act eases it (CAMEO 087 de-escalation, RETREAT), it is not that act.
        ("The Israeli army stopped its bombardment of Gaza.", "RETREAT"),
        ("The Russian army ended the siege of the city.", "RETREAT"),
    ],
)
def test_ending_a_hostile_act_is_its_easing(extractor: Extractor, text: str, kind: str) -> None:
    events = run(extractor, text).events
    assert [e.type for e in events] == [kind]


def test_a_frame_naming_the_objects_head_beats_one_naming_its_modifier(extractor: Extractor) -> None:
    # "weapons inspectors" are inspectors (CAMEO 1662, SANCTION), not weapons (0874, a military withdrawal):
    # told as what Chile will do, a sanction is a threat.
    event = only(run(extractor, "Chile will withdraw its weapons inspectors from Peru."), "THREATEN")
    assert event.mode == "relations"


@pytest.mark.parametrize(
    "text",
    [
        "A Moscow court convicted the opposition leader of fraud on Tuesday.",
        "The journalist was sentenced to seven years in prison by a court in Minsk.",
        "The former officer was found guilty of murder on Monday.",
        "The suspect, Michael Webb, was convicted on Thursday.",
    ],
)
def test_a_conviction_is_sanction_convict(extractor: Extractor, text: str) -> None:
    # The PLOVER manual's SANCTION convict: "Find an entity or behavior guilty ... found guilty and sentenced";
    # not an arrest, and told without the court named.
    event = only(run(extractor, text), "SANCTION")
    assert event.mode == "convict"
    assert event.target is not None or event.target_words is not None


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        # The manual's REQUEST: "All requests, demands, and orders"; CAMEO codes "CALL (FOR END)" 053.
        ("The United Nations called for an end to the fighting in Sudan.", "REQUEST", None),
        # The manual's MOBILIZE: "All military or police moves that fall short of the actual use of force".
        ("The government sent troops to the capital to restore order.", "MOBILIZE", "troops"),
        # ... and its AID: "Military and police assistance including arms and personnel".
        ("France sent peacekeepers to Mali.", "AID", None),
        # The manual's REJECT: "All rejections and refusals".
        ("The minister dismissed the criticism from the opposition.", "REJECT", None),
        ("Russia rebuffed the accusations by Britain.", "REJECT", None),
        # The manual's ACCUSE disapprove: "Express disapproval; condemn; complain".
        ("The union raised alarm at the terms of the deal.", "ACCUSE", "disapprove"),
    ],
)
def test_types_follow_the_manuals_definitions(extractor: Extractor, text: str, kind: str, mode: str | None) -> None:
    events = run(extractor, text).events
    assert [(e.type, e.mode) for e in events] == [(kind, mode)]


def test_the_forces_sent_are_no_target(extractor: Extractor) -> None:
    # MOBILIZE mobilises the troops; whom it is aimed at is where they go, when the text says.
    (event,) = run(extractor, "China deployed thousands of troops on Tuesday.").events
    assert (event.type, event.target, event.target_sector, event.target_words) == ("MOBILIZE", None, None, None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The manual's AGREE: "Agree to, offer, promise": a proposal submitted is an offer, no request.
        ("Germany submitted a proposal to the European Commission.", "AGREE"),
        # The manual's SUPPORT: "approve policy, action, or actor".
        ("Nealy Cox said the U.S. government agrees with the judge's decision.", "SUPPORT"),
    ],
)
def test_offers_and_approvals_by_the_manual(extractor: Extractor, text: str, kind: str) -> None:
    assert [e.type for e in run(extractor, text).events] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # Deciding that something is so is a judgment, no commitment nor demand.
        "The court decided that the plan requires concessions from the government.",
        # A work's plot tells acts done by no one.
        "In the novel, the detective kills the senator.",
        "The film's plot follows a spy who bombs an embassy.",
    ],
)
def test_judgments_and_plots_are_no_events(extractor: Extractor, text: str) -> None:
    assert run(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        # The manual's PROTEST obstruct: "Obstruct passage or access to a particular locale".
        ("Farmers blocked roads into Paris with tractors.", "PROTEST", "obstruct"),
        # Its PROTEST is "All civilian demonstrations": state forces doing so are its COERCE restrict.
        ("Police blocked access to the square.", "COERCE", "restrict"),
        ("Jordan blocked the Rukban crossing point.", "COERCE", "restrict"),
        # Only obstruction turns: a country's protests are its people's, not its government restricting them.
        ("Chile protests: thousands march in the capital.", "PROTEST", None),
    ],
)
def test_blocking_a_road_is_obstruction_by_civilians_restriction_by_forces(
    extractor: Extractor, text: str, kind: str, mode: str
) -> None:
    assert [(e.type, e.mode) for e in run(extractor, text).events] == [(kind, mode)]


def test_found_dead_is_no_assault(extractor: Extractor) -> None:
    # Object predicates meet patterns ("found GUILTY"); CAMEO's FIND * DEAD (190) tells a death, not an attack.
    assert run(extractor, "Epstein was found dead in his cell on Saturday.").events == []
