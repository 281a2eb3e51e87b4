"""The fast paths give the same answers as the plain spaCy and regex forms they replace."""

import re
from pathlib import Path

import spacy
from spacy.matcher import Matcher
from spacy.pipeline import Sentencizer

from bench.analysis import load, measure_speed
from storybank.text.analysis import get_pipeline
from storybank.text.analysis.identifiers import BIRTH_WORD_RE
from storybank.text.analysis.places.orgs import whole_phrase_re
from storybank.text.analysis.safeguarding import _Tokens, safeguarding_rulebook
from storybank.text.analysis.tokens import OrthTable, shape_bits, word_shape_bits

HERE = Path(__file__).parent
SAMPLES = [
    "Waiting for WEEKS. The carers were rushed; Mum's tablets were missed again!",
    "They took my bank card and my pension keeps going missing. He called me a useless cow.",
    "I can't see the point. I've been saving up my tablets. self - harm, self-harm, suicidal thoughts.",
    "Nobody at all helped her eat. The agency never came today. It's below freezing and no heating.",
    "she sed nobody came n i was left. LOCKED THE FRONT DOOR. Send someone right now please.",
]


def test_the_lemmatizer_gives_spacys_lookup_lemmas_and_capitals_are_looked_up_in_lowercase():
    ours = get_pipeline(None)
    plain = spacy.blank("en")
    plain.add_pipe("lemmatizer", config={"mode": "lookup"})
    plain.initialize()
    table = plain.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    for text in SAMPLES:
        expected = []
        for tok in plain(text):
            lemma = tok.lemma_
            if tok.is_title or tok.is_upper:
                lemma = table.get(tok.lower_, tok.lower_)
            expected.append(lemma)
        assert [t.lemma_ for t in ours(text)] == expected


def test_shape_bits_read_with_the_lemmas_are_the_words_own():
    nlp = get_pipeline(None)
    for text in SAMPLES + [text.upper() for text in SAMPLES]:
        doc = nlp(text)
        assert "sb_shape" in doc.user_data  # kept by the sentences-and-lemmas component
        expected = [word_shape_bits(nlp.vocab, t.orth) for t in doc]
        assert shape_bits(doc).tolist() == expected
        assert expected == [
            (t.is_alpha) | (t.is_lower << 1) | (t.is_title << 2) | ((t.is_title or t.is_upper) << 3)
            | (t.is_space << 4) | ((t.text == ",") << 5) | (t.is_punct << 6)
            | ((t.text in Sentencizer.default_punct_chars) << 7)
            for t in doc
        ]


def test_the_sentencizer_finds_the_sentences_spacys_finds():
    ours = get_pipeline(None)
    plain = spacy.blank("en")
    plain.tokenizer = ours.tokenizer
    plain.add_pipe("sentencizer")
    texts = [record["text"] for path in sorted(HERE.glob("*.jsonl")) for record in load(path)]
    odd = ["", " ", "...", "Hi!!! ?? ok", "no full stop", "“Stop!” she said. ‘Why?’ — fine…", "a\n\nb. c", "。 ！x"]
    for text in SAMPLES + odd + texts + [t.replace(". ", ".\n") for t in texts]:
        expected = [t.is_sent_start for t in plain(text)]
        assert [t.is_sent_start for t in ours(text)] == expected, text


def test_an_orth_table_with_several_columns_gives_one_row_per_word():
    nlp = spacy.blank("en")
    table = OrthTable(lambda vocab, orth: (len(vocab.strings[orth]), orth % 7), columns=2)
    for text in SAMPLES * 2:
        doc = nlp(text)
        assert table(doc.to_array("ORTH"), nlp.vocab).tolist() == [[len(t.text), t.orth % 7] for t in doc]


def test_an_orth_table_keeps_its_values_as_new_words_arrive():
    nlp = spacy.blank("en")
    table = OrthTable(lambda vocab, orth: len(vocab.strings[orth]))
    for text in SAMPLES * 2:
        doc = nlp(text)
        assert table(doc.to_array("ORTH"), nlp.vocab).tolist() == [len(t.text) for t in doc]
    assert list(table.keys) == sorted(set(table.keys))
    assert len(table.keys) == len({t.orth for text in SAMPLES for t in nlp(text)})


def test_compiled_safeguarding_rules_match_where_spacys_matcher_does():
    nlp = get_pipeline(None)
    rules = nlp.get_pipe("storybank_safeguarding").matcher
    for text in SAMPLES:
        doc = nlp(text)
        arr = doc.to_array(["LEMMA", "LOWER"])
        tokens = _Tokens(doc, arr[:, 0].tolist(), arr[:, 1].tolist(), {})
        for sent in doc.sents:
            for index, rule in enumerate(safeguarding_rulebook().rules):
                matcher = Matcher(nlp.vocab)
                matcher.add(rule.id, [rule.pattern])
                expected = sorted({span.start for span in matcher(sent, as_spans=True)})
                assert rules.rules[index].starts(tokens, sent.start, sent.end) == expected, (text, index)


def test_rewritten_regexes_match_what_the_plain_forms_match():
    texts = [
        "Bright Futures and xBright Futures, Bright Futures_1 'Bright Futures'",
        "b. born BIRTH bİrth D.O.B dob ab. d.ob",
    ]
    for phrase in ["Bright Futures", "'s Care", "&"]:
        plain = re.compile(rf"\b{re.escape(phrase)}\b")
        for text in texts:
            assert [m.span() for m in whole_phrase_re(phrase).finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
    plain = re.compile(r"born|d\.?o\.?b|birth|\bb\.", re.IGNORECASE)
    for text in texts:
        assert [m.span() for m in BIRTH_WORD_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_benchmark_times_the_real_path_next_to_a_bare_pipeline():
    speed = measure_speed(SAMPLES, min_seconds=0.05, rounds=1)
    assert speed["words"] == sum(len(t.split()) for t in SAMPLES)
    assert speed["words_per_second"] > 0 and speed["bare_words_per_second"] > 0
    assert 0 < speed["ratio_to_bare"] < 5


def test_the_per_word_caches_give_the_same_answers_from_several_threads():
    from concurrent.futures import ThreadPoolExecutor

    from storybank.text.analysis import analyse

    # New words first meet the caches from several threads at once, then again one at a time.
    texts = [f"{text} Zqxw{n} Vrellan{n} met Dr Okorowu{n}." for n in range(12) for text in SAMPLES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(analyse, texts))
    assert threaded == [analyse(t) for t in texts]
