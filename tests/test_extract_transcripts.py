"""Transcripts whose speakers are labelled in capitals with their titles ("MAJ. GEN. DANA
HOLT:", later "GEN. HOLT:"): the labelled person is an entity and holds what the answers
say. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.extract.article import extract_article
from tests.extract_support import extract_text, knowledge, text_source

DAY = dt.date(2033, 6, 14)


def _stances(found: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
    """(actor, stance) of every position found."""
    return {(p["actor"], p["stance"]) for p in found["positions"]}


def _direct_quotes(
    found: dict[str, list[dict[str, Any]]], width: int | None = None
) -> dict[str, Any]:
    """Speaker of each direct quote, by its text (its first `width` characters if given)."""
    return {q["text"][:width]: q["speaker"] for q in found["quotes"] if q["kind"] == "direct"}


BRIEFING = (
    "Department of Defense Press Briefing\n\n"
    "STAFF: Good afternoon. Over to you, sir.\n\n"
    "MAJ. GEN. DANA HOLT: Thanks, everybody. Just one thing at the top.\n\n"
    "Q: Thank you, General. Tom Reyes, Associated Press. Is there any limit on range?\n\n"
    "GEN. HOLT: We have lifted all restrictions on strikes inside Russia with the Lancet-X. "
    "Ukraine can hit the airfields the bombers fly from.\n\n"
    "Q: Does Russia's warning change anything?\n\n"
    "GEN. HOLT: No. It won't change our approach.\n"
)


def test_a_titled_label_in_capitals_names_a_person() -> None:
    found = extract_text(BRIEFING, DAY)
    names = {e["id"]: e["name"] for e in found["entities"]}
    assert names.get("dana-holt") == "Dana Holt"
    # The label's words are no acronyms or bodies of their own.
    assert not {"dana", "holt", "maj", "gen"} & set(names)


def test_the_answers_under_a_surname_label_are_the_titled_persons() -> None:
    found = extract_text(BRIEFING, DAY)
    assert ("dana-holt", "supports") in {(p["actor"], p["stance"]) for p in found["positions"]}


def test_a_newsletters_section_labels_name_nobody() -> None:
    found = extract_text(
        "Brussels Playbook\n\n"
        "THE VETO THREAT: Not so fast, says Bratislava.\n\n"
        "GENERAL MOOD: Ministers meet on Thursday.\n\n"
        "THE SKEPTICS: Not everyone is sold.\n",
        DAY,
    )
    people = [e["name"] for e in found["entities"] if e.get("category") == "person"]
    assert people == []


def test_a_titled_label_written_once_names_nobody() -> None:
    found = extract_text("Notes\n\nGENERAL ASSEMBLY VOTE: The motion passed on Thursday.\n", DAY)
    assert not any(e.get("category") == "person" for e in found["entities"])


def test_a_refusal_with_still_before_its_not_opposes() -> None:
    # A live blog's entry; "would still not allow" refuses as "would not allow" does.
    found = extract_text(
        "2:05 p.m. ET\n\nGerman chancellor keeps his line\n\n"
        "German Chancellor Jonas Weber told reporters in Berlin that Germany would still not "
        "allow its weapons to be used inside Russia.\n",
        DAY,
    )
    assert ("germany", "opposes") in {(p["actor"], p["stance"]) for p in found["positions"]}


RECORD = (
    "Hansard\n—\nHouse of Commons\nUkraine: Long-range Strike Policy\n\n"
    "Dr Imogen Fairweather (Cotswolds North) (Con): I beg to move.\n\n"
    "Russia has dropped more than 2,000 glide bombs on Kharkiv. I urge the Minister to lift "
    "the limit, and to do it today.\n\n"
    "Mr Gareth Tunnicliffe (Boston and Skegness) (Reform): Will the hon. Lady give way?\n\n"
    "Dr Fairweather: I will, briefly.\n\n"
    "Mr Tunnicliffe: My party will vote against any widening of these permissions.\n\n"
    "Stephen Gilfillan (Dundee Central) (SNP): I do not object to the limit going. No "
    "missile is a silver bullet.\n\n"
    "Siân Pengelly (Bristol Central) (Green): I have not made up my mind on the limit.\n\n"
    "The Minister for the Armed Forces (Ms Rachel Atherton): My view is that the 300 km "
    "limit has had its day.\n"
)


def test_a_debate_records_labels_name_members_and_give_them_their_words() -> None:
    # Full labels with constituency and party, later ones by honorific and surname, an
    # office with its holder in brackets; a paragraph with no label goes on with the last.
    source = text_source(RECORD, dt.date(2034, 6, 14), publisher="Hansard")
    found = extract_article(source, knowledge())
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert {"stephen-gilfillan", "sian-pengelly", "rachel-atherton"} <= people
    assert sorted((p["actor"], p["stance"]) for p in found["positions"]) == [
        ("gareth-tunnicliffe", "opposes"),
        ("imogen-fairweather", "supports"),
        ("rachel-atherton", "supports"),
        ("sian-pengelly", "unclear"),
        ("stephen-gilfillan", "doubts-impact"),
        ("stephen-gilfillan", "supports"),
    ]


def test_a_plenary_records_party_labels_and_a_titled_chairs_label() -> None:
    record = (
        "Bundestag\n—\nPlenary record\nUkraine: Policy\n\n"
        "Vice-President Petra Pau: I open the sitting.\n\n"
        "Dr. Anna Vogel (CDU/CSU): Ukraine needs the missiles. The limits should be lifted.\n\n"
        "Kai Brandt (BÜNDNIS 90/DIE GRÜNEN): Russian roulette is what this is.\n\n"
        "Vice-President Petra Pau: Thank you.\n"
    )
    found = extract_article(text_source(record, dt.date(2035, 1, 25)), knowledge())
    people = {e["id"] for e in found["entities"] if e["category"] == "person"}
    assert {"petra-pau", "anna-vogel", "kai-brandt"} <= people
    assert {(p["actor"], p["stance"]) for p in found["positions"]} >= {
        ("anna-vogel", "supports"),
        ("kai-brandt", "warns-against"),
    }


SITTING = (
    "Deutscher Bundestag\n—\nPlenary Record\n\n"
    "Vice-President Katrin Oberländer: I call item 7. The floor goes to Dr. Anna Vogel.\n\n"
    "Dr. Anna Vogel (CDU/CSU): Madam President! Our motion asks to lift the limit.\n\n"
    "(Applause from the CDU/CSU – Interjection from the AfD: Warmonger!)\n\n"
    "Ukraine must be able to strike the airfields.\n\n"
    "Bernd Kallweit (AfD): We say no.\n\n"
    "Vice-President Katrin Oberländer: The Minister has the floor.\n\n"
    "Dr. Henrike Albrecht, Federal Minister of Defence: Madam President! The Government "
    "decided this morning.\n\n"
    "(Interjection from the CDU/CSU: Why 300? – Bernd Kallweit [AfD]: That is war!)\n"
)


def test_a_debate_records_contributions_are_direct_quotes_of_their_members() -> None:
    # Each contribution paragraph, and one going on after an interjection line, is the
    # labelled member's verbatim speech; the chair, labelled by a title of one word and a
    # name of two, and a minister labelled by name and office after a comma, too.
    found = extract_article(text_source(SITTING, dt.date(2035, 1, 25)), knowledge())
    quotes = {(q["speaker"], q["text"]) for q in found["quotes"] if q["kind"] == "direct"}
    assert {
        ("katrin-oberlander", "I call item 7. The floor goes to Dr. Anna Vogel."),
        ("anna-vogel", "Madam President! Our motion asks to lift the limit."),
        ("anna-vogel", "Ukraine must be able to strike the airfields."),
        ("katrin-oberlander", "The Minister has the floor."),
        ("henrike-albrecht", "Madam President! The Government decided this morning."),
    } <= quotes
    # Words called out in a bracketed line: the named member's, else the group's.
    assert {
        ("alternative-for-germany", "Warmonger!"),
        ("cdu-csu", "Why 300?"),
        ("bernd-kallweit", "That is war!"),
    } <= quotes
    # The applause line itself is nobody's words.
    assert not any(text.startswith("(Applause") for _speaker, text in quotes)


def test_a_news_story_with_one_labelled_line_gives_no_contributions() -> None:
    story = (
        "Berlin debates missiles\n\n"
        "Dr. Anna Vogel (CDU/CSU): that is how the record listed her on Thursday.\n\n"
        "The debate went on for hours.\n"
    )
    found = extract_article(text_source(story, dt.date(2035, 1, 25)), knowledge())
    assert not any(q["text"] == "The debate went on for hours." for q in found["quotes"])


def test_a_member_speaking_for_their_group_gives_the_group_the_stance() -> None:
    record = (
        "Bundestag\n—\nPlenary record\n\n"
        "Vice-President Petra Pau: The floor goes to Dr. Anna Vogel.\n\n"
        "Dr. Anna Vogel (FDP): My group will support lifting the range limits on the "
        "missiles.\n\n"
        "Kai Brandt (SPD): I support lifting the range limits on the missiles.\n"
    )
    found = extract_article(text_source(record, dt.date(2035, 1, 25)), knowledge())
    stances = _stances(found)
    assert {("anna-vogel", "supports"), ("free-democratic-party", "supports")} <= stances
    # A member speaking for themselves alone gives their group nothing.
    assert ("kai-brandt", "supports") in stances
    assert not any(a == "social-democratic-party-of-germany" for a, _s in stances)


def test_the_european_parliaments_labels_close_on_a_full_stop_and_a_dash() -> None:
    report = (
        "Verbatim report of proceedings\n\n"
        "President. – The next item is the debate on long-range strikes.\n\n"
        "Jana Novák, on behalf of the PPE Group. – Mr President, Ukraine must be allowed to "
        "strike the airfields in Russia.\n\n"
        "That is our position.\n\n"
        "Pierre Dumont (Renew), blue-card question. – Does the Member accept the risk?\n\n"
        "Jana Novák (PPE), blue-card answer. – I do.\n\n"
        "President. – Thank you.\n\n"
        "The sitting is closed.\n\n"
        "Kaja Berg, Vice-President of the Commission. – Mr President, we are ready.\n"
    )
    found = extract_article(text_source(report, dt.date(2035, 10, 24)), knowledge())
    quotes = _direct_quotes(found)
    # The chair names no one: what follows "President. –" is nobody's contribution.
    assert quotes == {
        "Mr President, Ukraine must be allowed to strike the airfields in Russia.": "jana-novak",
        "That is our position.": "jana-novak",
        "Does the Member accept the risk?": "pierre-dumont",
        "I do.": "jana-novak",
        "Mr President, we are ready.": "kaja-berg",
    }
    assert ("jana-novak", "supports") in {(p["actor"], p["stance"]) for p in found["positions"]}


def test_a_debate_records_party_abbreviations_name_the_parties() -> None:
    # Lexicon `record_party_labels`: "(Con)", "(Reform)" ending a label; not "Con" elsewhere.
    source = text_source(RECORD, dt.date(2034, 6, 14), publisher="Hansard")
    ids = {e["id"] for e in extract_article(source, knowledge())["entities"]}
    assert {"conservative-party", "reform-uk", "scottish-national-party"} <= ids
    story = "Con Edison said (Con): nothing.\n\nThe Lab said more.\n"
    ids = {
        e["id"]
        for e in extract_article(text_source(story, dt.date(2034, 6, 14)), knowledge())["entities"]
    }
    assert "labour-party" not in ids


EP_DEBATE = (
    "European Parliament\n—\nVerbatim report of proceedings\n\n"
    "President. – The next item is the debate on Ukraine's right to strike military targets "
    "on Russian territory.\n\n"
    "Ágnes Kovács-Tóth, on behalf of the PfE Group. – Madam President, this House is about to "
    "let Ukraine fire European missiles into Russia. My group will vote against it, and we "
    "will ask for a roll-call vote so that every citizen knows who voted for escalation.\n\n"
    "Matej Ďurík, on behalf of the S&D Group. – Madam President, my group will support this "
    "resolution, and so will I. Slovakia borders Ukraine, and escalation does not stop at "
    "our frontier.\n\n"
    "Lena Halvorsen (Renew). – Madam President, not with our money, and not in our name.\n"
)


def test_a_european_parliament_member_whose_name_opens_on_an_accent_is_labelled() -> None:
    found = extract_article(text_source(EP_DEBATE, dt.date(2035, 10, 24)), knowledge())
    quotes = _direct_quotes(found, 30)
    assert quotes["Madam President, this House is"] == "agnes-kovacs-toth"
    assert quotes["Madam President, my group will"] == "matej-durik"
    # A known group in brackets after a member's name is no other name of the member.
    entities = {e["id"]: e for e in found["entities"]}
    assert "PfE" not in entities["agnes-kovacs-toth"].get("aliases", [])


def test_a_european_parliament_group_holds_what_its_spokesman_says_for_it() -> None:
    found = extract_article(text_source(EP_DEBATE, dt.date(2035, 10, 24)), knowledge())
    stances = _stances(found)
    # "My group will vote against it": the resolution the debate is on.
    assert {("agnes-kovacs-toth", "opposes"), ("patriots-for-europe", "opposes")} <= stances
    # A second stance in a member's contribution is the member's too.
    assert ("agnes-kovacs-toth", "warns-against") in stances
    assert {("matej-durik", "supports"), ("s-and-d-group", "supports")} <= stances
    # "and so will I. Slovakia borders ...": the pronoun ends its sentence, whose warning
    # is the next one's.
    assert ("matej-durik", "warns-against") in stances
    assert ("lena-halvorsen", "opposes") in stances
    # The chair's agenda line is the sitting's business, no one's position.
    chair = [p for p in found["positions"] if "next item" in p["citations"][0]["quote"]]
    assert chair == []


WHITE_HOUSE = (
    "The White House\n—\nBriefing Room\n"
    "Press Briefing by Press Secretary Nora Whitcombe and National Security Advisor "
    "Douglas Pryor\nMarch 3, 2036\n\n"
    "MS. WHITCOMBE: Good afternoon. Here to take your questions is Doug Pryor. Doug.\n\n"
    "MR. PRYOR: Thanks, Nora. If a Russian airfield is used to bomb Ukrainian cities, it "
    "should not be a sanctuary. This is not a decision to widen the war.\n\n"
    "Q    Senator Ada Brill said on Sunday that the President has no authority to widen a "
    "war Congress never voted for. She's introducing a resolution to restore the cap.\n\n"
    "MR. PRYOR: The President's authority is clear.\n"
)


def test_a_briefings_speakers_are_named_in_its_header_and_its_questions_are_no_answers() -> None:
    title = WHITE_HOUSE.splitlines()[3]
    source = text_source(WHITE_HOUSE, dt.date(2036, 3, 3), publisher="The White House", title=title)
    found = extract_article(source, knowledge())
    ids = {e["id"] for e in found["entities"]}
    # Named in full only in the header; "Doug Pryor" is Douglas Pryor; "MR." no party.
    assert {"nora-whitcombe", "douglas-pryor"} <= ids
    assert "doug-pryor" not in ids
    assert "reformist-movement" not in ids  # the party the lexicon abbreviates "MR"
    stances = _stances(found)
    assert ("douglas-pryor", "supports") in stances
    # "not a decision to widen the war": no warning of his.
    assert ("douglas-pryor", "warns-against") not in stances
    # The reporter's question ("Q    ...") reports the senator's words, not Pryor's.
    assert {("ada-brill", "warns-against"), ("ada-brill", "opposes")} <= stances


HEARING = (
    "United States Senate\n—\nCommittee on Armed Services\n"
    "Hearing on the use of U.S.-supplied long-range weapons by Ukraine\n\n"
    "The committee met at 9:30 a.m., Senator Roger Holloway (chairman) presiding.\n\n"
    "CHAIRMAN HOLLOWAY: The committee will come to order. Our witnesses are the Honorable "
    "Dana Whitfield, Secretary of Defense, and General Marcus Oyelaran. Senator Brandt.\n\n"
    "SENATOR BRANDT: Thank you, Mr. Chairman. I have supported lifting the limits on strikes "
    "inside Russia since last year.\n\n"
    "SECRETARY WHITFIELD: The decision to let Ukraine strike military targets in Russia is "
    "the right one.\n\n"
    "SENATOR KEMPER: Madam Secretary, I oppose this decision.\n\n"
    "GENERAL OYELARAN: Senator, the strikes have pushed Russian bombers back.\n"
)


def test_a_hearings_labels_in_capitals_make_a_record_of_its_members_and_witnesses() -> None:
    found = extract_article(text_source(HEARING, dt.date(2036, 3, 10)), knowledge())
    quotes = _direct_quotes(found, 24)
    # "CHAIRMAN HOLLOWAY:" is the Roger Holloway presiding; a senator labelled by surname
    # alone is that surname's person; "the Honorable" is no part of a name.
    assert quotes == {
        "The committee will come ": "roger-holloway",
        "Thank you, Mr. Chairman.": "brandt",
        "The decision to let Ukra": "dana-whitfield",
        "Madam Secretary, I oppos": "kemper",
        "Senator, the strikes hav": "marcus-oyelaran",
    }
    stances = _stances(found)
    assert {("brandt", "supports"), ("dana-whitfield", "supports"), ("kemper", "opposes")} <= (
        stances
    )


PRESS_CONFERENCE = (
    "NATO\n—\nPress conference by NATO Secretary General Henrik Aalvik\n10 Feb. 2036\n\n"
    "NATO Secretary General Henrik Aalvik: Good afternoon. Ukraine has the right to defend "
    "itself, and that includes striking legitimate military targets inside Russia.\n\n"
    "Moderator: Reuters.\n\n"
    "Oana Lindqvist (Reuters): Secretary General, Hungary says these strikes drag NATO into "
    "the war. Are Allies divided?\n\n"
    "NATO Secretary General Henrik Aalvik: Allies have different views on the details.\n\n"
    "Markus Feldhaus (Deutsche Welle): Should Berlin lift its limit?\n\n"
    "NATO Secretary General Henrik Aalvik: That is for Germany to decide.\n"
)


def test_a_press_conferences_questions_are_no_record_and_its_titled_speaker_holds_answers() -> None:
    found = extract_article(text_source(PRESS_CONFERENCE, dt.date(2036, 2, 10)), knowledge())
    # A label naming a news outlet in brackets is a reporter's, not a member's of a house:
    # no paragraph is anybody's verbatim contribution.
    assert not any(q["kind"] == "direct" for q in found["quotes"])
    stances = _stances(found)
    # "NATO Secretary General Henrik Aalvik:": a label of a title and a name.
    assert ("henrik-aalvik", "supports") in stances
    # The reporter asks what Hungary says: the warning is Hungary's.
    assert ("hungary", "warns-against") in stances
    assert not any(a in ("oana-lindqvist", "markus-feldhaus") for a, _s in stances)


def test_an_interviewees_answer_reporting_a_government_gives_it_that_governments_stance() -> None:
    interview = (
        "Think tank\n—\nQ&A: who is still holding back\n\n"
        "Hanna Wexler, a senior fellow, spoke with Jonah Pemberton.\n\n"
        "Jonah Pemberton: Who is still holding back?\n\n"
        "Hanna Wexler: Budapest argues that every deep strike drags Europe closer to a war "
        "with a nuclear power. I think Germany's cap on the missiles has outlived its logic.\n"
    )
    found = extract_article(text_source(interview, dt.date(2035, 12, 11)), knowledge())
    stances = _stances(found)
    assert ("hungarian-government", "warns-against") in stances
    assert ("hanna-wexler", "warns-against") not in stances


def test_a_records_chair_named_in_capitals_speaks_the_presidents_lines() -> None:
    report = (
        "European Parliament\n—\nVerbatim report of proceedings\n\n"
        "IN THE CHAIR: KATARZYNA MROCZEK\nVice-President\n\n"
        "President. – The next item is the debate on long-range strikes.\n\n"
        "Jana Novák, on behalf of the PPE Group. – Madam President, Ukraine must be allowed "
        "to strike the airfields in Russia.\n\n"
        "Karel Dvořák (Renew). – Madam President, I agree with the previous speaker.\n\n"
        "President. – The debate is closed.\n"
    )
    found = extract_article(text_source(report, dt.date(2035, 10, 24)), knowledge())
    quotes = _direct_quotes(found)
    assert quotes["The next item is the debate on long-range strikes."] == "katarzyna-mroczek"
    assert quotes["The debate is closed."] == "katarzyna-mroczek"
    # The address to the chair names no one.
    assert "madam-president" not in {e["id"] for e in found["entities"]}


LISTED_HEARING = (
    "United States Senate Committee on Armed Services\n—\n"
    "Hearing on long-range strike support to Ukraine\n\n"
    "Committee members present: Senators Hal Corrigan (chairman), Ines Varga (ranking "
    "member), Otto Brennard, Lisa Mendel and Paul Quist.\n\n"
    "CHAIRMAN CORRIGAN: The committee will come to order. I think that guidance should go.\n\n"
    "SENATOR VARGA: What I doubt is the arithmetic. The Defense Intelligence Agency tells us "
    "the plants have been dispersed.\n\n"
    "SENATOR BRENNARD: General, Arkady Vlasin, the deputy head of Russia's Security Council, "
    "said on Sunday that a strike on Russian industry with American missiles would be "
    "answered. We are one bad night away from an American missile killing Russian workers.\n\n"
    "SENATOR MENDEL: I have not decided where I land, and I will wait for the legal opinion.\n\n"
    "SENATOR QUIST: I have recommended in writing that the restriction on these strikes be "
    "lifted.\n"
)


def test_a_hearings_members_listed_after_a_plural_title_are_named_in_full() -> None:
    found = extract_article(text_source(LISTED_HEARING, dt.date(2036, 3, 27)), knowledge())
    ids = {e["id"] for e in found["entities"]}
    # "Senators A (chairman), B (ranking member), C, D and E": the title is every name's.
    assert {"hal-corrigan", "ines-varga", "otto-brennard", "lisa-mendel", "paul-quist"} <= ids
    assert not {"corrigan", "varga", "brennard", "mendel", "quist"} & ids
    # An agency of the U.S. Department of Defense under its official name.
    assert "defense-intelligence-agency" in ids
    assert "senate-armed-services-committee" in ids
    quotes = _direct_quotes(found, 24)
    assert quotes["I have not decided where"] == "lisa-mendel"


def test_a_hearings_members_stances_in_their_own_words() -> None:
    found = extract_article(text_source(LISTED_HEARING, dt.date(2036, 3, 27)), knowledge())
    stances = _stances(found)
    assert {
        ("hal-corrigan", "supports"),  # "that guidance should go"
        ("ines-varga", "doubts-impact"),  # "What I doubt is the arithmetic"
        ("otto-brennard", "warns-against"),  # "one bad night away from"
        ("lisa-mendel", "unclear"),  # "I have not decided where I land"
        ("paul-quist", "supports"),  # "recommended ... that the restriction ... be lifted"
    } <= stances
    # The senator reports a Russian official's threat: the threat is the official's.
    assert ("arkady-vlasin", "warns-against") in stances


TITLE_LABELS = (
    "NATO\n—\nPress conference by NATO Secretary General Ilka Marttinen\n10 May 2036\n\n"
    "NATO Spokesperson Rui Tavares: Good afternoon.\n\n"
    "NATO Secretary General Ilka Marttinen: Good afternoon. We have just finished.\n\n"
    "Ukraine's right to self-defence does not end at the border.\n\n"
    "NATO Spokesperson: Deutsche Welle.\n\n"
    "Greta Holm (Deutsche Welle): Thank you. Will Berlin decide soon?\n\n"
    "NATO Secretary General: That is for Berlin to say.\n\n"
    "NATO Spokesperson: Het Nieuwsblad.\n\n"
    "Joris Claes (Het Nieuwsblad): Secretary General, in 2031 you called lifting the "
    'restrictions "a reckless gamble with other people\'s security." What changed?\n\n'
    "NATO Secretary General: Russia changed my mind. Thank you.\n"
)


def test_a_press_conferences_title_labels_and_reporters_questions() -> None:
    found = extract_article(text_source(TITLE_LABELS, dt.date(2036, 5, 10)), knowledge())
    stances = _stances(found)
    # The paragraph after "NATO Secretary General Ilka Marttinen:" goes on with her words.
    assert ("ilka-marttinen", "supports") in stances
    # "you called ... reckless" in a reporter's question is the answerer's old stance; a
    # reporter under an outlet the lexicon does not know holds no stance either.
    assert ("ilka-marttinen", "warns-against") in stances
    assert not any(a in ("greta-holm", "joris-claes", "rui-tavares") for a, _s in stances)


DAIL = (
    "Houses of the Oireachtas\n—\nDáil Éireann debate - Wednesday, 18 Jun 2036\n\n"
    "Deputy Darragh Ó Maoláin\nI move that the Government veto the facility. This State "
    "becomes a silent partner in a war between nuclear-armed powers.\n\n"
    "Minister for Foreign Affairs and Defence (Deputy Niamh Corcoran)\nUkraine has the right "
    "to strike the airfields in Russia from which it is attacked.\n\n"
    "Acting Chairperson (Deputy Ruairí Hennessy)\nPlease allow the Deputy to continue.\n\n"
    "Deputy Darragh Ó Maoláin\nTell that to the people of Belgorod.\n\n"
    "Deputy Conor Fitzmaurice\nLast Thursday a Russian drone killed 14 people in Sumy.\n"
)


def test_a_records_labels_on_lines_of_their_own_name_the_speakers() -> None:
    found = extract_article(text_source(DAIL, dt.date(2036, 6, 18)), knowledge())
    quotes = _direct_quotes(found, 24)
    assert quotes["Ukraine has the right to"] == "niamh-corcoran"
    assert quotes["Tell that to the people "] == "darragh-o-maolain"
    # A name ends with its line: "Last" opens the speech below.
    assert quotes["Last Thursday a Russian "] == "conor-fitzmaurice"
    assert quotes["Please allow the Deputy "] == "ruairi-hennessy"
    assert ("niamh-corcoran", "supports") in _stances(found)
    # EU bodies by their official and usual names.
    ids = {
        e["id"]
        for e in extract_text(
            "EU foreign ministers approved the fund on Monday; the Foreign Affairs Council "
            "meets again in July.",
            DAY,
        )["entities"]
    }
    assert "council-of-the-european-union" in ids


def test_a_sunday_shows_host_asks_and_you_in_a_question_is_the_guest() -> None:
    show = (
        "ABC News\n—\nThis Week transcript\n\n"
        'ELAINE MORROW (ABC "THIS WEEK" CO-ANCHOR): Good morning. Secretary of State Gregory '
        "Whitfield joins us now.\n\n"
        "SECRETARY OF STATE GREGORY WHITFIELD: Good morning, Elaine.\n\n"
        "MORROW: You didn't always agree. In February, you told the Senate Foreign Relations "
        'Committee that hitting Russian refineries would be "an invitation to escalate."\n\n'
        "WHITFIELD: Russia answered that question for me.\n"
    )
    found = extract_article(text_source(show, dt.date(2036, 5, 25)), knowledge())
    stances = _stances(found)
    # The host's "you told ... escalate" is the guest's old stance, not the committee's.
    assert ("gregory-whitfield", "warns-against") in stances
    assert not any(a in ("elaine-morrow", "senate-foreign-relations-committee") for a, _ in stances)


def test_a_member_telling_what_another_person_did_holds_no_stance_of_their_own() -> None:
    record = (
        "Houses of the Oireachtas\n—\nDáil Éireann debate - Wednesday, 18 Jun 2036\n\n"
        "Deputy Darragh Ó Maoláin\nLast month President Lena Harwood extended her permission "
        "to oil refineries.\n\n"
        "Deputy Niamh Corcoran\nI will vote for the amendment on strikes in Russia.\n"
    )
    stances = _stances(extract_article(text_source(record, dt.date(2036, 6, 18)), knowledge()))
    assert ("lena-harwood", "supports") in stances
    assert ("darragh-o-maolain", "supports") not in stances
