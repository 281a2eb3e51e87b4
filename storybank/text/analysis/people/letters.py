"""How letters, cards and messages name people.

A greeting ("Dear Sam"), thanks ("thank you, Priya"), a sign-off ("Love from Nan") or a header label.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import FIRST_NAMES, GREETINGS, LETTER_OPENERS, SIGN_OFF_WORDS, THANKS_WORDS, is_common_word
from ..tokens import doc_text, prev_word, starts_sentence
from .spans import extend_name
from .words import looks_like_place


def after_a_sign_off_word(doc: Doc, prev: Token) -> bool:
    before = prev_word(doc, prev.i)
    return before is not None and before.lower_ in SIGN_OFF_WORDS and before.i == prev.i - 1


def thanks_go(doc: Doc, before: Token) -> bool:
    """ "thanks goes to", "credit goes to": "goes to Zumba" alone is going somewhere."""
    if before.lower_ != "goes":
        return True
    earlier = prev_word(doc, before.i)
    return earlier is not None and earlier.lower_ in THANKS_WORDS and earlier.lower_ != "goes"


def thanked_by_name(doc: Doc, tok: Token, comma: Token) -> bool:
    """ "Thank you, Bill," / "Thanks, Grace!": thanks, a comma, and a name that ends the clause."""
    before = prev_word(doc, comma.i)
    if before is None:
        return False
    if before.lower_ == "you":
        thank = prev_word(doc, before.i)
        if thank is None or thank.lower_ not in THANKS_WORDS:
            return False
    elif before.lower_ not in THANKS_WORDS:
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    return end >= len(doc) or doc[end].is_punct or doc[end].lower_ == "and"


def sign_off(doc: Doc, tok: Token) -> bool:
    """A name alone on a line, or after a dash, at the start or end of a story: how people sign off."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    at_line_start = (
        prev is None
        or "\n" in prev.text
        or (prev.text in {"-", "–", "—"} and (tok.i < 2 or "\n" in doc[tok.i - 2].text))
    )
    if not at_line_start:
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    after = doc[end] if end < len(doc) else None
    line_ends = (
        after is None
        or "\n" in after.text
        or after.text in {",", "."}
        and (end + 1 >= len(doc) or "\n" in doc[end + 1].text or end + 2 >= len(doc) or doc[end + 1].is_title)
    )
    near_edge = tok.i < 3 or len(doc) - end < 6
    return line_ends and near_edge and not looks_like_place(tok)


def header_label(doc: Doc, tok: Token) -> bool:
    """ "Subject: ...", "Highlights: ...": an everyday word starting a line and followed by a colon labels what
    follows (a chat's speaker, "Mel: have you noticed", is a name, not an everyday word)."""
    i = tok.i
    return (
        i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and not tok.whitespace_
        and (i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_)
        and is_common_word(tok.text)
        and tok.lower_ not in FIRST_NAMES
    )


def opens_a_greeting(doc: Doc, word: Token) -> bool:
    """The greeting starts the message: "Dear", or "Assalamu alaikum" (a greeting of two words)."""
    if word.text[:1].isupper() and starts_sentence(word):
        return True
    first = prev_word(doc, word.i)
    return first is not None and first.lower_ in GREETINGS and first.text[:1].isupper() and starts_sentence(first)


def addressed_to(doc: Doc, tok: Token) -> bool:
    """ "To Andreea Popescu, rota manager," at the top of a letter: the story's first word is "To", its first line
    ends with a comma as a letter's greeting does ("To Tesco, then home." is no letter), and the name ends at a comma
    or the line's end."""
    if tok.i != 1 or doc[0].lower_ not in LETTER_OPENERS or not doc[0].text[:1].isupper():
        return False
    line, newline, _ = doc_text(doc).partition("\n")
    if not newline or not line.rstrip().endswith(","):
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    return end >= len(doc) or doc[end].text == "," or "\n" in doc[end].text


def ends_greeting(doc: Doc, i: int) -> bool:
    """The greeting's line ends after the name, or a comma or "!" does: "Hi Abi," not "Hi Abi and Sam"."""
    return i + 1 == len(doc) or doc[i + 1].text in {",", "!"} or "\n" in doc[i + 1].text
