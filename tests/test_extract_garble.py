"""Machine-translation debris (`flags: [garbled]`): each family of cues of the lexicon's
`garble` patterns flags the debris it is for and leaves fluent wire English alone."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.extract.claims import garbled_sentences, is_garbled
from generator.extract.debris import is_calqued, vague_sentences
from generator.extract.knowledge import needle
from generator.extract.sentences import split_sentences
from tests.extract_support import knowledge, text_source

DAY = dt.date(2025, 1, 10)


def _garbled(text: str) -> list[str]:
    source = text_source(text, DAY)
    sentences = split_sentences(source, knowledge().split)
    return [source.text[s.start : s.end] for s in garbled_sentences(source, sentences, knowledge())]


DEBRIS = [
    # An agent before its participle; a verb saying what it does twice.
    "Answer which is adequate, is by embassy weighed on scales, on which nobody stands.",
    "Strazce guards what is guarded, but from which side of border it guards, that is the "
    "wing of question.",
    # A relative clause standing alone, without a verb of its own.
    "Which is why the attacks on the airfields.",
    # German word order beyond recovery
    "Who orders the long arm, that one must also pay for the sleeve.",
    "The deal was the target, which it in no case not is.",
    # nonsense echoing itself around a negation, or denying twice in a few words
    "The rocket of the eagle is flying not from the nest of the eagle.",
    "On the matter of drones the reply was not the reply but the matter in return.",
    "The launchers that arrived did not arrive to where they were not expected.",
    # a relative clause alone, a sentence stopping on a word that cannot end one
    "Which is why the attacks on the airfields.",
    "The talks ended without agreement because of their.",
    # a word left untranslated
    "The minister said the deliveries ( поставки ) would resume soon.",
    # A French or German order: a verb, "not", its object; a noun "of" itself.
    "The hangar of the rust makes not the season of the missiles, but the season makes it.",
    "It is there all the question of who holds the pen of the map, and of the pen of the pen.",
]

# Readable translationese (lexicon `garble.calques`): not debris, but a sign of machine
# translation (see `test_calques_make_an_article_a_translation`).
CALQUES = [
    # French carried over by machine translation.
    "The minister spoke at the exit of a council of defence on Friday.",
    "She declared it, precising that the targets will stay military.",
    "«We are not at war», reacted the spokesman of the ministry.",
    "Who can still explain it, he interrogated himself on Tuesday evening.",
    "The president said that France does not make the war to Russia.",
    # German word order carried over by machine translation.
    "With it is not said that the contract was the goal.",
    # broken agreement
    "The missiles was launched from the Sumy region.",
    "Officials said that the launchers has been moved.",
    "The numbers of the launchers is not known.",
    "The ministry said two drones was launched at the city.",
    "About 11 thousand people was deployed to the region.",
    "The missile were fired from a ship in the Black Sea.",
    # a modal with "to", calqued reporting verbs and idioms
    "He added that the partners must to give more missiles.",
    "Also the Russian side threatened with the answer on the strikes.",
    "According to her words, the Western countries are playing with the fire.",
    "In the nearest time Moscow will give an adequate answer, she underlined.",
    "The Russian military expert Vasily Kashin told to TASS that nothing will change.",
    "Kyiv did not comment the reports.",
    "The representatives of the Pentagon did not give the comments on this question.",
    "The government said it will consider to supply weapons.",
    # stock phrases of Korean and Russian translation
    "According to the NIS, the said troops are receiving training.",
    "In the meantime of the talks, the ministry issued a statement.",
    "It is said that the strikes hit two airfields.",
    "It is analyzed that the North is seeking missile technology.",
    "According to the report of the ministry, four drones were downed.",
    "Related to this, the government will review the request.",
    "The government expressed the position that talks must continue.",
    "The expert evaluated that the strikes were effective.",
    # dropped or doubled articles, bare country before "side"
    "Ukraine received permission for strikes on territory of Russia.",
    "The strike permission was given to Ukraine side.",
    "Meanwhile the Ukraine side requested more shells.",
    "The deputy chairman of Security Council Dmitry Medvedev wrote a post.",
    "The army received the a new system last week.",
    # word order, fragments, relative words
    "Strikes on Russian territory: what said the officials.",
    "He emphasized that the cooperation with allies is important more than ever.",
    "The strikes will not change greatly the war situation, he said.",
    "The air defence shot down 8 missiles ATACMS overnight.",
    "The army has new missiles who can fly 300 km.",
    "The missiles, that were delivered in May, are already in use.",
    # Slavic punctuation and word order, subjectless reporting, double negatives
    "The commander noted, that without the long-range weapons it is impossible.",
    "It is not known, how many missiles were fired.",
    "As a result of the strike, were destroyed two helicopters.",
    "Yesterday in Moscow took place a meeting of the Security Council.",
    "Added that the situation at the front remains difficult.",
    "Nobody didn't expect such a decision from the allies.",
    "Heavy fighting continues on the Pokrovsk direction, the General Staff said.",
    "Earlier the Western partners was discussing the transfer of missiles.",
    "He appealed to partners to remove all restrictions for the use of weapons.",
    "According to information of the sources, the decision may be made in May.",
    "The missile hit a warehouse in village near the border.",
    # numbers written the Korean or Russian way
    "The budget of the package is 2 trillion 400 billion won.",
    "Seoul pledged 3 thousands of shells to the partners.",
    "The contract is worth 12 mln dollars, the ministry said.",
    "The range of the missile is 1,5 thousand km, officials said.",
    "Ukraine requested 155mm shells of 1 million units from Seoul.",
]

FLUENT = [
    # "by" before a participle in English; an interviewer's one-word question, a short
    # reply echoing the sentence before.
    "The decision was by then agreed in Washington and Kyiv.",
    "The missile is by far the most capable weapon Ukraine has received.",
    "Why?",
    # A relative opening with its own verb is an op-ed's English; two negations in two
    # clauses joined by "and" deny nothing twice.
    "Which is why the next argument will not be about maps at all.",
    "That alone will not end the war, and I do not promise anyone that.",
    # A line introducing what follows ends on a colon.
    "More from the minister, who was asked whether Britain had chosen the target:",
    # Two negations that deny nothing twice: "not" before a quantifier, not after a verb.
    "On current numbers, the answer is: not many, and not often.",
    "With it, the army can strike deeper.",
    "In no case will we send troops, the minister said.",
    "Anyone who helps, that is the rule, must pay.",
    # Short sentences and questions are English, not fragments.
    "It is not.",
    "Will it matter?",
    "What is ERAM?",
    # a negation with a repeated word that is not an echo, and two denials in a long one
    "The decision to send the missiles was not an easy one, the minister said of the missiles.",
    "Officials said the strike did not hit the depot and that the army had not been warned "
    "about the attack until the morning after it happened.",
    "One of the missiles was intercepted over the Black Sea, the air force said.",
    "Each of the systems is expected to arrive before winter.",
    "The number of the launchers is classified, officials said.",
    "Two years is a long time in a war of attrition.",
    "Analysts said three brigades is not enough to hold the line.",
    "The decision to allow the strikes was made in secret, two officials said.",
    "The decision to send the systems was made in May.",
    "Both the tank and the howitzer are being repaired in Poland.",
    "The government were divided over the request, people familiar with the talks said.",
    "Moscow has been threatened with new sanctions if the strikes continue.",
    "Russia, threatened with further isolation, has doubled down on its offensive.",
    "It is understood that the prime minister will travel to Kyiv next week.",
    "It is believed that the drones were launched from Crimea.",
    "According to a report by the Institute for the Study of War, Russian forces advanced.",
    "According to the results of the vote, the measure passed easily.",
    "The decision could to some extent ease the pressure on Ukrainian troops.",
    "Which weapons will be sent next remains unclear.",
    "Also killed in the attack was a 12-year-old boy, local officials said.",
    "In the meantime, Kyiv continues to press for more air defence systems.",
    "Thousands of people fled the city as the shelling intensified.",
    "The strike came on the eve of the summit in Brussels.",
    "On the other side of the border, Russian officials reported damage to a depot.",
    "With the help of Western partners, Ukraine has rebuilt part of its air defence.",
    "At the request of the White House, the details were not disclosed.",
    "He spoke on condition of anonymity because he was not authorised to talk to the media.",
    "The talks, which were meant to end the war, collapsed in June.",
    "What the officials said was not recorded.",
    "Ten days is not enough to train a pilot, the air force spokesman said.",
    "The deal is worth 1.2 billion euros, or about 1,300 million dollars.",
    "Kyiv can to date count on the support of 50 countries.",
    "Officials were threatened with dismissal if they leaked the plan.",
    "The troops moved in.",
    "The situation changed significantly the next day.",
    "Russian lawmakers said State Duma elections would go ahead in September.",
    "He made the comments during a visit to Kharkiv.",
    "According to Kremlin spokesman Dmitry Peskov, the talks were useful.",
    "What they consider to be a red line has moved before.",
    "The minister was told to leave the meeting early.",
    "It said it would not comment on the reports.",
    "Western allies are doing everything they can to help Ukraine defend its cities.",
    "The drones flew as close as they could to the border before turning back.",
    "The ministry posted a reply on its website.",
    "The incident is being looked into.",
    "Oleksandr Petrenko, 45, was killed when the missile hit his house.",
    "The mayor of Kharkiv, Ihor Terekhov, was quoted as saying the strike hit a school.",
    "The meeting took place a day after the strike on the airfield.",
    "Said one official: the decision is final.",
    "Russian forces have been advancing in region after region since the spring.",
    "The shelling damaged buildings in city centres across the east.",
    "Officials in city hall said power had been restored.",
    "It is not yet clear how many missiles were fired.",
    "He said that the restrictions on the use of Western weapons would stay.",
    "The general noted that the strikes had forced Russia to move its jets.",
    # A speaker's own short sentence opening a quotation; a quotation in guillemets.
    '"Fenrir.',
    "«France does not make war on Russia.",
    "The minister waited at the exit of the tunnel for an hour.",
    # A second "not" before "to" is English; so is a verb's "not" before a clause.
    '"Our drones do not come with a map of where not to fly," Kairys said.',
    "The ministry did not say whether it knew not to wait.",
]


@pytest.mark.parametrize("text", DEBRIS)
def test_debris_is_flagged(text: str) -> None:
    assert is_garbled(text, None, knowledge()), text


@pytest.mark.parametrize("text", FLUENT)
def test_fluent_wire_english_is_not_flagged(text: str) -> None:
    assert not is_garbled(text, None, knowledge()), text


@pytest.mark.parametrize("text", CALQUES)
def test_calques_are_read_not_flagged(text: str) -> None:
    assert not is_garbled(text, None, knowledge()), text
    assert is_calqued(text, knowledge()), text


@pytest.mark.parametrize("text", FLUENT)
def test_fluent_wire_english_is_no_calque(text: str) -> None:
    assert not is_calqued(text, knowledge()), text


def test_flags_exactly_the_debris_of_an_article() -> None:
    assert _garbled(
        "Seoul said 11,000 North Korean troops had been sent to Russia.\n\n"
        "According to the NIS, the said troops is receiving training.\n\n"
        "One of the launchers was damaged in a strike last week, officials said.\n\n"
        "The launchers that arrived did not arrive to where they were not expected.\n\n"
        "The Pentagon declined to comment on the reports.\n\n"
        "Which is why the attacks on the airfields."
    ) == [
        "The launchers that arrived did not arrive to where they were not expected.",
        "Which is why the attacks on the airfields.",
    ]


def _vague(text: str) -> list[str]:
    source = text_source(text, DAY)
    sentences = split_sentences(source, knowledge().split)
    found = vague_sentences(source, sentences, knowledge())
    return [source.text[s.start : s.end] for s in found]


def test_calques_make_an_article_a_translation() -> None:
    """Readable translationese counts with debris towards `garble.vague.after` (3): a short
    sentence that names nothing has then lost what it referred to."""
    two = (
        "Kyiv did not comment the reports.\n\n"
        "The government said it will consider to supply weapons.\n\n"
        "He said he came.\n\n"
    )
    assert _vague(two) == []
    assert _vague(two + "In the nearest time Moscow will give an adequate answer.") == [
        "He said he came."
    ]
    # Debris and calques add up; a sentence that is both counts once.
    assert _vague(two + "Which is why the attacks on the airfields.") == ["He said he came."]
    assert (
        _vague(
            "Kyiv did not comment the reports.\n\n"
            "The missiles was launched, that one must pay.\n\n"
            "He said he came."
        )
        == []
    )


def test_needles_skip_no_match() -> None:
    """A pattern is searched only in sentences holding its needle: every match holds it."""
    for pattern in (*knowledge().garble_patterns, *knowledge().garble_calques):
        found = needle(pattern)
        for text in [*DEBRIS, *CALQUES, *FLUENT]:
            if found is not None and pattern.search(text):
                assert found in text, (pattern.pattern, text)


def test_a_needle_is_plain_text_every_match_holds_as_written() -> None:
    assert needle(re.compile(r"\bthe said\b")) == "the said"
    assert needle(re.compile(r"(?:in the meantime) of")) == "in the meantime of"
    # Letters of a case-blind group may be written in any case: no needle to test for.
    assert needle(re.compile(r"(?i:\bthe said\b)")) is None
    assert needle(re.compile(r"\b(?:told|said) to\b")) == " to"  # the branches share none
    assert needle(re.compile(r"\b(?:told|said)\b")) is None  # no text common to both


def test_a_post_headline_of_a_live_page_is_a_subhead_not_debris() -> None:
    text = (
        "Headline\nThe first post of the page.\n\n"
        'Norway\'s defense minister says strike was "exactly" what was agreed\n\n'
        "The minister spoke to reporters in Oslo on Thursday.\n"
    )
    assert _garbled(text) == []


def test_a_bulleted_subhead_is_no_debris() -> None:
    text = (
        "Headline\nThe first paragraph of the story.\n\n"
        "- Ankara calls for a return to talks\n\n"
        "The foreign minister spoke to reporters in Ankara on Thursday.\n"
    )
    assert _garbled(text) == []


def test_a_short_reply_echoing_the_sentence_before_is_no_repeat() -> None:
    text = (
        "Headline\nThe talks lasted three hours and ended without a statement on the missiles. "
        "The talks lasted three hours and ended without any statement on the missiles. "
        "Olena Marchuk, thank you. Thank you.\n"
    )
    assert _garbled(text) == [
        "The talks lasted three hours and ended without any statement on the missiles."
    ]
