"""Attribution shapes: a quotation running on over a paragraph break, a claim after a
quotation and a coordinated verb, indirect speech wrapped round its attribution, a claim
added after a quotation that began a sentence earlier. Each article is made up for the test."""

from __future__ import annotations

import datetime as dt

from generator.extract.article import extract_article
from tests.extract_support import assert_citations_exact, knowledge, text_source

DAY = dt.date(2025, 3, 12)


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    source = text_source(text, DAY)
    found = extract_article(source, knowledge())
    assert_citations_exact(found["quotes"], {source.id: source})
    return [(q["kind"], q["text"], q["speaker"]) for q in found["quotes"]]


def test_a_quotation_running_on_over_a_paragraph_break_is_one_row_per_paragraph() -> None:
    quotes = _quotes(
        "Harald Quist, a logistics professor, was not impressed.\n\n"
        '"The depots have all moved east. Nobody keeps fuel near a border any more.\n\n'
        '"The bridges are what matters now," Quist said.'
    )
    assert (
        "direct",
        "The depots have all moved east. Nobody keeps fuel near a border any more.",
        "harald-quist",
    ) in quotes
    assert ("direct", "The bridges are what matters now,", "harald-quist") in quotes


def test_a_claim_after_a_quotation_and_a_coordinated_verb() -> None:
    quotes = _quotes(
        'Senator Odile Varnier called the strike "a reckless gamble" and said the '
        "committee would summon the defence minister next week."
    )
    assert (
        "reported",
        "the committee would summon the defence minister next week.",
        "odile-varnier",
    ) in quotes
    assert ("direct", "a reckless gamble", "odile-varnier") in quotes


def test_indirect_speech_wrapped_round_its_attribution_gives_two_claims() -> None:
    quotes = _quotes(
        "Defence Minister Pieter Hollander dismissed the threat. The navy had "
        '"never asked anyone for a map," he said, and the frigates were free to sail '
        '"wherever the convoys need them."'
    )
    kinds = [(kind, text, speaker) for kind, text, speaker in quotes if kind == "reported"]
    assert ("reported", 'The navy had "never asked anyone for a map,"', "pieter-hollander") in kinds
    assert (
        "reported",
        'the frigates were free to sail "wherever the convoys need them."',
        "pieter-hollander",
    ) in kinds


def test_adding_that_after_a_quotation_begun_a_sentence_earlier() -> None:
    quotes = _quotes(
        'Marit Solberg, a former air force officer, was blunt. "The bombers left long ago. '
        'Lifting the limits now is too late," she said, adding that the change could still '
        "stretch the enemy's air defences."
    )
    assert (
        "reported",
        "the change could still stretch the enemy's air defences.",
        "marit-solberg",
    ) in quotes


def test_according_to_inside_a_sentence_that_goes_on_after_the_source() -> None:
    quotes = _quotes(
        "Russia launched more than 60 glide bombs at the region last week, according to "
        "Ukraine's air force, most of them from aircraft flying over Belgorod."
    )
    assert (
        "reported",
        "Russia launched more than 60 glide bombs at the region last week",
        "ukrainian-air-force",
    ) in quotes


def test_according_to_estimates_by_a_named_body() -> None:
    quotes = _quotes(
        "Drone strikes cut Russia's diesel exports by a fifth in March, according to "
        "estimates by the Kyiv School of Economics."
    )
    assert (
        "reported",
        "Drone strikes cut Russia's diesel exports by a fifth in March",
        "kyiv-school-of-economics",
    ) in quotes


def test_a_translated_report_without_a_subject_is_the_capitals_government() -> None:
    quotes = _quotes(
        "In Berlin however continue to assert that no formal request for the missiles has arrived."
    )
    assert (
        "reported",
        "no formal request for the missiles has arrived.",
        "german-government",
    ) in quotes


def test_a_translated_report_at_the_end_of_a_sentence_names_the_body_after_in() -> None:
    quotes = _quotes(
        "Since January the army has hit over 90 fuel depots on enemy territory, report in Pentagon."
    )
    assert (
        "reported",
        "Since January the army has hit over 90 fuel depots on enemy territory",
        "u-s-department-of-defense",
    ) in quotes


def test_according_to_a_role_of_a_body_is_not_the_body() -> None:
    quotes = _quotes(
        "Drone strikes cut Russia's diesel exports by a fifth in March, according to the "
        "spokesman of the Kyiv School of Economics."
    )
    speakers = [s for kind, text, s in quotes if text.startswith("Drone strikes cut")]
    assert "kyiv-school-of-economics" not in speakers


def test_a_writers_aside_after_the_attribution_leaves_the_claim_before_it() -> None:
    """ "X, the government said on Thursday, reversing ...": what was said comes first; the
    participle clause and its relative "that" are the writer's."""
    quotes = _quotes(
        "Headline\nItaly will let Ukraine use the missiles against targets inside Russia, the "
        "government said on Thursday, reversing a restriction that Rome had defended for years.\n"
    )
    assert (
        "reported",
        "Italy will let Ukraine use the missiles against targets inside Russia",
        "italian-government",
    ) in quotes
    assert not any(text.startswith(("reversing", "Rome had")) for _kind, text, _who in quotes)


def test_two_claims_under_one_verb_or_after_a_closing_mark() -> None:
    quotes = _quotes(
        'Foreign Minister Kemal Aydin said the question was "a decision for the producers," '
        'adding that his priority was "to bring the parties back to the table."\n\n'
        'Spokesman Pavel Orlov told reporters that the bloc had "no business financing '
        'strikes" and that its members would be treated as "direct participants".'
    )
    reported = [(text, speaker) for kind, text, speaker in quotes if kind == "reported"]
    assert reported == [
        ('the question was "a decision for the producers,"', "kemal-aydin"),
        ('his priority was "to bring the parties back to the table."', "kemal-aydin"),
        ('the bloc had "no business financing strikes"', "pavel-orlov"),
        ('its members would be treated as "direct participants".', "pavel-orlov"),
    ]


def test_an_ing_verb_with_an_object_after_a_quotation_names_no_speaker() -> None:
    quotes = _quotes(
        "Iran's Foreign Ministry spokesman, Reza Karimi, said on Monday that Tehran "
        '"has not sent any weapons to the war," repeating Iran\'s long-standing position.\n\n'
        "Alliance chief Lars Holm has been neutral, repeating that the use of donated weapons "
        'is "a national decision" for each ally.'
    )
    assert ("direct", "has not sent any weapons to the war,", "reza-karimi") in quotes
    assert (
        "reported",
        'the use of donated weapons is "a national decision" for each ally.',
        "lars-holm",
    ) in quotes


def test_a_verb_whose_that_is_another_verbs_and_a_clause_going_on_after_its_quote() -> None:
    quotes = _quotes(
        "Foreign Minister Istvan Kovacs announced his veto on Monday. In a video posted on "
        'Facebook after the meeting, he said that "the war party in Brussels" was gambling '
        "with the security of the continent."
    )
    assert (
        "reported",
        '"the war party in Brussels" was gambling with the security of the continent.',
        "istvan-kovacs",
    ) in quotes
    assert not any(text.startswith("on Facebook") for _kind, text, _who in quotes)


def test_a_comparison_attributes_its_quotation() -> None:
    quotes = _quotes(
        'Prime Minister Robert Novak has compared the strikes to "playing with matches in a '
        "powder magazine,\" and Viktor Horvath's government says it will veto the plan."
    )
    assert ("direct", "playing with matches in a powder magazine,", "robert-novak") in quotes


def test_a_long_name_after_what_was_said_counts_as_one_word() -> None:
    """ "X, the General Staff of the Armed Forces of Ukraine said on Telegram.": nine words
    of a name between the comma and the verb are one speaker; what was said comes first,
    not "on Telegram"."""
    claim = "Ukrainian forces struck a fuel depot near the border overnight"
    for verb in ("said on Telegram", "reported", "has reported"):
        quotes = _quotes(
            f"Headline\n{claim}, the General Staff of the Armed Forces of Ukraine {verb}.\n"
        )
        assert quotes == [("reported", claim, "general-staff-of-ukraine")], verb


def test_what_was_said_first_and_what_the_speaker_added() -> None:
    """'The strike "changes nothing", he wrote, adding that ...': two claims, the first
    before the attribution."""
    quotes = _quotes(
        'Headline\nMP Juha Lahtinen was less impressed. The strike "changes nothing at the '
        'front", he wrote on Facebook, adding that Finland should "not cheer for every '
        'missile".\n'
    )
    reported = [(text, who) for kind, text, who in quotes if kind == "reported"]
    assert reported == [
        ('The strike "changes nothing at the front"', "juha-lahtinen"),
        ('Finland should "not cheer for every missile".', "juha-lahtinen"),
    ]


def test_a_quotation_in_a_relative_clause_before_the_verb_is_not_what_it_reports() -> None:
    quotes = _quotes(
        'Headline\nSen. Roger Mayfield, who in March called deep strikes "a ticket to World War '
        'III," said Tuesday that the deal was overdue and that Ukraine should be free to use '
        "the missiles against airfields in Russia.\n"
    )
    assert quotes == [
        ("reported", "the deal was overdue", "roger-mayfield"),
        (
            "reported",
            "Ukraine should be free to use the missiles against airfields in Russia.",
            "roger-mayfield",
        ),
        ("direct", "a ticket to World War III,", "roger-mayfield"),
    ]


def test_a_colon_after_a_short_lead_opens_the_quotation_no_claim() -> None:
    assert _quotes('Senator Wade Tillerman wrote on X: "We have handed Kyiv the keys."') == [
        ("direct", "We have handed Kyiv the keys.", "wade-tillerman")
    ]
    # A clause of its own before the colon is a claim too.
    assert (
        "reported",
        'the bigger impact may be political: "Once Norway goes, the pressure grows."',
        "dana-whitfield",
    ) in _quotes(
        'Analyst Dana Whitfield added that the bigger impact may be political: "Once Norway '
        'goes, the pressure grows."'
    )


def test_a_word_welcomed_is_the_welcomers_quote() -> None:
    assert _quotes(
        "The embassy said Moscow would respond. Ukraine's ambassador, Yaroslava Hnatiuk, "
        'welcomed "a courageous decision by a true friend".'
    ) == [
        ("reported", "Moscow would respond.", None),
        ("direct", "a courageous decision by a true friend", "yaroslava-hnatiuk"),
    ]


def test_a_statement_first_with_a_long_setting_after_the_verb_and_no_dateline() -> None:
    assert _quotes(
        "Tirana (dpa) - The United States will allow Ukraine to fire missiles at targets "
        "inside Russia, Secretary of State Dana Whitcombe announced on Wednesday at the close "
        "of the NATO summit in the Albanian capital."
    ) == [
        (
            "reported",
            "The United States will allow Ukraine to fire missiles at targets inside Russia",
            "dana-whitcombe",
        )
    ]


def test_a_negated_speech_verb_reports_nothing() -> None:
    quotes = _quotes(
        "Norway will no longer tell Ukraine where it may fire the missiles, Defence Minister "
        "Eirik Dahl says. The ministry did not say whether the missiles were used. Oslo "
        "won't tell Kyiv which targets to pick, he said."
    )
    # "no longer tell", "did not say", "won't tell": no claim of Norway's, the ministry's
    # or Oslo's; the minister's verbs after them still report.
    assert [(kind, speaker) for kind, _text, speaker in quotes] == [
        ("reported", "eirik-dahl"),
        ("reported", "eirik-dahl"),
    ]
