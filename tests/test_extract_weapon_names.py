"""Weapons discovered from how articles write them: describing words between the name
and its noun, a number in the name, the name after its noun (machine-translated word
order), the name a noun describes, and a plural name. Every name here is invented, so
only the rules can find it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_support import extract_text

DAY = dt.date(2026, 9, 29)


def _weapons(text: str) -> dict[str, str]:
    """id -> category of the weapons found in a one-paragraph article."""
    found = extract_text(f"Headline\n{text}\n", DAY)["entities"]
    return {e["id"]: e["category"] for e in found if e["kind"] == "weapon"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Describing words from the lexicon's `weapon_modifiers` between name and noun.
        (
            "The company will deliver 60 of its Falchion low-cost cruise missiles.",
            {"falchion": "missile"},
        ),
        ("The Varta anti-ship missile has a range of 200 km.", {"varta": "missile"}),
        # A number inside the name: "RBS 15" is one name, not 15 missiles.
        ("Ukraine may now use Swedish-made Korvid 15 missiles.", {"korvid-15": "missile"}),
        # The name after its noun, as translations from Ukrainian order it.
        (
            "Pilots applied the American cruise missiles ZASM-ER against the airfield.",
            {"zasm-er": "missile"},
        ),
        # ... with a diacritic, before "also" or "against".
        (
            "Ukraine will be able to use Czech long-range drones Výr also against military "
            "targets.",
            {"vyr": "drone"},
        ),
        ("Ukraine will use the drones Strážce against military targets.", {"strazce": "drone"}),
        # The name a weapon noun describes.
        (
            "The missile is fired from Quiver, a launcher built into a shipping container.",
            {"quiver": "system"},
        ),
        (
            "The Falchion is a subsonic, turbojet-powered missile with a long range.",
            {"falchion": "missile"},
        ),
        # The name an owner's noun phrase describes, ending there.
        (
            "The strike used the Veles, Ukraine’s new homemade cruise missile.",
            {"veles": "missile"},
        ),
        # An example of a plural weapon noun (lexicon `weapon_example_cues`).
        (
            "Kyiv builds 2,000 long-range drones a month, including the jet-powered Sorokopud, "
            "which can fly 1,800 km.",
            {"sorokopud": "drone"},
        ),
        ("Partners sent cruise missiles such as the Kalyna and howitzers.", {"kalyna": "missile"}),
        # A variant of a weapon (lexicon `weapon_variant_nouns`): of a noun or a known name.
        (
            "The Storm Shadow Arc, a new variant of the Storm Shadow missile, flies further.",
            {"storm-shadow-arc": "missile", "storm-shadow": "missile"},
        ),
        (
            "Zaslon is the new version of the drone Lyutyi, with a longer range.",
            {"zaslon": "drone", "liutyi": "drone"},
        ),
        # A known name and a capitalised word of its own: a variant, unless the word is a
        # suffix (lexicon `weapon_suffix_words`).
        (
            "Berlin blocked the delivery of the Taurus Nordlicht, officials said.",
            {"taurus-nordlicht": "missile"},
        ),
        ("The Tomahawk Block V flies further.", {"tomahawk": "missile"}),
        # A plain name after its noun that ends the phrase, as a translation writes it.
        (
            "The firm sends no more parts for the German cruise missile Lindwurm to its maker.",
            {"lindwurm": "missile"},
        ),
        # A plural name is one weapon.
        (
            "Ukraine fired Precise Reach Missiles at the depot.",
            {"precise-reach-missile": "missile"},
        ),
        # Named only by a range it is credited with, is thought to fly, or has after an
        # aside of where it is made.
        ("Italy's Strale is credited with a range in excess of 500 km.", {"strale": "system"}),
        ("France's Orage is thought to fly around 1,000 km.", {"orage": "system"}),
        (
            "The Vesta, produced in La Spezia by a small firm, has a declared range of over "
            "500 kilometres.",
            {"vesta": "system"},
        ),
        # A designation whose variant letters carry a digit, its category from its prefix
        # when no weapon noun follows (lexicon `designation_categories`).
        (
            "Russia pulled its Tu-22M3 back and fired a Kh-47M2 at the port.",
            {"tu-22m3": "aircraft", "kh-47m2": "missile"},
        ),
    ],
)
def test_weapon_names_as_articles_write_them(text: str, expected: dict[str, str]) -> None:
    assert _weapons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A company or a person described by a weapon noun is no weapon.
        "Corvane, a missile maker based in Arizona, hired 80 engineers.",
        "Dr Justine Hale, a missile specialist at a think tank, said the plan was late.",
        # A known actor after a noun names no weapon; a plain count keeps no name.
        "The missiles Ukraine received were fired at once.",
        # A plain word after the noun that goes on with a verb, or a town, is no name.
        "The missiles Hrytsak requested were fired at once.",
        "Russia launched drones at Kharkiv and drones Odesa, officials said.",
        "Russia fired 15 missiles at the city.",
        # An owner's phrase that goes on past the noun, an actor as the example, a pronoun
        # opening a quote.
        "The plan came from Petrenko, Ukraine's top missile designer, officials said.",
        "Drones were bought from several countries, including Iran, officials said.",
        "“Our missile is good,” she said.",
        # A weapon noun inside the name of a place or a body.
        "The missile was tested at the Hollow Sands Missile Range last year.",
    ],
)
def test_no_weapon_where_none_is_named(text: str) -> None:
    assert _weapons(text) == {}


def test_a_numbered_name_is_no_count() -> None:
    found = extract_text("Headline\nUkraine may now use Swedish-made Korvid 15 missiles.\n", DAY)
    assert found["figures"] == []


def test_known_weapons_counted_in_the_plural() -> None:
    # Known names (lexicon), written in the plural when counted.
    assert set(_weapons("The navy holds 4,000 Tomahawks and two Storm Shadows.")) == {
        "tomahawk",
        "storm-shadow",
    }
    assert "f-16" in _weapons("Three F-16s took off from a base in Romania.")


def test_a_new_weapon_named_in_the_headline_and_by_name_alone_in_the_body() -> None:
    text = (
        "What Ukraine's Vyrii Jet Drone Can and Cannot Do Inside Russia\n"
        "By Jane Roe\n"
        "Enter the Vyrii. A Vyrii costs roughly a tenth of a Storm Shadow.\n"
    )
    found = extract_text(
        text, DAY, title="What Ukraine's Vyrii Jet Drone Can and Cannot Do Inside Russia"
    )
    weapons = {e["id"] for e in found["entities"] if e["kind"] == "weapon"}
    assert "vyrii" in weapons
    # A headline weapon the body never names is no entity of the article's facts.
    found = extract_text(
        text.replace("Enter the Vyrii. A Vyrii", "Enter the drone. One"),
        DAY,
        title="What Ukraine's Vyrii Jet Drone Can and Cannot Do Inside Russia",
    )
    assert "vyrii" not in {e["id"] for e in found["entities"]}


def test_a_named_variant_by_its_own_word_and_in_the_plural() -> None:
    """ "the Storm Shadow Kestrel", then "the Kestrel" and "eight Storm Shadow Kestrels": one
    new weapon, not the Storm Shadow."""
    text = (
        "Ukraine used the Storm Shadow Kestrel for the first time. Kyiv fired eight at the "
        "base, and the Kestrel hit it. Eight Storm Shadow Kestrels hit the base."
    )
    found = extract_text(f"Headline\n{text}\n", DAY)
    weapons = [e for e in found["entities"] if e["kind"] == "weapon"]
    assert [e["id"] for e in weapons] == ["storm-shadow-kestrel"]
    assert "Kestrel" in weapons[0]["aliases"]
    # So when its own word is named by its range: no weapon of its own.
    text += " The Kestrel, which has a range of about 560 miles, is the longest-range one."
    found = extract_text(f"Headline\n{text}\n", DAY)
    assert [e["id"] for e in found["entities"] if e["kind"] == "weapon"] == ["storm-shadow-kestrel"]


def test_a_new_weapon_named_by_its_range_in_an_aside() -> None:
    assert _weapons(
        "The Pentagon has said the Halyard-ER, with a range of about 900 kilometers, will "
        "reach Ukraine in early 2029."
    ) == {"halyard-er": "system"}
    assert _weapons("The Pantsir-S1 fires interceptors that cost $75,000 each.") == {
        "pantsir": "system"
    }


def test_a_named_variant_is_no_person_s_name() -> None:
    text = (
        "Shares surged after Ukraine used the Storm Shadow Kestrel, an Anglo-French cruise "
        "missile, against a Russian air base for the first time."
    )
    found = extract_text(f"Headline\n{text}\n", DAY)["entities"]
    assert [(e["kind"], e["category"]) for e in found if e["id"] == "storm-shadow-kestrel"] == [
        ("weapon", "missile")
    ]


def test_a_named_variant_counted_in_the_plural_only() -> None:
    found = extract_text("Headline\nUkraine has fired roughly 110 Taurus Merlins since May.\n", DAY)
    assert [e["id"] for e in found["entities"] if e["kind"] == "weapon"] == ["taurus-merlin"]


def test_a_name_joined_to_its_weapon_noun_by_a_hyphen() -> None:
    # Translations from Finnish or German join them ("Fenrir-missiles"); a lower-case
    # word so joined is no name ("long-range missiles").
    found = extract_text(
        "The government will buy Norwegian Fenrir-missiles and long-range missiles.", DAY
    )
    assert {e["id"] for e in found["entities"] if e["kind"] == "weapon"} == {"fenrir"}


def test_a_name_before_a_verb_of_reach_and_a_distance_is_a_weapon() -> None:
    found = _weapons(
        "The U.S. Pikestaff can fly up to 500 kilometres. Germany's Lindwurm reaches 800 to "
        "1,000 kilometres. The Aquilon has a range of 1,000 km."
    )
    assert set(found) == {"pikestaff", "lindwurm", "aquilon"}
    # Known actors and sentence words reach places too: no weapon.
    assert _weapons("Ukraine can now strike 300 km inside Russia. It reaches 40 km.") == {}


def test_a_hyphenated_number_word_opening_a_sentence_is_no_name() -> None:
    assert _weapons("Twenty-four Strale missiles were delivered. Twenty-four can fly 600 km.") == {
        "strale": "missile"
    }


def test_a_discovered_weapon_named_in_the_plural_later() -> None:
    found = extract_text(
        "Headline\nWashington cleared its Pikestaff missile for targets inside Russia. Ukraine "
        "first fired Pikestaffs into Russia on the night of August 1.\n",
        DAY,
    )
    assert {(p["actor"], p["stance"]) for p in found["positions"]} == {
        ("u-s-government", "supports"),
        ("ukraine", "supports"),
    }
    pikestaff = next(e for e in found["entities"] if e["id"] == "pikestaff")
    assert "Pikestaffs" in pikestaff.get("aliases", [])


def test_the_weapon_a_new_variant_is_of_where_it_is_named_alone() -> None:
    assert _weapons(
        "Ukraine struck the base with US-supplied Halyard-ER long-range missiles. The "
        "Halyard-ER has a range of about 900 km, twice that of the original Halyard."
    ) == {"halyard-er": "missile", "halyard": "missile"}


def test_a_kind_named_after_a_weapon_is_the_weapon() -> None:
    assert _weapons("Russia launched 120 Shahed-type drones overnight.") == {"shahed": "drone"}


def test_a_weapon_named_as_an_arms_makers() -> None:
    assert _weapons("Norway paid 40 million euros for Kongsberg's Fenrir.") == {"fenrir": "system"}
    # A person named as the company's is no weapon.
    assert _weapons("Rheinmetall's Papperger said the plant would open.") == {}


def test_weapons_a_translation_names_after_their_range() -> None:
    text = (
        "Poland will pass 48 drones of long range Szerszen-LR to Ukraine. The Kolibra-2, "
        "which the PGZ produces in Stalowa Wola, has a range of up to 1,2 thousand "
        "kilometres."
    )
    # "of long range" between the kind and the name; a relative clause between the name
    # and its range.
    assert set(_weapons(text)) >= {"szerszen-lr", "kolibra-2"}
    figures = {(f["subject"], f["value"], f["unit"]) for f in extract_text(text, DAY)["figures"]}
    # A decimal comma before "thousand", as before "million".
    assert ("kolibra-2", 1200, "km") in figures


def test_a_demonym_before_a_weapons_name_is_where_it_comes_from() -> None:
    found = extract_text("Headline\nItalian Strale missiles hit the airfield.\n", DAY)
    assert "italy" in {e["id"] for e in found["entities"]}
    # Both makers of a joint weapon.
    found = extract_text("Headline\nBritish-French Strale missiles hit the airfield.\n", DAY)
    assert {"france", "united-kingdom"} <= {e["id"] for e in found["entities"]}


def test_a_russian_missile_written_the_german_or_italian_way_is_the_english_one() -> None:
    weapons = _weapons("Nine Russian missiles Ch-22 hit the port. The Ch-101 followed.")
    assert {"kh-22", "kh-101"} <= weapons.keys()
    assert "ch-22" not in weapons


def test_an_ordinal_opening_a_list_is_no_weapons_name() -> None:
    assert "first" not in _weapons("First tanks, then jets, now missiles into Russia.")
