"""An article's home country (`home.py`): its domain's, its dateline's or its publisher's; the bare generic
bodies and "$" sums it gives to that country. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.extract.article import extract_article
from generator.extract.home import home_country
from tests.extract_support import knowledge, text_source

DAY = dt.date(2027, 4, 7)


def _extract(text: str, url: str | None = None) -> dict[str, list[dict[str, object]]]:
    source = replace(text_source(text, DAY), url=url)
    return extract_article(source, knowledge())


def test_the_home_is_the_domains_else_the_datelines() -> None:
    source = text_source("Headline\nKYIV, Ukraine (AP) -- The strike hit a depot.\n", DAY)
    assert home_country(source, knowledge()) == "ukraine"
    ansa = text_source("Headline\n(ANSA) - ROME, SEP 22 - The strike hit a depot.\n", DAY)
    assert home_country(ansa, knowledge()) == "italy"
    assert home_country(replace(source, url="https://www.cbc.ca/news/x"), knowledge()) == "canada"
    assert (
        home_country(text_source("Headline\nThe strike hit a depot.\n", DAY), knowledge()) is None
    )


def test_else_the_home_is_a_place_line_under_the_byline() -> None:
    text = (
        "Globe Daily\nDrones can now fly into Russia\nBy Alexandra Moss\nOttawa\n\n"
        "Each drone costs about $185,000, according to the company.\n"
    )
    source = text_source(text, DAY, publisher="Globe Daily")
    assert home_country(source, knowledge()) == "canada"
    found = extract_article(source, knowledge())
    assert {f["unit"] for f in found["figures"]} == {"cad"}


def test_else_the_home_is_the_one_country_the_publishers_name_holds() -> None:
    def home(publisher: str) -> str | None:
        source = text_source("Headline\nThe strike hit a depot.\n", DAY, publisher=publisher)
        return home_country(source, knowledge())

    assert home("Notes from Poland") == "poland"
    assert home("The Irish Times") == "ireland"  # by demonym
    assert home("Kyiv Post") == "ukraine"  # by capital
    assert home("Financial Times") is None
    assert home("Poland and Ukraine Weekly") is None  # two countries: no home


def test_a_bare_body_in_lower_case_is_the_home_countrys_or_the_one_named_in_full() -> None:
    def extract(text: str) -> dict[str, list[dict[str, object]]]:
        source = text_source(f"Headline\n{text}\n", DAY, publisher="Notes from Poland")
        return extract_article(source, knowledge())

    found = extract("The drone flies far. The defence ministry says that 70% of it is Polish.")
    assert [q["speaker"] for q in found["quotes"]] == ["polish-defence-ministry"]
    found = extract(
        "Russia's defence ministry said it downed the drone. The defence ministry added that "
        "70% of it was Polish."
    )
    assert [q["speaker"] for q in found["quotes"]] == ["russian-defence-ministry"] * 2
    assert "polish-defence-ministry" not in {e["id"] for e in found["entities"]}


def test_a_bare_generic_body_is_the_home_countrys() -> None:
    found = _extract(
        "Headline\nEach missile costs roughly 30 million kroner, according to the Ministry of "
        "Defence.\n",
        url="https://www.nrk.no/norge/x",
    )
    ids = {str(e["id"]) for e in found["entities"]}
    assert "norwegian-defence-ministry" in ids and "defence-ministry" not in ids
    assert [q["speaker"] for q in found["quotes"]] == ["norwegian-defence-ministry"]


def test_dollars_of_a_home_with_its_own_dollar() -> None:
    text = "Headline\nEach drone costs roughly $310,000 (US$225,000), Ottawa said.\n"
    units = {(f["value"], f["unit"]) for f in _extract(text, "https://www.cbc.ca/x")["figures"]}
    assert units == {(310000, "cad"), (225000, "usd")}
    # An Australian paper writes "$US" for the US dollar.
    text_au = "Headline\nEach drone costs about $US160,000 ($240,000), Canberra said.\n"
    units = {
        (f["value"], f["unit"]) for f in _extract(text_au, "https://www.smh.com.au/x")["figures"]
    }
    assert units == {(160000, "usd"), (240000, "aud")}
    # Without a home, a dollar is a US dollar.
    units = {(f["value"], f["unit"]) for f in _extract(text)["figures"]}
    assert units == {(310000, "usd"), (225000, "usd")}


def test_the_countrys_body_is_the_country_the_sentence_is_about_not_the_home() -> None:
    """A Turkish wire on Ukraine: "according to the country's General Staff" after "Ukraine's
    army" is Ukraine's, and so is every bare "the General Staff" after it."""
    text = (
        "Headline\nUkraine's army fired Storm Shadow missiles at targets inside Russia, "
        "according to the country's General Staff.\n\n"
        "In a statement, the General Staff said 16 missiles were launched.\n"
    )
    found = _extract(text, "https://www.aa.com.tr/en/x")
    ids = {e["id"] for e in found["entities"]}
    assert "general-staff-of-ukraine" in ids and not any("turkish" in i for i in ids)
    said = {q["text"]: q["speaker"] for q in found["quotes"]}
    assert said["16 missiles were launched."] == "general-staff-of-ukraine"


def test_an_unnamed_government_official_in_a_national_outlet_is_the_home_governments() -> None:
    text = (
        "Headline\nIn January, a senior government official, speaking on background, told "
        'CBC News the caution reflected "the view in Washington" at the time.\n'
    )
    speakers = {q["speaker"] for q in _extract(text, "https://www.cbc.ca/x")["quotes"]}
    assert speakers == {"canadian-government"}
    # Without a home, nobody identifiable.
    assert {q["speaker"] for q in _extract(text)["quotes"]} == {None}


def test_a_name_parties_of_several_countries_share_is_the_home_countrys() -> None:
    text = (
        "Headline\nThe Conservatives welcomed the decision to let Ukraine fire the drones into "
        "Russia.\n"
    )

    def actors(url: str | None) -> set[str]:
        found = _extract(text, url)
        assert {e["id"] for e in found["entities"]} >= {str(p["actor"]) for p in found["positions"]}
        return {str(p["actor"]) for p in found["positions"]}

    assert actors("https://www.cbc.ca/news/x") == {"conservative-party-of-canada"}
    assert actors("https://www.bbc.co.uk/news/x") == {"conservative-party"}
    assert actors(None) == {"conservative-party"}  # no home: the name as the lexicon has it
    # A name the article gave an acronym: the home country's party keeps it.
    found = extract_article(
        text_source(
            "Headline\n(ANSA) - ROME, SEP 22 - The Democratic Party (PD) backed the motion on "
            "the missiles. The PD said so.\n",
            DAY,
        ),
        knowledge(),
    )
    party = next(e for e in found["entities"] if e["id"] == "democratic-party-italy")
    assert party["name"] == "Democratic Party (Italy)"
    assert "PD" in party["aliases"]
    assert [p["actor"] for p in found["positions"]] == ["democratic-party-italy"]


def test_a_known_acronym_another_countrys_party_shares_is_the_home_countrys() -> None:
    text = "Headline\nThe SPD voted against the motion to let Ukraine strike Russia with drones.\n"
    assert {p["actor"] for p in _extract(text, "https://www.irozhlas.cz/x")["positions"]} == {
        "freedom-and-direct-democracy"
    }
    assert {p["actor"] for p in _extract(text, "https://www.spiegel.de/x")["positions"]} == {
        "social-democratic-party-of-germany"
    }


def test_a_title_case_dateline_with_its_date_and_a_dotted_dash() -> None:
    source = text_source(
        "Headline\nMadrid, Oct 13 (EFE).- Spain will allow Ukraine to fire the missiles "
        "into Russia from Monday, the ministry said on Wednesday.\n",
        DAY,
    )
    assert home_country(source, knowledge()) == "spain"
    # So when the dateline opens the story's first paragraph, under a dek and a time line.
    paragraph = text_source(
        "EFE\n—\nWorld | Ukraine\nSpain lets Ukraine fire missiles\nSumar rejects the move\n"
        "13 Oct 2027 | 13:47 CET\n\n"
        "Madrid, Oct 13 (EFE).- Spain will allow Ukraine to fire the missiles into Russia.\n\n"
        "The Defence Ministry confirmed it.\n",
        DAY,
        title="Spain lets Ukraine fire missiles",  # the header ends at the headline
    )
    assert home_country(paragraph, knowledge()) == "spain"
    ids = {e["id"] for e in extract_article(paragraph, knowledge())["entities"]}
    assert "spanish-defence-ministry" in ids
    found = extract_article(source, knowledge())
    assert found["events"]
    assert all(str(e["text"]).startswith("Spain will allow") for e in found["events"])


def test_plain_crowns_are_the_home_countrys_else_the_one_named_countrys() -> None:
    text = "Headline\nThe Vyr drone costs approximately 2,4 million crowns, the maker said.\n"

    def units(body: str, url: str | None) -> list[str]:
        return [str(f["unit"]) for f in _extract(body, url)["figures"]]

    assert units(text, "https://www.irozhlas.cz/x") == ["czk"]
    assert units(text, "https://www.nrk.no/x") == ["nok"]
    assert units(text, None) == ["crowns"]  # whose crown, nothing says
    named = text.replace("The Vyr drone", "Norway's Vyr drone")
    assert units(named, None) == ["nok"]
    both = named.replace("the maker said", "Sweden said")
    assert units(both, None) == ["crowns"]


def test_a_norwegian_papers_conservatives_and_liberals_are_norways() -> None:
    text = (
        "Headline\nThe Conservative Party welcomed the decision to let Ukraine strike Russia "
        "with the missiles. The Liberal Party welcomed the decision to let Ukraine fire the "
        "missiles into Russia.\n"
    )
    actors = {p["actor"] for p in _extract(text, "https://www.aftenposten.no/x")["positions"]}
    assert actors == {"conservative-party-norway", "liberal-party-norway"}
    actors = {p["actor"] for p in _extract(text, None)["positions"]}
    assert actors == {"conservative-party", "liberal-party"}


def test_a_live_blogs_time_stamps_and_a_day_first_dateline_open_no_event() -> None:
    def events(text: str) -> list[str]:
        found = extract_article(text_source(text, DAY), knowledge())
        return sorted(str(e["text"]) for e in found["events"])

    assert events(
        "Headline\nTimes are Kyiv time.\n\n21:15\nRussia attacked Ukraine with 312 drones, "
        "the air force said on Friday.\n\n20:30\nPoland said on Thursday it would send more.\n"
    ) == [
        "Poland said on Thursday it would send more.",
        "Russia attacked Ukraine with 312 drones, the air force said on Friday.",
    ]
    assert events(
        "Headline\nMOSCOW, 17 May. The ministry said on Tuesday that all eight missiles were "
        "destroyed.\n"
    ) == ["The ministry said on Tuesday that all eight missiles were destroyed."]
    # Places in title case with a slash, the date and the agency with no dash after it.
    assert events(
        "Headline\nKyiv/Moscow, Feb 13 (PTI) Ukraine on Tuesday said its air force had struck "
        "the Engels base.\n"
    ) == ["Ukraine on Tuesday said its air force had struck the Engels base."]


def test_with_no_home_a_shared_name_is_the_one_named_countrys_party() -> None:
    def actors(text: str) -> set[str]:
        return {str(p["actor"]) for p in _extract(f"Headline\n{text}\n")["positions"]}

    assert actors(
        "In France, the Republicans opposed the decision to let Ukraine strike Russia."
    ) == {"les-republicains"}
    # The shared name's own country named too: the name as the lexicon has it.
    assert actors(
        "In France and the United States, the Republicans opposed the decision to let "
        "Ukraine strike Russia."
    ) == {"republican-party"}
    assert actors("The Republicans opposed the decision to let Ukraine strike Russia.") == {
        "republican-party"
    }


def test_the_government_with_a_capital_is_the_home_countrys() -> None:
    text = (
        "The Government says the Irish money will be ring-fenced for air defence. Sinn Féin "
        "said the government of Latvia had acted alone."
    )
    found = _extract(text, "https://www.rte.ie/news/2029/1205/fund.html")
    ids = {e["id"] for e in found["entities"]}
    assert "irish-government" in ids
    # With no home, "the Government" names no one.
    assert "irish-government" not in {e["id"] for e in _extract(text)["entities"]}


def test_a_listed_publisher_is_the_home_before_a_dateline() -> None:
    source = replace(
        text_source("Headline\nKYIV, Ukraine -- Canada committed $240 million.\n", DAY),
        publisher="Le Devoir",
        url="https://www.ledevoir.com/monde/x",
    )
    assert home_country(source, knowledge()) == "canada"
    units = {f["unit"] for f in extract_article(source, knowledge())["figures"]}
    assert units == {"cad"}
    # A publisher nobody listed keeps the dateline's home.
    other = replace(source, publisher="Daily Planet")
    assert home_country(other, knowledge()) == "ukraine"


def test_the_government_of_a_national_outlets_headline_is_the_home_governments() -> None:
    text = (
        "F-16s: the government opens the door to strikes in Russia\n"
        "The decision was taken on Tuesday, and the government will explain it.\n"
    )
    found = _extract(text, "https://www.example.be/x")
    positions = {(p["actor"], p["stance"]) for p in found["positions"]}
    assert ("belgian-government", "supports") in positions
    # In the body "the government" may be any named before: only the headline's is home.
    mentions = [
        a for e in found["entities"] if e["id"] == "belgian-government" for a in e["aliases"]
    ]
    assert mentions == ["government"]
    # Without a home, nobody.
    assert not _extract(text)["positions"]


def _sums(text: str, url: str) -> set[tuple[object, object, object]]:
    figures = _extract(text, url)["figures"]
    return {(f["subject"], f["property"], f["text"]) for f in figures}


def test_a_package_the_government_gives_another_country_is_the_home_countrys() -> None:
    sums = _sums(
        "Headline\nThe government decided on Thursday to give Ukraine a new support package "
        "worth 4.6 billion euros.\n",
        "https://www.example.se/x",
    )
    assert ("sweden", "funding", "4.6 billion euros") in sums


def test_a_sum_for_a_fund_of_an_alliance_is_the_home_countrys_when_the_package_pays() -> None:
    sums = _sums(
        "Headline\nThe package, which officials said would be approved on Nov. 26, includes "
        "about 80 billion yen for a NATO-run trust fund.\n",
        "https://www.example.jp/x",
    )
    assert ("japan", "funding", "about 80 billion yen") in sums


def test_plural_donors_name_no_home_payer() -> None:
    sums = _sums(
        "Headline\nWestern governments have pledged $8 billion to Ukraine since May.\n",
        "https://www.example.se/x",
    )
    assert not any(subject == "sweden" for subject, _, _ in sums)


def test_a_count_of_a_weapon_the_package_pays_for_is_the_home_countrys() -> None:
    figures = _extract(
        "Headline\nThe package, which officials approved on Monday, will pay for 420 to 460 "
        "Vingpil drones built in Linköping.\n",
        "https://www.example.se/x",
    )["figures"]
    assert [(f["subject"], f["text"]) for f in figures] == [("sweden", "420 to 460 Vingpil drones")]


def test_a_bare_defence_department_is_the_home_countrys_the_us_one_by_any_spelling() -> None:
    # "Department of Defense" is the US department only in an American article; the US one
    # keeps its official id however a British-spelling outlet writes it.
    sydney = _extract(
        "Headline\nCANBERRA, Australia -- About 230 have been delivered, according to the "
        "Defence Department.\n"
    )
    assert "australian-defence-department" in {e["id"] for e in sydney["entities"]}
    washington = _extract(
        "Headline\nWASHINGTON (AP) -- The Defense Department said 230 have been delivered.\n"
    )
    assert "u-s-department-of-defense" in {e["id"] for e in washington["entities"]}
    tokyo = _extract("Headline\nTOKYO -- The US Defence Department said 230 had arrived.\n")
    assert "u-s-department-of-defense" in {e["id"] for e in tokyo["entities"]}
