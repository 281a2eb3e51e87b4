"""`flask analysis explain` prints the rules that fired on a text, from the command line or standard input."""


def test_flask_analysis_explain_prints_the_rule_the_words_and_the_reason(runner):
    result = runner.invoke(args=["analysis", "explain", "Last night he pushed me down the stairs."])
    assert result.exit_code == 0, result.output
    assert "abuse.hit-pushed-hurt (abuse) matched 'pushed me'" in result.output
    assert "reason: This sentence says someone hit, pushed or hurt them." in result.output


def test_flask_analysis_explain_reads_standard_input_for_a_dash(runner):
    result = runner.invoke(args=["analysis", "explain", "-"], input="I have been cutting myself again.\n")
    assert result.exit_code == 0, result.output
    assert "self_harm.cutting-themselves (self_harm)" in result.output
