"""Entity mentions: aliases, discovery of unlisted names, merging of spelling variants."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.article import extract_article
from generator.extract.entities import _later_mentions, find_mentions
from generator.extract.knowledge import build_knowledge
from generator.extract.sentences import split_sentences
from tests._extract_support import extracted, knowledge, lexicon, source
from tests.extract_support import extract_text, text_source


def _entities(source_id: str) -> dict[str, dict[str, object]]:
    return {e["id"]: e for e in extracted(source_id)["entities"]}  # type: ignore[misc]


def test_sentences_keep_abbreviations_and_exact_offsets() -> None:
    src = source("cnn-2024-11-17")
    sentences = split_sentences(src)
    texts = [src.text[s.start : s.end] for s in sentences]
    assert "When Mr. Biden and Mr. Zelensky last met" in next(
        t for t in texts if t.startswith("When Mr.")
    )
    assert "Two U.S. officials" in texts[0]
    assert "“I’ll tell you,” he said." in texts
    assert all(t == t.strip() and t for t in texts)
    paragraphs = {p.number for p in src.paragraphs if p.heading}
    assert not paragraphs & {s.paragraph for s in sentences}


def test_sentences_skip_subheads() -> None:
    src = source("abc-2024-11-18")
    texts = [src.text[s.start : s.end] for s in split_sentences(src)]
    assert "At the front" not in " ".join(texts)
    assert 'Washington, D.C., Peskov added, is adding "fuel to the fire."' in texts


def test_discovers_titled_and_appositive_people() -> None:
    found = _entities("gripen-2025-03-04")
    assert found["pal-jonson"]["description"] == "Swedish Defence Minister"
    # Peskov is in the lexicon: its description is the editors', not the article's.
    assert found["dmitry-peskov"]["category"] == "person"
    assert (
        found["marta-kowalczyk"]["description"]
        == "a researcher at the Warsaw Institute for Strategic Studies"
    )
    assert found["warsaw-institute-for-strategic-studies"]["category"] == "organisation"
    assert found["ukrainian-air-force"]["category"] == "military"


def test_discovers_weapons_from_head_nouns() -> None:
    found = _entities("gripen-2025-03-04")
    assert (found["gripen"]["kind"], found["gripen"]["category"]) == ("weapon", "aircraft")
    assert (found["kalibr"]["kind"], found["kalibr"]["category"]) == ("weapon", "missile")


def test_spelling_variant_merges_by_fuzzy_match() -> None:
    found = _entities("gripen-2025-03-04")
    assert found["marta-kowalczyk"]["aliases"] == ["Kowalczik"]
    assert not any(key.startswith("kowalczik") for key in found)


def test_seed_zelenskyy_variants_merge_onto_one_entity() -> None:
    found = _entities("cnn-2024-11-17")
    aliases = set(found["volodymyr-zelenskyy"]["aliases"])  # type: ignore[arg-type]
    assert {
        "Zelenskiy",
        "Mr. Zelensky",
        "President Zelenskyy",
        "President Volodomyr Zelenskiy",
    } <= aliases
    assert not [k for k in found if "zelensk" in k and k != "volodymyr-zelenskyy"]


def test_seed_titles_fold_onto_the_person_and_seats_onto_governments() -> None:
    found = _entities("cnn-2024-11-17")
    assert {"Mr. Biden", "President Joe Biden", "Biden"} <= set(found["joe-biden"]["aliases"])  # type: ignore[arg-type]
    assert {"the Kremlin", "Moscow"} <= set(found["russian-government"]["aliases"])  # type: ignore[arg-type]
    assert {"Kiev", "Kyiv"} <= set(found["ukrainian-government"]["aliases"])  # type: ignore[arg-type]


def test_seed_discovery_without_listed_people_or_weapons() -> None:
    """With only countries and governments listed, names come from context alone."""
    lex = copy.deepcopy(lexicon())
    lex.data["known_entities"] = [
        e
        for e in lex.data["known_entities"]
        if e["kind"] == "actor" and e.get("category") != "person"
    ]
    bare = build_knowledge(lex, [])
    src = source("abc-2024-11-18")
    ids = {m.entity_id for m in find_mentions(src, bare)}
    expected = {
        "dmitry-peskov",
        "ivan-stupak",
        "dan-rice",
        "valery-zaluzhnyi",
        "josep-borrell",
        "sergey-bratchuk",
        "oleksandr-merezhkko",
        "institute-for-the-study-of-war",
        "security-service-of-ukraine",
        "russian-foreign-ministry",
        "storm-shadow-scalp",
        "taurus",
        "tomahawk",
        "mgm-140-army-tactical-missile-system",
        "volodymyr-zelenskyy",
        "donald-trump",
        "vladimir-putin",
    }
    assert expected <= ids
    merezhko = [m.text for m in find_mentions(src, bare) if m.entity_id == "oleksandr-merezhkko"]
    assert merezhko == ["Oleksandr Merezhkko", "Merezhko"]


def test_editor_aliases_feed_back_into_extraction() -> None:
    src = source("cnn-2024-11-17")
    before = {m.text for m in find_mentions(src, knowledge()) if m.entity_id == "stephen-chan"}
    assert "Zhang" not in before
    edited = build_knowledge(
        lexicon(),
        [
            {
                "id": "stephen-chan",
                "kind": "actor",
                "name": "Stephen Chan",
                "category": "person",
                "aliases": ["Zhang"],
            }
        ],
    )
    after = {m.text for m in find_mentions(src, edited) if m.entity_id == "stephen-chan"}
    assert "Zhang" in after


def test_mentions_are_exact_spans() -> None:
    for source_id in ("cnn-2024-11-17", "abc-2024-11-18", "gripen-2025-03-04"):
        src = source(source_id)
        for m in find_mentions(src, knowledge()):
            assert src.text[m.start : m.end] == m.text


def test_an_alias_written_with_a_straight_apostrophe_matches_either_style() -> None:
    from generator.extract.knowledge import alias_pattern

    pattern = alias_pattern(["Sweden's government"])
    assert pattern is not None
    for text in ("Sweden's government", "Sweden’s government"):
        found = pattern.search(f"Then {text} said")
        assert found is not None and found.group() == text


# --- later mentions without a per-article regex -------------------------------------------

_LATER_ALPHABET = "Ab b_1é. -’"


def _later_by_regex(
    text: str, spans: list[tuple[int, int]], forms: dict[str, str]
) -> list[tuple[str, int, int, str]]:
    """The pattern `_later_mentions` replaces, as scan_entities compiled it per article."""
    later = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
        + r")(?!\w)"
    )
    return [
        (forms[m.group()], m.start(), m.end(), m.group())
        for start, end in spans
        for m in later.finditer(text, start, end)
    ]


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=_LATER_ALPHABET, max_size=60),
    forms=st.lists(
        st.text(alphabet=_LATER_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=6
    ),
    cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
    sentences=st.booleans(),
)
def test_later_mentions_match_the_regex_they_replace(
    text: str, forms: list[str], cuts: list[int], sentences: bool
) -> None:
    if sentences:  # consecutive spans, as sentences are
        bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
        spans = list(itertools.pairwise(bounds))
    else:  # any spans, overlapping or out of order
        ends = [min(c, len(text)) for c in cuts]
        spans = [(min(a, b), max(a, b)) for a, b in zip(ends[::2], ends[1::2], strict=False)]
    table = {form: f"id-{i}" for i, form in enumerate(forms)}
    got = [(m.entity_id, m.start, m.end, m.text) for m in _later_mentions(text, spans, table)]
    assert got == _later_by_regex(text, spans, table)


def test_ids_spell_letters_without_a_decomposition_in_ascii() -> None:
    from generator.extract.knowledge import slug

    assert slug("Jonas Gahr Støre") == "jonas-gahr-store"
    assert slug("Władysław Kosiniak-Kamysz") == "wladyslaw-kosiniak-kamysz"
    assert slug("Rūta Vaitkienė") == "ruta-vaitkiene"
    # Any dash parts words as the hyphen does.
    assert slug("GroenLinks–PvdA") == slug("GroenLinks-PvdA") == "groenlinks-pvda"


def test_ids_keep_a_possessive_s_on_its_word() -> None:
    from generator.extract.knowledge import slug

    # As annotators and editors spell such ids ("danish-peoples-party"); other
    # apostrophes still part words.
    assert slug("Danish People's Party") == "danish-peoples-party"
    assert slug("Socialist People\u2019s Party") == "socialist-peoples-party"
    assert slug("O'Brien") == "o-brien"


def test_a_quotation_opening_after_a_lone_capital_starts_a_sentence() -> None:
    from generator.extract.sentences import default_rules, split_paragraph

    text = 'Levchuk thanked Germany on X. "Bombers that stay on the ground," he wrote.'
    got = [text[a:b] for a, b in split_paragraph(text, 0, len(text), default_rules())]
    assert got == ["Levchuk thanked Germany on X.", '"Bombers that stay on the ground," he wrote.']
    # An initial inside a name still does not end one.
    name = "John F. Kennedy said it."
    assert [name[a:b] for a, b in split_paragraph(name, 0, len(name), default_rules())] == [name]


def test_an_exclamation_or_question_closing_a_quotation_before_its_attribution() -> None:
    from generator.extract.sentences import default_rules, split_paragraph

    text = '"Thank you, America!" he wrote. "Why now?" she asked. Why? Nobody knows! It ended.'
    got = [text[a:b] for a, b in split_paragraph(text, 0, len(text), default_rules())]
    assert got == [
        '"Thank you, America!" he wrote.',
        '"Why now?" she asked.',
        "Why?",
        "Nobody knows!",
        "It ended.",
    ]


def _ids(text: str, published: dt.date, publisher: str = "Test") -> set[str]:
    """The entity ids of an in-memory article, with the lexicon's knowledge alone."""
    from generator.extract.article import extract_article
    from tests import extract_support

    source = extract_support.text_source(text, published, publisher=publisher)
    return {str(e["id"]) for e in extract_article(source, extract_support.knowledge())["entities"]}


def test_a_name_opening_on_a_latin_capital_and_more_capitals_standing_for_governments() -> None:
    found = _ids(
        "Headline\nThe nationalist İYİ Party urged Ankara to act. The Russian embassy in "
        "Nicosia warned Cyprus. Pretoria has said nothing.\n",
        dt.date(2030, 5, 1),
    )
    # The run of capitals opens on "İ" (not on "Y"); a capital (lexicon `capitals` and
    # the governments it names) gives an embassy's country and stands for a government.
    assert {"iyi-party", "russian-embassy-in-cyprus", "south-african-government"} <= found
    assert "yi-party" not in found


def test_cabinet_titles_and_a_listed_outlet_s_home() -> None:
    found = _ids(
        "Headline\nTreasurer Michael Dorrington said spending would rise. The Foreign "
        "Ministry summoned Russia's envoy over the threats.\n",
        dt.date(2030, 6, 18),
        publisher="TVP World",
    )
    # A title is no part of the name; a Polish outlet's "Foreign Ministry" (lexicon
    # `publisher_countries`) is Poland's.
    assert {"michael-dorrington", "polish-foreign-ministry"} <= found
    assert "treasurer-michael-dorrington" not in found


def test_a_head_noun_after_of_does_not_end_a_body_before_and() -> None:
    found = _ids(
        "Headline\nThe Union of Greens and Farmers (ZZS) voted against the amendment. The "
        "Ministry of Defence and the General Staff said nothing.\n",
        dt.date(2030, 1, 17),
    )
    assert "union-of-greens-and-farmers" in found and "union-of-greens" not in found
    # "and the" still opens another body.
    assert {"defence-ministry", "general-staff"} <= found


def test_parties_named_as_a_person_s_affiliation() -> None:
    found = _ids(
        "Headline\nDefence Minister Mārtiņš Strautnieks (New Unity) told deputies the "
        "government would attach no limits. On Thursday, Konfederacja MP Bartosz Kędzior "
        "objected. Rep. Dale Ferriday (R-Ohio) and Camille Grand of the French Institute of "
        "International Relations (Ifri) said nothing.\n",
        dt.date(2030, 1, 17),
    )
    # In brackets after a person, or before a member's role (lexicon `party_members`).
    assert {"new-unity", "konfederacja"} <= found
    # Not a US member's party and state, nor a body's short name after the body.
    assert not {"r-ohio", "ifri"} & found


def test_one_word_names_listed_with_a_known_party_are_parties() -> None:
    found = _ids(
        "Headline\nThe Greens, Zukunft, KDH and Vorwärts voted for the bill. Union and "
        "Greens want more. Anna, Petra and Jana came later.\n",
        dt.date(2030, 12, 11),
    )
    # A list joined by "and" naming a known party (lexicon `party_members.description`).
    assert {"zukunft", "vorwarts"} <= found
    # A common word of a body's name is none, nor are names listed with no party.
    assert not {"union", "anna", "petra", "jana"} & found


def test_an_embassy_in_a_capital_is_in_its_country() -> None:
    found = _ids(
        "Headline\nUkraine's Embassy in Seoul said it was fine. The Russian embassy in "
        "Nicosia warned.\n",
        dt.date(2031, 1, 16),
    )
    # The demonym of a government named in two words ("South Korean government").
    assert {"ukrainian-embassy-in-south-korea", "russian-embassy-in-cyprus"} <= found


def test_irish_parties_and_labour_as_the_irish_namesake() -> None:
    found = _ids(
        "Headline\nSinn Féin and Labour said the Government should act.\n",
        dt.date(2031, 9, 5),
        publisher="Irish Examiner",
    )
    assert {"sinn-fein", "labour-party-ireland"} <= found


def test_colleges_and_a_title_s_possessive_name_bodies_not_people() -> None:
    found = _ids(
        "Headline\nDr Niamh Corcoran, who lectures at University College Cork, doubts it. "
        "Professor Ann Ray of King's College London agreed. The Labour Party's Seán Rafferty, "
        "by contrast, argued against.\n",
        dt.date(2031, 9, 5),
    )
    # "College" heads a body's name; "King's" is part of one; "The" opens the owner's.
    assert {"university-college-cork", "kings-college-london", "sean-rafferty"} <= found
    assert not {"college-cork", "college-london"} & found


def test_a_body_named_short_in_another_case_is_the_one_named_in_full() -> None:
    found = _ids(
        "Headline\nThe Russian embassy in Canberra said Australia was feeding the "
        "escalation. Later the Russian embassy said it again.\n",
        dt.date(2031, 7, 8),
    )
    assert "russian-embassy-in-australia" in found
    assert "russian-embassy" not in found


def test_the_federal_government_of_a_national_outlet() -> None:
    found = _ids(
        "Headline\nThe Federal Government has announced a $420 million package.\n",
        dt.date(2031, 7, 8),
        publisher="The Sydney Morning Herald",
    )
    assert "australian-government" in found
    assert "federal-government" not in found


def test_more_governments_the_lexicon_knows() -> None:
    found = _ids(
        "Headline\nThe Israeli government said no, as did Singapore's government.\n",
        dt.date(2032, 7, 6),
    )
    assert {"israeli-government", "singaporean-government"} <= found


def test_the_government_of_a_listed_national_outlet() -> None:
    found = _ids(
        "Headline\nStorm Shadow, the Government removes the limits of use.\n",
        dt.date(2030, 11, 14),
        publisher="Il Sole 24 Ore",
    )
    assert "italian-government" in found


def test_the_executive_of_a_national_outlet_is_its_government() -> None:
    found = _ids(
        "Headline\nThe missiles, that the Executive had reserved for the defence of the "
        "national territory, will be able to be employed in Russia.\n",
        dt.date(2030, 7, 11),
        publisher="La Vanguardia",
    )
    assert "spanish-government" in found


def test_a_news_outlet_in_a_reporters_credit_is_no_entity() -> None:
    found = extract_text(
        "Let's go to Jennifer Okafor, Reuters.\n\nQ: Has Ukraine used the missile inside Russia "
        "since Friday? CNN reported that it had.\n",
        dt.date(2033, 6, 14),
    )
    assert not {"reuters", "cnn"} & {e["id"] for e in found["entities"]}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # A translation's standing of a role between it and the name.
        (
            "The former chief of the General Staff, general in retirement Ivan Pavlik, "
            "considers the debate overblown.",
            "ivan-pavlik",
        ),
        (
            "According to the general of brigade in the reserve Federico Arrieta, the 24 "
            "missiles are a gesture.",
            "federico-arrieta",
        ),
        # A full name with no cue, its surname once alone later.
        (
            "The opposition will submit a motion against Tereza Malinova.\n\n"
            "Malinova reacted on Friday.",
            "tereza-malinova",
        ),
    ],
)
def test_people_named_after_a_roles_standing_or_once_by_surname(text: str, person: str) -> None:
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2034, 1, 10)), knowledge())
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert person in people


def test_special_operations_is_a_military_body_not_a_person() -> None:
    text = "Headline\nHenri Dussol, former commander of the Special Operations, said no.\n"
    found = extract_article(text_source(text, dt.date(2034, 1, 10)), knowledge())
    assert {(e["id"], e["category"]) for e in found["entities"]} >= {
        ("henri-dussol", "person"),
        ("special-operations", "military"),
    }


def test_a_role_and_a_name_set_off_by_commas_name_a_person() -> None:
    text = (
        "Headline\nThe Colombian chanceler, Andrés Felipe Morales, was more alarmed. The "
        "chanceler Rodrigo Passarinho travels to Moscow next week.\n"
    )
    found = extract_article(text_source(text, dt.date(2034, 5, 15)), knowledge())
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert {"andres-felipe-morales", "rodrigo-passarinho"} <= people


def test_a_translations_person_named_right_after_the_body_they_serve() -> None:
    # No comma between the office and the name (a Ukrainian or Russian word order): the two
    # capitalised words after a known name are a person when a title or role stands before.
    text = (
        "Headline\nMinister of Defense of Ukraine Taras Dovhaliuk thanked the partners. The "
        "official representative of the MFA of the rf Olena Sukhanova at a briefing stated "
        "that Rome is guilty. Military expert of the Center for Air Power Studies Volodymyr "
        "Hnatiuk noted that one strike will change little.\n"
    )
    found = extract_text(text, dt.date(2034, 12, 12))
    ids = {e["id"]: e["category"] for e in found["entities"]}
    assert ids["taras-dovhaliuk"] == ids["olena-sukhanova"] == "person"
    # A body's last word opens no person's name; the body keeps it.
    assert ids["volodymyr-hnatiuk"] == "person"
    assert "centre-for-air-power-studies" in ids
    # Russia written in lower case, as Ukrainian outlets do ("the rf").
    assert ids["russia"] == "country"
    # A body of the country named by "the aggressor country", its "the" before the owner.
    found = extract_text(
        "Headline\nIn the ministry of defense of the aggressor country claimed that 14 "
        "missiles were shot down.\n",
        dt.date(2034, 12, 12),
    )
    assert "russian-defence-ministry" in {e["id"] for e in found["entities"]}
    # Not a place's people: no office named before.
    found = extract_text(
        "Headline\nThe map of Ukraine Ivan Petrenko drew was old.\n", dt.date(2034, 12, 12)
    )
    assert "ivan-petrenko" not in {e["id"] for e in found["entities"]}


def test_a_translations_surname_first_name_before_its_office_is_a_person() -> None:
    found = extract_text(
        "Only two weeks passed since Szentgyörgyi Ákos prime minister on 12 June wrote that "
        "Hungary will not give its name to the strikes. On Monday the Halász Dóra foreign "
        "minister represented the softer line.",
        dt.date(2036, 6, 26),
    )
    ids = {e["id"] for e in found["entities"]}
    # Turned round by the romanization (lexicon `given_names_last`).
    assert {"akos-szentgyorgyi", "dora-halasz"} <= ids
    assert ("akos-szentgyorgyi", "opposes") in {
        (p["actor"], p["stance"]) for p in found["positions"]
    }


def test_hungarys_parties_are_known_by_their_short_names() -> None:
    found = extract_text(
        "The Mi Hazánk went even further, and the DK representative Orosz Lilla called the "
        "abstention cowardly.",
        dt.date(2036, 6, 26),
    )
    ids = {e["id"] for e in found["entities"]}
    assert {"mi-hazank", "dk", "lilla-orosz"} <= ids


def test_a_full_name_whose_surname_is_spelled_like_a_known_ones_is_a_new_person() -> None:
    # "Vacek" is within the fuzzy reach of "Vance", but Tomáš is no J.D.
    ids = {
        e["id"]
        for e in extract_text(
            "The government of Prime Minister Tomáš Vacek approved it on Monday. Vacek "
            "justified the turn.",
            dt.date(2036, 3, 4),
        )["entities"]
    }
    assert "tomas-vacek" in ids
    assert "jd-vance" not in ids


def test_a_seated_body_named_at_a_sentences_end_is_seated_in_the_capitals_country() -> None:
    ids = {
        e["id"]
        for e in extract_text(
            "Sharply reacted the Russian embassy in Prague. It threatened consequences.",
            dt.date(2036, 3, 4),
        )["entities"]
    }
    assert "russian-embassy-in-the-czech-republic" in ids
