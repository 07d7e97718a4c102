"""`position_records`: the steps of the other modules run over an article's sentences (and
then its headings), one schema `position` item per actor and stance, evidence in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ...sources import Source, dateline_end
from .. import casefast
from ..bystart import ByStart
from ..debate import Contribution, chair_lines, speaks_for_group
from ..entities import EntityScan
from ..entitycues import government_of
from ..framegate import may_match
from ..holders import (
    AUX_GAP,
    PASSIVE,
    addressed,
    decided_by,
    partners,
    reported,
    speech_gap,
    subject_before,
)
from ..knowledge import Knowledge
from ..names.parties import lexicon_party
from ..quotecues import quote_rules
from ..quotes import QuoteFound, Speech, stable_id
from ..quotes.speakers import APPOSITION
from ..sentences import Sentence
from ..sides import side_countries, side_stances
from ..usereports import names_weapon_by_origin, use_report
from .actors import (
    _actor,
    _after_relative,
    _goes_on,
    _interview_labels,
    _own_country,
    _polls,
    _quoted_holders,
)
from .affiliates import affiliates
from .cues import _MARKS, _VOTE_LOOKBACK, _cues, _firsts, _yield
from .evidence import Evidence, _as_of
from .indirect import _lead_in, _reactions, _record_use
from .motions import MOTION_SENTENCES, motion_owner, motion_stance, motion_votes, names_motion
from .requests import REQUEST_STANCE, request_starts, requesters
from .summaries import _summary
from .topics import _topic_rules

# A strike's object right before a weapon's name: the weapon was the target.
_HIT_BEFORE = re.compile(
    r"\b(?:hit|hits|hitting|struck|destroyed|destroys|destroying|damaged|damages|damaging)"
    r"\s+(?:at least\s+|some\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
)


def _officials_of(text: str, start: int, pos: int, knowledge: Knowledge) -> tuple[str, int] | None:
    """The government whose unnamed officials (lexicon `quote_rules.government_voice`:
    "Ukrainian officials") are the last voice before the cue at `pos`, if the lexicon knows
    it."""
    voice = quote_rules(knowledge).government_voice
    found = list(voice.finditer(text, start, pos)) if voice is not None else []
    if not found:
        return None
    government = knowledge.lookup(f"{found[-1].group('dem')} government")
    return (government, found[-1].start()) if government else None


def _asked(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is a question of the writer's or an interviewer's ("Do you
    expect Russia to retaliate?"): it asks, it holds no one's stance. A quoted question
    is the speaker's words (a rhetorical one may well hold a stance)."""
    passage = text[sentence.start : sentence.end].rstrip()
    return passage.endswith("?") and not any(mark in passage for mark in _MARKS)


# A count of the weapons named before ("fired 38 of them").
_OF_THEM = re.compile(r"\b(?:\d[\d,.]*|[a-z]+) of them\b")
_THEM_BACK = 2  # sentences of its paragraph before it that may name the weapon


# The speaker's own voice in a sentence ("I think", "we will").
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")

# The person a reporter's question addresses ("you called", not "Thank you").
_YOU = re.compile(r"(?<!Thank )\byou\b")


def _subject_right_before(text: str, scan: EntityScan, ev: Speech) -> bool:
    """Whether the speaker of the speech verb `ev` is named right before it, as its
    subject: not a name in a list the verb's subject comes after ("58 senators,
    Republicans and Democrats, looked at this and said"). An apposition may come between
    ("Oleg Zavarzin, the deputy chairman of Russia's Security Council, said")."""
    for m in scan.mentions:
        if m.entity_id != ev.speaker or not ev.sentence.start <= m.start or m.end > ev.start:
            continue
        aside = APPOSITION.match(text, m.end, ev.start)
        if AUX_GAP.fullmatch(text, aside.end() if aside else m.end, ev.start) is not None:
            return True  # "Budapest has long argued"
    return False


def position_records(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    quotes: list[QuoteFound],
    events: list[Speech],
    headings: list[Sentence] | None = None,
    record: Sequence[Contribution] = (),
) -> list[dict[str, object]]:
    """Schema `position` items: one per actor and stance, evidence in text order, but for
    `headings` (headline, dek, subheads: `sentences.split_headings`): they come after the
    body's, whose words state a position better than a headline's shorthand. `record`: the
    contributions of a debate record (`debate.contributions`)."""
    topic = _topic_rules(knowledge)
    # A nationality adjective holds no stance ("called the British decision reckless"), nor
    # does where a poll comes from ("A YouGov poll found that 54 per cent backed ...").
    # Most articles hold no word of the poll patterns (`Frames.poll_gate`): then no name
    # is looked around.
    lowered = casefast.plain_lower(source.text)
    # A weapon that is what a strike hit ("the strike hit two Su-34 bombers") was not used.
    used_weapons = sorted(
        (m.start, m.entity_id)
        for m in scan.mentions
        if (e := scan.entity(m.entity_id)) is not None
        and e.kind == "weapon"
        and not _HIT_BEFORE.search(source.text, max(0, m.start - 40), m.start)
    )
    polls = may_match(topic.frames.poll_gate, lowered)
    # Nationality adjectives too, for requests ("eight months of Ukrainian requests"), in
    # the sentences holding a noun of request (found in one search of the article).
    adjectives = ByStart(scan.mentions)
    request_words = request_starts(source.text, knowledge)
    scan = replace(
        scan,
        mentions=[
            m
            for m in scan.mentions
            if not m.adjective and not (polls and _polls(source.text, m.start, m.end, topic.frames))
        ],
    )
    grouped: dict[tuple[str, str], Evidence] = {}
    summaries: dict[tuple[str, str], str] = {}
    previous: Sentence | None = None
    named = frozenset(m.end for m in scan.mentions)  # where names end
    by_start = ByStart(scan.mentions)
    # The speech verbs of each sentence, in list order: `_actor` and `reported` look only
    # at those of the cue's sentence, and a pass over the article's for every cue compared
    # each verb's sentence with it.
    said: dict[Sentence, list[Speech]] = {}
    for ev in events:
        said.setdefault(ev.sentence, []).append(ev)
    labels, questions = _interview_labels(source, scan, knowledge, record)
    # A debate record's member speaking for the group their label names.
    groups = {c.paragraph: c.group for c in record if c.group}
    chair = chair_lines(source, record)
    # The stance of the last motion a sentence described, and that sentence's index.
    motion: tuple[str, int] | None = None
    for index, sentence in enumerate([*sentences, *(headings or [])]):
        if index == len(sentences):
            previous = None  # a heading continues no sentence
        before, previous = previous, sentence
        # Only a sentence naming a weapon can report a strike by use (`usereports`).
        lo = bisect_left(used_weapons, (sentence.start,))
        hi = bisect_left(used_weapons, (sentence.end,))
        weapons = len({w for _s, w in used_weapons[lo:hi]})  # the weapons it names
        if not weapons and names_weapon_by_origin(source.text, sentence, knowledge, lowered):
            weapons = 1  # "fired Western-supplied long-range missiles": weapons, unnamed
        if (
            not weapons
            and index < len(sentences)
            # Its words first, in C: a sentence without them (nearly all) needs no search
            # tried at each of its word starts.
            and source.text.find(" of them", sentence.start, sentence.end) >= 0
            and _OF_THEM.search(source.text, sentence.start, sentence.end)
            and any(
                b.paragraph == sentence.paragraph
                and bisect_left(used_weapons, (b.end,)) > bisect_left(used_weapons, (b.start,))
                for b in sentences[max(0, index - _THEM_BACK) : index]
            )
        ):
            # "A single Bowstring costs $3.5 million. The missile flies up to 900 km. ...
            # its forces fired 38 of them at targets in Russia": the weapon named just before.
            weapons = 1
        used = use_report(source.text, sentence, knowledge, lowered, weapons) if weapons else None
        if used is not None:
            _record_use(
                source,
                sentence,
                used,
                scan,
                quotes,
                said.get(sentence, []),
                knowledge,
                grouped,
                summaries,
            )
        at_request = bisect_left(request_words, sentence.start)
        requested = at_request < len(request_words) and request_words[at_request] < sentence.end
        for actor, at in requesters(
            source,
            sentence,
            adjectives.between(sentence.start, sentence.end) if requested else [],
            scan,
            knowledge,
            topic,
        ):
            key = (actor, REQUEST_STANCE)
            if not any(s is sentence for s, _d in grouped.get(key, [])):
                grouped.setdefault(key, []).append(
                    (sentence, _as_of(source.text, sentence, source))
                )
                summaries.setdefault(key, _summary(source.text, sentence, at, at, quotes, events))
        # The sentences before, for a vote whose object they gave (none for a heading),
        # and the next one of its paragraph, which may name it ("SV and Rødt will vote
        # against when the case comes to the Storting. SV leader X calls the decision ...").
        earlier = sentences[max(0, index - _VOTE_LOOKBACK) : index] if before else []
        if index + 1 < len(sentences):
            nxt = sentences[index + 1]
            if nxt.paragraph == sentence.paragraph:
                earlier = [*earlier, nxt]
        if motion is not None and index < len(sentences) and names_motion(source.text, sentence):
            motion = (motion[0], index)
        votes = (
            motion_votes(source.text, sentence, scan, motion[0])
            if motion is not None
            and index < len(sentences)
            and index - motion[1] <= MOTION_SENTENCES
            else []
        )
        if votes:
            # "Only the PVV, the SP and FvD voted in favor.": the stance of the motion a
            # sentence before told (`motions`). A vote on it keeps it in mind as naming it
            # does: the votes of a debate are told one after another.
            motion = (motion[0], index) if motion is not None else None
            as_of = _as_of(source.text, sentence, source)
            for voted, vote_at, vote_side in votes:
                for actor, voter_at in voted:
                    key = (actor, vote_side)
                    grouped.setdefault(key, []).append((sentence, as_of))
                    summaries.setdefault(
                        key, _summary(source.text, sentence, vote_at, voter_at, quotes, events)
                    )
            continue
        every = _cues(
            source.text,
            sentence,
            scan,
            knowledge,
            topic,
            named,
            earlier,
            # A headline or dek of an article on the question is on it ("Kremlin warns
            # European suppliers"): its cues need no topic word beside them.
            on_topic=index >= len(sentences),
        )
        told = motion_stance(source.text, sentence, every) if index < len(sentences) else None
        if told is not None:
            motion = (told, index)
        if not every or _asked(source.text, sentence) or sentence.paragraph in chair:
            continue
        cues = _firsts(every)
        # What follows looks only at names of this sentence and the one before, which
        # (mentions in order: `ByStart.ordered`) start between the two's bounds: a pass
        # over those few, not over all of the article's, in each helper.
        near = scan
        if by_start.ordered:
            near = EntityScan(
                by_start.between((before or sentence).start, sentence.end),
                scan.entities,
                scan.descriptions,
            )
        # The earliest cue is the sentence's; a later one counts only for another actor
        # named right before it, as its subject ("Merz would be open to sending Taurus, a
        # step his predecessor Olaf Scholz refused to take").
        cues = _yield(source.text, cues, near, topic.frames, every)
        pos, stance = cues[0]
        spoken = said.get(sentence, [])
        found = labels.get(sentence.paragraph)
        if (
            found is None
            or any(q.kind == "direct" and q.start <= pos < q.end for q in quotes)
            # An answer reporting another's words ("Budapest argues that every deep
            # strike drags Europe closer to a war"): the stance is theirs.
            or any(
                ev.end <= pos
                and ev.speaker not in (None, found[0])
                and _subject_right_before(source.text, near, ev)
                for ev in spoken
            )
        ):
            found = _actor(source.text, pos, sentence, before, near, quotes, spoken, knowledge)
        if sentence.paragraph in questions.reporters:
            # A reporter's question: "you called lifting the restrictions 'a reckless
            # gamble'" is the answerer's; the reporter holds no stance.
            if _YOU.search(source.text, sentence.start, pos):
                answerer = questions.answerers[sentence.paragraph]
                found = (answerer, None) if answerer is not None else None
            elif found is not None and found[0] == questions.reporters[sentence.paragraph]:
                continue
        # "divided over Germany's decision to allow ...": the decision's owner holds it.
        found = decided_by(source.text, sentence, near, pos) or found
        # "an amendment by Vazrazhdane that would have required Ukraine to ...": its tabler's.
        found = motion_owner(source.text, sentence, near, pos) or found
        if found is None:
            # "Ukrainian officials have been pressing for ...": their government's.
            found = _officials_of(source.text, sentence.start, pos, knowledge)
        if found is None:
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            holder = _lead_in(source.text, sentence, following, scan, quotes, events, topic.frames)
            if holder is not None and following is not None:
                key = (holder, stance)
                as_of = _as_of(source.text, sentence, source)
                grouped.setdefault(key, []).extend([(sentence, as_of), (following, as_of)])
                summaries.setdefault(
                    key, _summary(source.text, sentence, pos, None, quotes, events)
                )
            continue
        stated = [(found, stance, pos)]
        group = groups.get(sentence.paragraph)
        if (
            group is not None
            and found == labels.get(sentence.paragraph)
            and speaks_for_group(source.text, sentence.start, pos, knowledge)
        ):
            # "Konstantin Berghoff (FDP): ... We will support the Union's motion": the FDP's.
            stated.append(((group, None), stance, pos))
        # 'Hebestreit said Berlin would not send': the clause's own subject (a government
        # through its spokesman, a person whose stance someone reports) holds it too.
        subject = (
            None
            if PASSIVE.match(source.text, pos)  # "Ukraine should be allowed": not its stance
            else subject_before(
                source.text, sentence, near, quotes, sentence.start - 1, pos, AUX_GAP
            )
        )
        if subject is None and stance not in topic.frames.speaker_only:
            # "Britain will keep supplying ... without restricting where they can be fired,
            # Defence Secretary X said": the claim's own subject, however far from the cue.
            subject = _claim_subject(source.text, near, quotes, pos, knowledge)
        if (
            subject
            and subject[0] != found[0]
            and not (
                stance in topic.frames.speaker_only
                and reported(subject[1], sentence, spoken)  # the subject of someone's words
            )
            and not addressed(source.text, subject[1], pos, topic.frames)
        ):
            stated.append((subject, stance, pos))
            if (
                labels.get(sentence.paragraph) == found
                and stated[0][0] == found
                and (doer := scan.entity(subject[0])) is not None
                and doer.is_person
                and not _FIRST_PERSON.search(source.text, sentence.start, sentence.end)
            ):
                # A labelled speaker telling what another person did ("Deputy X: Last month
                # President Harwood extended her permission to oil refineries"): the doer's
                # stance, not the speaker's, who says nothing of their own ("I", "we"). (A
                # body or a country they name may be their own: "Poland lifted its limits".)
                del stated[0]
        for (prev, _s), (later, other) in pairwise(cues):
            # Only auxiliaries between ("Scholz had refused"): in "any EU statement
            # endorsing the strikes" the name qualifies the noun that endorses.
            subject = subject_before(source.text, sentence, near, quotes, prev, later, AUX_GAP)
            if subject is None:
                # 'Poland lets Ukraine fly drones into Russia; Moscow promises
                # "countermeasures"': the subject of a speech verb right before the cue.
                subject = subject_before(
                    source.text, sentence, near, quotes, prev, later, speech_gap(knowledge)
                )
            if (
                subject
                and all(subject[0] != a for (a, _n), _st, _p in stated)
                # "drones that Kyiv will be free to use": the one let do it holds nothing.
                and not addressed(source.text, subject[1], later, topic.frames)
            ):
                stated.append((subject, other, later))
            elif (
                subject is None
                and other != stance
                and (
                    _goes_on(source.text, prev, later, knowledge)
                    or _after_relative(source.text, sentence, near, prev, later, found[0])
                    # An interviewee's answer or a member's contribution is all theirs: a
                    # second stance in it is theirs too ("My group will vote against it,
                    # and we will ask ... who voted for escalation").
                    or labels.get(sentence.paragraph) == found
                )
                and all(s != other for _a, s, _p in stated)
            ):
                # "said Hungary will not pay ..., calling the deliveries 'a road to a wider
                # war'": the holder goes on to a second stance; "Belgium, which insisted
                # ..., dropped that condition": the clause's antecedent acts after it.
                stated.append((found, other, later))
        for (prev, _s), (later, other) in pairwise(every):
            # A later cue of a stance already stated, with a subject of its own ("..., with
            # Belgium and Estonia welcoming the move"): that subject holds it too.
            if (later, other) in cues:
                continue
            subject = subject_before(source.text, sentence, near, quotes, prev, later, AUX_GAP)
            if (
                subject
                and all(subject[0] != a for (a, _n), _st, _p in stated)
                and not reported(subject[1], sentence, spoken)  # someone's words' subject
                and not addressed(source.text, subject[1], later, topic.frames)
            ):
                stated.append((subject, other, later))
        for at, other in every:
            owner = decided_by(source.text, sentence, near, at) if at != pos else None
            if owner is not None and all(owner[0] != a for (a, _n), _s, _p in stated):
                stated.append((owner, other, at))
        stated += partners(source.text, sentence, near, stated)
        own = _own_country(source.text, sentence, found[0], pos, scan, knowledge)
        if own is not None and all(own[0] != a for (a, _n), _s, _p in stated):
            stated.append((own, stance, pos))  # "her country would finance ..."
        if len(every) > 1:
            stated += _quoted_holders(every, quotes, stated)
        as_of = _as_of(source.text, sentence, source)  # the sentence's: once, not per holder
        for (actor, named_at), stance, pos in stated:
            key = (actor, stance)
            grouped.setdefault(key, []).append((sentence, as_of))
            if key not in summaries:
                summaries[key] = _summary(source.text, sentence, pos, named_at, quotes, events)
    _reactions(source, sentences, scan, topic.frames, grouped, summaries)
    inferred: set[tuple[str, str]] = set()
    # "..., said Rep. Bae Jun-ho, the party's defense spokesperson": the party's stance.
    for key, sentence in affiliates(
        source.text, sentences, scan, knowledge, quotes, grouped
    ).items():
        grouped[key] = [(sentence, _as_of(source.text, sentence, source))]
        summaries[key] = _summary(source.text, sentence, sentence.start, None, quotes, events)
        inferred.add(key)
    for side in side_stances(source, sentences, scan, knowledge, quotes, {a for a, _s in grouped}):
        key = (side.actor, side.stance)
        grouped[key] = [(s, _as_of(source.text, s, source)) for s in side.sentences]
        summaries[key] = _summary(
            source.text, side.sentences[0], side.quote.start, None, quotes, events
        )
        inferred.add(key)
    out: list[dict[str, object]] = []
    for (actor, stance), evidence in sorted(grouped.items(), key=lambda kv: kv[1][0][0].start):
        first = evidence[0][0]
        item: dict[str, object] = {
            "id": stable_id("position", source.id, first.start, first.end, f"{actor}:{stance}"),
            "actor": actor,
            "stance": stance,
            "summary": summaries[(actor, stance)],
        }
        dates = sorted(d for _, d in evidence if d)
        if dates:
            item["as_of"] = dates[-1]
        item["citations"] = [
            {
                "source": source.id,
                "quote": source.text[s.start : s.end],
                "start": s.start,
                "end": s.end,
            }
            for s, _ in evidence
        ]
        item["status"] = "extracted"
        if (actor, stance) in inferred:
            item["flags"] = ["uncertain"]  # inferred from the actor's side (`sides`)
        out.append(item)
    return out


# A claim's subject acting: an auxiliary or modal right after its name ("Britain will",
# "Berlin has", "Sweden would not").
_CLAIM_VERB = re.compile(
    r"\s+[\"“]?(?:(?:no\s+longer|now|also|still|already)\s+)?"
    r"(?:will|would|has|have|had|is|was|are|were|does|did|do|can|could|should|must|may|"
    r"might|shall)\b"
)
# How far into the claim its subject may start ("the Netherlands", "SINGAPORE – Britain").
_CLAIM_OPENING = 6


def _claim_subject(
    text: str, scan: EntityScan, quotes: list[QuoteFound], pos: int, knowledge: Knowledge
) -> tuple[str, int] | None:
    """(actor, where named) of the country or government that opens the reported claim
    holding the cue at `pos` as its subject: it acts as the speaker says it does. Not a
    side of the war ("argues that Ukraine is repeating a mistake": what is said about the
    one striking or struck is no stance of theirs)."""
    claim = next(
        (q for q in quotes if q.kind == "reported" and q.speaker and q.start <= pos < q.end),
        None,
    )
    if claim is None:
        return None
    opening = claim.clause if claim.clause is not None and claim.clause <= pos else claim.start
    layout = knowledge.lexicon.layout if knowledge.lexicon is not None else None
    # A lead's claim opens after its dateline ("OTTAWA — Canada will not restrict ...").
    opening = dateline_end(text, opening, pos, layout)
    for m in scan.mentions:
        if opening <= m.start <= opening + _CLAIM_OPENING and m.end < pos:
            entity = scan.entity(m.entity_id)
            if (
                entity is not None
                and (
                    entity.category in ("country", "government")
                    # a party (lexicon `party_members.description`): 'said Hlas "no
                    # longer has a problem with Ukraine hitting the airfields"'
                    or (
                        entity.description is not None
                        and entity.description == lexicon_party(knowledge)
                    )
                )
                and _CLAIM_VERB.match(text, m.end)
                and not _of_a_side(m.entity_id, knowledge)
            ):
                return m.entity_id, m.start
    return None


def _of_a_side(entity_id: str, knowledge: Knowledge) -> bool:
    """Whether the entity is a side of the war or its government (`sides.side_countries`)."""
    sides = side_countries(knowledge)
    return entity_id in sides or any(government_of(c, knowledge) == entity_id for c in sides)
