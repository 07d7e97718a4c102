"""Speakers named indirectly: unnamed officials of a country, "which said" after a body,
a Korean family name used alone. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt

from generator.extract.article import extract_article
from tests.extract_support import assert_citations_exact, extract_text, knowledge, text_source

DAY = dt.date(2025, 3, 12)


def _speakers(text: str) -> dict[str, str | None]:
    source = text_source(text, DAY)
    found = extract_article(source, knowledge())
    assert_citations_exact(found["quotes"], {source.id: source})
    return {q["text"]: q["speaker"] for q in found["quotes"]}


def test_unnamed_officials_of_a_country_speak_for_its_government() -> None:
    speakers = _speakers(
        "Two U.S. officials familiar with the decision said the missiles had already "
        "been shipped.\n\n"
        "The plan is to let the army hold the bridgehead, the official said.\n\n"
        "A senior British defence official told Reuters that no decision had been taken."
    )
    assert speakers["the missiles had already been shipped."] == "u-s-government"
    assert (
        speakers["The plan is to let the army hold the bridgehead"] == "u-s-government"
    )  # "the official" is the same government's
    assert speakers["no decision had been taken."] == "british-government"


def test_officials_of_no_named_country_stay_unnamed() -> None:
    speakers = _speakers("Officials said the missiles had already been shipped to the front.")
    assert speakers["the missiles had already been shipped to the front."] is None


def test_which_said_after_a_body_names_that_body() -> None:
    speakers = _speakers(
        "Each launcher costs about 20 million euros, according to the Latvian Defence "
        "Ministry, which said two more would follow in May."
    )
    assert speakers["two more would follow in May."] == "latvian-defence-ministry"


def test_a_korean_family_name_alone_is_the_person() -> None:
    speakers = _speakers(
        "The agency briefed lawmakers, according to opposition lawmaker Kim Byung-joo.\n\n"
        '"The missiles are far more accurate now," Kim said.'
    )
    assert speakers["The missiles are far more accurate now,"] == "kim-byung-joo"


def test_a_sentence_opening_inside_a_quotation_reports_nothing_more() -> None:
    source = text_source(
        '"You cannot catch every arrow. At some point you have to hit the archer," '
        "Lorenz Becker said.",
        DAY,
    )
    quotes = extract_article(source, knowledge())["quotes"]
    assert [(q["kind"], q["text"]) for q in quotes] == [
        ("direct", "You cannot catch every arrow. At some point you have to hit the archer,")
    ]


def test_saying_after_a_body_and_its_spokesman_is_the_spokesman() -> None:
    speakers = _speakers(
        "Kremlin spokesman Dmitry Peskov warned against the decision, saying it would "
        "drag Washington deeper into the war."
    )
    assert speakers["it would drag Washington deeper into the war."] == "dmitry-peskov"


def test_a_speaker_named_after_the_quote_and_given_an_age() -> None:
    speakers = _speakers(
        '"I heard the buzzing, then the whole wall came in," said Olena Hrytsenko, 68, '
        "who lives on the fourth floor."
    )
    assert speakers["I heard the buzzing, then the whole wall came in,"] == "olena-hrytsenko"


def test_a_speaker_described_by_two_role_words_or_a_countrys_role() -> None:
    speakers = _speakers(
        "Pavel Voronin, deputy speaker of Russia's upper house, went further, telling "
        "reporters that the reports were invented.\n\n"
        "Igor Belyaev, Russia's ambassador to Italy, told the agency that Rome had crossed a "
        "line."
    )
    assert speakers["the reports were invented."] == "pavel-voronin"
    assert speakers["Rome had crossed a line."] == "igor-belyaev"


def test_the_government_is_that_of_the_country_its_sentence_is_about() -> None:
    speakers = _speakers(
        "Latvia will allow Ukraine to use its missiles against targets inside Russia, the "
        "government said on Thursday."
    )
    assert set(speakers.values()) == {"latvian-government"}


def test_verbs_of_opinion_report_what_someone_holds() -> None:
    speakers = _speakers(
        "The military expert Petro Hnatenko believes that the new drones will not change "
        'the front. "They are slow and few," cautioned Hnatenko.'
    )
    assert speakers["the new drones will not change the front."] == "petro-hnatenko"
    assert speakers["They are slow and few,"] == "petro-hnatenko"


def test_a_present_tense_verb_after_the_quote() -> None:
    speakers = _speakers(
        "For Carla Neri, analyst of the Institute of Studies, the missiles change little. "
        "\u00abTen missiles are a signal, not a strategy\u00bb, she observes."
    )
    assert speakers["Ten missiles are a signal, not a strategy"] == "carla-neri"


def test_a_body_speaks_not_the_country_it_sits_in() -> None:
    speakers = _speakers("The Russian Embassy in Norway said the deliveries would prolong the war.")
    assert speakers["the deliveries would prolong the war."] == "russian-embassy-in-norway"


def test_british_single_quotation_marks_are_quotes() -> None:
    speakers = _speakers(
        "Dr Amelia Crane, a fellow at the Halden Institute, was sceptical. 'The allies' view "
        "is not ours,' said Dr Crane. 'It is Ukraine's decision.'\n\n"
        "Reform UK called it 'a reckless gamble'."
    )
    assert speakers["The allies' view is not ours,"] == "amelia-crane"
    assert speakers["It is Ukraine's decision."] == "amelia-crane"
    assert "a reckless gamble" in speakers


def test_a_person_named_in_full_once_and_by_surname_after_is_found() -> None:
    speakers = _speakers(
        "Olena Marchuk does not like waiting. The founder of Kraken Works says she stopped "
        "asking for permission in 2024.\n\n"
        "Marchuk is blunt about it. Her drones fly farther than Marchuk once hoped.\n\n"
        '"We build what nobody can forbid," she said.'
    )
    assert speakers["We build what nobody can forbid,"] == "olena-marchuk"
    assert speakers["she stopped asking for permission in 2024."] != "kraken-works"


def test_two_capitalised_words_are_no_person_without_the_surname_alone() -> None:
    found = extract_article(
        text_source("Storm Shadow missiles hit the depot. Shadow units were not involved.", DAY),
        knowledge(),
    )
    assert not any(e["category"] == "person" for e in found["entities"])


def test_the_founder_of_a_company_speaks_not_the_company() -> None:
    text = (
        "Olena Marchuk, founder of Kraken Works, builds drones.\n\n"
        "The founder of Kraken Works, whose drones hit refineries, says the war is long.\n\n"
        "A spokesman for Kraken Works said output had doubled."
    )
    speakers = _speakers(text)
    assert speakers["the war is long."] == "olena-marchuk"
    assert speakers["output had doubled."] == "kraken-works"
    found = extract_article(text_source(text, DAY), knowledge())
    kinds = {e["id"]: e["category"] for e in found["entities"]}
    assert kinds["kraken-works"] == "organisation"


def test_who_after_a_place_of_a_person_is_the_person() -> None:
    speakers = _speakers(
        "Sen. Rosa Delgado of New Mexico, who sits on the Armed Services Committee, said "
        "the strikes came too late."
    )
    assert speakers["the strikes came too late."] == "rosa-delgado"


def test_an_unnamed_official_of_a_union_speaks_for_it_not_for_a_government_before() -> None:
    speakers = _speakers(
        "Portuguese officials say the strike shook the cabinet.\n\n"
        "A senior EU official said the strike had forced Russia to move its bombers, which "
        'the official called "proof that reach matters."'
    )
    assert speakers["the strike shook the cabinet."] == "portuguese-government"
    assert speakers["proof that reach matters."] != "portuguese-government"


def test_according_to_attributes_a_claim_opening_or_closing_its_sentence() -> None:
    speakers = _speakers(
        "According to the Pentagon, Ukraine fired eight missiles at the base.\n\n"
        "Poland has sent 40 more drones, according to Poland's defence ministry.\n\n"
        "The strike, according to officials, was planned for weeks."
    )
    assert speakers["Ukraine fired eight missiles at the base."] == "u-s-department-of-defense"
    assert speakers["Poland has sent 40 more drones"] == "polish-defence-ministry"
    assert not any(text.startswith("was planned") for text in speakers)


def test_according_to_unnamed_officials_of_a_country_is_its_government() -> None:
    speakers = _speakers(
        "Ukraine fired eight missiles, according to U.S. officials.\n\n"
        "Russian troops -- now backed by drones, according to U.S. officials -- held the town."
    )
    assert speakers["Ukraine fired eight missiles"] == "u-s-government"
    assert len(speakers) == 1


def test_according_to_a_demonym_and_officials_is_the_government() -> None:
    """ "Ukrainian" is no name of its own: the unnamed officials after it still speak for
    their government, as they do before a speech verb."""
    speakers = _speakers(
        "The missile flies 300 km, according to Ukrainian officials.\n\n"
        "Berlin kept 20 missiles back, according to a senior German official.\n\n"
        "The depot burned for hours, according to officials."
    )
    assert speakers["The missile flies 300 km"] == "ukrainian-government"
    assert speakers["Berlin kept 20 missiles back"] == "german-government"
    assert speakers["The depot burned for hours"] is None


def test_a_place_is_no_speaker_but_a_source_in_a_body_is_the_body() -> None:
    speakers = _speakers(
        "Asked whether that included airfields deep inside Russia, Lindqvist replied: 'It "
        "is for Kyiv to decide.'\n\n"
        "More missiles have arrived, a source in Ukraine's Defence Ministry told reporters."
    )
    assert speakers["It is for Kyiv to decide."] != "russia"
    assert speakers["More missiles have arrived"] == "ukrainian-defence-ministry"


def test_a_person_described_after_the_verb_speaks() -> None:
    speakers = _speakers(
        '"Half measures cost lives," said the Green defence politician Ricarda Vogt to reporters.'
    )
    assert speakers["Half measures cost lives,"] == "ricarda-vogt"


def test_it_is_the_last_body_that_spoke() -> None:
    speakers = _speakers(
        "Ukraine's air force said Russia launched 47 drones overnight. It said 35 of the "
        "drones were shot down."
    )
    assert speakers["35 of the drones were shot down."] == "ukrainian-air-force"


def test_a_question_or_being_told_is_no_claim() -> None:
    speakers = _speakers(
        "Kirby declined to say whether Washington had been told of the strike.\n\n"
        "Hronek did not say whether the ban would apply to shells.\n\n"
        "It was announced in Washington that more missiles would follow."
    )
    assert not any("told of the strike" in text or "ban would apply" in text for text in speakers)
    assert "more missiles would follow." in speakers


def test_a_party_in_brackets_after_a_person_does_not_speak_for_them() -> None:
    speakers = _speakers(
        "The state secretary Mareike Vogel (SPD), confirmed that the government attaches no "
        "conditions to the weapons."
    )
    assert speakers["the government attaches no conditions to the weapons."] == "mareike-vogel"


def test_a_participle_after_a_comma_and_made_clear_report() -> None:
    speakers = _speakers(
        "Marco Bellini, the deputy prime minister, went further, warning that the decision "
        "could expose Italian cities to retaliation.\n\n"
        "The foreign minister, Paolo Ferri, made clear he had not been persuaded."
    )
    assert speakers["the decision could expose Italian cities to retaliation."] == "marco-bellini"
    assert speakers["he had not been persuaded."] == "paolo-ferri"


def test_an_ing_noun_is_no_speech_verb() -> None:
    speakers = _speakers(
        "Jan Wolski did not say whether Warsaw received advance warning of decisions that "
        "could change the war."
    )
    assert not any(text.startswith("could change") or "of decisions" in text for text in speakers)


def test_the_company_is_the_last_company_named() -> None:
    speakers = _speakers(
        "Corvane Aerospace will deliver 60 missiles to Ukraine this year, the company said "
        "Monday.\n\n"
        "Lockheed Martin builds launchers in Texas. The firm said output would double by 2027."
    )
    # A company by its name ("Aerospace") or by its lexicon description ("Arms maker").
    assert speakers["Corvane Aerospace will deliver 60 missiles to Ukraine this year"] == (
        "corvane-aerospace"
    )  # and "the company said Monday" is no part of what was said
    assert speakers["output would double by 2027."] == "lockheed-martin"


def test_the_company_names_no_institute() -> None:
    speakers = _speakers(
        "The Kiel Institute counts aid. Output will double by 2027, the company said."
    )
    assert speakers["Output will double by 2027"] is None


def test_a_subject_before_a_quote_makes_a_reported_claim_too() -> None:
    speakers = _speakers(
        'Prime Minister Viktor Orban said on Thursday that Hungary "will not give a single '
        'forint" for weapons used against Russian territory.\n\n'
        'Prime Minister Viktor Orban said "we will never pay for these weapons" on Friday.'
    )
    reported = [t for t in speakers if t.startswith("Hungary")]
    assert reported == [
        'Hungary "will not give a single forint" for weapons used against Russian territory.'
    ]
    assert speakers["will not give a single forint"] == "viktor-orban"
    # The quote is all that was said: no reported claim beside it.
    assert [t for t in speakers if "never pay" in t] == ["we will never pay for these weapons"]


def test_names_with_particles_are_found_whole() -> None:
    speakers = _speakers(
        "Joost van Aalst, who studies Russian military planning at a think tank, sees it "
        "differently. He said Russia had already moved its bombers away from the border."
    )
    assert speakers["Russia had already moved its bombers away from the border."] == (
        "joost-van-aalst"
    )


def test_an_unnamed_spokesperson_of_a_named_body_speaks_for_it() -> None:
    speakers = _speakers(
        "A State Department spokesperson said the United States had placed no limits on "
        "the weapons.\n\n"
        "A senior NATO official said that was unlikely. "
        '"There will be no single line on this," the official said.'
    )
    assert speakers["the United States had placed no limits on the weapons."] == (
        "u-s-state-department"
    )
    assert speakers["was unlikely."] == "nato"
    assert speakers["There will be no single line on this,"] == "nato"


def test_a_quote_standing_alone_takes_the_speaker_the_next_sentence_points_back_with() -> None:
    speakers = _speakers(
        '"They have made themselves accomplices in every crime." That was how Foreign '
        "Ministry spokeswoman Maria Zakharova described the allies on Tuesday, telling "
        "reporters that an answer would follow."
    )
    assert speakers["They have made themselves accomplices in every crime."] == ("maria-zakharova")


def test_the_official_before_a_relative_clause_is_the_official_heard_before() -> None:
    speakers = _speakers(
        "Ukraine struck an air base in Russia, a U.S. official said Tuesday. The official, who "
        "spoke on condition of anonymity, said eight missiles were fired at the base."
    )
    assert speakers["eight missiles were fired at the base."] == "u-s-government"


def test_a_claim_before_said_and_a_person_of_an_institute() -> None:
    speakers = _speakers(
        "Analyst Ruth Engel wrote on Telegram that the money was welcome.\n\n"
        "The drones are slow and loud, said Tobias Kranich of the Institute for Security "
        'Studies. "They are a good tool against refineries, but they decide nothing."'
    )
    assert speakers["The drones are slow and loud"] == "tobias-kranich"
    # The quote standing alone continues the last named speaker of its paragraph.
    assert (
        speakers["They are a good tool against refineries, but they decide nothing."]
        == "tobias-kranich"
    )


def test_a_quote_before_and_a_new_clause_keeps_the_speaker_before() -> None:
    speakers = _speakers(
        'The Russian embassy in Oslo said in a statement that Norway had "chosen to become '
        'a target", and the Kremlin spokesman, Dmitry Peskov, said the move would be '
        '"answered".'
    )
    assert speakers["chosen to become a target"] == "russian-embassy-in-norway"
    assert speakers["answered"] == "dmitry-peskov"


def test_a_person_described_by_a_bodys_role_speaks_himself() -> None:
    for described in (
        "a Kremlin spokesman",
        "the Kremlin's spokesman",
        "Vladimir Putin's spokesman",
    ):
        speakers = _speakers(
            f"Dmitry Peskov, {described}, told reporters that Britain was involved in the strike."
        )
        assert speakers["Britain was involved in the strike."] == "dmitry-peskov", described


def test_the_president_of_a_nationality_named_after_the_quote() -> None:
    speakers = _speakers(
        "Volodymyr Zelenskyy thanked the UK. Vladimir Putin spoke later.\n\n"
        '"Every airfield within our reach no longer bombs Kharkiv," the Ukrainian president '
        'wrote. "It will answer," the Russian president said.'
    )
    assert speakers["Every airfield within our reach no longer bombs Kharkiv,"] == (
        "volodymyr-zelenskyy"
    )
    assert speakers["It will answer,"] == "vladimir-putin"


def test_what_a_speaker_went_on_to_say_is_a_claim_of_its_own() -> None:
    speakers = _speakers(
        "Minister Marta Lind told lawmakers that the weapons protect cities, adding that "
        "Sweden would not change its position.\n\n"
        '"They are for defence," Marta Lind said, adding that Sweden had attached "no range '
        'limits" to them.'
    )
    assert speakers["the weapons protect cities"] == "marta-lind"
    assert speakers["Sweden would not change its position."] == "marta-lind"
    assert speakers['Sweden had attached "no range limits" to them.'] == "marta-lind"


def test_a_share_of_people_polled_speaks_for_no_pollster() -> None:
    speakers = _speakers(
        "In a poll by the Kyiv International Institute of Sociology published in February, "
        "78% of Ukrainians said the country should hit military airfields inside Russia."
    )
    assert speakers["the country should hit military airfields inside Russia."] is None


def test_people_introduced_by_a_lower_case_rank() -> None:
    speakers = _speakers(
        "Republican congressman Garrett Voss of Ohio warned that the missiles could start a "
        "wider war.\n\n"
        "The reserve colonel Igor Sedykh noted that the missiles are few and expensive."
    )
    assert speakers["the missiles could start a wider war."] == "garrett-voss"
    assert speakers["the missiles are few and expensive."] == "igor-sedykh"


def test_according_to_him_or_her_is_the_person_named_last() -> None:
    speakers = _speakers(
        "Foreign Ministry spokeswoman Maria Zakharova spoke on Thursday. According to her, "
        'London and Paris already "crossed all the red lines" when they allowed the strikes.'
    )
    claim = 'London and Paris already "crossed all the red lines" when they allowed the strikes.'
    assert speakers[claim] == "maria-zakharova"
    assert speakers["crossed all the red lines"] == "maria-zakharova"


def test_a_countrys_minister_goes_on_with_a_participle() -> None:
    speakers = _speakers(
        "Ukraine's Foreign Minister Andrii Sybiha thanked Berlin on X, writing that the "
        "missiles would save lives."
    )
    assert speakers["the missiles would save lives."] == "andrii-sybiha"


def test_a_person_named_after_a_known_bodys_possessive() -> None:
    speakers = _speakers(
        "The minister was pressed by Reform UK's Graham Pettifer on the target.\n\n"
        "Pettifer, the party's defence spokesman, said the government was sleepwalking."
    )
    assert speakers["the government was sleepwalking."] == "graham-pettifer"


def test_a_place_or_a_company_after_a_possessive_is_no_person() -> None:
    found = extract_text(
        "Drones struck an airfield in Russia's Kaluga Oblast on Sunday. The system was "
        "developed by Norway's Kongsberg Defence & Aerospace with others.\n",
        DAY,
    )
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert people == set()


def test_a_short_quotation_that_is_its_whole_sentence_is_speech() -> None:
    speakers = _speakers(
        'Minister Marta Lind spoke. "Every government thinks it is the last one," she said. '
        '"History suggests otherwise."\n\n'
        "'Months too late'\n\n"
        "The debate went on."
    )
    assert speakers["History suggests otherwise."] == "marta-lind"
    assert "Months too late" not in speakers  # a subhead in quotation marks


def test_the_diplomat_is_the_person_written_with_an_ambassador_title() -> None:
    """Lexicon `role_synonyms`: "the diplomat" refers back to the person whose title,
    written right before the name, holds "ambassador"; "the senator" to a member of the
    Federation Council. With no such person, nobody is the speaker."""
    speakers = _speakers(
        "Russian Ambassador to Italy Pavel Lebed warned Rome against such a step. "
        '"Italy will become a direct participant in the conflict," the diplomat told TASS.\n\n'
        "Deputy Chairman of the Federation Council Committee on Defense Nikolai Zhurin "
        'said Russia would respond. "Our patience is not infinite," the senator told TASS.'
    )
    assert speakers["Italy will become a direct participant in the conflict,"] == "pavel-lebed"
    assert speakers["Our patience is not infinite,"] == "nikolai-zhurin"
    speakers = _speakers(
        "Analyst Pavel Lebed spoke first. "
        '"Italy will become a direct participant in the conflict," the diplomat told TASS.'
    )
    assert speakers["Italy will become a direct participant in the conflict,"] is None


def test_a_subject_naming_no_one_leaves_its_apposition_to_speak() -> None:
    speakers = _speakers(
        "Military expert, retired Colonel Vadim Sorin, told TASS that the missile was "
        '"a propaganda product" that would not change the situation.'
    )
    assert speakers["a propaganda product"] == "vadim-sorin"


def test_that_was_the_message_from_gives_the_quote_before_it() -> None:
    speakers = _speakers(
        "Moscow reacted with warnings. “The sponsors bear full responsibility for every "
        "strike on Russian soil.” That was the message from the Russian Embassy in "
        "Washington, which said in a statement that the strike changed nothing."
    )
    speaker = speakers["The sponsors bear full responsibility for every strike on Russian soil."]
    assert speaker is not None and speaker.startswith("russian-embassy")


def test_a_person_of_a_body_named_head_first_in_another_language() -> None:
    """Lexicon `organisation_heads`: "Instituto" opens its name ("Instituto de Defesa
    Nacional"); the person "of" it is found, and the quote after is hers."""
    speakers = _speakers(
        "Marta Fera of the Instituto de Defesa Nacional in Lisbon is unconvinced. "
        '"The front line is decided by infantry," she said.'
    )
    assert speakers["The front line is decided by infantry,"] == "marta-fera"


def test_he_after_a_possessive_is_the_sentence_subject() -> None:
    speakers = _speakers(
        "Headline\nForeign Minister Hana Lipska said on Monday that the decision would come "
        "soon.\n\nThe ambassador in Oslo, Petro Danyliuk, expressed regret over Lipska's "
        'remarks.\n\n"We respect the decision," he told reporters.\n'
    )
    assert speakers["We respect the decision,"] == "petro-danyliuk"


def test_according_to_him_without_a_comma() -> None:
    speakers = _speakers(
        "Headline\nMinister Jan Novak went further. According to him the Czech Republic "
        "will not finance any weapons, which Ukraine would use for attacks on Russia.\n"
    )
    assert speakers == {
        "the Czech Republic will not finance any weapons, which Ukraine would use for attacks "
        "on Russia.": "jan-novak"
    }


def test_a_role_of_a_body_written_in_lower_case_before_the_name() -> None:
    speakers = _speakers(
        "Headline\n“No licence was issued”, declared the speaker of the ministry Lenka Vávrová.\n"
    )
    assert speakers == {"No licence was issued": "lenka-vavrova"}
    found = extract_text("Headline\nThe director of the firm Brdy Arms said nothing.\n", DAY)
    assert {e["id"]: e["category"] for e in found["entities"]} == {"brdy-arms": "organisation"}


def test_labels_in_capitals_and_titles_are_no_acronyms() -> None:
    found = extract_text(
        "Headline\nThe newsletter.\n\nGOOD MORNING and welcome.\n\nTHE VETO THREAT: Not so "
        "fast, says the minister. Lithuanian MEP Rūta Vaitkienė wrote to him.\n",
        DAY,
    )
    assert {e["id"] for e in found["entities"]} == {"ruta-vaitkiene"}
    # A transcript's label, with an affiliation after a comma.
    found = extract_text(
        "Headline\nOLENA MARCHUK, Ukraine's parliament: The planes would be safe.\n", DAY
    )
    assert "olena" not in {e["id"] for e in found["entities"]}


def test_a_role_of_a_body_of_a_body_before_the_name() -> None:
    # A translation's "the chairman of the defence committee of the parliament X".
    speakers = _speakers(
        "The chairman of the defence committee of the parliament Jukka Ristola did not "
        'want to comment. "The government has made its decision," Ristola says.'
    )
    assert speakers["The government has made its decision,"] == "jukka-ristola"


def test_a_bodys_titled_person_is_the_subject_of_an_ing_verb() -> None:
    speakers = _speakers(
        "NATO Secretary-General Jan Vos has been neutral, repeating that the use of donated "
        'weapons is "a national decision" for each ally.'
    )
    assert speakers["a national decision"] == "jan-vos"


def test_an_unnamed_spokesperson_of_a_body_speaks_for_it_across_an_aside() -> None:
    speakers = _speakers(
        "A Chinese Foreign Ministry spokesperson, asked about the strike, said China "
        '"has always opposed adding fuel to the fire."'
    )
    assert speakers["has always opposed adding fuel to the fire."] == "chinese-foreign-ministry"


def test_a_role_phrase_with_an_abbreviation_before_a_name_set_off_by_commas() -> None:
    speakers = _speakers(
        "Russia's ambassador to the U.S., Anatoly Vorontsov, wrote on Telegram that the vote "
        "showed Congress wanted a longer war."
    )
    assert speakers["the vote showed Congress wanted a longer war."] == "anatoly-vorontsov"


def test_a_plural_title_names_both_people() -> None:
    found = extract_text(
        "The amendment, led by Sens. Roger Mayhew (R-Ohio) and Elena Ruiz-Castell (D-N.M.), "
        "takes aim at the rules.",
        DAY,
    )
    people = {e["id"]: e.get("description") for e in found["entities"]}
    assert people == {"roger-mayhew": "Sens.", "elena-ruiz-castell": "Sens."}


def test_a_translations_auxiliary_before_an_inverted_speaker() -> None:
    # Italian word order kept by a translation: '«...», has explained the minister X'.
    speakers = _speakers(
        "\u00abThe missiles are weapons like the others\u00bb, has explained the minister of "
        "the Defence Paolo Ferri at the exit of the Council."
    )
    assert speakers["The missiles are weapons like the others"] == "paolo-ferri"


def test_the_embassy_refers_back_to_the_embassy_named_before() -> None:
    speakers = _speakers(
        "The Russian Embassy in Tallinn did not respond to a request for comment. Earlier this "
        'month, the embassy wrote on Telegram that Estonia was "financing terrorism".'
    )
    assert speakers["financing terrorism"] == "russian-embassy-in-estonia"


def test_a_person_before_two_appositions_in_a_row_speaks() -> None:
    speakers = _speakers(
        "Shinji Utsunomiya, policy chief of Komeito, the ruling party's former coalition "
        'partner, warned that Japan risked becoming "one link in a chain of escalation."'
    )
    assert speakers["one link in a chain of escalation."] == "shinji-utsunomiya"


def test_according_to_the_ministry_is_the_ministry_named_before() -> None:
    speakers = _speakers(
        "Minister Rasmus Korvits spoke at the Estonian Defence Ministry on Monday. The drone "
        "can fly up to 1,000 kilometers, according to the ministry."
    )
    assert speakers["The drone can fly up to 1,000 kilometers"] == "estonian-defence-ministry"


def test_an_embassy_in_a_capital_is_its_countrys() -> None:
    speakers = _speakers(
        'The Russian embassy in Canberra said the decision made Australia "a co-belligerent."'
    )
    assert speakers["a co-belligerent."] == "russian-embassy-in-australia"


def test_a_name_called_a_company_is_a_body_and_the_company_it_speaks() -> None:
    found = extract_text(
        "The Narwhal is built by Boreal Kinetics, a company based in Kitchener. According to "
        "the company, it can fly about 1,100 kilometres.",
        DAY,
    )
    assert {(e["id"], e.get("category")) for e in found["entities"]} >= {
        ("boreal-kinetics", "organisation")
    }
    assert [(q["text"], q["speaker"]) for q in found["quotes"]] == [
        ("it can fly about 1,100 kilometres.", "boreal-kinetics")
    ]


def test_the_same_minister_before_an_auxiliary_is_the_minister_named_before() -> None:
    speakers = _speakers(
        "On Monday, Defense Minister Callum Prendergast announced the change. In November, "
        'the same minister had said they were to be used "only within Ukraine\'s borders."'
    )
    assert speakers["only within Ukraine's borders."] == "callum-prendergast"


def test_a_title_of_two_words_after_the_verb_is_no_part_of_the_name() -> None:
    """ "said Foreign Minister Anna Gisler": the verb's name pattern sees three words,
    "Foreign Minister Anna"; the title is dropped and the person is Anna Gisler."""
    for title in ("Foreign Minister", "Economy Minister", "Vice President"):
        source = text_source(
            f'"We will decide where our parts fly," said {title} Anna Gisler before the media.',
            DAY,
        )
        found = extract_article(source, knowledge())
        assert [q["speaker"] for q in found["quotes"]] == ["anna-gisler"], title
        assert [e["id"] for e in found["entities"]] == ["anna-gisler"], title


def test_the_object_of_a_verb_before_and_said_does_not_speak() -> None:
    """ "X, Ukraine's foreign minister, thanked Berlin and said that ...": X speaks."""
    for verb in ("thanked", "thanks", "praised"):
        speakers = _speakers(
            f"Ukraine's foreign minister, Olena Hrytsak, {verb} Berlin and said that Kyiv had "
            "drawn up a list of targets."
        )
        assert speakers["Kyiv had drawn up a list of targets."] == "olena-hrytsak", verb


def test_a_name_in_apposition_before_the_verb_is_the_subject() -> None:
    """ "The minister, Ana Daly, said Ireland, which ..., would not ...": Daly speaks and
    what she said comes after the verb ("said John Kirby, a spokesman" is another shape)."""
    speakers = _speakers(
        "The Minister for Foreign Affairs, Ana Daly, said Ireland, which does not supply "
        "weapons to Ukraine, would not lecture those who do."
    )
    claim = "Ireland, which does not supply weapons to Ukraine, would not lecture those who do."
    assert speakers == {claim: "ana-daly"}


def test_an_ing_verb_right_after_a_name_and_before_that_reports() -> None:
    """ "with Belgium welcoming the move and Hungary warning that ...": Hungary speaks; "received
    advance warning that" stays a noun."""
    speakers = _speakers(
        "Ministers were divided, with Belgium welcoming the move and Hungary warning that it "
        'risked "dragging the whole union into a war".'
    )
    assert speakers == {
        'it risked "dragging the whole union into a war".': "hungary",
        "dragging the whole union into a war": "hungary",
    }
    assert _speakers("Kyiv received advance warning that the drones were coming.") == {}


def test_a_speaker_after_the_verb_and_a_possessive_role_set_off_by_a_comma() -> None:
    for role in ("SV's foreign affairs spokesperson,", "the party's foreign policy spokesman,"):
        speakers = _speakers(
            f'"The government has drawn the line in the right place," said {role} Ingrid Solheim.'
        )
        assert speakers == {
            "The government has drawn the line in the right place,": "ingrid-solheim"
        }, role


def test_a_translated_reacted_attributes_the_quotation_before_it() -> None:
    speakers = _speakers(
        "«France takes a direct part in the conflict», reacted the spokesman of the Kremlin, "
        "Dmitry Peskov, cited by the agency TASS."
    )
    assert speakers == {"France takes a direct part in the conflict": "dmitry-peskov"}


def test_a_person_of_a_body_with_its_acronym_and_seat_speaks_after_the_quote() -> None:
    for attribution in (
        "Bastian Krolikowski of the German Institute for International Affairs said.",
        "Bastian Krolikowski of the German Institute for International and Security Affairs "
        "(SWP) in Berlin told dpa.",
    ):
        found = extract_text(f'Headline\n"It is a real shift," {attribution}\n', DAY)
        assert [(q["kind"], q["speaker"]) for q in found["quotes"]] == [
            ("direct", "bastian-krolikowski")
        ]


def test_an_acronym_after_a_body_is_its_alias_and_its_spokesperson_speaks() -> None:
    found = extract_text(
        "Headline\nBastian Krolikowski of the German Institute for International Affairs (SWP) "
        'said the shift was narrow.\n\nThe Socialist Left Party (SV) disagreed. "It drags us '
        "closer to the war,\" said SV's foreign affairs spokesperson, Ingrid Solhaug.\n",
        DAY,
    )
    ids = {e["id"] for e in found["entities"]}
    assert "swp" not in ids and "german-institute-for-international-affairs" in ids
    assert [q["speaker"] for q in found["quotes"] if q["kind"] == "direct"] == ["ingrid-solhaug"]


def test_a_name_set_off_by_commas_before_a_speech_verb_is_a_person_who_speaks() -> None:
    found = extract_text(
        "Headline\nSix senators abstained. One of them, Laura Cimatti, said she could not "
        '"vote for a wider war".\n',
        DAY,
    )
    assert "laura-cimatti" in {e["id"] for e in found["entities"]}
    assert {q["speaker"] for q in found["quotes"]} == {"laura-cimatti"}


def test_a_countrys_mission_to_a_body_is_named_with_it_and_speaks() -> None:
    found = extract_text(
        "Headline\nRussia's mission to the EU said in a statement that the fund would make the "
        'bloc "a direct party to the conflict".\n',
        DAY,
    )
    assert {q["speaker"] for q in found["quotes"]} == {"russian-mission-to-the-eu"}


def test_an_estimate_reports_what_follows_that_or_what_came_before() -> None:
    speakers = _speakers(
        "Theresa Lindqvist, an analyst, spoke. She estimates that Ukraine would need 250-300 "
        "missiles a month.\n\n"
        "Russian air defenses have stopped about half of the missiles fired this year, "
        "estimates Justin Okafor, a senior fellow at the Center for a New American Security."
    )
    assert speakers["Ukraine would need 250-300 missiles a month."] == "theresa-lindqvist"
    assert (
        speakers["Russian air defenses have stopped about half of the missiles fired this year"]
        == "justin-okafor"
    )
    # The noun reports nothing: "U.S. estimates suggest" has no speaker.
    assert _speakers("U.S. estimates suggest the missiles were shot down.") == {}


def test_present_tenses_of_reporting_verbs() -> None:
    speakers = _speakers(
        "Theresa Lindqvist, an analyst, spoke. She notes that the missiles arrive slowly.\n\n"
        "The strikes matter less than the numbers, stresses Justin Okafor, a senior fellow."
    )
    assert speakers["the missiles arrive slowly."] == "theresa-lindqvist"
    assert speakers["The strikes matter less than the numbers"] == "justin-okafor"


def test_a_role_or_a_day_between_the_verb_and_a_speaker_after_what_was_said() -> None:
    speakers = _speakers(
        "The party will propose that the decision is reversed, says the party's foreign "
        "political spokesperson Jonas Hærem.\n\n"
        "The strikes must stop, said Kremlin spokesman Dmitry Peskov.\n\n"
        "No missile was shot down, said Oleg Rusin on Monday.\n\n"
        "The talks had failed, said a statement from Oleg Rusin."
    )
    assert speakers["The party will propose that the decision is reversed"] == "jonas-haerem"
    assert speakers["The strikes must stop"] == "dmitry-peskov"
    assert speakers["No missile was shot down"] == "oleg-rusin"
    # "from" makes it a place, not a role: no speaker named after the verb.
    assert "The talks had failed" not in speakers


def test_an_unnamed_minister_of_a_country_speaks_for_its_government() -> None:
    speakers = _speakers(
        "Slovakia's foreign minister said the text went too far.\n\n"
        "The Estonian foreign minister said the outcome was a gift to the Kremlin.\n\n"
        "A Ukrainian commander said the bridge had held."
    )
    assert speakers["the text went too far."] == "slovak-government"
    assert speakers["the outcome was a gift to the Kremlin."] == "estonian-government"
    # A commander is no member of a government: unnamed, nobody we can name.
    assert speakers["the bridge had held."] is None


def test_a_minister_named_before_is_the_one_his_role_refers_to() -> None:
    speakers = _speakers(
        "Slovak Foreign Minister Juraj Blanar arrived late.\n\n"
        "Slovakia's foreign minister said the text went too far."
    )
    assert speakers["the text went too far."] == "juraj-blanar"


def test_a_person_named_after_the_place_a_role_governs_speaks() -> None:
    # "ambassador to Moscow Arvind Rao": Moscow is what the role governs, not the speaker.
    speakers = _speakers(
        'Former Indian ambassador to Moscow Arvind Rao told PTI the strike was "more '
        'symbolic than decisive".'
    )
    assert speakers['the strike was "more symbolic than decisive".'] == "arvind-rao"


def test_a_polls_result_is_no_ones_claim() -> None:
    speakers = _speakers(
        "According to a survey which Ipsos has made for the BBC in March, 52 percent support "
        "the strikes.\n\n"
        "52 percent oppose them, according to the latest Gallup poll.\n\n"
        "According to the Pentagon, Ukraine fired eight missiles."
    )
    assert speakers == {"Ukraine fired eight missiles.": "u-s-department-of-defense"}


def test_a_surname_after_a_word_that_opens_sentences_is_still_alone() -> None:
    # "If Redding's team": "If" opens the sentence, no capitalised name runs into it.
    speakers = _speakers(
        "When Thomas Redding took the oath of office, few questions were watched as closely. "
        "As a senator, Redding had called that decision 'a blank cheque for escalation'. If "
        "Redding's team narrows the permission, little changes."
    )
    assert speakers["a blank cheque for escalation"] == "thomas-redding"


def test_a_quotation_after_a_sentence_introducing_a_person_is_theirs() -> None:
    speakers = _speakers(
        'Minister Kaja Tamm said the outcome was "a gift to the Kremlin".\n\n'
        "Latvia's foreign minister, Ilze Rudzīte, was blunter still. \"Ukraine is told to "
        'fight with one hand. Today one ally tied the other hand too."'
    )
    assert (
        speakers["Ukraine is told to fight with one hand. Today one ally tied the other hand too."]
        == "ilze-rudzite"
    )


def test_she_after_an_unnamed_minister_is_that_ministers_government() -> None:
    text = (
        'The Estonian foreign minister called the outcome "a gift to the Kremlin." "Almost '
        'every ally wants this," she said.'
    )
    assert _speakers(text)["Almost every ally wants this,"] == "estonian-government"
    # A government that spoke as a body is no "she".
    text = 'The Estonian government called it "a gift." "Every ally wants this," she said.'
    assert _speakers(text)["Every ally wants this,"] is None


def test_a_translations_role_of_a_lower_case_body_and_the_outlet_after_the_name() -> None:
    speakers = _speakers(
        "Situation since then changed, explained first vice-chairwoman of movement Lenka "
        "Staňková for Czech Radio."
    )
    assert speakers == {"Situation since then changed": "lenka-stankova"}


def test_a_speaker_given_an_age_and_a_relative_clause_before_the_verb() -> None:
    speakers = _speakers(
        "Assembly technician Marisol Vega, 34, who joined Sentry in 2025, said the work had "
        "become personal."
    )
    assert speakers == {"the work had become personal.": "marisol-vega"}


def test_who_accuses_with_a_quoted_phrase_said_it() -> None:
    speakers = _speakers(
        "Minister Catarina Loureiro said she agreed.\n\n"
        "The PCP accused the Executive of throwing «petrol on the fire» with the missiles."
    )
    assert speakers["petrol on the fire"] == "portuguese-communist-party"


def test_a_quotation_a_colon_leads_into_is_who_the_clause_before_names() -> None:
    speakers = _speakers(
        'Minister Lucas Vandevelde said "yes".\n\n'
        "The Socialists warn of escalation. PS leader Nathalie Bruyère put it this way: "
        '"Every drone that hits Russia brings the war a little closer to Brussels."'
    )
    quote = "Every drone that hits Russia brings the war a little closer to Brussels."
    assert speakers[quote] == "nathalie-bruyere"


def test_a_pronoun_before_an_auxiliary_or_an_adverb_speaks() -> None:
    speakers = _speakers(
        "Rep. Brent Oakes is one of the bill's co-sponsors. He has said Ukraine's strikes "
        'inside Russia risk "dragging us into World War III."'
    )
    assert speakers["dragging us into World War III."] == "brent-oakes"


def test_who_thanks_with_a_quoted_phrase_said_it() -> None:
    speakers = _speakers(
        "Marisol Vega said it was personal.\n\n"
        "Ukraine's consul general, Oleksandr Hnatenko, toured the plant and thanked workers "
        'for "every base that no longer bombs Kharkiv."'
    )
    assert speakers["every base that no longer bombs Kharkiv."] == "oleksandr-hnatenko"


def test_a_that_clause_after_a_quotation_of_another_verb_is_a_claim() -> None:
    speakers = _speakers(
        'Kremlin spokesman Dmitri Balandin called the committee vote "an internal American '
        'affair," but he added that Russia would "answer every strike."'
    )
    assert speakers['Russia would "answer every strike."'] == "dmitri-balandin"


def test_a_paragraph_opening_on_a_body_with_no_speech_verb_holds_its_words() -> None:
    speakers = _speakers(
        'FDP President Lukas Amstutz said it would be "absurd" to tell Ukraine where to '
        "defend itself.\n\n"
        "The Russian embassy in Bern let communicate, Switzerland had thereby "
        '"its neutrality finally buried".\n\n'
        "Britain and France have issued a joint statement reaffirming that Ukraine may use "
        'the missiles against "legitimate military targets on Russian territory".'
    )
    assert speakers["absurd"] == "lukas-amstutz"
    assert speakers["its neutrality finally buried"] == "russian-embassy-in-switzerland"
    # A joint subject is no one body.
    assert speakers["legitimate military targets on Russian territory"] is None


def test_a_shared_office_is_a_title_not_part_of_the_name() -> None:
    speakers = _speakers(
        "In the SP the opinions are divided. Co-President Mattea Ruflin said Ukraine had the "
        'right "to defend itself against the air bases".'
    )
    assert speakers["to defend itself against the air bases"] == "mattea-ruflin"


def test_a_clause_of_another_speaker_after_while_is_a_claim_of_its_own() -> None:
    text = (
        "People Before Profit TD Gerry Lonergan said Irish money should not go "
        '"anywhere near a fund that buys drones to fly into Russia", while Labour backed the '
        "contribution but said the ring-fence should go."
    )
    found = extract_text(text, dt.date(2029, 12, 5))
    claims = {q["text"]: q["speaker"] for q in found["quotes"] if q["kind"] == "reported"}
    assert claims == {
        'Irish money should not go "anywhere near a fund that buys drones to fly into Russia"': (
            "gerry-lonergan"
        ),
        "the ring-fence should go.": "labour-party-ireland",
    }
    # What Labour backed is Labour's (an Irish TD's article: the Irish namesake), not the
    # first speaker's.
    assert {p["actor"] for p in found["positions"]} == {"labour-party-ireland"}


def test_an_unnamed_government_voice_after_a_capital_speaks_for_its_government() -> None:
    speakers = _speakers(
        'In Berlin, a government spokeswoman said the missiles carry "no geographic '
        'restrictions".\n\n'
        'A government spokeswoman later said it was "final".'
    )
    assert speakers["no geographic restrictions"] == "german-government"
    # No capital, no country said: nobody we can name.
    assert speakers["final"] is None


def test_a_quotation_after_he_in_the_sentence_after_a_person_is_introduced() -> None:
    text = (
        "Headline\n\n"
        "Russia's Defence Ministry said its air defences shot down 14 of 16 \"British and "
        'German cruise missiles" over the Kaluga region overnight.\n\n'
        "President Marek Sosnowski spoke by phone with his Ukrainian counterpart. According "
        "to the Chancellery of the President, he \"expressed full support for Ukraine's right "
        'to self-defence".\n'
    )
    # Not the last speaker of the paragraph before (a ministry is no "he").
    assert _speakers(text)["expressed full support for Ukraine's right to self-defence"] == (
        "marek-sosnowski"
    )


def test_a_coordinated_speech_verb_after_an_object_is_the_opening_subject_s() -> None:
    speakers = _speakers(
        "Ankara sold Bayraktar TB2 drones to Kyiv, kept buying Russian gas and said that where "
        "Western missiles landed was a matter for the countries that supplied them.\n"
    )
    # Not Kyiv (after "to"), nor Russia (qualifying "gas").
    assert set(speakers.values()) == {"turkish-government"}


def test_the_u_s_administration_is_its_government() -> None:
    from tests.extract_support import extract_text

    found = extract_text(
        "The U.S. administration, which lifted its last geographic limits in February, has "
        "pressed Ankara to sell without conditions.\n",
        DAY,
    )
    assert "u-s-government" in {e["id"] for e in found["entities"]}
    assert "united-states" not in {e["id"] for e in found["entities"]}


def test_a_dashed_attribution_inside_a_quotation_splits_it_and_names_its_speaker() -> None:
    # Spanish style, kept by a translation: «... —said X—, ...» is two quotations of X.
    speakers = _speakers(
        "«Spain does not ask to Ukraine where it shoots —said the holder of Defence, Marta "
        "Olivencia, in the press conference—, of the same form that it does not ask it where "
        "it sleeps».\n"
    )
    assert speakers == {
        "Spain does not ask to Ukraine where it shoots": "marta-olivencia",
        "of the same form that it does not ask it where it sleeps": "marta-olivencia",
    }


def test_a_long_role_before_a_name_and_a_translated_speech_verb() -> None:
    speakers = _speakers(
        "The spokesman of the PSOE in the commission of Defence, Álvaro Lezcano, defended that "
        "Ukraine «has the right to defend itself also of the airports from where it is "
        "bombed».\n"
    )
    assert speakers[
        "has the right to defend itself also of the airports from where it is bombed"
    ] == ("alvaro-lezcano")


def test_according_to_a_body_after_a_town_compound_is_the_body() -> None:
    speakers = _speakers(
        "Ukraine has fired 150-200 missiles at targets inside Russia since January, according "
        "to a tally by the Kyiv-based Centre for Defence Strategies.\n"
    )
    assert set(speakers.values()) == {"centre-for-defence-strategies"}


def test_the_government_with_a_capital_and_irish_surnames() -> None:
    from tests.extract_support import text_source as make

    source = make(
        "Headline\n\nUkraine wants more drones. The Government says the Irish money will be "
        "ring-fenced for air defence. Sinn Féin's foreign affairs spokesperson, Dónal Ó "
        'Ceallaigh, said Ireland should have "no part in a war of drones over Russia".\n',
        DAY,
        publisher="RTÉ",
    )
    found = extract_article(source, knowledge())
    said = {q["text"]: q["speaker"] for q in found["quotes"]}
    # The home country's government (RTÉ is Irish), not the country named before.
    assert said["the Irish money will be ring-fenced for air defence."] == "irish-government"
    assert said["no part in a war of drones over Russia"] == "donal-o-ceallaigh"


def test_a_person_apposed_to_a_role_at_the_end_of_a_sentence() -> None:
    speakers = _speakers(
        "«Quebecers support Ukraine. They also want to be asked first», said the leader of "
        "the Bloc, Louis-Philippe Ménard.\n"
    )
    assert set(speakers.values()) == {"louis-philippe-menard"}


def test_the_party_is_the_party_named_before() -> None:
    speakers = _speakers(
        "Fidesz has gone further than the minister. In a statement signed by its "
        "secretary-general Mandla Ntuli on Friday, the party said Hungary must stay out of "
        "the war."
    )
    # A known party whose name has no "party" in it; not the person the clause names.
    assert speakers["Hungary must stay out of the war."] == "fidesz"


def test_a_speech_verb_inside_a_claim_does_not_hide_the_next_speaker() -> None:
    text = (
        "Opposition spokesman James Porter said the Government should say plainly that there "
        'are no strings attached, while the Russian embassy said Ireland was "feeding the '
        'escalation."'
    )
    # "the Government" of an Irish outlet is a name, and "should say" a speech verb.
    source = text_source(text, DAY, publisher="Irish Examiner")
    found = extract_article(source, knowledge())
    speakers = {q["text"]: q["speaker"] for q in found["quotes"]}
    # "should say" is part of Porter's claim; the embassy's claim after ", while" is its own.
    assert (
        speakers["the Government should say plainly that there are no strings attached"]
        == "james-porter"
    )
    assert speakers['Ireland was "feeding the escalation."'] == "russian-embassy"


def test_italian_honorifics_in_lower_case_before_a_name() -> None:
    speakers = _speakers(
        "«The Government plays at the Russian roulette», said the sen. Carla Tessitore, "
        "capogruppo of the M5s. «So we enter in the war», added the on. Matteo Galvani."
    )
    # "on." and "sen." (lexicon `honorifics`) are folded away; "on." ends no sentence.
    assert speakers["The Government plays at the Russian roulette"] == "carla-tessitore"
    assert speakers["So we enter in the war"] == "matteo-galvani"


def test_a_translation_names_whom_it_was_said_to_before_the_speaker() -> None:
    speakers = _speakers(
        "«Ukraine will use them where it needs», said to the Expresso the minister of the "
        "National Defence, Duarte Vilaça."
    )
    # "National Defence" is the role's department (lexicon `department_words`), no body.
    assert speakers["Ukraine will use them where it needs"] == "duarte-vilaca"


def test_french_courtesy_titles_and_a_day_before_the_speaker() -> None:
    speakers = _speakers(
        "« The pilots must not wait at the border », declared Thursday the Minister of the "
        "Interior, Mme Odile Fontenay-Marchal (MR), on the radio. « We sign no blank "
        "cheque », warned its president, M. Arnaud Delvigne."
    )
    # A translation keeps "Mme" and "M." (lexicon `honorifics`), puts the day between the
    # verb and the speaker and names the speaker by a possessive.
    assert speakers["The pilots must not wait at the border"] == "odile-fontenay-marchal"
    assert speakers["We sign no blank cheque"] == "arnaud-delvigne"


def test_a_courtesy_title_after_a_role_names_the_person_not_the_role() -> None:
    found = extract_text(
        "The Prime Minister, M. Hugo Vandenbroucke (CD&V), has changed his mind. The "
        "Foreign Minister, Elke Maertens (Groen), said on Monday that the rules stay.",
        DAY,
    )
    names = {e["name"] for e in found["entities"] if e.get("category") == "person"}
    # "Prime Minister" is no person; the name after it is, with or without the title and
    # a party tag in brackets after it.
    assert names == {"Hugo Vandenbroucke", "Elke Maertens"}


def test_roles_of_a_translation_before_the_name() -> None:
    speakers = _speakers(
        "„Now it would be a risk to our own security”, explained the head of MOD, "
        "vice-premier Teodor Walczak. „It is a needle”, said the deputy of Konfederacji "
        "Marek Zieliński. In Kyiv the head of the Ukrainian diplomacy Ostap Melnyk thanked "
        "the Polish friends. „Polish drones will keep them awake”, he wrote."
    )
    # A second role after a comma; a body's name in one word (with its case ending) and a
    # capitalised adjective in the role's object, before the name.
    assert speakers["Now it would be a risk to our own security"] == "teodor-walczak"
    assert speakers["It is a needle"] == "marek-zielinski"
    assert speakers["Polish drones will keep them awake"] == "ostap-melnyk"


def test_a_speaker_set_off_by_an_aside_of_speaking_is_named() -> None:
    found = extract_text(
        "Hossein Karimzadeh, speaking at his weekly press conference in Tehran on Friday, said "
        'the United States "is no longer hiding behind Ukraine".\n',
        dt.date(2033, 6, 17),
    )
    assert {q["speaker"] for q in found["quotes"]} == {"hossein-karimzadeh"}


def test_a_hypothesis_opening_a_sentence_is_no_first_name() -> None:
    found = extract_text(
        "Washington rationed Ukraine's right to hit back. Dana Whitcombe's reversal shows "
        "what the rationing cost.\n\nWhitcombe is an unlikely author of the policy, she said."
        "\n\nSuppose Whitcombe's successor reimposes the limits.\n",
        dt.date(2033, 9, 6),
    )
    assert [e["id"] for e in found["entities"] if e["category"] == "person"] == ["dana-whitcombe"]


def test_continues_to_before_a_verb_reports_nothing() -> None:
    found = extract_text(
        "Washington continues to restrict its use to Ukrainian territory, including the "
        "occupied areas.\n",
        dt.date(2033, 5, 19),
    )
    assert found["quotes"] == []
    assert ("u-s-government", "opposes") in {(p["actor"], p["stance"]) for p in found["positions"]}


def test_a_dod_spokesperson_speaks_for_the_department() -> None:
    found = extract_text(
        'A DoD spokesperson told Janes on 17 May that the guidance given to Ukraine "has not '
        'changed".\n',
        dt.date(2033, 5, 19),
    )
    assert {q["speaker"] for q in found["quotes"]} == {"u-s-department-of-defense"}


def test_according_to_a_role_then_its_holder_names_the_holder() -> None:
    found = extract_text(
        "The Harrow has a range of about 1,000 kilometers, according to its manufacturer, MBDA.\n",
        dt.date(2033, 1, 10),
    )
    assert [(q["kind"], q["speaker"]) for q in found["quotes"]] == [("reported", "mbda")]


def test_a_translations_evoked_and_saluted_attribute_the_quote() -> None:
    found = extract_text(
        "At Kiev, the Minister of the Foreign Affairs, Iryna Lozynska, saluted on the network "
        "X « the courageous decision of a small country with a big heart ».\n",
        dt.date(2031, 10, 16),
    )
    assert [(q["kind"], q["speaker"]) for q in found["quotes"]] == [("direct", "iryna-lozynska")]


def test_a_body_before_an_apposition_names_the_role_of_the_person_it_ends_on() -> None:
    # The person at the apposition's end speaks; a person named inside a participle
    # clause ("asked about Melamed's role") does not.
    found = extract_text(
        "Headline\nThe president of the Commission of Foreign Relations of the Senate, "
        'senator Flávia Montenegro (PSD-MG), said that Brazil "confuses neutrality with '
        'omission".\n\nYevhen Melamed runs a drone unit. The Russian Embassy in Israel, asked '
        "about Melamed's role, said in a reply that Israeli citizens who direct strikes are "
        "participants in the conflict.\n",
        dt.date(2034, 5, 15),
    )
    speakers = {q["text"][:16]: q["speaker"] for q in found["quotes"] if q["kind"] == "reported"}
    assert speakers['Brazil "confuses'] == "flavia-montenegro"
    assert speakers["Israeli citizens"] == "russian-embassy-in-israel"


def test_a_foreign_ministry_named_by_its_seat() -> None:
    found = extract_text(
        'Headline\nIn a note released on Friday, the Itamaraty said it sees "with great '
        'preoccupation the extension of the hostilities".\n',
        dt.date(2034, 5, 15),
    )
    assert {q["speaker"] for q in found["quotes"]} == {"brazilian-foreign-ministry"}


def test_a_translations_verb_before_its_subject_and_a_colon_name_the_speaker() -> None:
    # German word order kept by a translation: "said Hagedorn in the Chancellery: „...“".
    found = extract_text(
        "Headline\nChancellor Cornelia Hagedorn spoke on Monday. On Tuesday evening said "
        "Hagedorn in the Chancellery: „We have long enough watched. That is over.“\n",
        dt.date(2034, 4, 19),
    )
    direct = [q for q in found["quotes"] if q["kind"] == "direct"]
    assert [(q["speaker"], q["text"]) for q in direct] == [
        ("cornelia-hagedorn", "We have long enough watched. That is over.")
    ]


def test_a_translations_according_to_producer_names_the_company_before() -> None:
    found = extract_text(
        "Headline\n\nMoravia Aero Systems builds the Sokol drone in Brno. It sells well.\n\n"
        "According to producer, it has reach up to 1 100 kilometres.\n",
        dt.date(2034, 4, 19),
    )
    assert [(q["speaker"], q["text"]) for q in found["quotes"]] == [
        ("moravia-aero-systems", "it has reach up to 1 100 kilometres.")
    ]


def test_it_said_is_the_body_opening_its_sentence_before_the_last_one_that_spoke() -> None:
    found = extract_text(
        "Headline\nThe Dutch government says the F-16s it supplied may be used against "
        'airfields in Russia. Rome has moved the other way: in May it said it was "open to '
        'reviewing" the restriction on the Storm Shadow missiles it supplies.\n',
        dt.date(2034, 9, 12),
    )
    speakers = {q["text"][:12]: q["speaker"] for q in found["quotes"]}
    assert speakers["the F-16s it"] == "dutch-government"
    assert speakers['it was "open'] == "italian-government"


def test_an_italian_translations_speaker_after_an_auxiliary_a_day_or_a_place() -> None:
    # Each sentence is its own article: the speaker comes only from its own wording.
    said = _speakers(
        "«It is time to take off the leash», has declared yesterday Guido Terranova at a "
        "convention."
    )
    assert said == {"It is time to take off the leash": "guido-terranova"}
    said = _speakers(
        "«We are not in war with Russia», has written on X the secretary Ettore Bassani, "
        "who threatens to vote no."
    )
    assert said == {"We are not in war with Russia": "ettore-bassani"}
    said = _speakers(
        "«Every day of waiting is one more day», has said to La Stampa the ambassador of "
        "Ukraine in Italy, Jaroslav Kostenko."
    )
    assert said == {"Every day of waiting is one more day": "jaroslav-kostenko"}


def test_a_translations_answer_and_a_portfolio_before_a_name() -> None:
    found = extract_text(
        "Headline\nThe premier Federica Santangelo has preferred not to expose herself. Asked "
        "about it, she has answered that «of this one speaks the Council».\n"
        "The minister of the Defence Guido Terranova was in Brussels.\n",
        DAY,
    )
    assert {q["text"]: q["speaker"] for q in found["quotes"]} == {
        "of this one speaks the Council": "federica-santangelo"
    }
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert people == {"federica-santangelo", "guido-terranova"}


def test_according_to_the_company_after_a_maker_named_by_its_kind_of_name() -> None:
    # "Aerosystems", "Sistemi": a company by the last word of its name (lexicon
    # `company_name_endings`), so "the company" is it.
    found = extract_text(
        "Headline\nLatvia has ordered 1,200 drones from the manufacturer Zemgale Aerosystems, "
        "the ministry said. According to the company, the drone flies 800 kilometres.\n",
        DAY,
    )
    speakers = {q["text"]: q["speaker"] for q in found["quotes"]}
    assert speakers["the drone flies 800 kilometres."] == "zemgale-aerosystems"


def test_according_to_the_manufacturer_named_in_an_apposition_after_it() -> None:
    found = extract_text(
        "Headline\nOne Strale missile, according to the manufacturer, the Italian company "
        "Meridiana Sistemi, costs about 1.8 million euros.\n",
        DAY,
    )
    assert [q["speaker"] for q in found["quotes"]] == ["meridiana-sistemi"]
    # Not whoever an apposition-free source's clause names next.
    found = extract_text(
        "Headline\nAccording to the ministry, Russia fired 40 missiles at Kharkiv.\n", DAY
    )
    assert "russia" not in [q["speaker"] for q in found["quotes"]]
