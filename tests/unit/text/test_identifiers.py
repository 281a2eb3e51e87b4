from storybank.text.analysis import analyse
from storybank.text.analysis.identifiers import (
    find_birth_dates,
    find_emails,
    find_identifiers,
    find_nhs_numbers,
    find_ni_numbers,
    find_postcodes,
    nhs_checksum_ok,
)


def labels(text: str, label: str) -> list[str]:
    return [f.text for f in analyse(text).findings if f.label == label]


def test_uk_phone_numbers_are_found_in_common_formats():
    text = "Ring +44 (0)20 7946 0018, 0161-496-0000, (0113) 496 0519, 07700 90 02 56 or 0044 7700 900123."
    assert labels(text, "PHONE") == [
        "+44 (0)20 7946 0018",
        "0161-496-0000",
        "(0113) 496 0519",
        "07700 90 02 56",
        "0044 7700 900123",
    ]


def test_a_phone_finding_explains_itself_to_the_moderator():
    finding = analyse("My mobile is 07700 900412.").findings[0]
    assert finding.reason == "a UK mobile number"
    assert finding.text == "07700 900412"


def test_email_addresses_are_found_whole_without_the_full_stop():
    assert labels("Email sue.p.carers+coffee@example.org.", "EMAIL") == ["sue.p.carers+coffee@example.org"]


def test_a_ten_digit_number_that_passes_the_checksum_is_an_nhs_number():
    assert nhs_checksum_ok("9434765919")
    text = "NHS number 943 476 5919, also written 943-476-5919 or 9434765919."
    assert labels(text, "NHS_NUMBER") == ["943 476 5919", "943-476-5919", "9434765919"]


def test_a_ten_digit_number_that_fails_the_checksum_is_not_an_nhs_number():
    assert not nhs_checksum_ok("9434765918")
    text = "Order 943 476 5918 and account 887 180 3340 and reference 1878017590."
    assert labels(text, "NHS_NUMBER") == []


def test_national_insurance_numbers_need_a_valid_prefix():
    assert labels("NI number QQ 12 34 56 C", "NI_NUMBER") == []
    assert labels("Mine is GB123456A", "NI_NUMBER") == []
    assert labels("NI: jm 48 22 91 b, or WL302617C", "NI_NUMBER") == ["jm 48 22 91 b", "WL302617C"]


def test_postcodes_are_found_in_any_case_with_or_without_the_space():
    assert labels("HD1 4QR, ls12 3ab and LN21PZ", "POSTCODE") == ["HD1 4QR", "ls12 3ab", "LN21PZ"]


def test_a_date_is_a_date_of_birth_only_when_it_is_a_birth_date():
    text = "She was admitted on 02/02/2023. DOB 21/07/1938. He was born on 14 November 1935 in Leeds."
    assert labels(text, "DATE_OF_BIRTH") == ["21/07/1938", "14 November 1935"]


def test_findings_are_sorted_and_never_overlap():
    text = "Call 07700 900412 or email a@example.com; NHS 943 476 5919, postcode HD1 4QR."
    findings = analyse(text).findings
    assert list(findings) == sorted(findings, key=lambda f: f.start)
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start
    for f in findings:
        assert text[f.start : f.end] == f.text


def confidences(text: str, label: str) -> list[tuple[str, float]]:
    return [(f.text, f.confidence) for f in analyse(text).findings if f.label == label]


def test_a_letter_pair_with_a_forbidden_letter_or_in_mixed_case_is_not_an_ni_number():
    assert labels("NI number AO 12 34 56 C", "NI_NUMBER") == [], "O is never the second letter"
    assert labels("NI number aB 12 34 56 C", "NI_NUMBER") == [], "an odd mixture of cases is not how people write it"
    assert labels("NI number AB 12 34 56 C", "NI_NUMBER") == ["AB 12 34 56 C"]
    # a capital then lower case, as a phone's keyboard types it after a space
    assert labels("NI number Ab 12 34 56 C", "NI_NUMBER") == ["Ab 12 34 56 C"]


def test_an_ni_number_with_its_final_letter_is_surer_than_one_without():
    assert confidences("NI: AB 12 34 56 C", "NI_NUMBER") == [("AB 12 34 56 C", 0.95)]
    assert confidences("NI: ab123456", "NI_NUMBER") == [("ab123456", 0.75)]


def test_ten_digit_landlines_and_05_numbers_are_phone_numbers():
    assert labels("Ring 016977 3456 after tea.", "PHONE") == ["016977 3456"]
    assert analyse("Ring 016977 3456 after tea.").findings[0].reason == "a UK landline number"
    assert labels("Ring 0500 123456 or 05601 234567.", "PHONE") == ["0500 123456", "05601 234567"]


def test_a_ten_digit_number_starting_07_is_not_a_uk_mobile():
    assert labels("Ring 0770 090 041 now.", "PHONE") == []


def test_a_phone_number_after_a_bracket_that_is_never_closed_is_still_found_without_the_bracket():
    assert labels("Ring (01632 960 001 if she is out.", "PHONE") == ["01632 960 001"]
    assert labels("(01632 960 001", "PHONE") == ["01632 960 001"]
    assert labels("Ring (01632) 960 001 if she is out.", "PHONE") == ["(01632) 960 001"]


def test_all_zeros_is_not_an_nhs_number_though_it_passes_the_checksum():
    assert nhs_checksum_ok("0000000000"), "so the leading-zero rule is what stops it"
    assert labels("Her number is 0000000000, or 000 000 0000.", "NHS_NUMBER") == []


def test_an_nhs_number_is_surer_when_nhs_or_health_is_said_just_before_it():
    assert confidences("Her NHS number is 943 476 5919.", "NHS_NUMBER") == [("943 476 5919", 0.97)]
    assert confidences("Her health service number is 9434765919.", "NHS_NUMBER") == [("9434765919", 0.97)]
    assert confidences("The number on the letter is 943 476 5919.", "NHS_NUMBER") == [("943 476 5919", 0.8)]
    far = "NHS. " + "She told me the whole story of the garden and the cat at length," + " 943 476 5919"
    assert confidences(far, "NHS_NUMBER") == [("943 476 5919", 0.8)], "more than 60 characters away"


def test_a_postcode_shaped_string_outside_the_uk_postcode_areas_is_not_a_postcode():
    assert labels("Send it to QQ1 1AA please.", "POSTCODE") == []
    assert labels("Send it to GU1 1AA please.", "POSTCODE") == ["GU1 1AA"]


def test_a_postcode_at_the_very_start_of_the_text_is_found():
    assert labels("E1 6AN was where we lived.", "POSTCODE") == ["E1 6AN"]
    assert labels("HD1 4QR, then the 7 bus.", "POSTCODE") == ["HD1 4QR"]


def test_a_postcode_is_found_when_its_digits_are_the_only_digits_in_the_text():
    assert labels("We moved to W1A 0AX last spring.", "POSTCODE") == ["W1A 0AX"]


def test_a_phone_finding_never_holds_half_a_pair_of_brackets():
    text = "Ring (01632 960 001, (0113) 496 0519, +44 (0)20 7946 0018 or 0113 496 (0519) after six."
    found = labels(text, "PHONE")
    assert found[:3] == ["01632 960 001", "(0113) 496 0519", "+44 (0)20 7946 0018"]
    assert all(number.count("(") == number.count(")") for number in found), found


def test_a_postcode_in_odd_mixed_case_is_not_a_postcode():
    # "Ls12 3ab" is how people write a postcode (see test_generalised_formats); these mixtures are not.
    assert labels("hD1 4qr and Ls12 3aB", "POSTCODE") == []


def test_the_nhs_check_refuses_anything_but_exactly_ten_digits():
    assert not nhs_checksum_ok("943476591")
    assert not nhs_checksum_ok("94347659X9")
    assert not nhs_checksum_ok("94347659191")


def test_a_letter_pair_starting_with_a_letter_never_used_first_is_not_an_ni_number():
    assert labels("NI number DA 12 34 56 C", "NI_NUMBER") == []


def test_a_plus_44_number_without_the_bracketed_nought_is_found_whole():
    assert labels("Ring +44 7700 900123 today.", "PHONE") == ["+44 7700 900123"]
    assert analyse("Ring +44 7700 900123 today.").findings[0].reason == "a UK mobile number"


def test_03_and_08_numbers_are_uk_phone_numbers():
    for number in ("0300 123 4567", "0800 123 4567"):
        assert [(f.text, f.reason) for f in analyse(f"Ring {number} today.").findings] == [
            (number, "a UK phone number")
        ]


def test_digits_after_a_phone_number_that_would_make_it_too_long_are_left_out():
    assert labels("Ring 0113 496 0388 2 times.", "PHONE") == ["0113 496 0388"]


def test_each_kind_of_finding_says_what_it_is_and_how_sure_it_is():
    text = ("Call 07700 900412 or sue@example.org; NHS 943 476 5919; NI AB 12 34 56 C; HD1 4QR; "
            "born on 14 November 1935.")
    assert [(f.label, f.confidence, f.reason) for f in find_identifiers(text)] == [
        ("EMAIL", 0.99, "an email address"),
        ("PHONE", 0.97, "a UK mobile number"),
        ("NHS_NUMBER", 0.97, "a ten-digit number that passes the NHS number check"),
        ("NI_NUMBER", 0.95, "looks like a National Insurance number (two letters, six digits and a letter)"),
        ("POSTCODE", 0.95, "a UK postcode"),
        ("DATE_OF_BIRTH", 0.9, "a date given as a birth date"),
    ]


def test_an_email_address_loses_a_trailing_full_stop_or_hyphen_and_nothing_else():
    assert [f.text for f in find_emails("Write to sue@example.org. Or BOB@MAIL.BOX-")] == [
        "sue@example.org", "BOB@MAIL.BOX"
    ]


def test_a_number_failing_a_check_does_not_hide_the_good_one_after_it():
    assert [f.text for f in find_nhs_numbers("Order 943 476 5918, NHS 943 476 5919")] == ["943 476 5919"]
    assert [f.text for f in find_ni_numbers("QQ 12 34 56 C, aB 12 34 56 C, AB 12 34 56 C")] == ["AB 12 34 56 C"]
    assert [f.text for f in find_postcodes("QQ1 1AA, hD1 4qR, HD1 4QR")] == ["HD1 4QR"]


def test_nhs_said_at_the_very_start_of_the_text_counts_and_the_window_is_exactly_60_characters():
    assert confidences("NHS 943 476 5919", "NHS_NUMBER") == [("943 476 5919", 0.97)]
    just_outside = "NHS " + "a" * 56 + " 943 476 5919"
    assert [f.confidence for f in find_nhs_numbers(just_outside)] == [0.8]
    just_inside = "NHS " + "a" * 55 + " 943 476 5919"
    assert [f.confidence for f in find_nhs_numbers(just_inside)] == [0.97]


def test_a_postcode_written_without_its_space_is_found():
    assert labels("We moved to W1A0AX last spring.", "POSTCODE") == ["W1A0AX"]


def test_an_ni_number_with_one_space_after_its_letters_is_found():
    assert labels("NI: AB 123456C.", "NI_NUMBER") == ["AB 123456C"]


def test_a_birth_cue_with_no_date_after_it_is_passed_over_for_the_next_one():
    assert list(find_birth_dates("She was born in Leeds.")) == []
    text = "She was born in Leeds, long ago, in a house by the river where we kept hens. DOB 21/07/1938"
    assert [f.text for f in find_birth_dates(text)] == ["21/07/1938"]


def test_a_birth_date_at_the_very_start_or_end_of_the_text_is_found():
    assert [f.text for f in find_birth_dates("Born 1 May 1950 in Leeds.")] == ["1 May 1950"]
    assert [f.text for f in find_birth_dates("DOB 21/07/1938")] == ["21/07/1938"]


def test_a_birth_date_must_end_within_60_characters_of_its_cue_and_start_within_50():
    assert [f.text for f in find_birth_dates("born 1" + " " * 50 + "May 1950")] == ["1" + " " * 50 + "May 1950"]
    assert list(find_birth_dates("born 1" + " " * 51 + "May 1950")) == []
    assert [f.text for f in find_birth_dates("Born" + " " * 46 + "1 May 1950")] == ["1 May 1950"]
    assert list(find_birth_dates("Born" + " " * 47 + "1 May 1950")) == []


def test_a_birth_date_with_only_four_digits_is_found():
    assert labels("Dad, born 1/5/38, grew up here.", "DATE_OF_BIRTH") == ["1/5/38"]
