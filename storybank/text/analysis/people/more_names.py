"""Names found once the others are.

Titles with initials, quoted nicknames and lower-case titled names; a name in a list beside a found one; a
found name repeated later in the story.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import CONTRACTION_ENDINGS, FIRST_NAMES, INFORMAL_TITLES, NAME_INTRODUCERS, PLACES, is_common_word
from ..tokens import (
    capital_indices,
    doc_orths,
    doc_text,
    is_capitalised,
    is_informal,
    is_wordlike,
    prev_word,
    starts_sentence,
)
from .listed import names_a_place_or_body, second_word_of_a_place, straight_after_in
from .roles import a_person_before, appositive_role, followed_by_person_verb, kin_or_called_cue
from .spans import char_offsets, extend_left, extend_name
from .words import (
    BEFORE_ORDINARY_WORD,
    BLOCKED,
    BLOCKED_NICKNAME,
    INITIALS_RE,
    IS_TITLE,
    LOWER_CASE_TITLES_OR_MISS,
    NAME_KEY,
    NAME_PART,
    NICKNAME_CUE_IDS,
    QUOTE_IDS,
    Candidate,
    could_be_name,
    is_homograph,
    month_in_date,
)


def titles_with_initials(doc: Doc, covered: set[int]) -> list[Candidate]:
    """ "Mrs P.K.", "Mr D.", "Ms A. J.": a title and initials with their full stops and no surname, as case notes
    name people. A lone capital letter without one ("Mr X") stands in for a name and is left."""
    found = []
    for i in IS_TITLE.select(doc, doc_orths(doc), capital_indices(doc)):
        end = i + 1
        while end < len(doc) and end - i <= 3 and doc[end].text.endswith(".") and INITIALS_RE.fullmatch(doc[end].text):
            end += 1
        if end == i + 1 or i in covered:
            continue
        after = doc[end] if end < len(doc) else None
        if after is not None and is_capitalised(after) and is_wordlike(after) and not is_common_word(after.text):
            continue  # a surname follows: the title and the surname are found together
        found.append(Candidate(i, end, "a title and initials", 0.85))
    return found


def quoted_nicknames(doc: Doc, covered: set[int]) -> list[Candidate]:
    """ 'my support worker is called "Tiny"', "everyone calls him 'Sparky'": one capitalised word in quotes after
    "called" or "named" (with a person before) or "call him": a nickname, even when it is an ordinary word."""
    orths = doc_orths(doc)
    if NICKNAME_CUE_IDS.isdisjoint(orths) or QUOTE_IDS.isdisjoint(orths):
        return []  # most stories: no "called"/"call him" at all, so no scan of their words
    found = []
    for q in [i for i, orth in enumerate(orths[:-2]) if orth in QUOTE_IDS]:
        word = doc[q + 1]
        if q + 1 in covered or orths[q + 2] not in QUOTE_IDS or not (is_capitalised(word) and is_wordlike(word)):
            continue
        prev = prev_word(doc, q)
        if prev is None or BLOCKED_NICKNAME(doc, word.orth):
            continue
        if prev.lower_ in NAME_INTRODUCERS and a_person_before(doc, prev) or kin_or_called_cue(doc, prev):
            found.append(Candidate(q + 1, q + 2, f"a nickname in quotes after '{prev.text}'", 0.8))
    return found


def lower_case_titled(doc: Doc, covered: set[int]) -> list[Candidate]:
    """ "mrs o'sullivan", "mrs k.", "miss okafor" in texting style: a title in lower case and then a surname with an
    apostrophe, an initial, or (after "miss") a word that is no ordinary word."""
    if not is_informal(doc):
        return []
    found = []
    for i in range(len(doc) - 1):
        title, nxt = doc[i], doc[i + 1]
        lower = title.lower_.rstrip(".")
        if not title.text.islower() or i in covered or i + 1 in covered or lower not in LOWER_CASE_TITLES_OR_MISS:
            continue
        word = nxt.text
        if not word.islower() or word in BLOCKED or is_common_word(word) or not title.whitespace_:
            continue
        initial = len(word) == 2 and word[0].isalpha() and word[1] == "."
        apostrophe = word.replace("’", "'").find("'")
        if apostrophe > 0 and word[apostrophe + 1 :] in CONTRACTION_ENDINGS:
            continue  # "mrs tolley've", a contraction, not "o'hare"
        if initial or (is_wordlike(nxt) and (apostrophe > 0 or lower in INFORMAL_TITLES)):
            found.append(Candidate(i, i + 2, f"a name after the title '{title.text}'", 0.85))
    return found


def _blocked_propagation(doc: Doc, tok: Token) -> bool:
    """A repeated homograph ("grace", "will") only counts as the name where it cannot be the ordinary word. At a
    sentence's start, a word already known as a name is that person before a verb ("Summer is", "Pat has")."""
    if len(tok.text) == 1:
        return True  # "I", or an initial: never a name said again
    if not is_homograph(tok):
        return False
    prev = prev_word(doc, tok.i)
    if prev is not None and (prev.lower_ in BEFORE_ORDINARY_WORD):
        return True
    if starts_sentence(tok) and not (followed_by_person_verb(doc, tok, strong=False) or appositive_role(doc, tok)
                                     or _with_another_person(doc, tok)):
        return True
    return not tok.text[:1].isupper() and not tok.text.islower()


def _with_another_person(doc: Doc, tok: Token) -> bool:
    """ "Hope and I", "Sunny and Dolores": a name already known in the story, joined to "I", "me" or another
    capitalised name, is the person again even at the start of a sentence."""
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "and":
        return False
    after = doc[tok.i + 2]
    return after.text in {"I", "me"} or (is_capitalised(after) and after.lower_ in FIRST_NAMES)


_LIST_JOINERS = frozenset({"and", ","})  # what stands between names in a list, for both ways of reading one


def _leads_a_list(doc: Doc, cand: Candidate) -> bool:
    """ "Jarek, Agnieszka and Bartek": the name is followed by "and" or a comma and another word, so a capitalised
    word and a comma before it are the list's first name."""
    return cand.end + 1 < len(doc) and doc[cand.end].lower_ in _LIST_JOINERS and is_capitalised(doc[cand.end + 1])


def _a_list_goes_on(doc: Doc, i: int) -> bool:
    """ "Hope, Faith and Sunny": after the word at i, the list goes on with a comma or "and", and ends with "and"
    within a few words on the same line ("Faadumo Warsame, Easton, Bristol" is an address, not a list)."""
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in _LIST_JOINERS:
        return False
    for tok in doc[i + 1 : i + 9]:
        if tok.lower_ in {"and", "&"}:
            return True
        if "\n" in tok.text or tok.text in {".", "!", "?", ";", ":"}:
            return False
    return False


def coordinated(doc: Doc, spans: list[Candidate], covered: set[int], informal: bool) -> list[Candidate]:
    """ "Rose and Will", "Jarek, Agnieszka and Bartek": a capitalised word joined by 'and' (or first in a list) to a
    name is a name too."""
    extra: list[Candidate] = []
    queue = list(spans)
    for cand in queue:  # a name joined to one found here is read in turn: "Hope, Faith and Sunny"
        for idx, step in ((cand.end, 1), (cand.start - 1, -1)):
            conj = doc[idx] if 0 <= idx < len(doc) else None
            if conj is None or conj.lower_ not in {"and", "or", "&", "n"} and not (
                    conj.text == "," and (_leads_a_list(doc, cand) if step == -1 else _a_list_goes_on(doc, idx + 1))):
                continue
            other_i = idx + step
            if not (0 <= other_i < len(doc)) or other_i in covered:
                continue
            other = doc[other_i]
            if not could_be_name(other, informal) or not (is_capitalised(other) or informal):
                continue
            if other.lower_ in PLACES or (starts_sentence(other) and is_homograph(other)):
                continue
            start, end = (other_i, extend_name(doc, other_i, other_i + 1)) if step == 1 else (other_i, other_i + 1)
            if any(i in covered for i in range(start, end)):
                continue
            covered.update(range(start, end))
            extra.append(Candidate(start, end, "a name joined by 'and' to another name", 0.75))
            queue.append(extra[-1])
    return extra


def _a_place_here(doc: Doc, tok: Token) -> bool:
    """ "My wife Florence ... our honeymoon in Florence", "now she's in Chelsea Court": the same word is a place
    after "in", the second word of a place ("moved to Kirkby Stephen"), or part of an organisation's or a street's
    name before one of their words."""
    return straight_after_in(doc, tok) or second_word_of_a_place(doc, tok) \
        or names_a_place_or_body(doc, tok) and is_capitalised(doc[tok.i + 1])


def repeated(doc: Doc, spans: list[Candidate], covered: set[int], candidates: list[int]) -> list[Candidate]:
    """Once a word is known to be someone's name in this story, its other uses are that person too."""
    known: dict[str, str] = {}
    orths = doc_orths(doc)
    for cand in spans:
        words = NAME_PART.select(doc, orths, range(cand.start, cand.end))
        if words:
            start_char, end_char = char_offsets(doc, cand.start, cand.end)
            name = doc_text(doc)[start_char:end_char]
            for i in words:
                known.setdefault(NAME_KEY(doc, orths[i]), name)
    extra: list[Candidate] = []
    if not known:
        return extra
    key_of = NAME_KEY.values.get
    for i in candidates:
        key = key_of(orths[i]) or NAME_KEY(doc, orths[i])
        if i in covered or key not in known:
            continue
        tok = doc[i]
        if _blocked_propagation(doc, tok) or month_in_date(doc, tok) or _a_place_here(doc, tok):
            continue
        start = extend_left(doc, tok.i)
        if any(i in covered for i in range(start, tok.i + 1)):
            start = tok.i
        covered.update(range(start, tok.i + 1))
        extra.append(Candidate(start, tok.i + 1, f"the same name as '{known[key]}' earlier in the story", 0.8))
    return extra
