"""Composed sentences (rnnviz.compose): reproducible, unique, balanced, with the targets their rules give."""

import pytest

from rnnviz.compose import RULES, compose_examples
from rnnviz.compose_lexicon import NEGATIVE_ADJECTIVES, POSITIVE_ADJECTIVES

TARGETS = {0.0, 0.05, 0.15, 0.8, 0.95, 1.0}


def test_the_same_seed_gives_the_same_sentences():
    assert compose_examples(400, seed=5) == compose_examples(400, seed=5)
    assert compose_examples(400, seed=5) != compose_examples(400, seed=6)


def test_sentences_are_unique_and_targets_come_from_the_rules():
    examples = compose_examples(3_000, seed=0)
    texts = [text for text, _ in examples]
    assert len(examples) == 3_000 and len(set(texts)) == len(texts)
    assert all(text.strip() and text[0].isupper() for text in texts)
    assert {round(target, 2) for _, target in examples} <= TARGETS
    positive = sum(target > 0.5 for _, target in examples) / len(examples)
    assert 0.4 < positive < 0.6  # balanced verdicts


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_gives_both_verdicts(rule):
    examples = compose_examples(200, seed=1, rules=[rule])
    assert examples and {target > 0.5 for _, target in examples} == {True, False}


def test_a_negated_adjective_reads_the_other_way():
    checked = 0
    for text, target in compose_examples(300, seed=2, rules=["negation"]):
        words = text.lower().rstrip(".!").split()
        if words.count("not") == 1 and "never" not in words and words[-1] in POSITIVE_ADJECTIVES + NEGATIVE_ADJECTIVES:
            assert (target < 0.5) == (words[-1] in POSITIVE_ADJECTIVES), text
            checked += 1
    assert checked >= 20
