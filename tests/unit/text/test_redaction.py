from storybank.text.analysis import Finding, analyse, redact


def test_the_same_person_gets_the_same_placeholder_whatever_the_case():
    text = "My carer Rose came. ROSE is kind. Later rose? No, Rose again. My son Tom rang."
    findings = [
        Finding("PERSON", 9, 13, "Rose", 0.9, "test"),
        Finding("PERSON", 20, 24, "ROSE", 0.9, "test"),
        Finding("PERSON", 40, 44, "rose", 0.9, "test"),
        Finding("PERSON", 50, 54, "Rose", 0.9, "test"),
        Finding("PERSON", text.index("Tom"), text.index("Tom") + 3, "Tom", 0.9, "test"),
    ]
    assert redact(text, findings) == (
        "My carer [Person A] came. [Person A] is kind. Later [Person A]? No, [Person A] again. "
        "My son [Person B] rang."
    )


def test_a_title_and_surname_match_the_surname_alone():
    text = "Dr Patel listened. Patel is the best."
    findings = [Finding("PERSON", 0, 8, "Dr Patel", 0.9, "t"), Finding("PERSON", 19, 24, "Patel", 0.9, "t")]
    assert redact(text, findings) == "[Person A] listened. [Person A] is the best."


def test_each_kind_of_personal_data_has_a_readable_placeholder():
    text = (
        "Mum was at Sunnyvale Care Home then Castlegate Hospital in Preston. Ring 07700 900412 or email "
        "a@example.com. NHS 943 476 5919, NI JM 48 22 91 B, 9 Nidd Close, HD1 4QR, born on 2 April 1933."
    )
    redacted = redact(text, analyse(text).findings)
    for placeholder in (
        "[care home]",
        "[hospital]",
        "[town]",
        "[phone number]",
        "[email address]",
        "[NHS number]",
        "[National Insurance number]",
        "[address]",
        "[postcode]",
        "[date of birth]",
    ):
        assert placeholder in redacted
    assert "Sunnyvale" not in redacted and "07700" not in redacted


def test_a_moderator_can_replace_one_name_by_a_job_title():
    text = "The manager, Karen, shouted at Mum. Karen never said sorry."
    findings = [f for f in analyse(text).findings if f.label == "PERSON"]
    first = findings[0]
    redacted = redact(text, findings, placeholders={(first.start, first.end): "the manager"})
    assert redacted == "The manager, the manager, shouted at Mum. [Person A] never said sorry."


def test_redaction_leaves_text_without_findings_unchanged():
    assert redact("Nothing personal here.", []) == "Nothing personal here."
