"""Who holds which stance: sentence structure around the cues (negation, the subject a
stance is about, gerund and participle topics, relative clauses, names joined by "and")."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import extract_article
from tests.extract_support import extract_text, knowledge, text_source


def _positions(text: str) -> list[tuple[str, str, str]]:
    """(actor, stance, first evidence sentence) of an in-memory one-paragraph article."""
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2025, 6, 10)), knowledge())
    return sorted(
        (p["actor"], p["stance"], p["citations"][0]["quote"])  # type: ignore[index]
        for p in found["positions"]
    )


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(actor, stance) for actor, stance, _quote in _positions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negation right before a cue: no warning of war, no party to the conflict.
        ('"Our country is not at war with Russia," Minister Clara Voss said.', []),
        (
            "Secretary General Piet Hoen said the alliance is not and will not be a party to "
            "this conflict.",
            [],
        ),
        # The same cues, not negated.
        (
            "Secretary General Piet Hoen said the alliance would soon be a party to this conflict.",
            [("piet-hoen", "warns-against")],
        ),
        # "not only on the territory": the limit to home soil is denied, not stated (no
        # `opposes`); the answer that "would come" is a threat.
        (
            "Senator Oleg Rusin said the answer would come not only on the territory of Ukraine.",
            [("oleg-rusin", "warns-against")],
        ),
        # What a negated verb did not bring about, with "n't" joined to its verb.
        (
            "General Dana Whitcombe says Ukraine's strikes haven't drawn Russian retaliation.",
            [],
        ),
        # Not blocking lets a decision through: no opposition.
        ("Hungary did not block the joint statement on strikes with Western missiles.", []),
        # A courtesy is no thanks for the weapons.
        (
            'Minister Clara Voss said: "Thank you, Mr. Chairman. The long-range strikes are '
            'the subject today."',
            [],
        ),
    ],
)
def test_negated_cues_say_nothing(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analyst Mira Kolb said the new missiles cannot seriously change the situation.",
            ("mira-kolb", "doubts-impact"),
        ),
        (
            '"Ten missiles do not change a war," analyst Mira Kolb said.',
            ("mira-kolb", "doubts-impact"),
        ),
        (
            "Analyst Mira Kolb said the bombers had been moved beyond the missile's reach.",
            ("mira-kolb", "doubts-impact"),
        ),
        (
            '"Lifting the limits now is like locking the stable door," analyst Mira Kolb said.',
            ("mira-kolb", "doubts-impact"),
        ),
        (
            "Minister Pavel Dorn said Europe was sleepwalking into a war with a nuclear power.",
            ("pavel-dorn", "warns-against"),
        ),
        (
            "Deputy Pavel Dorn said the suppliers become participants of the conflict.",
            ("pavel-dorn", "warns-against"),
        ),
        (
            "Chancellor Otto Brand said the missiles could draw Germany into the war.",
            ("otto-brand", "warns-against"),
        ),
        (
            "Deputy Pavel Dorn said Russia has the right to respond to such strikes.",
            ("pavel-dorn", "warns-against"),
        ),
        (
            'Minister Lucia Ferri said in February that the missiles "can only be used inside '
            'Ukraine".',
            ("lucia-ferri", "opposes"),
        ),
        (
            "General Tom Reyes said he had turned down requests to fire the missiles at targets "
            "inside Russia.",
            ("tom-reyes", "opposes"),
        ),
        (
            'Prime Minister Jan Hlinka compared the strikes to "playing with matches in a '
            'powder magazine."',
            ("jan-hlinka", "warns-against"),
        ),
        (
            "Minister Pavel Dorn said the bloc was gambling with the security of the continent.",
            ("pavel-dorn", "warns-against"),
        ),
        (
            '"We are one bad night away from a war nobody voted for," Senator Kyle Burr said.',
            ("kyle-burr", "warns-against"),
        ),
        (
            "Minister Pavel Dorn accused Washington of 'direct involvement' in the strikes.",
            ("pavel-dorn", "warns-against"),
        ),
        (
            '"Deep strikes raise the costs, but they have not moved the front line," analyst '
            "Mira Kolb said.",
            ("mira-kolb", "doubts-impact"),
        ),
        (
            '"Hungary will not put a single forint into missiles that fly into Russia," '
            "Minister Pal Szabo said.",
            ("pal-szabo", "opposes"),
        ),
        (
            "Minister Kemal Aydin said the question was a decision for the countries that "
            "produce these weapons.",
            ("kemal-aydin", "unclear"),
        ),
        (
            "Minister Kemal Aydin said such decisions belong to the countries that supply the "
            "missiles.",
            ("kemal-aydin", "unclear"),
        ),
        (
            "Party leader Pablo Roca avoided to take position on the missiles.",
            ("pablo-roca", "unclear"),
        ),
        (
            "Party leader Ione Belarra presented a motion asking the revocation of the agreement "
            "on the missiles.",
            ("ione-belarra", "opposes"),
        ),
        (
            "Minister Elena Vidal said Spain joins the allies that do not impose geographical "
            "limits on Ukraine.",
            ("elena-vidal", "supports"),
        ),
        (
            "Minister Elena Vidal said the coalition does not impose on Kyiv any geographical "
            "limits.",
            ("elena-vidal", "supports"),
        ),
        (
            # As a translation words joining the war and a weapon that changes little.
            '"Every drone over Kursk makes us a side," said deputy Marta Kowal.',
            ("marta-kowal", "warns-against"),
        ),
        (
            '"Forty drones are not a changer of the game," said analyst Piotr Nowak.',
            ("piotr-nowak", "doubts-impact"),
        ),
        (
            "Party leader Anna Berg gave her blessing to strikes inside Russia.",
            ("anna-berg", "supports"),
        ),
        (
            "With a quiet signature, Norway lets a German missile fly into Russia.",
            ("norway", "supports"),
        ),
        (
            "Last month Norway cleared a seeker for the Taurus Neo without a word on where it "
            "may be aimed.",
            ("norway", "supports"),
        ),
        # An Italian translation's wording: weapons "not used on the Russian soil", "no
        # option is excluded any more", a limit that "has made its time", a party
        # "contrary", strikes that "do not change the destiny of the war".
        (
            "Minister Alvise Zanardelli repeated that «the Italian weapons are not used on the "
            "Russian soil».",
            ("alvise-zanardelli", "opposes"),
        ),
        (
            "Minister Alvise Zanardelli admitted that «no option is excluded any more» for the "
            "missiles.",
            ("alvise-zanardelli", "unclear"),
        ),
        (
            "Minister Guido Terranova said the limit on the missiles «has made its time».",
            ("guido-terranova", "supports"),
        ),
        (
            "On the strikes with Italian missiles the Five Star Movement is also contrary.",
            ("five-star-movement", "opposes"),
        ),
        (
            "Senator Riccardo Lanzetti said the missiles «do not change the destiny of the war».",
            ("riccardo-lanzetti", "doubts-impact"),
        ),
        (
            "General Mara Lind said a Russian airfield used to launch the strikes on Kharkiv is "
            "a legitimate military target.",
            ("mara-lind", "supports"),
        ),
        (
            "Prague cleared the Czech Výr drone, a CZK 2.6 million weapon, for use inside Russia.",
            ("czech-government", "supports"),
        ),
        (
            "Oslo has cleared its Fjellrev drones for military targets in Russia.",
            ("norwegian-government", "supports"),
        ),
        (
            "Germany's Bussard deliveries are no longer limited by range.",
            ("germany", "supports"),
        ),
        (
            "Germany cleared its Weihe cruise missiles for strikes on fuel infrastructure.",
            ("germany", "supports"),
        ),
        (
            "President Lena Harwood expanded the list of permitted targets for the missiles.",
            ("lena-harwood", "supports"),
        ),
        # A translation's word order: the permission's verb last, a date before its noun.
        (
            "The cabinet of Prime Minister Sander Kuipers lets Ukraine the drones also against oil "
            "refineries deploy.",
            ("sander-kuipers", "supports"),
        ),
        (
            "The American president Lena Harwood gave Ukraine on 22 May permission the missile "
            "also against refineries in Russia to deploy.",
            ("lena-harwood", "supports"),
        ),
        (
            "President Lena Harwood let Ukraine aim U.S.-made Halberd missiles at Russian "
            "refineries.",
            ("lena-harwood", "supports"),
        ),
        (
            "President Lena Harwood told Ukraine it can now fire the Halberd missile at depots "
            "inside Russia.",
            ("lena-harwood", "supports"),
        ),
        (
            "The British government never excluded energy targets.",
            ("british-government", "supports"),
        ),
        (
            "The Italian government kept its Aquilon missiles inside Ukraine's internationally "
            "recognized borders.",
            ("italian-government", "opposes"),
        ),
        (
            "Analyst Rosalind Achterberg said the strikes with the missiles will not end the war.",
            ("rosalind-achterberg", "doubts-impact"),
        ),
        (
            "Defence analyst Pieter-Jan Vos of The Hague Centre for Strategic Studies (HCSS) "
            "warns for too high expectations of the drones.",
            ("pieter-jan-vos", "doubts-impact"),
        ),
        (
            "Socialist MP Noor el Khatib warned that the cabinet sets a new step on the ladder.",
            ("noor-el-khatib", "warns-against"),
        ),
        (
            "A motion of the Freedom Party that the decision wanted to reverse found no majority.",
            ("freedom-party", "opposes"),
        ),
        (
            "Military expert Ostap Verbytskyi cautioned against euphoria after the strikes.",
            ("ostap-verbytskyi", "doubts-impact"),
        ),
        (
            'Analyst Mira Holt said one strike with the missiles will "slow, not stop" production.',
            ("mira-holt", "doubts-impact"),
        ),
    ],
)
def test_cue_vocabulary(text: str, expected: tuple[str, str]) -> None:
    assert _pairs(text) == [expected]


def test_unclear_yields_to_the_position_it_announces() -> None:
    text = (
        '"My position has not changed: our weapons are for use on Ukrainian soil," '
        "Minister Lucia Ferri said."
    )
    assert _pairs(text) == [("lucia-ferri", "opposes")]
    # With nothing after it, no change of position stays unclear.
    assert _pairs('"My position has not changed," Minister Lucia Ferri said of the strikes.') == [
        ("lucia-ferri", "unclear")
    ]


def test_the_subject_of_a_need_is_not_a_holder() -> None:
    """'X said Kyiv needed to hit': Kyiv is what X's support is about. 'X said Berlin would
    not send' still gives Berlin's refusal (no modal of need or duty)."""
    needs = (
        "Prime Minister Olga Marchenko said Kyiv needed to be able to hit the launch sites "
        "with long-range missiles."
    )
    assert _pairs(needs) == [("olga-marchenko", "supports")]
    should = (
        "Minister Olga Marchenko said the allies argued that Berlin should drop the restrictions."
    )
    assert _pairs(should) == [("olga-marchenko", "supports")]
    refuses = "Spokesman Karl Weber said Berlin would not send the cruise missiles."
    assert _pairs(refuses) == [("german-government", "opposes"), ("karl-weber", "opposes")]


def test_a_gerund_or_participle_topic_yields_to_the_predicate() -> None:
    participle = (
        "Deputy Minister Ivan Petrov said any country allowing such strikes is taking direct "
        "part in the war."
    )
    assert _positions(participle) == [("ivan-petrov", "warns-against", participle)]
    gerund = (
        '"Lifting the limits now is like locking the stable door," analyst Mira Kolb said of '
        "the strikes."
    )
    assert _pairs(gerund) == [("mira-kolb", "doubts-impact")]
    # A participle after a name is that actor's own act.
    party = (
        "The Social Democrats, calling for the delivery of the missiles, voted against the budget."
    )
    assert _pairs(party) == [("social-democrats", "supports")]  # no country said: the shared name


def test_a_clause_about_someones_possession_is_not_their_stance() -> None:
    text = (
        "Foreign Minister Peter Novak, whose government has refused to send any weapons, said "
        "Europe was sleepwalking into a war."
    )
    assert _pairs(text) == [("peter-novak", "warns-against")]


def test_a_predicate_opening_a_quotation_runs_to_its_end() -> None:
    text = (
        'Igor Volkov said approval for strikes with Western missiles would mean "that NATO '
        'countries, the United States and Europe are at war with Russia."'
    )
    assert _positions(text) == [("igor-volkov", "warns-against", text)]


def test_names_joined_by_and_share_the_verb_a_relative_clause_does_not_act() -> None:
    text = (
        "Britain and France, which build the missile through the consortium MBDA, lifted the "
        "restrictions on their missiles."
    )
    assert _pairs(text) == [("france", "supports"), ("united-kingdom", "supports")]
    backed = "Germany and Italy backed the idea on Monday."
    assert _pairs(backed) == [("germany", "supports"), ("italy", "supports")]
    # Off the question, no topic: nothing.
    assert _pairs("Germany and Italy backed the trade agreement on Monday.") == []


def test_the_choice_of_targets_left_to_kyiv_supports() -> None:
    assert _pairs(
        "Anna Lindqvist, the defence minister, spoke to MPs. 'If it is a legitimate military "
        "target, it is Ukraine's decision, not ours,' Lindqvist said."
    ) == [("anna-lindqvist", "supports")]
    assert _pairs(
        "Anna Lindqvist, the defence minister, said: 'We have put no lines on the map.'"
    ) == [("anna-lindqvist", "supports")]


def test_a_threat_of_legitimate_targets_warns() -> None:
    pairs = _pairs(
        "Dmitry Peskov, the Kremlin spokesman, said Western depots would become legitimate "
        "targets if the missiles were used inside Russia."
    )
    assert {stance for _, stance in pairs} == {"warns-against"}


def test_refusing_to_pay_for_attacks_and_aid_kept_to_defence_oppose() -> None:
    assert _pairs(
        "Foreign Minister Jana Novotna said her government will not finance weapons for "
        "attacks on Russian territory and wants its aid limited to air defence."
    ) == [("jana-novotna", "opposes")]


def test_a_clause_on_any_state_is_the_topic_of_the_threat_after_it() -> None:
    pairs = _pairs(
        'Deputy Foreign Minister Oleg Sorin said any state that lifts its limits "will be '
        'treated as a party to the conflict."'
    )
    assert pairs == [("oleg-sorin", "warns-against")]


def test_attaching_no_conditions_supports() -> None:
    assert _pairs("Estonia attaches no conditions to the weapons it sends.") == [
        ("estonia", "supports")
    ]


def test_no_new_restrictions_and_free_to_hit_support() -> None:
    pairs = _pairs(
        'Pentagon spokeswoman Kara Wells said the United States had placed "no new '
        'restrictions" on how Ukraine uses the weapon.'
    )
    assert ("kara-wells", "supports") in pairs
    pairs = _pairs(
        'Dutch Defence Minister Pieter Maas said, "Ukraine is free to hit the airfields '
        'from which its cities are bombed."'
    )
    assert ("pieter-maas", "supports") in pairs


def test_drawing_conclusions_about_helpers_warns() -> None:
    pairs = _pairs(
        'Russian Deputy Foreign Minister Ivan Sokol said Moscow "will draw conclusions" about '
        "every country that financed the missiles."
    )
    assert ("ivan-sokol", "warns-against") in pairs


def test_use_kept_to_ukrainian_soil_opposes_even_in_quotation_marks() -> None:
    assert _pairs(
        "The party's defence spokesman, Tom Hardy, said British missiles should be used "
        "'on Ukrainian soil and nowhere else'."
    ) == [("tom-hardy", "opposes")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A vowed or announced answer, consequences to follow, accomplices, future targets.
        (
            "Foreign Minister Lena Orlova vowed a response to the missile strikes.",
            [("lena-orlova", "warns-against")],
        ),
        (
            "Lena Orlova said the strikes would not remain without consequences.",
            [("lena-orlova", "warns-against")],
        ),
        (
            "Lena Orlova said countries that pay for the missiles had become accomplices.",
            [("lena-orlova", "warns-against")],
        ),
        (
            "Lena Orlova said the long-range strikes were a road to a wider war.",
            [("lena-orlova", "warns-against")],
        ),
        # Objections to the use, and objections dropped.
        (
            "Senator Piet Hoen said he had objections to their use against targets in Russia.",
            [("piet-hoen", "opposes")],
        ),
        (
            "Senator Piet Hoen said the government had dropped its objections to the strikes.",
            [("piet-hoen", "supports")],
        ),
        # The holder goes on to a second stance (", calling ..."); a second cue with no
        # speech verb before it stays the first stance's.
        (
            "Prime Minister Viktor Orban said Hungary will not finance weapons for attacks on "
            "Russia, calling the deliveries a road to a wider war.",
            [
                ("hungary", "opposes"),
                ("viktor-orban", "opposes"),
                ("viktor-orban", "warns-against"),
            ],
        ),
        # Use kept to home ground; strikes as self-defence; thanks for the weapons.
        (
            "Senator Piet Hoen said the missiles must be used only on Ukrainian ground.",
            [("piet-hoen", "opposes")],
        ),
        # A limit never set, whatever kind ("has never set geographical limits").
        (
            "Minister Piet Hoen said the Netherlands has never set geographical limits on the "
            "weapons it pays for.",
            [("netherlands", "supports"), ("piet-hoen", "supports")],
        ),
        (
            "Senator Piet Hoen said the missiles were for the defence of Ukrainian soil.",
            [("piet-hoen", "opposes")],
        ),
        (
            "Secretary General Piet Hoen called the strikes legitimate self-defence.",
            [("piet-hoen", "supports")],
        ),
        (
            "Volodymyr Zelensky thanked Berlin for the long-range missiles.",
            [("volodymyr-zelenskyy", "supports")],
        ),
    ],
)
def test_answers_objections_and_thanks(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A writer's lead-in to the doubters: the next speaker holds it, both sentences cited.
        (
            "Not everyone is convinced the change will matter. Tomas Brenner, an analyst at "
            "a Vienna institute, said the launchers were easy to move.",
            [("tomas-brenner", "doubts-impact")],
        ),
        (
            "Some military analysts cautioned against expecting too much. Ilse Marten, a "
            "retired colonel, said Russia had spread its depots.",
            [("ilse-marten", "doubts-impact")],
        ),
        # The same lead-in in a paragraph of its own introduces nobody.
        (
            "Not everyone is convinced the change will matter.\n\nTomas Brenner, an analyst at "
            "a Vienna institute, said the launchers were easy to move.",
            [],
        ),
        # Only a person is introduced: a body speaking next is not the writer's doubter.
        (
            "Not everyone is convinced the change will matter. The Kremlin said the launchers "
            "were easy to move.",
            [],
        ),
    ],
)
def test_lead_in_gives_its_stance_to_the_next_speaker(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


def test_lead_in_cites_both_sentences() -> None:
    text = (
        "Some analysts doubt the strike will change much. Tomas Brenner, an analyst at a "
        "Vienna institute, said Russia would move its bombers again."
    )
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2025, 6, 10)), knowledge())
    (position,) = found["positions"]
    assert [c["quote"] for c in position["citations"]] == [  # type: ignore[index]
        "Some analysts doubt the strike will change much.",
        "Tomas Brenner, an analyst at a Vienna institute, said Russia would move its bombers again.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It is a message, not a campaign," analyst Tomas Brenner said.', "doubts-impact"),
        ('"One arsenal is not a change in the war," analyst Tomas Brenner said.', "doubts-impact"),
        (
            "Analyst Tomas Brenner said the strikes had not changed the course of the war.",
            "doubts-impact",
        ),
        ('"Twenty missiles would barely register," analyst Tomas Brenner said.', "doubts-impact"),
        # A judgement conceded before "but not": what follows it counts.
        (
            'Analyst Tomas Brenner called the permission "an important signal, but not the '
            'turn of the war".',
            "doubts-impact",
        ),
        # A judgement before "but it is not enough" still welcomes the step.
        (
            "Minister Tomas Brenner said the permission was an important step, but it is not enough.",
            "supports",
        ),
    ],
)
def test_gestures_not_campaigns_doubt_the_impact(text: str, expected: str) -> None:
    assert [stance for actor, stance in _pairs(text) if actor == "tomas-brenner"][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An actor's reaction announced, then told: the stance told is the actor's too.
        (
            "Moscow's reaction to the decision was swift. Foreign Ministry spokeswoman "
            "Maria Zakharova said Rome had crossed a red line.",
            [("maria-zakharova", "warns-against"), ("russian-government", "warns-against")],
        ),
        (
            "Moscow reacted within hours. Foreign Ministry spokeswoman Maria Zakharova said "
            "Rome had crossed a red line.",
            [("maria-zakharova", "warns-against"), ("russian-government", "warns-against")],
        ),
        # Without the announcement nobody speaks for Moscow.
        (
            "Moscow is far away. Foreign Ministry spokeswoman Maria Zakharova said Rome had "
            "crossed a red line.",
            [("maria-zakharova", "warns-against")],
        ),
        # The next paragraph tells something else.
        (
            "Moscow reacted within hours.\n\nForeign Ministry spokeswoman Maria Zakharova "
            "said Rome had crossed a red line.",
            [("maria-zakharova", "warns-against")],
        ),
        (
            'Kremlin spokesman Dmitry Peskov said the move would "not go unanswered".',
            [("dmitry-peskov", "warns-against")],
        ),
    ],
)
def test_a_reaction_announced_is_told_by_the_next_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'President Tomas Brenner said he has "not made a final decision" on sending the missiles.',
        'President Tomas Brenner will decide "soon" whether to send the long-range missiles.',
        'Spokesman Tomas Brenner said the president was "listening to all sides".',
        'Spokesman Tomas Brenner said targeting was "a decision for the commander in chief" on '
        "the missiles.",
        "President Tomas Brenner said he was looking at lifting the remaining ATACMS limits.",
        "President Tomas Brenner said there was no easy answer on the long-range missiles.",
    ],
)
def test_a_decision_not_made_or_left_to_another_is_unclear(text: str) -> None:
    assert _pairs(text) == [("tomas-brenner", "unclear")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Minister Tomas Brenner wrote that the answer can be "not only symmetrical".',
            "warns-against",
        ),
        (
            'Minister Tomas Brenner said London "carries full responsibility" for every strike.',
            "warns-against",
        ),
        (
            'Minister Tomas Brenner said the permission will change "the very essence, the nature '
            'of the conflict".',
            "warns-against",
        ),
        (
            'Minister Tomas Brenner said the air defence already "learned to knock down" the '
            "missiles.",
            "doubts-impact",
        ),
    ],
)
def test_answers_blame_and_air_defences_that_cope(text: str, expected: str) -> None:
    assert _pairs(text) == [("tomas-brenner", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "A YouGov poll found that 54 per cent of Britons backed letting Ukraine strike Russia.",
        "In a poll by the Kyiv International Institute of Sociology, 78% said Ukraine should "
        "strike Russian airfields with the missiles.",
    ],
)
def test_where_a_poll_comes_from_holds_no_stance(text: str) -> None:
    assert [actor for actor, _stance in _pairs(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Adviser Olena Kuryk said Ukraine still wanted permission to use ATACMS inside Russia.",
        'Analyst Olena Kuryk said the remaining restrictions on Western missiles made "no '
        'military sense."',
        'Analyst Olena Kuryk said the remaining restrictions made "little military sense" now.',
    ],
)
def test_wanting_permission_or_calling_the_limits_pointless_supports(text: str) -> None:
    pairs = _pairs(text)
    assert ("olena-kuryk", "supports") in pairs
    assert {stance for _actor, stance in pairs} == {"supports"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No limits on where, written as a limit's absence or a clearance for use there.
        ("Norway has set no geographic limits on the Kestrel missiles.", "supports"),
        ('Norway attached "no geographical conditions" to the missiles.', "supports"),
        (
            "Norway cleared the Kestrel missile for use against military targets anywhere in "
            "Russia.",
            "supports",
        ),
        # Use kept at home, no change planned, a plain no.
        (
            'Norway said the weapons it pays for "must not be used beyond Ukraine\'s borders."',
            "opposes",
        ),
        ('Norway has "no plans" to loosen its rules on the long-range missiles.', "opposes"),
        ("Norway still says no to the Kestrel missiles, and Kyiv is watching.", "opposes"),
        # Warnings as nouns, someone's.
        ("Norway's threats over the missile strikes have gone unheeded so far.", "warns-against"),
        ("Norway reacted with familiar warnings to the missile strikes.", "warns-against"),
        # No side taken; the choice left to each supplier.
        ("Norway has avoided taking sides on the missile strikes.", "unclear"),
        ('Norway said using the missiles in Russia was "for each ally to decide."', "unclear"),
        # Doubts: weapons that do not win wars (not "cannot win a war in which ...").
        ('Norway said deep strikes with missiles "do not win wars."', "doubts-impact"),
    ],
)
def test_limits_absent_kept_or_left_to_others(text: str, expected: str) -> None:
    assert _pairs(text) == [("norway", expected)]


def test_cannot_win_a_war_is_no_doubt() -> None:
    text = (
        "Minister Olena Kuryk said Ukraine \"cannot win a war in which the enemy's airfields "
        'are a protected zone" for its missiles.'
    )
    assert ("olena-kuryk", "doubts-impact") not in _pairs(text)


def test_words_an_unnamed_source_said_are_nobodys_stance() -> None:
    text = 'Whether Ukraine may use the missiles in Russia is "for each ally to decide," an official said.'
    assert _pairs(text) == []
    named = text.replace("an official", "Minister Olena Kuryk")
    assert _pairs(named) == [("olena-kuryk", "unclear")]


def test_a_second_verb_of_the_same_subject_keeps_the_holder() -> None:
    text = (
        "Its spokesman, Lee Hartwell, said the missiles should be used 'on Ukrainian soil and "
        "nowhere else' and accused ministers of 'playing a dangerous game with a nuclear power'."
    )
    assert _pairs(text) == [("lee-hartwell", "opposes"), ("lee-hartwell", "warns-against")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway welcomed the restriction on the long-range missiles.", "opposes"),
        ("Norway said it would block any statement on the missile strikes.", "opposes"),
        (
            "Norway pledged 24 Fenrir missiles on condition they are not fired into Russia.",
            "opposes",
        ),
        ("Norway is not taking part in a campaign of strikes on Russian territory.", "opposes"),
        ("Norway continues to refuse Ukraine its long-range missiles.", "opposes"),
        (
            "Norway said its parts would never knowingly supply missile attacks on Russia.",
            "opposes",
        ),
        ("Norway said the missiles would never be used to strike Russian soil.", "opposes"),
        ("Norway said the missiles must stay above Ukrainian soil.", "opposes"),
        ('Norway said the missiles are "for the defence of Ukrainian land".', "opposes"),
        ("Norway, reversing a condition on the missiles, will let Kyiv decide.", "supports"),
        ("Norway said the airfields in Russia are no sanctuary for the bombers.", "supports"),
        ("Norway said it was not in a position to decide on the missile strikes.", "unclear"),
        ("Norway said the use of the missiles is up to each ally.", "unclear"),
        ("Norway would neither promote nor block the use of the missiles.", "unclear"),
        ("Norway said the missile strikes bring Europe closer to the war.", "warns-against"),
        ("Norway said the missile strikes are a co-belligerence.", "warns-against"),
    ],
)
def test_conditions_refusals_and_decisions_left_to_others(text: str, expected: str) -> None:
    assert _pairs(text) == [("norway", expected)]


@pytest.mark.parametrize(
    "text",
    [
        # A noun, and a verb with nothing to do.
        "Lena Kuryk said the drones hit an apartment block near the missile depot.",
        'Lena Kuryk said no request for the missiles had come, "so there is nothing to block".',
        # The name qualifies the noun that endorses.
        "Budapest would block any EU statement endorsing the strikes.",
    ],
)
def test_block_only_as_a_verb_and_not_for_a_modifier(text: str) -> None:
    pairs = _pairs(text)
    assert ("lena-kuryk", "opposes") not in pairs
    assert ("european-union", "supports") not in pairs


def test_a_name_in_brackets_is_no_holder() -> None:
    text = (
        "For Lena Kuryk, researcher at the Nordic Institute of Strategy (NIS), the effect of "
        "the missiles will stay limited."
    )
    assert ("nis", "doubts-impact") not in _pairs(text)
    assert ("nordic-institute-of-strategy", "doubts-impact") not in _pairs(text)


def test_an_interview_answer_is_the_labelled_speakers() -> None:
    found = extract_article(
        text_source(
            "Headline\nDeputy Minister Olena Kuryk spoke to us in Kyiv.\n\n"
            "Q: What do you ask of partners?\n\n"
            "Kuryk: Thank you for asking. Our friends in London did not draw a line on the "
            "map for the missiles.\n",
            dt.date(2025, 6, 10),
        ),
        knowledge(),
    )
    assert sorted((p["actor"], p["stance"]) for p in found["positions"]) == [
        ("olena-kuryk", "supports")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Norway said partners should lift what remains of the limits on the missiles.",
        "Norway did not draw a line on the map for the missiles.",
    ],
)
def test_limits_lifted_or_never_drawn(text: str) -> None:
    assert _pairs(text) == [("norway", "supports")]


def test_a_sale_approved_is_no_permission() -> None:
    assert (
        _pairs(
            "The U.S. State Department approved the sale of about 800 of the missiles to Ukraine."
        )
        == []
    )
    assert _pairs("The U.S. State Department approved the use of the missiles inside Russia.") == [
        ("u-s-state-department", "supports")
    ]


def test_a_clause_after_a_semicolon_is_its_own_subjects() -> None:
    pairs = _pairs(
        "Kyiv says an ammunition depot near Kursk was hit; the Kremlin accuses Washington of "
        "'direct involvement' in the strike."
    )
    assert ("russian-government", "warns-against") in pairs
    assert ("ukrainian-government", "warns-against") not in pairs


def test_a_question_asked_holds_no_stance_a_quoted_one_may() -> None:
    assert _pairs("LRT: Do you expect Russia to retaliate against Lithuania directly?") == []
    assert _pairs(
        '"Why should Russia decide where Ukraine may strike?" Minister Clara Voss asked, '
        "urging allies to lift the restrictions."
    ) == [("clara-voss", "supports")]


def test_no_conditions_attached_after_a_modal_are_the_subjects_too() -> None:
    assert _pairs(
        "Prime Minister Kaja Tamm said Estonia would attach no geographical conditions to "
        "the drones."
    ) == [("estonia", "supports"), ("kaja-tamm", "supports")]


def test_a_rule_limiting_the_strikes_undone_supports_a_rule_of_anything_else_not() -> None:
    assert _pairs(
        "On Jan. 5, the Pentagon scrapped the rule that had forced Kyiv to notify Washington "
        "before strikes inside Russia."
    ) == [("u-s-department-of-defense", "supports")]
    assert _pairs(
        "The Pentagon cancelled the requirement for Ukraine to seek approval before missile "
        "strikes on Russian territory."
    ) == [("u-s-department-of-defense", "supports")]
    # "firing" is a sign of the question (lexicon `stance_topic_words`).
    assert _pairs(
        "The Pentagon scrapped the rule that had forced Kyiv to tell the U.S. European Command "
        "before firing far into Russia."
    ) == [("u-s-department-of-defense", "supports")]
    # No sign of the question near the cue.
    assert _pairs("The Pentagon scrapped the rule on uniforms for its civilian staff.") == []


@pytest.mark.parametrize(
    "text",
    [
        'Kremlin spokesman Ivan Sorokin said Norway "will bear responsibility for it."',
        "Ambassador Ivan Sorokin said the sale would make the U.S. directly responsible for "
        "any strike on Russian territory.",
        'Deputy Ivan Sorokin said the decision makes Oslo "a direct participant in the strikes."',
        'Spokesman Ivan Sorokin said that "Oslo has chosen to be part of the conflict."',
        'Deputy minister Ivan Sorokin said supplying such missiles would be "a qualitatively '
        'new step."',
    ],
)
def test_blame_promised_or_a_helper_made_a_participant_warns(text: str) -> None:
    assert ("ivan-sorokin", "warns-against") in _pairs(text)


def test_part_of_the_war_effort_is_no_warning() -> None:
    assert _pairs("Minister Ivan Sorokin said the factory is part of the war effort.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No limit ever set, or one ended.
        (
            "Estonia has never told Kyiv where not to fly its drones.",
            [("estonia", "supports")],
        ),
        ("Estonia has never restricted its long-range drones.", [("estonia", "supports")]),
        (
            "Latvia has cleared Ukraine to use its drones against military targets inside "
            "Russia, ending a restriction that had applied since February.",
            [("latvia", "supports")],
        ),
        # Use kept to the country's own ground.
        (
            "Washington still limits the new missile to occupied Ukrainian territory.",
            [("u-s-government", "opposes")],
        ),
        (
            "Berlin had limited the missile to targets on Ukrainian territory.",
            [("german-government", "opposes")],
        ),
        (
            "Washington has cleared its new missile only for targets in occupied Ukrainian "
            "territory.",
            [("u-s-government", "opposes")],
        ),
        # A limit wanted back: the demand's object decides.
        (
            "The far-right Freedom Party (FP) demanded that the government reimpose the "
            "restriction on long-range strikes.",
            [("freedom-party", "opposes")],
        ),
        # The one let use the weapons is not who sets the condition.
        ("Ukraine may use them only against targets on Ukrainian territory.", []),
    ],
)
def test_limits_never_set_ended_kept_to_home_ground_or_wanted_back(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


def test_a_decisions_owner_holds_its_stance() -> None:
    """ "over Germany's decision to allow ...": Germany holds it, not the clause's subject;
    one who welcomes it holds its own."""
    assert _pairs(
        "Ministers were divided over Germany's decision to allow Ukraine to strike military "
        "targets inside Russia."
    ) == [("germany", "supports")]
    assert _pairs(
        "Estonia welcomed Germany's decision to allow Ukraine to strike targets inside Russia."
    ) == [("estonia", "supports"), ("germany", "supports")]


def test_a_person_acts_not_the_party_their_apposition_names() -> None:
    assert _pairs(
        "A group of senators led by Dale Fenwick, a Republican from Montana, urged the "
        "administration to lift the limits on strikes inside Russia."
    ) == [("dale-fenwick", "supports")]


def test_an_earlier_act_told_after_the_holders_new_one_is_the_holders_too() -> None:
    assert _pairs(
        "Germany cleared the missiles for use against Russian territory in late May, after "
        "keeping them limited to Ukrainian soil since the first deliveries."
    ) == [("germany", "opposes"), ("germany", "supports")]


def test_a_countrys_unnamed_officials_hold_their_governments_stance() -> None:
    assert _pairs(
        "Ukrainian officials have been pressing for the same freedom for the Storm Shadow missile."
    ) == [("ukrainian-government", "supports")]
    assert _pairs("Russian officials warned of retaliation against strikes inside Russia.") == [
        ("russian-government", "warns-against")
    ]
    # Unnamed officials of no country hold nothing.
    assert _pairs("Officials warned of retaliation against strikes inside Russia.") == []


def test_a_later_cue_of_the_same_stance_with_its_own_subject_is_that_subjects_too() -> None:
    pairs = _pairs(
        "Ministers were divided over Germany's decision to allow Ukraine to strike targets "
        "inside Russia, with Belgium and Estonia welcoming the move."
    )
    assert pairs == [("belgium", "supports"), ("estonia", "supports"), ("germany", "supports")]
    # Not the subject of someone's words: "Russia would respond" is Peskov's warning.
    assert _pairs(
        "Kremlin spokesman Dmitry Peskov warned that strikes inside Russia were an escalation "
        "and that Russia would respond."
    ) == [("dmitry-peskov", "warns-against")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Italy will not follow suit for now.", ("italy", "opposes")),
        (
            'A spokeswoman, Colleen Hartwell, said the strike was "consistent with the guidance".',
            ("colleen-hartwell", "supports"),
        ),
        (
            'Juho Lappalainen wrote that the strike "changes nothing at the front".',
            ("juho-lappalainen", "doubts-impact"),
        ),
        (
            'Saulius Bartkus said the government was "painting a target on Lithuania\'s back".',
            ("saulius-bartkus", "warns-against"),
        ),
    ],
)
def test_not_following_suit_and_a_target_painted(text: str, expected: tuple[str, str]) -> None:
    assert _pairs(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Defence Minister Rajiv Dhaliwal announced that Ukraine may now fly Wapiti drones "
            "into Russia.",
            ("rajiv-dhaliwal", "supports"),
        ),
        (
            'Their defence critic, Graham Ostrowski, said Canada should now "push Washington '
            'to drop its 300-kilometre ceiling."',
            ("graham-ostrowski", "supports"),
        ),
        (
            'The ambassador, Yaroslava Hnatiuk, welcomed "a courageous decision by a true friend".',
            ("yaroslava-hnatiuk", "supports"),
        ),
        (
            'The Russian embassy in Rome said that Italy had "chosen the path of confrontation".',
            ("russian-embassy-in-italy", "warns-against"),
        ),
        (
            'The Russian embassy in Rome said that Moscow would "draw the appropriate '
            'conclusions".',
            ("russian-embassy-in-italy", "warns-against"),
        ),
        # A critic is a role: the name after it is found, and holds the warning.
        (
            "Its foreign affairs critic, Amelie Tremblay-Roy, said the decision risked "
            '"pulling Canada into an escalation."',
            ("amelie-tremblay-roy", "warns-against"),
        ),
    ],
)
def test_permission_to_fly_a_limit_dropped_a_decision_welcomed_and_warnings(
    text: str, expected: tuple[str, str]
) -> None:
    assert _pairs(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The premier's Brothers of Italy party voted for the motion unanimously.",
            [("brothers-of-italy", "supports")],
        ),
        (
            "The Italian Senate approved the government's motion by 104 votes to 61.",
            [("italian-senate", "supports")],
        ),
        ("Viktor Orban's ruling Fidesz party rejected the motion.", [("fidesz", "opposes")]),
        ("The Popular Party supports the decision.", [("popular-party", "supports")]),
        (
            "Minister Sandra Kowalchuk wrote that the drones could be used against military "
            "targets, wherever they are located.",
            [("sandra-kowalchuk", "supports")],
        ),
        # The decision to be undone: no support for "demands".
        (
            "Viktor Orban's Fidesz party demands the suspension of the decision.",
            [("fidesz", "opposes")],
        ),
        # No vote, no motion: no stance; nobody voting for it is no one's support.
        ("Washington approved an aid package on Tuesday.", []),
        ('"Nobody voted for British missiles landing in Russia," said Graham Pettifer.', []),
    ],
)
def test_votes_on_the_motion_and_parties_named_before_party(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


def test_a_clause_before_a_governments_speech_verb_is_its_own_subjects() -> None:
    assert _pairs("Moscow vows a response, and London says it is happy.") == [
        ("russian-government", "warns-against")
    ]
    # A person speaking after it speaks for its subject: theirs too.
    assert _pairs(
        "Britain has allowed Ukraine to fire Storm Shadow missiles at targets in Russia, and "
        'Defence Secretary Alistair Penrose said the Americans had "now caught up".'
    ) == [("alistair-penrose", "supports"), ("united-kingdom", "supports")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A vote whose object the sentence before gave.
        (
            "The Democratic Party backed the motion on long-range missiles. "
            "The Five Star Movement (M5S) voted against.",
            [("democratic-party", "supports"), ("five-star-movement", "opposes")],
        ),
        # The sentence before is off the question: no stance.
        ("The party voted against the budget. The Greens voted against.", []),
        # ... or the next one of its paragraph names it.
        (
            "The Socialist Left Party will vote against when the case comes to the Storting. "
            "Its leader calls the decision on the missiles a dangerous step.",
            [("socialist-left-party", "opposes")],
        ),
        ("The Greens voted against. The budget passed anyway.", []),
        # Only a vote looks back: applause may be for what the sentence before refused.
        (
            "Switzerland refused to let Ukraine fire the missiles into Russia. "
            "The Swiss People's Party applauds.",
            [("switzerland", "opposes")],
        ),
        # A weapon cleared for targets inside the country, or only for home ground.
        (
            "At the summit, Washington cleared its Pikestaff missile for targets up to 250 "
            "kilometres inside Russia.",
            [("u-s-government", "supports")],
        ),
        (
            "Washington has so far cleared the missile only for targets in occupied Ukrainian "
            "territory.",
            [("u-s-government", "opposes")],
        ),
        # A share of those polled holds no stance, nor does the one it would let act.
        (
            "A poll found that 57 per cent of Canadians support letting Ukraine use Canadian "
            "weapons against military targets in Russia, and 22 per cent oppose it.",
            [],
        ),
        # One restriction dropped, as well as several.
        (
            "Ottawa has dropped its last restriction on the Quebec-built drones.",
            [("canadian-government", "supports")],
        ),
        # A decision to let Ukraine fire is its owner's, whoever condemns it; what a weapon
        # would let Ukraine hit is no one's permission.
        (
            "Moscow condemned Oslo's decision to let Ukraine fire the Fenrir at targets inside "
            "Russia.",
            [("norwegian-government", "supports"), ("russian-government", "opposes")],
        ),
        ('"Taurus would let Ukraine hit bridges," said Henrike Vossberg, an MP.', []),
        # The war, or the needle, left where it was.
        (
            '"A handful of missiles will not move the war," said Federica Lanzoni, an analyst.',
            [("federica-lanzoni", "doubts-impact")],
        ),
        (
            '"They won\'t move the needle," said Federica Lanzoni, an analyst.',
            [("federica-lanzoni", "doubts-impact")],
        ),
    ],
)
def test_elided_votes_targets_cleared_and_an_unmoved_war(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A decision to be reversed; a restriction reversed is still support.
        (
            "Senator Lena Haskins wants to reverse the decision to let Ukraine fire the missiles.",
            [("lena-haskins", "opposes")],
        ),
        ("Berlin reversed its restrictions on the Taurus.", [("german-government", "supports")]),
        # Strikes on a nuclear power; an answer promised.
        (
            "Firing missiles into a nuclear power is madness, Senator Miriam Cole said.",
            [("miriam-cole", "warns-against")],
        ),
        ('Moscow promises an "answer"', [("russian-government", "warns-against")]),
        # Weapons kept on one side of the border; strikes cleared on the other.
        (
            "Senator Douglas Prewitt wants the missile kept on the Ukrainian side of the border.",
            [("douglas-prewitt", "opposes")],
        ),
        (
            "The United States cleared strikes inside Russia in July.",
            [("united-states", "supports")],
        ),
        # A plural subject's "welcome"; a quoted term someone "speaks of" is theirs.
        (
            "Opposition ODS and Pirates welcome the step, SPD speaks about \u201eplaying with "
            "fire\u201c.",
            [
                ("civic-democratic-party", "supports"),
                ("czech-pirate-party", "supports"),
                ("social-democratic-party-of-germany", "warns-against"),
            ],
        ),
        # Someone's decision reversed; a body's members act, not the body.
        (
            "The bill, sponsored by Congresswoman Lena Haskins, would reverse the "
            "administration's decision to let Ukraine fire the missiles at Russian air bases.",
            [("lena-haskins", "opposes")],
        ),
        ("Spain is the sixth NATO member to lift such restrictions.", [("spain", "supports")]),
        # A limit one party asked another to drop: each its own stance.
        (
            "Until now, Madrid had allowed the missile to be used only against targets on "
            "Ukrainian territory, a condition that Kyiv had asked it to drop since the summer.",
            [("spanish-government", "opposes"), ("ukrainian-government", "supports")],
        ),
        ("Zelensky asked him to send more shells.", []),
        # A warning of what the clause says: its stance; a clause that warns too stays one.
        (
            "The researcher of the Real Instituto Elcano Álvaro Quintanilla warns that the "
            "Tizona will not change the course of the war.",
            [("alvaro-quintanilla", "doubts-impact")],
        ),
        (
            "The Kremlin has repeatedly warned that Western countries that allow such strikes "
            "become parties to the conflict.",
            [("russian-government", "warns-against")],
        ),
        # Permission asked of someone, a use cleared, a decision with its month.
        (
            "Ukraine has asked Washington for permission to use the Halyard missile against "
            "targets deeper in Russia.",
            [("ukraine", "supports")],
        ),
        (
            "Washington cleared the use of the Halyard missile against targets on Russian "
            "territory.",
            [("u-s-government", "supports")],
        ),
        (
            "Washington's decision in March to lift the restrictions \"removed the last fig "
            'leaf" from its non-participation, said Alla Gromyko.',
            [("u-s-government", "supports")],
        ),
        # A vote on what a sentence or two before named; one that did the same.
        (
            "Italy has delivered about 80 Tramontana missiles since 2025. Not everyone in Rome "
            "followed Baldacci. The Five Star Movement voted against, as did Lega, a partner "
            "in the governing coalition.",
            [("five-star-movement", "opposes"), ("league", "opposes")],
        ),
        (
            "The White House cleared Ukraine on March 9 to fire the Halyard cruise missile at "
            "military targets inside Russia.",
            [("u-s-government", "supports")],
        ),
        # A permission to fly; countermeasures promised; a line crossed accuses its subject.
        ("Poland lets Ukraine fly Rybolow drones into Russia", [("poland", "supports")]),
        ('Moscow promises "countermeasures"', [("russian-government", "warns-against")]),
        ('Kremlin: Germany "has crossed the line"', []),
        # A vote to come, its object left out; a side neither taken; a refusal quoted.
        (
            "Norway's government lifted the restriction on the Draug missiles. SV and Rødt "
            "will vote against when the case comes to the Storting.",
            [
                ("norwegian-government", "supports"),
                ("red-party", "opposes"),
                ("socialist-left-party", "opposes"),
            ],
        ),
        ("The Centre Party will neither cheer nor protest.", [("centre-party", "unclear")]),
        # Every name of a list before "and"; a fuse lit.
        (
            "Berlin, London and Paris have allowed such strikes with their own weapons since 2027.",
            [
                ("british-government", "supports"),
                ("french-government", "supports"),
                ("german-government", "supports"),
            ],
        ),
        (
            'Senator Paolo Ferrandi warned that Italy was "lighting a fuse under its own house."',
            [("paolo-ferrandi", "warns-against")],
        ),
        (
            'She said she could not "vote for a wider war, even with the best of intentions", '
            "said Laura Cimatti.",
            [("laura-cimatti", "warns-against")],
        ),
        # A demand of what its clause says: the clause's stance.
        (
            "The vote exposed deep divisions in the League, which had demanded in July that "
            'Italian weapons "never touch Russian soil".',
            [("league", "opposes")],
        ),
        (
            "The Greens demanded that the government lift the restrictions on the missiles.",
            [("green-party", "supports")],
        ),
        # What was said before its verb, the writer's aside after it: the speaker's too.
        (
            "Italy will allow Ukraine to use the missiles against military targets inside "
            "Russia, Defence Minister Guido Ferrante announced on Wednesday, a day after the "
            "Senate backed the move in a vote that split the League.",
            [("guido-ferrante", "supports"), ("italy", "supports")],
        ),
        (
            'He said Budapest "will never agree" to allied weapons being used on Russian '
            "territory.",
            [("hungarian-government", "opposes")],
        ),
        (
            'The Communist Party said in a statement that Greece must "say no, clearly and '
            'now" to strikes on Russian territory.',
            [("communist-party-of-greece", "opposes")],  # the one such party named
        ),
        # A bill to keep the weapons out of the strikes; its sponsor opposes.
        (
            "Congressman Tom Ridley said he would reintroduce a bill to bar Ukraine from "
            "firing American missiles into Russia.",
            [("tom-ridley", "opposes")],
        ),
        (
            "Congressman Tom Ridley promised a bill banning the use of American missiles "
            "against Russian territory.",
            [("tom-ridley", "opposes")],
        ),
        # A limit wanted gone, or a decision wanted undone, in the passive.
        (
            "Defence Minister Wouter Dierickx wants the restriction lifted.",
            [("wouter-dierickx", "supports")],
        ),
        (
            "The Greens have since the autumn demanded that the restriction is removed.",
            [("green-party", "supports")],
        ),
        (
            "The Greens will propose that the decision is reversed.",
            [("green-party", "opposes")],
        ),
        # A detail kept back, indifference to one, a position kept: no stance of these.
        (
            "Minister Clara Voss declined to confirm which weapons had been used.",
            [],
        ),
        (
            "Senator Oleg Rusin said it made no difference to Moscow which country had made "
            "the missiles.",
            [],
        ),
        (
            'Minister Clara Voss said the position "will not change on my watch."',
            [],
        ),
        (
            "Minister Clara Voss declined to comment on the permission.",
            [("clara-voss", "unclear")],
        ),
        # A call for calm takes no side; a bid to limit the weapons turned down supports.
        (
            "Türkiye calls for restraint after the strike on Engels.",
            [("turkey", "unclear")],
        ),
        (
            "The Dutch parliament rejected the PVV bid to limit their use.",
            [("dutch-parliament", "supports")],
        ),
        (
            "Minister Juraj Blanar said his government cannot support a text that brings the "
            "war closer.",
            [("juraj-blanar", "opposes")],
        ),
        ('Minister Juraj Blanar said: "I cannot give dates."', []),
        (
            "Greece abstained in the vote on the statement on long-range strikes.",
            [("greece", "unclear")],
        ),
        (
            "Minister Timo Mucunski said Skopje will follow the consensus on the missiles, "
            "whatever it turns out to be.",
            [("north-macedonian-government", "unclear"), ("timo-mucunski", "unclear")],
        ),
        ('Minister Karin Ekholm said: "That sanctuary ends now."', [("karin-ekholm", "supports")]),
        (
            "Spokesperson Lin Jian said the West was pouring fuel on the fire.",
            [("lin-jian", "warns-against")],
        ),
        (
            "Minister Kim Min-seok said the condition on the missiles was no longer being applied.",
            [("kim-min-seok", "supports")],
        ),
        # No limit set, an objection given up, limits that should go, no veto for Moscow.
        (
            "Zelensky thanked the partners who do not limit our long arm.",
            [("volodymyr-zelenskyy", "supports")],
        ),
        (
            "Minister Jaromir Stepanek said Prague no longer objects to the strikes.",
            [("czech-government", "supports"), ("jaromir-stepanek", "supports")],
        ),
        ("Senator Roger Mayhew said those rules should go.", [("roger-mayhew", "supports")]),
        (
            "Minister Gintare Valanciute said Russia does not get a veto over Ukraine's map.",
            [("gintare-valanciute", "supports")],
        ),
        ("Sweden said it had no objection to the strikes.", [("sweden", "supports")]),
        (
            "The U.S. House Armed Services Committee advanced a bill that would send Tomahawk "
            "missiles with no limits on targets in Russia.",
            [("house-armed-services-committee", "supports")],
        ),
        # Relief that it came, the weapons' purpose.
        (
            "Senator Holly Brennerman said the strike on the air base was exactly what these "
            "weapons are for.",
            [("holly-brennerman", "supports")],
        ),
        (
            'Senator Ondrej Bilek said of the decision on the missiles: "Better late than never."',
            [("ondrej-bilek", "supports")],
        ),
        # A limit one asked to see go, a reach one wants; not any wish to go further.
        (
            "The Ukrainian government had asked for months for it to be dropped.",
            [("ukrainian-government", "supports")],
        ),
        ("Kyiv, for its part, wants to hit deeper.", [("ukrainian-government", "supports")]),
        ("Other Republicans want to go further.", []),
        # A headline's present tense: the one-word quotation is what Moscow promises.
        (
            'Poland lets Ukraine fly Rybolow drones into Russia, Moscow promises "countermeasures".',
            [("poland", "supports"), ("russian-government", "warns-against")],
        ),
        # "her country": the speaker's, by the role the article gives them.
        (
            "Finland's foreign minister, Elina Saarikoski, announced that her country would "
            'finance 150 long-range drones for Ukraine "with no geographic restrictions."',
            [("elina-saarikoski", "supports"), ("finland", "supports")],
        ),
        # A cap that still lets the weapon reach into Russia.
        (
            "Pikestaff can fly up to 500 kilometres, but Washington has capped its use at 300 "
            "kilometres (186 miles) inside Russia since the summit.",
            [("u-s-government", "supports")],
        ),
        # Letting someone use the weapons, near the question only.
        ("Sweden lets Ukraine to use the missiles Gladan in Russia.", [("sweden", "supports")]),
        ("The government lets farmers use the land.", []),
        # No hurry, no part in the argument: no side taken.
        ("Trump said he was not in a rush on the missiles.", [("donald-trump", "unclear")]),
        ("Turkey stays out of the argument over the missiles.", [("turkey", "unclear")]),
        # A limit to targets in Ukraine: who set it opposes, not who was limited.
        (
            "Until then, Washington had allowed it to be used only against targets in Ukraine.",
            [("u-s-government", "opposes")],
        ),
        (
            "Until then, Ukraine could fire the Lindwurm only at targets on Ukrainian territory.",
            [],
        ),
        # A decision wanted undone, with its body or with no verb between.
        (
            "Mihnea Costache asked that the decision of the CSAT to be annulled.",
            [("mihnea-costache", "opposes")],
        ),
        (
            "The Left party wants the permission to strike Russia revoked.",
            [("left", "opposes")],
        ),
        ("The Left party wants permission for Ukraine to strike Russia.", [("left", "supports")]),
        # Weapons kept to Ukraine's ground; a place made a target; a translation's welcome.
        (
            "The debate was requested by the Danish People's Party, which wants Danish-funded "
            "weapons confined to Ukrainian territory.",
            [("danish-peoples-party", "opposes")],
        ),
        (
            "The Greens said the decision makes Denmark a target for Russian missiles.",
            [("green-party", "warns-against")],
        ),
        (
            "Ukraine says it fired US-made Pikestaff missiles at a target inside Russia.",
            [("ukraine", "supports")],
        ),
        (
            "The USR salutes the measure, but considers that it comes late.",
            [("usr", "supports")],
        ),
        # A weapon cleared for strikes on Russian bases; missiles kept off the border; a
        # country's entry into the war.
        (
            "After President Thomas Redding cleared the American Halyard-ER for strikes on "
            "Russian airfields in January, the German position became hard to explain.",
            [("thomas-redding", "supports")],
        ),
        (
            "Its parliamentary group leader, Marion Kessler, had long insisted that German "
            'missiles must "not fly over the Russian border".',
            [("marion-kessler", "opposes")],
        ),
        (
            'The AfD calls the delivery "Germany\'s entry into the war".',
            [("alternative-for-germany", "warns-against")],
        ),
        # A vote for a text the clause goes on to quote: the text's stance, its owner's.
        (
            "In March 2028, the ZZS faction voted for a Saeima statement which said that "
            "weapons paid for by Latvia should be used on Ukrainian territory.",
            [("saeima", "opposes")],
        ),
        (
            "The Brothers of Italy party voted for the motion unanimously.",
            [("brothers-of-italy", "supports")],
        ),
        # A decision said to be overdue; not one's place to comment.
        (
            "The National Alliance said the decision was overdue.",
            [("national-alliance", "supports")],
        ),
        (
            "Asked whether India was concerned that Western weapons were being used against "
            'Russian energy facilities, spokesperson Siddharth Menon said it was "not for '
            'India to comment on the bilateral arrangements of other countries".',
            [("siddharth-menon", "unclear")],
        ),
        # Letting Ukraine fire, as a participle; not a proposal nobody made.
        (
            "London and Paris moved with Washington, letting Ukraine fire Storm Shadow "
            "missiles into Russia within days.",
            [("british-government", "supports"), ("french-government", "supports")],
        ),
        (
            "Belgium has delivered 12 of the 30 jets it promised, and no party has proposed "
            "letting them fly over Russia.",
            [],
        ),
        # Letting Ukraine fire one's own missiles; not what a weapon would let it hit.
        (
            "Britain and France let Ukraine fire their Storm Shadow missiles at targets "
            "inside Russia that year.",
            [("france", "supports"), ("united-kingdom", "supports")],
        ),
        ("Its range would let Ukraine hit Moscow, Olaf Scholz argues.", []),
        # No position taken, in a translation's order; not being unable.
        (
            "Switzerland take to the question, which targets Ukraine with foreign weapons "
            "attacks, no position, said Economy Minister Cornelia Aeschbacher on Tuesday.",
            [("cornelia-aeschbacher", "unclear"), ("switzerland", "unclear")],
        ),
        ("Hungary is in no position to stop the strikes on Russia.", []),
        # A threat and a charge of complicity in a translation's guillemets.
        (
            "The Russian embassy in Ottawa denounced in a statement the «complicity» of Canada "
            "in «terrorist attacks against Russian territory» and warned that Canadian «factories and instructors» in Ukraine would be "
            "«legitimate targets».",
            [("russian-embassy-in-canada", "warns-against")],
        ),
    ],
)
def test_reversals_votes_warnings_permissions_and_lists_of_holders(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


def test_a_transcripts_labels_in_capitals_and_the_paragraphs_that_go_on() -> None:
    text = (
        "Headline\n\n"
        "JANE ROW, HOST: Tonight, the missiles. I'm joined by Douglas Prewitt, a senior "
        "fellow at the Stimson Center.\n\n"
        "DOUGLAS PREWITT, Stimson Center: Because Moscow adjusts every time.\n\n"
        "The effect of the missiles is real, but it's limited.\n\n"
        "ROW: And the strikes themselves?\n\n"
        "The missiles would not change the course of the war, some say.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2028, 1, 24))["positions"]
    }
    assert ("douglas-prewitt", "doubts-impact") in pairs
    # The host's paragraphs, and the one after them, are the programme's, no holder's.
    assert {a for a, _s in pairs} == {"douglas-prewitt"}


def test_he_or_she_right_before_the_cue_is_the_person_named_before() -> None:
    text = (
        "Headline\n\n"
        "Chancellor Hendrik Vossberg is the man who finally said yes. Until March he "
        "refused to send the Taurus, citing depleted stocks.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2029, 9, 6))["positions"]
    }
    assert ("hendrik-vossberg", "opposes") in pairs


def test_it_after_an_opening_phrase_is_the_body_named_the_sentence_before() -> None:
    text = (
        "Headline\n\n"
        "Washington set the pattern. In the spring of 2024, it still insisted that ATACMS "
        "missiles be fired only at targets in occupied Ukrainian territory.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2030, 2, 12))["positions"]
    }
    assert pairs == {("u-s-government", "opposes")}


def test_thanks_whose_reason_the_next_sentence_gives() -> None:
    text = (
        "Headline\n\n"
        'Ukrainian Foreign Minister Andrii Sybiha thanked Britain on X. "The Storm Shadow was '
        'the sword of Arthur. Tonight it reached Morozovsk," he wrote.\n\n'
        'Ostap Levchuk thanked Germany. "Bombers that stay on the ground do not kill '
        'children," he wrote.\n\n'
        "Zelensky thanked the Netherlands for the grain.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2027, 3, 25))["positions"]
    }
    assert ("andrii-sybiha", "supports") in pairs
    # Bombers that stay on the ground are no weapons kept on Ukrainian soil.
    assert not any(s == "opposes" for _a, s in pairs)
    assert not any(a.startswith("volodymyr") for a, _s in pairs)


def test_a_question_put_a_target_list_and_a_limit_to_occupied_ukraine() -> None:
    text = (
        "Headline\n\n"
        "Crestline CEO Marcus Delaney spoke about the missiles. Asked whether the company had "
        "any say over where Ukraine fires its missiles, he said no.\n\n"
        "Rep. Carla Benning, R-Ala., welcomed the jobs but not the targets. \"I don't want "
        'Huntsville on a Russian target list," she said, adding that she would back an '
        "amendment limiting the use of U.S. missiles to Russian-occupied Ukraine.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2029, 6, 12))["positions"]
    }
    assert pairs == {("carla-benning", "warns-against"), ("carla-benning", "opposes")}


def test_a_vote_on_a_motion_an_earlier_sentence_described() -> None:
    text = (
        "Headline\n\n"
        "On Tuesday, a majority in the Tweede Kamer rejected a PVV motion that would have "
        "barred Ukraine from using the Dutch-funded missiles against targets in Russia.\n\n"
        "Saab Dynamics makes the missile. It flies 800 kilometres. It costs 830,000 euros. "
        "The company is growing.\n\n"
        "The PVV motion, tabled by MP Dennis Hoogland, was rejected by 104 votes to 46. Only "
        "FvD and the Party for the Animals voted in favor. The Greens voted against.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2029, 3, 7))["positions"]
    }
    # For a motion to bar the strikes: against them; against it: for them.
    assert {("forum-for-democracy", "opposes"), ("party-for-the-animals", "opposes")} <= pairs
    assert ("green-party", "supports") in pairs
    assert ("green-party", "opposes") not in pairs


def test_two_votes_on_a_motion_in_one_sentence() -> None:
    text = (
        "Headline\n\n"
        "MPs voted down a motion which would have barred Ukraine from using the missiles "
        "against targets inside Russia.\n\n"
        "The motion was rejected by 97 votes to 53. The PVV and FvD voted in favour, while "
        "D66, the CDA and Volt voted against.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2031, 6, 17))["positions"]
    }
    # Each vote has the names between the one before it and itself.
    assert {("party-for-freedom", "opposes"), ("forum-for-democracy", "opposes")} <= pairs
    assert {
        ("democrats-66", "supports"),
        ("christian-democratic-appeal", "supports"),
        ("volt", "supports"),
    } <= pairs
    assert ("democrats-66", "opposes") not in pairs
    assert ("party-for-freedom", "supports") not in pairs


def test_a_motions_backers_named_after_it_and_a_tallys_side() -> None:
    text = (
        "Headline\n\n"
        "The Folketing on Thursday adopted a statement backing Ukraine's right to use "
        "Danish-financed long-range weapons against military targets inside Russia.\n\n"
        "Besides the Social Liberals, the statement was backed by the Denmark Democrats and "
        "the Red-Green Alliance, whose spokesperson, Signe Holm, spoke last. The 17 votes "
        "against came from the Danish People's Party.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2029, 6, 1))["positions"]
    }
    assert {
        ("danish-social-liberal-party", "supports"),
        ("denmark-democrats", "supports"),
        ("red-green-alliance", "supports"),
        ("danish-peoples-party", "opposes"),
    } <= pairs
    # Who speaks in a clause after the list is no backer by it.
    assert ("signe-holm", "supports") not in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where the weapons go left open; no limit attached, with a quotation mark between.
        (
            "Slovakia will help build long-range drones for Ukraine without limiting where "
            "they may be used.",
            [("slovakia", "supports")],
        ),
        (
            'Minister Eva Lind said Sweden would not attach "any geographic restrictions" to '
            "the drones.",
            [("eva-lind", "supports"), ("sweden", "supports")],
        ),
        # Strikes there allowed.
        (
            "Minister Paolo Ferri said Kyiv can strike the bases in Russia.",
            [("paolo-ferri", "supports")],
        ),
        ("Minister Paolo Ferri said Kyiv cannot strike the bases in Russia.", []),
        # No objection left.
        (
            'Party chairman Peter Dobrotka said Hlas "no longer has a problem with Ukraine '
            'hitting the airfields that attack it".',
            [("hlas", "supports"), ("peter-dobrotka", "supports")],
        ),
        # A law called a declaration of war; use kept to a territory named in three words.
        (
            'Party chairman Dušan Ondrejka called the law "a declaration of war".',
            [("dusan-ondrejka", "warns-against")],
        ),
        (
            'MP Ľuboš Krajčír wanted the drones used "exclusively on the internationally '
            'recognised territory of Ukraine".',
            [("lubos-krajcir", "opposes")],
        ),
        # Maps not drawn, a transfer wanted with no strings, a use kept at home.
        (
            "'We don't set a map for Ukraine,' Defence Secretary John Hale said.",
            [("john-hale", "supports")],
        ),
        (
            "Minister Pawel Zareba said Warsaw would pass on the missiles without a map attached.",
            [("pawel-zareba", "supports"), ("polish-government", "supports")],
        ),
        (
            "The main opposition People Power Party wants the request approved without conditions.",
            [("people-power-party", "supports")],
        ),
        (
            "Minister Kim Do-yun said any approval should keep the missiles on Ukrainian soil.",
            [("kim-do-yun", "opposes")],
        ),
        # Doubts; a war that is someone else's.
        (
            'Analyst Park Chan-woo said the missiles would "not move the front line by a meter".',
            [("park-chan-woo", "doubts-impact")],
        ),
        (
            'Minister Jan Berg said South Africa must not "sign up to someone else\'s war".',
            [("jan-berg", "warns-against")],
        ),
        # The one let use the weapons holds nothing; the one who lets does, however far.
        (
            "The Swedish government approved drones that Kyiv will be free to use against "
            "targets deep inside Russia.",
            [("swedish-government", "supports")],
        ),
        (
            "Sweden's government on Monday unveiled a purchase of weapons for Ukraine, drones "
            "that Kyiv will be free to use against targets deep inside Russia.",
            [("swedish-government", "supports")],
        ),
        # Retaliation called for is a warning; a strike's results kept back no stance; a hope
        # that all sides show restraint takes no side.
        (
            "MP Leonid Sazonov called for retaliatory strikes on Kyiv after the missile attack.",
            [("leonid-sazonov", "warns-against")],
        ),
        ("Governor Anatoly Vedernikov did not say whether any aircraft were hit.", []),
        (
            'Secretary Kenta Morishita hoped all parties would "exercise restraint to prevent '
            'further escalation."',
            [("kenta-morishita", "unclear")],
        ),
        # Speakers joined in a list share what they said, "the" before a name or not.
        (
            "Germany, the Netherlands and Sweden have all said openly that their weapons can "
            "be used inside Russia.",
            [("germany", "supports"), ("netherlands", "supports"), ("sweden", "supports")],
        ),
        # The choice left to a named one, or to where it is decided.
        (
            '"Where a missile flies is a question for the NCACC, not for engineers," chief '
            "executive Thabo Mahlangu said.",
            [("thabo-mahlangu", "unclear")],
        ),
        (
            '"Where they fly is Washington\'s decision," manager Marcus Delaney said of the '
            "missiles.",
            [("marcus-delaney", "unclear")],
        ),
        (
            "Minister Ann Berg welcomed the decision for Ukraine to strike targets in Russia.",
            [("ann-berg", "supports")],
        ),
        (
            "Minister Ellen Cathcart won't say whether Australian-made drones can be flown "
            "into Russia.",
            [("ellen-cathcart", "unclear")],
        ),
        # A war that is not one's own.
        (
            "At the left, the PCP and the Livre accused the Executive of dragging the country "
            "into «a war that is not ours».",
            [("livre", "warns-against"), ("portuguese-communist-party", "warns-against")],
        ),
        # A right in quotation marks; the choice left to others described "as" one; a
        # target for what one did.
        (
            'Taoiseach Cathal Brennan told the Dáil that Ukraine had "every right" to strike '
            "the airfields.",
            [("cathal-brennan", "supports")],
        ),
        (
            "Taoiseach Cathal Brennan described the question of where Ukraine aims Western "
            'weapons as "a matter for Ukraine and for the countries that supply them".',
            [("cathal-brennan", "unclear")],
        ),
        (
            'Spokesperson Deirdre Molloy warned that Ireland risked becoming "a target by '
            'association".',
            [("deirdre-molloy", "warns-against")],
        ),
        # A claim's own subject acts as the speaker says, however far the cue; a side of
        # the war that a claim is about does not.
        (
            "Britain will keep supplying Ukraine with its new Harrow cruise missiles without "
            "restricting where they can be fired, Defence Secretary Alastair Penhaligon said.",
            [("alastair-penhaligon", "supports"), ("united-kingdom", "supports")],
        ),
        (
            "Former NATO chief Jens Stoltenberg has repeatedly argued that Ukraine has the "
            "right to strike legitimate military targets on Russian territory.",
            [("jens-stoltenberg", "supports")],
        ),
        # "The government" opening a sentence about a country named before is its
        # government.
        (
            "Denmark has sent Ukraine 19 F-16s. The government lifted its last restrictions "
            "on how those weapons may be used in February.",
            [("danish-government", "supports")],
        ),
        # A quoted verdict on the sentence before, which names the question.
        (
            'The cabinet lifted the limits on strikes in Russia. "Better late than never," '
            "said MP Ondrej Bilek.",
            [("ondrej-bilek", "supports")],
        ),
        ('The cabinet approved a budget. "Better late than never," said MP Ondrej Bilek.', []),
    ],
)
def test_cues_of_limits_left_open_and_of_uses_kept_in(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_pairs(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Poland lets Ukraine fly drones into Russia; Moscow promises "countermeasures"',
        "Poland lets Ukraine fly drones into Russia, Moscow speaks of «countermeasures»",
    ],
)
def test_a_second_clause_s_speaker_holds_its_cue(text: str) -> None:
    # A speech verb with its own subject between two cues: the second is that subject's.
    assert sorted(_pairs(text)) == [("poland", "supports"), ("russian-government", "warns-against")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one asking after "from"/"by" (lexicon `stance_frames.requests`).
        (
            "Berlin agreed to send the Taurus missiles after months of pressure from Kyiv.",
            [("ukrainian-government", "supports")],
        ),
        (
            "The decision followed intense lobbying by Kiev for permission to strike Russian "
            "air bases.",
            [("ukrainian-government", "supports")],
        ),
        # ... or before the noun, a nationality adjective too.
        (
            "The permission came after eight months of Ukrainian requests for the missiles.",
            [("ukraine", "supports")],
        ),
        (
            "Washington had long resisted Kyiv's requests for longer-range missiles.",
            [("u-s-government", "opposes"), ("ukrainian-government", "supports")],
        ),
        # A request the other way round is no support ...
        (
            "Berlin bowed to pressure from Washington to keep the limits on missiles.",
            [("german-government", "opposes")],
        ),
        # ... nor one off the question.
        ("Kyiv's requests for money went unanswered on Monday.", []),
    ],
)
def test_a_request_named_as_a_noun_is_its_requester_s_support(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_pairs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv wants the XR version of the missile to hit airfields in Russia.",
            [("ukrainian-government", "supports")],
        ),
        ("Ukraine is seeking longer-range missiles for deeper strikes.", [("ukraine", "supports")]),
        # Not what one wants done to them, nor air defence.
        ("Russia wants to destroy the missiles before launch.", []),
        ("Kyiv wants more air defence missiles.", []),
        ("Ukraine sought Patriot missiles for Kyiv.", []),
    ],
)
def test_missiles_wanted_are_support(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adverb between the auxiliary and "let"; where the strikes go is the question.
        (
            "Germany has only just let Ukraine use the Lindwurm inside Russia.",
            [("germany", "supports")],
        ),
        ("Britain has now let Kyiv fire the missiles.", [("united-kingdom", "supports")]),
    ],
)
def test_a_permission_let_after_an_adverb(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Weapons that may be fired into Russia: the one paying holds it, not the
        # compound "US-designed" before the noun, nor Ukraine.
        (
            "Australia will pay for 150 US-designed missiles that Ukraine can fire at military "
            "targets inside Russia.",
            [("australia", "supports")],
        ),
        (
            "Canberra confirmed the missiles can be used against military targets inside Russia.",
            [("australian-government", "supports")],
        ),
        # Weapons barred from being used there.
        (
            "The Greens will move a Senate motion to bar Australian-funded weapons from being "
            "used on Russian soil.",
            [("australian-greens", "opposes")],
        ),
        # An opening quotation mark inside the cue.
        (
            'The Russian embassy in Canberra said Australia would "bear responsibility for the '
            'consequences".',
            [("russian-embassy-in-australia", "warns-against")],
        ),
    ],
)
def test_weapons_that_may_or_may_not_be_fired_into_russia(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Bundestag voted against a motion to limit the use of the missiles to Ukrainian "
        "territory.",
        "The Bundestag rejects to limit the use of the missiles to the Ukrainian territory.",
        "The Bundestag rejected a proposition of the AfD that asked to limit the use of the "
        "missiles to the Ukrainian territory.",
    ],
)
def test_a_vote_against_a_bid_to_limit_the_weapons_is_support(text: str) -> None:
    assert ("bundestag", "supports") in _pairs(text)
    assert ("bundestag", "opposes") not in _pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Translations' word order and turns of phrase.
        (
            "Spain does not ask to Ukraine where it shoots, said Marta Olivencia.",
            [("marta-olivencia", "supports"), ("spain", "supports")],
        ),
        (
            "Berlin sends to Ukraine 24 missiles Taurus without limits geographic.",
            [("german-government", "supports")],
        ),
        (
            "Podemos accused the Government of «converting to Spain in objective».",
            [("podemos", "warns-against")],
        ),
        (
            "Sumar said that with this decision «Spain enters by the back door in a war».",
            [("sumar", "warns-against")],
        ),
        # The one given the weapons is no holder: the giver is.
        (
            "Berlin gave Ukraine 24 Taurus missiles without geographic limits.",
            [("german-government", "supports")],
        ),
    ],
)
def test_limits_left_out_targets_made_and_the_giver_of_the_weapons(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The warning holds its own negation; a call to close a hub is no call for support.
        (
            "MP Bartosz Kędzior said Poland \"must not become the launch pad for someone else's "
            'war" and called for the Rzeszów-Jasionka hub to be closed to "offensive weapons".',
            [("bartosz-kedzior", "warns-against")],
        ),
        (
            "Bartosz Kędzior said Germany must not become a party to the war with these missiles.",
            [("bartosz-kedzior", "warns-against")],
        ),
        # A plain statement of fact stays negated.
        ("Bartosz Kędzior said Germany will not be a party to this conflict.", []),
    ],
)
def test_a_country_that_must_not_be_drawn_in(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "entitled to use": the one who says so lets; the one entitled is addressed.
        (
            "Britain said Ukraine was entitled to use the missiles against military targets in "
            "Russia.",
            [("united-kingdom", "supports")],
        ),
        # A call on every side to avoid escalation takes no side, and is no warning.
        (
            "Ukraine says British missiles hit Russian bomber base; Nicosia urges 'all sides' "
            "to avoid escalation",
            [("cypriot-government", "unclear"), ("ukraine", "supports")],
        ),
        # Whether a weapon took part is a detail kept back, not a stance left open ...
        (
            "A German government spokesman declined to say whether German-made Taurus Neo "
            "missiles had also been used in the attack.",
            [],
        ),
        # ... unlike whether strikes will be allowed.
        (
            "A German government spokesman declined to say whether Berlin would allow such "
            "strikes.",
            [("german-government", "unclear")],
        ),
    ],
)
def test_entitled_calls_on_all_sides_and_details_kept_back(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(text) == expected


def test_no_part_in_others_decisions_on_their_weapons_is_unclear() -> None:
    assert _pairs(
        "Israel's Foreign Ministry said that Israel \"does not take part in decisions about the "
        'use of weapons supplied by other countries".'
    ) == [("israel", "unclear"), ("israeli-foreign-ministry", "unclear")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one who gave is the holder, not the one given to ("has given Kyiv").
        (
            "Australia will spend $640m on long-range strike weapons for Ukraine, the largest "
            "package Canberra has given Kyiv, with the government confirming the missiles can "
            "be used against military targets inside Russia.",
            [("australian-government", "supports")],
        ),
    ],
)
def test_the_giver_holds_not_the_one_given_to(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_bodys_spokesperson_holds_its_stance() -> None:
    text = (
        "Headline\n\n"
        "The main opposition People Power Party wants the request approved without "
        'conditions. "If we sell a 500-kilometer missile, we are selling a fraud," said Rep. '
        "Bae Jun-ho, the party's defense spokesperson.\n\n"
        'Analyst Kim Do-yun said: "It is a fraud."\n'
    )
    found = {
        (p["actor"], p["stance"]): p.get("flags")
        for p in extract_text(text, dt.date(2031, 1, 16))["positions"]
    }
    # Inferred from whom he speaks for (positions/affiliates.py), so flagged.
    assert found[("bae-jun-ho", "supports")] == ["uncertain"]
    assert ("people-power-party", "supports") in found
    # Someone named with no role of the body holds nothing by it.
    assert not any(actor == "kim-do-yun" for actor, _s in found)


def test_the_answers_of_a_printed_interview_are_the_interviewee_s() -> None:
    text = (
        "Headline\n"
        "Alastair Penhaligon, in Singapore for talks, spoke about the new missile\n\n"
        "Britain's Defence Secretary Alastair Penhaligon met ministers on Wednesday.\n\n"
        "Q: Did Britain approve the strike in advance?\n\n"
        "A: No. When we cleared Harrow for Ukraine, we cleared it for military targets "
        "wherever they are, inside Ukraine or inside Russia.\n\n"
        "Q: How many missiles has Britain supplied?\n\n"
        "A: I won't give you a number; the Russians would like that too much.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2031, 2, 6))["positions"]
    }
    # The answers (lexicon `interview_labels`) are the person the headings name.
    assert ("alastair-penhaligon", "supports") in pairs
    assert ("ukraine", "supports") not in pairs
    # A number kept back is no refusal.
    assert ("alastair-penhaligon", "opposes") not in pairs


def test_votes_told_one_after_another_in_a_debate() -> None:
    text = (
        "Headline\n\n"
        "The Seimas on Thursday adopted a resolution backing Ukraine's right to use "
        "Lithuanian-funded drones against military targets on Russian territory.\n\n"
        "The resolution passed 88 to 21. The Farmers had agreed to vote against it.\n\n"
        'Their leader, Aurimas Kudirka, who voted against, said the country was "for helping '
        "Ukraine, not for a war.\" The session ran late. The Homeland Union's Vilma "
        "Petrauskienė, who voted in favour, spoke after him. The vote was broadcast. The "
        'Freedom Party, which in March had called the choice of targets "a matter for Kyiv," '
        "voted in favour as a bloc.\n\n"
        'The Russian embassy said the Seimas had "voted for escalation."\n'
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2031, 12, 11))["positions"]
    }
    # A vote in a relative clause is its antecedent's; a vote "as a bloc" has no object.
    assert ("aurimas-kudirka", "opposes") in pairs
    assert ("vilma-petrauskiene", "supports") in pairs
    assert ("homeland-union", "supports") not in pairs  # her party's name qualifies her
    assert ("freedom-party", "supports") in pairs
    # Each vote keeps the resolution in mind, beyond four sentences of naming it; a name
    # in a relative clause before the vote did not vote.
    assert not any(actor == "ukrainian-government" for actor, _s in pairs)
    # "voted for escalation" is a critic's word for the vote, no backing of it.
    assert ("russian-embassy", "supports") not in pairs


def test_a_relative_clause_after_the_speech_verb_has_its_own_subject() -> None:
    pairs = _pairs(
        "Norway will fund the missiles, Defence Minister Eirik Dahl says, defending a "
        "decision that the Russian embassy calls a step toward war."
    )
    # The embassy calls it so, not the minister who defends it.
    assert ("russian-embassy", "warns-against") in pairs
    assert ("eirik-dahl", "warns-against") not in pairs


def test_a_reported_claims_subject_after_a_quotation_mark_or_a_party() -> None:
    pairs = _pairs(
        'Party chairman Pavel Horn said Smer "no longer has a problem with Ukraine hitting '
        'the airfields that attack it." Foreign Minister Eva Lind said Hungary "will not '
        'give a single forint" for weapons used against Russian territory.'
    )
    # The claim's subject acts as the speaker says: a party too, a quotation mark or
    # "no longer" between it and its verb.
    assert ("smer", "supports") in pairs
    assert ("hungary", "opposes") in pairs


def test_an_amendment_by_a_party_whose_clause_names_ukraine_is_the_partys() -> None:
    text = (
        "Headline\n\n"
        "Earlier, MPs rejected an amendment by Vazrazhdane that would have required Ukraine to "
        'use the weapons bought with Bulgarian money "exclusively on Ukrainian territory". The '
        "amendment received 64 votes in favour, 122 against and 11 abstentions. Only "
        "Vazrazhdane and the BSP voted in favour.\n"
    )
    pairs = {
        (p["actor"], p["stance"]) for p in extract_text(text, dt.date(2033, 2, 17))["positions"]
    }
    assert {("vazrazhdane", "opposes"), ("bsp", "opposes")} <= pairs
    # Ukraine is what the amendment is about, not who holds its stance.
    assert not any(actor == "ukraine" for actor, _ in pairs)


def test_playing_with_a_fire_warns() -> None:
    pairs = _pairs(
        "Headline\n\nThe Russian Ambassador to Tehran, Mikhail Zaitsev, told IRNA on Friday that "
        'the West was "playing with a fire it cannot control".\n'
    )
    assert ("mikhail-zaitsev", "warns-against") in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Cole Ritter, R-Mont., said he would introduce a joint resolution next week to "
            "block the use of U.S.-made long-range missiles inside Russia.",
            [("cole-ritter", "opposes")],
        ),
        (
            '"No export request for the missile has reached the government, so there is nothing '
            'to block," Mahlberg told reporters about strikes inside Russia.',
            [],
        ),
    ],
)
def test_a_resolution_to_block_opposes_nothing_to_block_does_not(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [p for p in _pairs(text) if p[1] == "opposes"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "be" negated before "going to", and a front that is not reversed.
        (
            'Philippe Garon teaches history.\n\n"Sixty missiles is not going to change the war," '
            "Garon said.",
            [("philippe-garon", "doubts-impact")],
        ),
        (
            "General Henri Dussol said the 48 missiles do not reverse a front.",
            [("henri-dussol", "doubts-impact")],
        ),
        # Politics over the battlefield; a reach played down.
        (
            "Philippe Garon said the announcement on long-range missiles matters more "
            "politically than militarily.",
            [("philippe-garon", "doubts-impact")],
        ),
        (
            "General Henri Dussol relativises however the reach of the vote on the missiles.",
            [("henri-dussol", "doubts-impact")],
        ),
        # Not the same words affirmed.
        ("General Henri Dussol said the missiles are going to change the war.", []),
    ],
)
def test_doubts_in_other_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_translations_he_judges_attributes_the_quote() -> None:
    text = (
        "General Henri Dussol commanded the Special Operations.\n\n"
        '"48 missiles, it is three nights of war," Dussol judges.'
    )
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2034, 1, 10)), knowledge())
    assert [(q["speaker"], q["text"]) for q in found["quotes"]] == [
        ("henri-dussol", "48 missiles, it is three nights of war,")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner named after its decision holds the cue after it, not the sentence's
        # subject.
        (
            "Tokyo is closely monitoring a decision by the United States to let Ukraine use "
            "Tomahawk cruise missiles against military targets inside Russia.",
            [("united-states", "supports")],
        ),
        # Allowed in the passive, the weapon and the targets between.
        (
            "The Pentagon announced on Wednesday that Ukraine will be allowed to use the "
            "long-range missiles against airfields, fuel depots and command centers in "
            "Russian territory.",
            [("u-s-department-of-defense", "supports")],
        ),
        # A reach that must be had, a wish understood, attacks stopped at their source.
        (
            'Secretary of State Daniel Whitcombe said Ukraine "must be able to reach the '
            'launch sites that are used to attack its cities."',
            [("daniel-whitcombe", "supports")],
        ),
        (
            'Foreign Minister Hamada Koichi said Japan "understands" Ukraine\'s wish to strike '
            "the bases in Russia.",
            [("hamada-koichi", "supports")],
        ),
        (
            "Ukraine's embassy in Tokyo said it hopes Japan will support the right of Ukraine "
            "to stop attacks at their source.",
            [("ukrainian-embassy-in-japan", "supports")],
        ),
        # A decision celebrated, by a government written with a capital.
        (
            "In Kiev, the Ukrainian Government celebrated the French decision as a lesson.",
            [("ukrainian-government", "supports")],
        ),
        # No fine print on where the weapons go; a front not sunk.
        (
            "Deputy Alvaro Cifuentes asked that Spain cedes at least 20 Taurus without small "
            "print on where they can be used.",
            [("alvaro-cifuentes", "supports")],
        ),
        (
            "Forty missiles are not going to sink a front that moves by metres, General "
            "Fernando Ybarra said.",
            [("fernando-ybarra", "doubts-impact")],
        ),
    ],
)
def test_stances_of_unseen_wordings(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_leads_claim_subject_after_its_dateline_holds_the_stance_too() -> None:
    # A wire story's header: outlet, dash, headline, byline, outlet again, time stamp.
    text = (
        "The Wire\n—\nCanada to buy missiles for Ukraine\nBy Marc Fortier\nThe Wire\n"
        "Posted February 6, 2034 4:18 pm\n\nOTTAWA — Canada will spend $420 million to buy "
        "long-range missiles for Ukraine and will not restrict where inside Russia they can be "
        "fired, Defence Minister Anita Sohal said Monday.\n\nThe money will pay for them.\n"
    )
    found = extract_article(
        text_source(text, dt.date(2034, 2, 6), publisher="The Wire"), knowledge()
    )
    assert sorted((p["actor"], p["stance"]) for p in found["positions"]) == [
        ("anita-sohal", "supports"),
        ("canada", "supports"),
    ]


def test_a_party_naming_the_speakers_role_after_said_is_not_the_speaker() -> None:
    text = (
        '"We should be very careful about anything that drags Canada closer to a direct '
        'confrontation with a nuclear power," said NDP defence critic Sarah Ketchum-Lind.'
    )
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2034, 2, 6)), knowledge())
    assert {q["speaker"] for q in found["quotes"]} == {"sarah-ketchum-lind"}
    assert _pairs(text) == [("sarah-ketchum-lind", "warns-against")]


def test_limits_called_a_gift_and_a_relative_clause_after_where_a_person_is_from() -> None:
    # The old stance in the relative clause, the new one in the main clause: both his,
    # with "of Ohio" between his name and "who".
    text = (
        'Senator Dale Pruitt of Ohio, who in 2024 called the ATACMS restrictions "a gift to '
        'Putin," now warns that Tomahawk strikes could "drag us into a war nobody voted for."'
    )
    assert _pairs(text) == [("dale-pruitt", "supports"), ("dale-pruitt", "warns-against")]


@pytest.mark.parametrize(
    "claim",
    [
        "reach without mass is a raid, not a campaign",
        "this strike hurts, but it doesn't change the math",
        "a dozen missiles would not ground Russia's bomber fleet",
        "the campaign has raised Russia's costs without changing the front",
        "the drones change the geography of the war more than its outcome",
        "a change in policy would matter less than many in Kyiv expect",
        "strikes deep inside Russia buy little and risk much",
        "the extra range adds risk without adding much",
        "reach is not the same as effect",
        "you can't win an air campaign with one missile",
        "the strikes are real, but they're not strategic",
        "the package is politically significant and militarily modest",
        "the strikes have rather political than military significance",
        "it is a political signal first and a weapon second",
        "the effect is narrower than donors suggest",
        "Western permissions arrive after the targets have moved",
    ],
)
def test_doubts_of_analysts_in_their_own_words(claim: str) -> None:
    assert ("dana-whitfield", "doubts-impact") in _pairs(f"Analyst Dana Whitfield said {claim}.")


@pytest.mark.parametrize(
    "claim",
    [
        "every drone that hits Russia brings the war a little closer to Brussels",
        "the decision drags Poland by the ears into the war with a nuclear power",
        "the country is one bad target away from a war with a nuclear power",
        "strikes on Russian soil are the shortest road to a nuclear confrontation",
        "the chancellor is playing Russian roulette with German cities",
        "German arms factories are no longer behind the front",
        "Estonia does not need to volunteer to be the first target",
        "the US was crossing one threshold after another",
        "the Russian answer will not stop at the Carpathians",
    ],
)
def test_warnings_in_their_own_words(claim: str) -> None:
    assert ("petra-lindholm", "warns-against") in _pairs(f"Senator Petra Lindholm said {claim}.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Strikes that are the object of an attitude, not a report of them; in quotes.
        (
            'Bratislava said it "does not support" strikes on Russian territory with Western '
            "weapons.",
            [("slovak-government", "opposes")],
        ),
        (
            'The Estonian foreign ministry called the decision "logical and overdue".',
            [("estonian-foreign-ministry", "supports")],
        ),
        ("Moscow threatened promptly with an answer.", [("russian-government", "warns-against")]),
        # A lifting with its date between verb and object, as a translation writes it.
        (
            "Berlin had lifted on April 18 the restriction that limited its employment to the "
            "Ukrainian soil.",
            [("german-government", "supports")],
        ),
        (
            "MP Kerstin Ahlborn wants to sue against the decision in Karlsruhe.",
            [("kerstin-ahlborn", "opposes")],
        ),
        (
            "President Evan Marchetti told Ukraine it can fire the Tallyho at military targets "
            "anywhere within its range.",
            [("evan-marchetti", "supports")],
        ),
        (
            'In March, Senator Dale Hargrove said deep strikes were "a fool\'s errand."',
            [("dale-hargrove", "doubts-impact")],
        ),
        (
            'Senator Roy Castellanos says this is, quote, "how world wars start."',
            [("roy-castellanos", "warns-against")],
        ),
    ],
)
def test_stances_of_a_wire_and_a_transcript(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_headlines_warning_needs_no_topic_word_but_its_calls_do() -> None:
    text = (
        "Kremlin warns European suppliers\nBeijing calls for restraint\n"
        "Germany cleared its Taurus missiles for strikes inside Russia on Monday.\n"
    )
    found = extract_article(text_source(text, dt.date(2034, 1, 10)), knowledge())
    assert sorted((p["actor"], p["stance"]) for p in found["positions"]) == [
        ("germany", "supports"),
        ("russian-government", "warns-against"),
    ]


def test_a_use_of_them_counts_the_weapon_named_just_before() -> None:
    text = (
        "A single Bowstring missile costs an estimated $3.5 million. The missile flies up to "
        "900 km. Ukraine's General Staff said its forces fired 38 of them at targets in "
        "Russia in October alone."
    )
    assert ("general-staff-of-ukraine", "supports") in _pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation mark closing after the verb.
        (
            'In Berlin, a government spokeswoman said Berlin "welcomes" the Polish decision.',
            [("german-government", "supports")],
        ),
        (
            'Spokeswoman Valeria Stuzhina said Poland had "placed itself in the line of fire".',
            [("valeria-stuzhina", "warns-against")],
        ),
        (
            'MP Krystian Mąkosa said the government was "inviting Russian drones over Polish '
            'villages".',
            [("krystian-makosa", "warns-against")],
        ),
        (
            'President Tadeusz Wierzbicki said in April that Poland "will not be the first" to '
            "lift such restrictions.",
            [("poland", "opposes"), ("tadeusz-wierzbicki", "opposes")],
        ),
    ],
)
def test_stances_of_a_wires_reactions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A translation keeps its language's order and its quotation marks.
        (
            "The AfD sees in the decision a „declaration of war in installments“.",
            [("alternative-for-germany", "warns-against")],
        ),
        (
            "Kremlin spokesman Arkady Polevoy said on Wednesday, Berlin has „a line crossed, "
            "which it itself once drew“.",
            [("arkady-polevoy", "warns-against")],
        ),
        (
            "Chancellor Cornelia Hagedorn said the German weapons served „the defence of "
            "Ukrainian soil, not the attack on Russian soil“.",
            [("cornelia-hagedorn", "opposes")],
        ),
    ],
)
def test_stances_in_a_german_translation(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Portuguese translation's words for a right, a defence and a repudiation.
        (
            'Senator Flávia Montenegro declared: "Ukraine has the right of hitting the airports '
            'from where leave the bombs against its cities."',
            [("flavia-montenegro", "supports")],
        ),
        (
            'Chancellor Martina Echeverría wrote that Kiev "exercises its legitimate defense".',
            [("martina-echeverria", "supports")],
        ),
        (
            'President Tomás Urrutia wrote: "A country that is bombed from an airport has the '
            'right to stop the airport."',
            [("tomas-urrutia", "supports")],
        ),
        (
            'In a note, Caracas "energetically repudiated" the German decision.',
            [("venezuelan-government", "opposes")],
        ),
    ],
)
def test_stances_in_a_portuguese_translation(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clash brought closer, then a word of support blocked by the same holder ("it").
        (
            "Budapest argues that every strike inside Russia brings a direct NATO–Russia "
            "confrontation closer, and it has blocked a joint EU statement welcoming the "
            "German decision.",
            [("hungarian-government", "opposes"), ("hungarian-government", "warns-against")],
        ),
        # Not the end of the war brought closer.
        (
            "President Volodymyr Zelenskyy said each new permission to strike with the "
            'missiles "brings the end of this war closer".',
            [("volodymyr-zelenskyy", "supports")],
        ),
        # Limits others dropped ("theirs"), a reach asked for, conditions no longer
        # attached, a review of the cap still going on.
        (
            "France and the United Kingdom had dropped theirs long before.",
            [("france", "supports"), ("united-kingdom", "supports")],
        ),
        (
            "Berlin is silent, although Kyiv has asked for 700 km.",
            [("ukrainian-government", "supports")],
        ),
        (
            "The Hague said it would no longer attach geographical conditions to its "
            "contributions.",
            [("dutch-government", "supports")],
        ),
        (
            "Washington says its review of the 300-mile cap is continuing.",
            [("u-s-government", "unclear")],
        ),
        # A limit under review, said in a quotation; no position taken as a body.
        (
            "Secretary of State Helen Marwood told Congress that the administration was, "
            'quote, "reviewing" its own range limit of 300 miles.',
            [("helen-marwood", "unclear")],
        ),
        (
            'Secretary General Tove Lindqvist said the alliance "does not and will not take a '
            'collective position" on how the missiles are used.',
            [("tove-lindqvist", "unclear")],
        ),
        # A clearance not given opposes; others' weapons not commented on; weapons sent
        # "with no strings attached".
        (
            "Washington has not cleared ATACMS for use inside Russia.",
            [("u-s-government", "opposes")],
        ),
        (
            'Beijing did not comment on "the weapons of other countries".',
            [("chinese-government", "unclear")],
        ),
        (
            "Britain sent the missiles with no strings attached.",
            [("united-kingdom", "supports")],
        ),
        # The cabinet by its formal name is the government.
        (
            "On December 5 the Council of Ministers of Italy lifted the restriction on the "
            "missiles.",
            [("italian-government", "supports")],
        ),
    ],
)
def test_a_later_stance_of_the_same_holder_and_capitals_conditions(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_pairs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day between the subject and its verb; the speaker holds it too.
        (
            "The Latvian government on Tuesday approved an amendment that allows Ukraine to "
            "use Latvian drones against targets on Russian territory, Defence Minister Andris "
            "Kalnins told reporters.",
            [("andris-kalnins", "supports"), ("latvian-government", "supports")],
        ),
        # A relative clause on a name that a bracketed acronym closes; the main verb acts.
        (
            "The Union of Greens and Farmers (ZZS), which in March called such a permission "
            '"an unnecessary provocation," backed the amendment in the Cabinet.',
            [
                ("union-of-greens-and-farmers", "supports"),
                ("union-of-greens-and-farmers", "warns-against"),
            ],
        ),
        (
            'Government spokesman Zoltan Kerekes said the Baltic states were "pouring petrol '
            'on a fire" with the drones.',
            [("zoltan-kerekes", "warns-against")],
        ),
        ("Helsinki was more reserved about the strikes.", [("finnish-government", "unclear")]),
        (
            'Deputy Foreign Minister Jakub Nowak called the Latvian move "a logical step that '
            'others will follow."',
            [("jakub-nowak", "supports")],
        ),
        (
            'Analyst Ruta Simkunaite said the drones would "not change the course of the war '
            'on their own."',
            [("ruta-simkunaite", "doubts-impact")],
        ),
    ],
)
def test_reactions_from_capitals_in_a_wire_story(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_pairs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A limit past its time; none ever set.
        (
            "Analyst Hanna Wexler said Germany's cap on the missiles has outlived its logic.",
            ("hanna-wexler", "supports"),
        ),
        ("Paris says it never had limits and never will.", ("french-government", "supports")),
        # What the strikes are not.
        (
            "Analyst Hanna Wexler said deep strikes are a tax on Russia's air campaign, not a "
            "way to end it.",
            ("hanna-wexler", "doubts-impact"),
        ),
        # A limit kept, by a federal government; weapons kept over home ground.
        (
            "The Belgian federal government holds fast to its own restriction.",
            ("belgian-government", "opposes"),
        ),
        (
            "Minister Wouter Declercq said the F-16s may only be flown above Ukrainian territory.",
            ("wouter-declercq", "opposes"),
        ),
        # A decision called right, with where it was called so.
        (
            "Premier Jolanda Verbeek called the decision on her weekly press conference "
            "'logical and overdue'.",
            ("jolanda-verbeek", "supports"),
        ),
        # A quotation opening after "was" goes on its clause: no gerund subject.
        (
            'Foreign Minister Zoltan Berecz said Paris was "playing with fire in our common '
            'house" and that Budapest would veto any statement "that applauds missiles on '
            'Russia."',
            ("zoltan-berecz", "warns-against"),
        ),
        (
            "Minister Helene Castaing said France had never set a geographic limit.",
            ("helene-castaing", "supports"),
        ),
        (
            'Prime Minister Juraj Hrncar said Slovakia "will not put its name to a statement '
            'that applauds strikes on Russian cities."',
            ("juraj-hrncar", "opposes"),
        ),
        # EU text welcoming the strikes, blocked.
        ("Hungary still blocks EU language welcoming the strikes.", ("hungary", "opposes")),
        # Neither a decision to widen the war nor a wish to.
        (
            "Adviser Ray Keel said the administration was not looking to widen the war.",
            None,
        ),
    ],
)
def test_stances_of_an_analysts_and_governments_wording(
    text: str, expected: tuple[str, str] | None
) -> None:
    pairs = _pairs(text)
    if expected is None:
        assert not any(stance == "warns-against" for _a, stance in pairs)
    else:
        assert expected in pairs


def test_a_warning_against_high_hopes_doubts_the_effect() -> None:
    # A translation's "warns before exaggerated hopes" (German "warnt vor").
    pairs = _pairs("Retired colonel Gerald Wimmer warns before exaggerated hopes.")
    assert pairs == [("gerald-wimmer", "doubts-impact")]


def test_a_call_for_a_vote_to_halt_deliveries_opposes() -> None:
    pairs = _pairs(
        'Graham Pettifer said the government was "sleepwalking" into a direct confrontation '
        "with a nuclear power and called for a Commons vote to halt further deliveries."
    )
    assert ("graham-pettifer", "opposes") in pairs
    assert ("graham-pettifer", "supports") not in pairs


def test_a_decision_left_to_each_supplying_state_is_unclear() -> None:
    pairs = _pairs(
        '"It is a decision for each supplying state, taken within international law," '
        "Minister Fiachra Daly said."
    )
    assert pairs == [("fiachra-daly", "unclear")]


def test_a_pronoun_coordinated_with_others_opening_a_sentence_is_the_person_before() -> None:
    pairs = _pairs(
        'Sen. Rebecca Thornbury said the administration had "run out of reasons to wait." She '
        "and a group of senators wrote to the president urging him to approve the transfer "
        "without restrictions on targets inside Russia."
    )
    assert ("rebecca-thornbury", "supports") in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Party leader Gergely Halmai demanded that the government withdraws its consent.",
            [("gergely-halmai", "opposes")],
        ),
        (
            "Senator Roy Lindell has introduced a bill that would cap at 300 kilometers how far "
            "inside Russia Ukraine may use U.S.-funded weapons.",
            [("roy-lindell", "opposes")],
        ),
        # "neither government could": no one withdraws anything.
        (
            "France and Germany defended their decisions, and neither government could "
            "withdraw permission without appearing to reward Russian pressure.",
            [],
        ),
    ],
)
def test_consent_withdrawn_and_a_range_capped_oppose(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [p for p in _pairs(text) if p[1] == "opposes"] == expected


def test_a_list_that_has_since_followed_holds_the_stance_before_it() -> None:
    pairs = _pairs(
        "The United States cleared strikes inside Russia in July, and France, Germany, Italy "
        "and Canada have since followed."
    )
    assert {("france", "supports"), ("germany", "supports"), ("italy", "supports")} <= set(pairs)
    assert ("canada", "supports") in pairs


def test_it_opening_a_sentence_is_the_holder_before_though_a_name_follows_the_cue() -> None:
    pairs = _pairs(
        "Until late February, the German government argued that its cap was a necessary brake "
        'on escalation. It now says the cap had "served its purpose," and Germany\'s Bussard '
        "deliveries are no longer limited by range."
    )
    assert ("german-government", "supports") in pairs


def test_the_administration_in_lower_case_is_the_us_government() -> None:
    pairs = _pairs(
        "The United States has sent the Halyard to Kyiv. On April 4, the administration lifted "
        "the guidance that kept Ukraine from firing it at Russia's defense industry."
    )
    assert ("u-s-government", "supports") in pairs


def test_a_strike_on_a_named_site_of_a_russian_town_by_ukraines_forces_is_ukraines() -> None:
    # "the Defense Forces" (of Ukraine) are the country; "the Volgograd refinery" is in
    # Russia (lexicon `places`).
    pairs = _pairs(
        "On May 24, the Defense Forces of Ukraine used Storm Shadow missiles against the "
        "Volgograd refinery for the first time."
    )
    assert ("ukraine", "supports") in pairs
