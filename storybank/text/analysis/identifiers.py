"""Structured identifiers found with regular expressions and checked by their own rules (checksums, prefixes).

These run over the raw text, not tokens, because phone numbers and postcodes cut across token boundaries. The
patterns and the lists their checks use are data (rules/patterns.yaml); the checks (checksums, case) are here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .models import Finding
from .patterns import PATTERN_WORDS, PATTERNS

ANY_DIGIT_RE = re.compile(r"\d")
EMAIL_RE = PATTERNS["email"]
PHONE_RE = PATTERNS["phone"]
TEN_DIGITS_RE = PATTERNS["ten_digits"]
NI_RE = PATTERNS["ni"]
POSTCODE_RE = PATTERNS["postcode"]
POSTCODE_AREAS = PATTERN_WORDS["postcode_areas"]
NI_BAD_FIRST = PATTERN_WORDS["ni_bad_first_letters"]
NI_BAD_SECOND = PATTERN_WORDS["ni_bad_second_letters"]
NI_BAD_PREFIXES = PATTERN_WORDS["ni_bad_prefixes"]
DATE_RE = PATTERNS["date"]
BIRTH_CUE_RE = PATTERNS["birth_cue"]


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number modulus-11 check: weights 10..2 on the first nine digits give the tenth."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def ni_prefix_ok(prefix: str) -> bool:
    prefix = prefix.upper()
    return prefix[0] not in NI_BAD_FIRST and prefix[1] not in NI_BAD_SECOND and prefix not in NI_BAD_PREFIXES


def _national_phone_digits(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0044"):
        digits = digits[4:]
    elif raw.startswith("+"):
        digits = digits[2:]
    else:
        return digits
    return digits if digits.startswith("0") else "0" + digits


def _phone_kind(national: str) -> str | None:
    if len(national) not in (10, 11) or not national.startswith("0") or national[1] == "0":
        return None
    if national.startswith("07"):
        return "a UK mobile number" if len(national) == 11 else None
    if national.startswith(("01", "02")):
        return "a UK landline number"
    if national.startswith(("03", "08", "05")):
        return "a UK phone number"
    return None


def find_phones(text: str) -> Iterator[Finding]:
    for match in PHONE_RE.finditer(text):
        raw, start = match.group(0), match.start()
        if raw.startswith("(") and raw.count("(") > raw.count(")"):
            # A bracket opened before the number and never closed ("(01632 960 001"): the number is still a number,
            # and the bracket is not part of it.
            raw, start = raw[1:], start + 1
        elif raw.startswith("(") and raw.endswith(")") and ")" not in raw[:-1]:
            # The whole number in brackets ("(0161 496 0723)"): the brackets are the sentence's, not the number's.
            raw, start = raw[1:-1], start + 1
        # Trim trailing groups until the digits make a whole UK number ("ring 0113 496 0388 2 times").
        pieces = [m.end() for m in re.finditer(r"\d+", raw)]
        pieces += [cut + 1 for cut in pieces if raw[cut : cut + 1] == ")"]
        for cut in sorted(pieces, reverse=True):
            candidate = raw[:cut].rstrip(" .-(")
            kind = _phone_kind(_national_phone_digits(candidate))
            if kind and candidate.count("(") == candidate.count(")"):
                yield Finding("PHONE", start, start + len(candidate), candidate, 0.97, kind)
                break


def find_emails(text: str) -> Iterator[Finding]:
    if "@" not in text:
        return
    for match in EMAIL_RE.finditer(text):
        value = match.group(0).rstrip(".-")
        yield Finding("EMAIL", match.start(), match.start() + len(value), value, 0.99, "an email address")


def find_nhs_numbers(text: str) -> Iterator[Finding]:
    for match in TEN_DIGITS_RE.finditer(text):
        digits = match.group(1) + match.group(2) + match.group(3)
        if len(digits) != 10 or digits.startswith("0") or not nhs_checksum_ok(digits):
            continue
        context = text[max(0, match.start() - 60) : match.start()].lower()
        said_nhs = "nhs" in context or "health" in context
        if len(match.group(3)) != 4 and not said_nhs:
            continue  # grouped other than 3-3-4 ("8197 225 737"): an NHS number only where the writer says so
        yield Finding(
            "NHS_NUMBER",
            match.start(),
            match.end(),
            match.group(0),
            0.97 if said_nhs else 0.8,
            "a ten-digit number that passes the NHS number check",
        )


def find_ni_numbers(text: str) -> Iterator[Finding]:
    for match in NI_RE.finditer(text):
        prefix = match.group(1)
        if not ni_prefix_ok(prefix):
            continue
        has_suffix = match.group(5) is not None
        # one case, or a capital then lower case as a phone's keyboard types it ("Jt 48 11 70 A"); not "jT"
        if not (prefix.isupper() or prefix.islower() or prefix.istitle()):
            continue
        yield Finding(
            "NI_NUMBER",
            match.start(),
            match.end(),
            match.group(0),
            0.95 if has_suffix else 0.75,
            "looks like a National Insurance number (two letters, six digits and a letter)",
        )


_ORDINAL_ENDINGS = {"1": "st", "2": "nd", "3": "rd", **{d: "th" for d in "0456789"}}


def _written_like_a_postcode(outward: str, inward: str) -> bool:
    """Upper, lower or mixed case as people write it ("LS6 2AB", "ls6 2ab", "Ls6 2AB", "Ls6 2ab", and each part
    with a capital first as a phone's keyboard may type it, "Cb11 4Qj"): the area letters in capitals, lower case
    or a capital then lower case, the two inward letters in one case or, after such an area, a capital then lower
    case. Not odd mixtures ("hD1 4qR"), nor an inward part that reads as an ordinal ("the M1 2nd exit")."""
    area = "".join(c for c in outward if c.isalpha())
    letters = inward[1:]
    title_area = area[0].isupper() and area[1:].islower()
    if not (letters.isupper() or letters.islower() or (title_area and letters[0].isupper() and letters[1].islower())):
        return False
    if not (area.isupper() or area.islower() or (area[0].isupper() and area[1:].islower())):
        return False
    uniform = (area + letters).isupper() or (area + letters).islower()
    return uniform or _ORDINAL_ENDINGS[inward[0]] != letters.lower()


def find_postcodes(text: str) -> Iterator[Finding]:
    for match in POSTCODE_RE.finditer(text):
        outward = match.group(1)
        area = re.match(r"[A-Za-z]+", outward).group(0).upper()  # type: ignore[union-attr]
        if area not in POSTCODE_AREAS:
            continue
        value = match.group(0)
        inward = match.group(2)
        if not _written_like_a_postcode(outward, inward):
            continue
        yield Finding("POSTCODE", match.start(), match.end(), value, 0.95, "a UK postcode")


BIRTH_WORD_RE = PATTERNS["birth_word"]


def find_birth_dates(text: str) -> Iterator[Finding]:
    cues = [m.end() for m in BIRTH_WORD_RE.finditer(text)]
    if not cues:
        return
    for cue in cues:
        match = DATE_RE.search(text, cue, min(len(text), cue + 60))
        if match is None or (match.end() < len(text) and text[match.end()].isalnum()):
            continue
        before = text[max(0, match.start() - 50) : match.start()]
        if BIRTH_CUE_RE.search(before):
            yield Finding(
                "DATE_OF_BIRTH",
                match.start(),
                match.end(),
                match.group(0),
                0.9,
                "a date given as a birth date",
            )


SPOKEN_PHONE_RE = PATTERNS["spoken_phone"]
_DOUBLES, _TREBLES = PATTERN_WORDS["spoken_doubles"], PATTERN_WORDS["spoken_trebles"]
_SPOKEN_STARTS = tuple(PATTERN_WORDS["spoken_starts"])


def find_spoken_phones(text: str) -> Iterator[Finding]:
    """A UK number read out in words, as a voicemail is written down ("oh seven seven double oh, nine double oh,
    three five eight"): ten or eleven digits once "double" and "treble" are counted."""
    lower = text.lower()
    if not any(start in lower for start in _SPOKEN_STARTS):
        return  # a substring test is several times cheaper than the pattern's search on a story without them
    for match in SPOKEN_PHONE_RE.finditer(text):
        digits, times = 0, 1
        for word in match.group(0).lower().replace(",", " ").replace("-", " ").split():
            if word in _DOUBLES or word in _TREBLES:
                times = 2 if word in _DOUBLES else 3
            else:
                digits, times = digits + times, 1
        if digits in (10, 11):
            yield Finding("PHONE", match.start(), match.end(), match.group(0), 0.8, "a phone number read out in words")


DATE_AFTER_NAME_RE = PATTERNS["date_after_name"]
BIRTH_YEARS_AGO = 16  # a date after a name this many years ago or more is a birth date, not a visit's


def birth_dates_after_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A date straight after a person's name, after a dash or in brackets, as headers and forms give a birth date
    ("Client: Mr Ciarán McCartan – 17/03/1950"); a recent one is a visit's or a letter's date."""
    found = []
    latest = date.today().year - BIRTH_YEARS_AGO
    for person in findings:
        if person.label != "PERSON":
            continue
        match = DATE_AFTER_NAME_RE.match(text, person.end)
        if match is None or int(match.group(1)[-4:]) > latest:
            continue
        dob = Finding("DATE_OF_BIRTH", match.start(1), match.end(1), match.group(1), 0.8,
                      "a date straight after a person's name, as forms give a birth date")
        if not any(dob.overlaps(f) for f in findings):
            found.append(dob)
    return found


# Speed: a text without these loose digit groups cannot hold an NHS or NI number (rules/patterns.yaml).
_TEN_DIGITS_HINT_RE = PATTERNS["ten_digits_hint"]
_SIX_DIGITS_HINT_RE = PATTERNS["six_digits_hint"]
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _letter_before(text: str, i: int, allow_space: bool) -> bool:
    """Whether an ASCII letter comes just before position i (or, if allowed, before a space there)."""
    if i > 0 and text[i - 1] in _ASCII_LETTERS:
        return True
    return allow_space and i > 1 and text[i - 1] == " " and text[i - 2] in _ASCII_LETTERS


def find_identifiers(text: str) -> list[Finding]:
    """All structured identifiers; phones come first so a phone number is never read as an NHS number."""
    found: list[Finding] = []
    # Each finder needs a least number of digits in the text (a UK phone or NHS number has ten, an NI number
    # six, a date three ("4 Nov '38") unless its year is in words, a postcode two), so most stories skip most of
    # the searches. Postcodes and NI numbers also need a letter (A-Z) just before a digit, or before a space and a
    # digit for NI numbers.
    starts = [m.start() for m in ANY_DIGIT_RE.finditer(text)]
    digits = len(starts)
    finders = [find_emails, find_spoken_phones]
    if digits >= 10:
        finders.append(find_phones)
        if _TEN_DIGITS_HINT_RE.search(text):
            finders.append(find_nhs_numbers)
    if digits >= 6 and any(_letter_before(text, i, allow_space=True) for i in starts):
        if _SIX_DIGITS_HINT_RE.search(text):
            finders.append(find_ni_numbers)
    if digits >= 2 and any(_letter_before(text, i, allow_space=False) for i in starts):
        finders.append(find_postcodes)
    if digits >= 3 or "ineteen" in text:  # a year in figures, or in words ("nineteen forty-two")
        finders.append(find_birth_dates)
    for finder in finders:
        for finding in finder(text):
            if not any(finding.overlaps(f) for f in found):
                found.append(finding)
    return found
