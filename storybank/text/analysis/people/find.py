"""People's names in a story.

Every candidate word is checked (reasons.py), the spans joined, more names found from them (more_names.py),
then the names that are not people's dropped (not_people.py).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import FIRST_NAMES, NICKNAME_ADJECTIVES, TITLES
from ..models import Finding
from ..tokens import (
    doc_orths,
    doc_text,
    is_capitalised,
    is_informal,
    is_wordlike,
    name_candidate_indices,
    starts_sentence,
)
from .letters import header_label
from .listed import eponymous, lexical_reason, part_of_a_place_name, second_word_of_a_place
from .more_names import coordinated, lower_case_titled, quoted_nicknames, repeated, titles_with_initials
from .not_people import (
    called_it,
    in_a_character_or_brand,
    in_a_quoted_title,
    named_thing,
    names_a_pet,
    names_a_song,
    talked_of_as_a_place,
)
from .reasons import context_reason, strong_cue
from .roles import set_off_before_who
from .spans import char_offsets, extend_left, extend_name, initials_before
from .words import (
    AFTER_INITIALS,
    COULD_BE_NAME,
    LISTED_NAME,
    ORDINARY_WORD_NAME,
    WORD_NAME,
    Candidate,
    looks_like_place,
    month_in_date,
)


def find_people(doc: Doc) -> list[Finding]:  # noqa: C901
    informal = is_informal(doc)
    found: dict[int, Candidate] = {}
    candidates = name_candidate_indices(doc)
    orths = doc_orths(doc)
    # Most words are ruled out by their text alone; capitalised ordinary words need a strong cue.
    names = COULD_BE_NAME[informal].select(doc, orths, candidates)
    if len(names) < len(candidates):
        named = set(names)
        others = [i for i in candidates if i not in named]
        for i in ORDINARY_WORD_NAME.select(doc, orths, others):
            tok = doc[i]
            if not WORD_NAME(doc, orths[i]) and starts_sentence(tok):
                if LISTED_NAME(doc, orths[i]) and set_off_before_who(doc, tok):
                    found[i] = Candidate(i, i + 1, "a name followed by who the person is", 0.8)
                continue  # what strong_cue says first at a sentence start, without its other checks
            strong = strong_cue(doc, tok)
            if strong is not None:
                found[i] = Candidate(extend_left(doc, i), extend_name(doc, i, i + 1), *strong)
    for i in names:
        tok = doc[i]
        if eponymous(doc, tok) or month_in_date(doc, tok) or header_label(doc, tok) or part_of_a_place_name(doc, tok) \
                or second_word_of_a_place(doc, tok):
            continue
        reason = context_reason(doc, tok, informal) or strong_cue(doc, tok)
        if reason is None:
            if looks_like_place(tok):
                continue
            reason = lexical_reason(doc, tok, informal)
        if reason is None:
            continue
        start = extend_left(doc, tok.i) if reason[0] != AFTER_INITIALS else initials_before(doc, tok.i)
        initials = initials_before(doc, start) if start == tok.i else None
        if initials is not None:  # "J. Smith called", "P. J. Radcliffe" at a sign-off: initials set apart by a stop
            start = initials
        end = extend_name(doc, tok.i, tok.i + 1)
        # A hyphenated first name is one name: "Mary-Jo", "Kerry-Ann" (its first half may be a place or a word).
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and (is_capitalised(doc[start - 2]) or informal and doc[start - 2].lower_ in FIRST_NAMES)  # "lily-mae"
            and is_wordlike(doc[start - 2])
        ):
            start = extend_left(doc, start - 2)  # "Ms Kerry-Ann Lomax": a title before the first half too
        found[tok.i] = Candidate(start, end, reason[0], reason[1])
    # Drop tokens swallowed by a longer name, then coordinate and propagate.
    covered: set[int] = set()
    spans: list[Candidate] = []
    for i in sorted(found):
        if i in covered:
            continue
        cand = found[i]
        covered.update(range(cand.start, cand.end))
        if spans and cand.start < spans[-1].end:  # "Doctor Imelda" and "Imelda Green": one name, the surer reason
            last = spans[-1]
            last.end = max(last.end, cand.end)
            if cand.confidence > last.confidence:
                last.reason, last.confidence = cand.reason, cand.confidence
            continue
        spans.append(cand)
    for cand in [*titles_with_initials(doc, covered), *lower_case_titled(doc, covered),
                 *quoted_nicknames(doc, covered)]:
        covered.update(range(cand.start, cand.end))
        spans.append(cand)
    spans.extend(coordinated(doc, spans, covered, informal))
    spans.extend(repeated(doc, spans, covered, candidates))
    findings = []
    text = doc_text(doc)
    # A pet's or a song's name is not a person's anywhere in the story ("my dog, Winston ... Winston barks").
    not_people = {text[slice(*char_offsets(doc, c.start, c.end))] for c in spans
                  if names_a_pet(doc, c.start, c.end) or names_a_song(doc, c.start) or called_it(doc, c.start)}
    for c in sorted(spans, key=lambda c: c.start):
        if named_thing(doc, c.start) or in_a_quoted_title(doc, c.start, c.end) or talked_of_as_a_place(doc, c):
            continue
        start_char, end_char = char_offsets(doc, c.start, c.end)
        name = text[start_char:end_char]
        if name in not_people or in_a_character_or_brand(text, start_char, end_char):
            continue
        findings.append(Finding("PERSON", start_char, end_char, name, c.confidence, _plain_reason(name, c)))
    return findings


# Reasons that describe how a name was found rather than what it is: a person reads "this looks like a common
# first name" under "Sarah Jenkins" as wrong, and "a name followed by something a person does" as odd.
_HOW_FOUND = {"a common first name", "a name followed by something a person does", "a first name and a surname"}


def _plain_reason(name: str, c: Candidate) -> str:
    """ "a person's full name" for a first name and a surname, "a person's name" for one name ("Kerry-Ann")."""
    if c.reason not in _HOW_FOUND:
        return c.reason
    parts = [
        part
        for part in name.split()
        if part.lower().rstrip(".") not in TITLES and part.lower() not in NICKNAME_ADJECTIVES
    ]
    return "a person's full name" if len(parts) >= 2 else "a person's name"
