"""A regex rewritten so that re picks its alternatives by their first character.

re tries an alternation's branches one by one at every position it starts from. A branch
that opens with a literal character is turned away by one comparison, but one opening with
a group, an alternation or a repeat ("(?:will|would) not", "(?:very )?limited") is entered
first. The lexicon's stance cues are some 150 such branches behind one \\b, so most of a
sentence's words went through all of them.

`by_first_char` writes `P = Z(?:A1|A2|...)` (Z zero-width tests such as \\b) as
`Z(?:a(?:Da1|Da2|...)|b(?:...)|...)`: one branch per character a match can begin with,
each followed by what is left of the alternatives that can begin with it (their
derivatives by that character), in their order. At a position only the branch of the
text's character survives its first comparison, and there the alternatives are tried in
the same order, each with the same backtracking order, so every match is the same span.
Where many alternatives are left after one character, they are dispatched again on the
next ones, the same way (`_alternatives`).
Groups are not kept: callers re-match at the start of each match with `P` for them.

Anything this module does not know how to rewrite exactly (case-blind patterns, back-
references, an alternative that may begin with any of a whole class of characters, a
zero-width test after the start other than \\b or a lookbehind) leaves the pattern as it
is: `by_first_char` then returns None.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from ..recache import remembered

Item = tuple[Any, Any]  # (opcode, argument) as re's parser writes them
Seq = list[Item]

# A character class of more characters than this is not a first character worth a branch.
_MAX_CLASS = 64
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_AT = {
    c.AT_BOUNDARY: r"\b",
    c.AT_NON_BOUNDARY: r"\B",
    c.AT_BEGINNING: "^",
    c.AT_BEGINNING_STRING: r"\A",
    c.AT_END: "$",
    c.AT_END_STRING: r"\Z",
}
_CATEGORY = {
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}
_LOOK = {(c.ASSERT, 1): "(?=", (c.ASSERT, -1): "(?<=", (c.ASSERT_NOT, 1): "(?!"}
_LOOK[(c.ASSERT_NOT, -1)] = "(?<!"


def _code_digest() -> str | None:
    """This module's digest: a rewrite kept between runs is one this very code made."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return None


_CODE = _code_digest()


class _Unsupported(Exception):
    """A construction the rewrite does not handle: the pattern is left as it is."""


Unsupported = _Unsupported  # what `unparse` raises, for the modules reusing it (`mirror`)


def _char(code: int) -> str:
    # Letters and digits as they are, anything else escaped by code point: the same
    # character in and out of a class, whatever it is.
    if code < 128 and chr(code).isalnum():
        return chr(code)
    return f"\\x{code:02x}" if code < 0x100 else f"\\U{code:08x}"


def unparse(seq: Seq) -> str:
    """Regex source for parsed items: the same matcher, not the same text."""
    out: list[str] = []
    for op, av in seq:
        if op is c.LITERAL:
            out.append(_char(av))
        elif op is c.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is c.ANY:
            out.append(".")
        elif op is c.IN:
            out.append(_class(av))
        elif op is c.AT and av in _AT:
            out.append(_AT[av])
        elif op is c.BRANCH:
            out.append("(?:" + "|".join(unparse(list(alt)) for alt in av[1]) + ")")
        elif op is c.SUBPATTERN:
            _group, add, drop, sub = av
            if add or drop:
                raise _Unsupported("flags inside a group")
            out.append(f"(?:{unparse(list(sub))})")
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            top = "" if high == c.MAXREPEAT else str(high)
            lazy = "?" if op is c.MIN_REPEAT else ""
            out.append(f"(?:{unparse(list(sub))}){{{low},{top}}}{lazy}")
        elif op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            out.append(f"{_LOOK[(op, direction)]}{unparse(list(sub))})")
        else:
            raise _Unsupported(str(op))
    return "".join(out)


def _class(items: Seq) -> str:
    body: list[str] = []
    for op, av in items:
        if op is c.NEGATE:
            body.insert(0, "^")
        elif op is c.LITERAL:
            body.append(_char(av))
        elif op is c.RANGE:
            body.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and av in _CATEGORY:
            body.append(_CATEGORY[av])
        else:
            raise _Unsupported(str(op))
    return "[" + "".join(body) + "]"


def _members(items: Seq) -> set[str]:
    """The characters a class matches, when they are few and listed (no \\w, no [^...])."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_CLASS:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        else:
            raise _Unsupported("a class of unlisted characters")
    return out


def first_chars(seq: Seq) -> set[str]:
    """Every character a match of `seq` can begin with; raises when that is not a short
    list or `seq` may match the empty string or opens with a zero-width test."""
    if not seq:
        raise _Unsupported("may match the empty string")
    op, av = seq[0]
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN:
        return _members(av)
    if op is c.SUBPATTERN:
        return first_chars(_inline(av) + seq[1:])
    if op is c.BRANCH:
        return set().union(*(first_chars(list(alt) + seq[1:]) for alt in av[1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _high, sub = av
        body = _body(sub)
        once = first_chars(body)
        return once if low else once | first_chars(seq[1:])
    if _behind(op, av) or (op, av) == _BOUNDARY:
        return first_chars(seq[1:])
    raise _Unsupported(str(op))


def _behind(op: Any, av: Any) -> bool:
    return op in (c.ASSERT, c.ASSERT_NOT) and av[0] == -1


def _inline(av: Any) -> Seq:
    _group, add, drop, sub = av
    if add or drop:
        raise _Unsupported("flags inside a group")
    return list(sub)


def _body(sub: Any) -> Seq:
    body = list(sub)
    # A body that may match nothing repeats in ways this rewrite does not follow.
    first_chars(body)
    return body


def derivative(seq: Seq, ch: str) -> list[Seq]:
    """What remains of `seq` once a match of it has consumed `ch`: the alternatives, in
    the order re's backtracking tries them (greedy repeats take one more turn first, lazy
    ones stop first)."""
    if not seq:
        return []
    op, av = seq[0]
    rest = seq[1:]
    if op is c.LITERAL:
        return [rest] if chr(av) == ch else []
    if op is c.IN:
        return [rest] if ch in _members(av) else []
    if op is c.SUBPATTERN:
        return derivative(_inline(av) + rest, ch)
    if op is c.BRANCH:
        return [tail for alt in av[1] for tail in derivative(list(alt) + rest, ch)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = av
        body = _body(sub)
        again: Seq = []
        if high == c.MAXREPEAT or high > 1:
            left = high if high == c.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), left, body))]
        take = [tail + again + rest for tail in derivative(body, ch)]
        if low:
            return take
        skip = derivative(rest, ch)
        return take + skip if op is c.MAX_REPEAT else skip + take
    if (op, av) == _BOUNDARY:
        # \b before `ch` tests the character before it alone: that it is no word
        # character when `ch` is one, else that it is one. A lookbehind, then, moved as below.
        return derivative([_NOT_AFTER_WORD if _WORD_CHAR.match(ch) else _AFTER_WORD, *rest], ch)
    if _behind(op, av):
        # A lookbehind before `ch` is the same test made after it, `ch` added to its end:
        # the text there is `ch`, and it keeps the lookbehind one fixed width.
        moved = (op, (-1, [*av[1], (c.LITERAL, ord(ch))]))
        return [[moved, *tail] for tail in derivative(rest, ch)]
    raise _Unsupported(str(op))


def sub_sequences(op: Any, av: Any) -> list[Any]:
    """The parsed sequences nested in one node of a parsed pattern (alternatives, a group's
    body, a repeat's body, a lookaround's body): what a walk over the tree descends into."""
    if op is c.BRANCH:
        return list(av[1])
    if op is c.SUBPATTERN:
        return [av[3]]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return [av[2]]
    if op in (c.ASSERT, c.ASSERT_NOT, c.ATOMIC_GROUP):
        return [av[-1]]
    return []


def _as_lists(seq: Any) -> Seq:
    """Parsed items with the sequences nested in alternations, groups, repeats and
    lookarounds as lists: re's parser gives them as its SubPattern, whose items Python
    reads one `__getitem__` call at a time, where the rewrite copies them again and again."""
    out: Seq = []
    for op, av in seq:
        if op is c.BRANCH:
            av = (av[0], [_as_lists(alt) for alt in av[1]])
        elif op is c.SUBPATTERN:
            av = (*av[:3], _as_lists(av[3]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            av = (av[0], av[1], _as_lists(av[2]))
        elif op in (c.ASSERT, c.ASSERT_NOT):
            av = (av[0], _as_lists(av[1]))
        out.append((op, av))
    return out


def _has_backreference(seq: Seq) -> bool:
    for op, av in seq:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        if any(_has_backreference(list(s)) for s in sub_sequences(op, av)):
            return True
    return False


def by_first_char(
    pattern: re.Pattern[str], *, skipping_only: bool = False
) -> re.Pattern[str] | None:
    """`pattern` rewritten to branch on its first character (see the module's doc): the
    same match spans, no groups. None when it cannot be rewritten exactly, or with
    `skipping_only` when the rewrite still opens with a zero-width test (re then cannot
    skip to the first characters)."""
    if pattern.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE | re.ASCII):
        return None
    if _CODE is None:
        return _rewritten(pattern, skipping_only)

    def source() -> str | None:
        made = _rewritten(pattern, skipping_only)
        return None if made is None else made.pattern

    # The rewrite, some 0.3 s of a run's start, is kept between runs (`recache`).
    key = f"firstchar {_CODE} {pattern.flags} {int(skipping_only)}\n{pattern.pattern}"
    kept = remembered(key, source)
    return None if kept is None else re.compile(kept, pattern.flags)


def _rewritten(pattern: re.Pattern[str], skipping_only: bool) -> re.Pattern[str] | None:
    try:
        seq = _as_lists(parser.parse(pattern.pattern, pattern.flags))
        if _has_backreference(seq):
            return None
        lead = 0
        while lead < len(seq) and seq[lead][0] in _ZERO_WIDTH:
            lead += 1
        head, tail = seq[:lead], seq[lead:]
        firsts = first_chars(tail)
        if all(_WORD_CHAR.match(ch) for ch in firsts):
            # Before a word character \b is the lookbehind (?<!\w) (as `_dispatched`
            # writes it): a lookbehind, it may move after the first character too.
            head = [_NOT_AFTER_WORD if item == (c.AT, c.AT_BOUNDARY) else item for item in head]
        if _rare(firsts):
            # Tests of one position may be made in any order. Lookbehinds go after the
            # first character (see `derivative`): a pattern then opening with its
            # branches' literal characters lets re skip in C to where one of them stands.
            # Where they are common (lower-case letters) re would stop nearly everywhere
            # and try the branches: a lookbehind in front turns most places away sooner.
            tail = [item for item in head if _behind(*item)] + tail
            head = [item for item in head if not _behind(*item)]
        # Not skipping; or skipping already, to a literal or a class re finds in C (a
        # group or a branch opening on \b it enters at every position).
        if skipping_only and (head or (not lead and seq[0][0] in (c.LITERAL, c.IN))):
            return None
        return _dispatched(head, tail, pattern.flags)
    except (_Unsupported, re.error, RecursionError):
        return None


# More lower-case letters than this among the first characters: they are common. (Up to
# six, a class of them in front skipped more places in C than the lookbehind turned away:
# "\b(?:pressure|lobbying|requests?|pleas?|appeals?|demands?)\b" on lower-cased text,
# a search of every article, took half as long again with the lookbehind in front.)
_COMMON_FIRSTS = 6


def _rare(firsts: set[str]) -> bool:
    return sum("a" <= ch <= "z" for ch in firsts) <= _COMMON_FIRSTS


_WORD_CHAR = re.compile(r"\w")
_NOT_AFTER_WORD = (c.ASSERT_NOT, (-1, [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]))
_AFTER_WORD = (c.ASSERT, (-1, [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]))
_BOUNDARY = (c.AT, c.AT_BOUNDARY)


def _dispatched(head: Seq, tail: Seq, flags: int) -> re.Pattern[str]:
    firsts = first_chars(tail)
    if all(_WORD_CHAR.match(ch) for ch in firsts):
        # Before a word character \b holds only where no word character precedes: re
        # then turns word ends away at once instead of trying every branch there.
        head = [_NOT_AFTER_WORD if item == (c.AT, c.AT_BOUNDARY) else item for item in head]
    return re.compile(f"{unparse(head)}(?:{_alternatives([tail], 1 + _DEEPER)})", flags)


# Levels of the same dispatch below the first character. At a word start re turned away
# the other first characters at once, then tried the alternatives that begin with the
# text's one by one (dozens of the stance cues begin with "s"): dispatched again on the
# next characters, it turns most of them away with one comparison too. (Stance cues of 200
# articles: 0.099 s with none, 0.067 s with one, 0.060 s with two, 0.059 s with three; the
# pattern as long, and as fast to build, with two; longer with more.)
_DEEPER = 2
# Fewer alternatives than this are tried one by one. (A pattern written as a trie, as the
# names of `knowledge.trie_alternation` are, has one alternative after each character:
# dispatched again, its lookbehinds moved into every branch, the country names grew five
# times longer to build and no faster to match.)
_FEW = 4


def _alternatives(seqs: list[Seq], depth: int) -> str:
    """Regex source matching as the alternation of `seqs` (`depth` > 0: dispatched by the
    characters they begin with, down `depth` levels; as they are where that is not
    known or they are few). The alternatives keep their order under each character."""
    if depth > _DEEPER or (depth and len(seqs) >= _FEW):
        try:
            firsts = [first_chars(seq) for seq in seqs]
        except _Unsupported:
            if depth > _DEEPER:
                raise  # the first level is the rewrite itself
        else:
            branches = []
            for ch in sorted(set().union(*firsts)):
                rests = [
                    rest
                    for seq, chars in zip(seqs, firsts, strict=True)
                    if ch in chars
                    for rest in derivative(seq, ch)
                ]
                if rests:  # an empty "(?:)" would match where nothing can
                    branches.append(f"{_char(ord(ch))}(?:{_alternatives(rests, depth - 1)})")
            return "|".join(branches) or "(?!)"
    return "|".join(unparse(seq) for seq in seqs)


def _word_start_alternative(pattern: re.Pattern[str]) -> Seq | None:
    """`pattern` without its leading \\b, its lookbehinds first, when it opens with \\b
    (among lookbehinds, which test the same position), has no groups and can be
    rewritten; else None."""
    # No flags: the union is compiled without any (a group is a number of the union's).
    if pattern.flags != re.UNICODE or pattern.groups:
        return None
    try:
        seq = _as_lists(parser.parse(pattern.pattern, pattern.flags))
        lead = 0
        while lead < len(seq) and (seq[lead] == (c.AT, c.AT_BOUNDARY) or _behind(*seq[lead])):
            lead += 1
        if (c.AT, c.AT_BOUNDARY) not in seq[:lead]:
            return None
        alternative = [item for item in seq[:lead] if item[0] is not c.AT] + seq[lead:]
        for ch in first_chars(alternative):
            unparse([(c.BRANCH, (None, derivative(alternative, ch)))])
        return alternative
    except (_Unsupported, RecursionError):
        return None


def word_start_union(
    patterns: Sequence[re.Pattern[str]],
) -> tuple[re.Pattern[str] | None, list[re.Pattern[str]]]:
    """One pattern whose `search` finds a match wherever one of `patterns` opening with
    \\b would find one, in first-character form, and the patterns it does not stand for.

    For callers that only ask whether any pattern matches: one scan of the text, tried at
    word starts only and there against the alternatives of the character found, instead
    of a scan per pattern."""
    joined: list[Seq] = []
    left: list[re.Pattern[str]] = []
    for pattern in patterns:
        alternative = _word_start_alternative(pattern)
        if alternative is None:
            left.append(pattern)
        else:
            joined.append(alternative)
    if len(joined) < 2:
        return None, list(patterns)
    try:
        union = _dispatched([(c.AT, c.AT_BOUNDARY)], [(c.BRANCH, (None, joined))], 0)
    except (_Unsupported, re.error, RecursionError):
        return None, list(patterns)
    return union, left
