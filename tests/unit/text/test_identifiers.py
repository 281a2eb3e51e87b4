from storybank.text.analysis import analyse
from storybank.text.analysis.identifiers import nhs_checksum_ok


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
