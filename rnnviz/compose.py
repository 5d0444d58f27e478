"""Composed reviews: short sentences built by grammar rules whose verdict depends on word order.

The Sentiment Treebank labels every phrase, yet it holds only a handful of each construction that
turns a verdict around ("hardly a masterpiece", "boring at first, brilliant by the end", "I can't
say I didn't enjoy it"). This module writes many more, the way a grammar book would: a small
lexicon of everyday review words (which adjectives praise, which verbs blame) and the rules a
reader applies to them:

- negation flips a verdict ("is not boring"); it softens as it flips: "not bad" is mildly
  positive, so its target is 0.8, not 1;
- after "but", "yet", "however" (and in the main clause after "although", "despite") the second
  verdict wins;
- two negations cancel ("impossible not to love");
- downtoners such as "hardly", "far from", "anything but" flip; intensifiers ("truly") keep;
- the verdict that comes last wins ("started dull and ended brilliant").

Nothing here is copied from an evaluation set: the words are a lexicon, the sentences are drawn at
random from the rules, and real treebank clauses can be mixed in as the two sides of a contrast.

    examples = compose_examples(20_000, seed=0)          # [(text, target in [0, 1]), ...]
"""

from __future__ import annotations

import random
from typing import Callable, Sequence

from rnnviz.compose_lexicon import (
    POSITIVE_ADJECTIVES, NEGATIVE_ADJECTIVES, SUBJECTS_SINGULAR, SUBJECTS_PLURAL, NOUNS, POSITIVE_VERBS,
    NEGATIVE_VERBS, POSITIVE_STATES, NEGATIVE_STATES, INTENSIFIERS, DOWNTONERS, POSITIVE_NOUNS,
    NEGATIVE_NOUNS, POSITIVE_ACTIONS, NEGATIVE_ACTIONS, POSITIVE_NOUN_PHRASES, NEGATIVE_NOUN_PHRASES,
    POSITIVE_ROLES, NEGATIVE_ROLES, POSITIVE_FEELINGS, NEGATIVE_FEELINGS, EXPERIENCES, OPINION_HOLDERS,
)

TARGET = {True: 1.0, False: 0.0}
FILLER_SHARE = 0.35  # how often a rule's praise or blame is a treebank phrase rather than a lexicon word
# A flipped verdict is milder than a plain one ("not bad" is not "great").
FLIPPED = {True: 0.8, False: 0.15}


def _be(subject: str, past: bool) -> str:
    plural = subject in SUBJECTS_PLURAL
    return ("were" if plural else "was") if past else ("are" if plural else "is")


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" or word.startswith("honest") else "a"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Draw:
    """Random choices for one sentence (a seeded ``random.Random``)."""

    def __init__(self, rng: random.Random, clauses: Sequence[tuple[str, bool]] = (),
                 fillers: Sequence[tuple[str, bool]] = ()):
        self.rng, self.clauses = rng, clauses
        # Real reviewers' words in the rules' slots, beside the lexicon's: the rules then reach words
        # (and turns of phrase) the lexicon never lists.
        self.fillers = {True: [text for text, label in fillers if label],
                        False: [text for text, label in fillers if not label]}

    def adjective(self, positive: bool) -> str:
        if self.fillers[positive] and self.rng.random() < FILLER_SHARE:
            return self.rng.choice(self.fillers[positive])
        return self.rng.choice(POSITIVE_ADJECTIVES if positive else NEGATIVE_ADJECTIVES)

    def subject(self) -> str:
        return self.rng.choice(SUBJECTS_PLURAL if self.rng.random() < 0.25 else SUBJECTS_SINGULAR)

    def verb(self, positive: bool) -> tuple[str, str]:
        return self.rng.choice(POSITIVE_VERBS if positive else NEGATIVE_VERBS)

    def state(self, positive: bool) -> str:
        return self.rng.choice(POSITIVE_STATES if positive else NEGATIVE_STATES)

    def intensified(self, positive: bool) -> str:
        adverb = self.rng.choice(INTENSIFIERS)
        return f"{adverb} {self.adjective(positive)}".strip()

    def clause(self, positive: bool) -> str:
        """A short clause with the given verdict: made from the lexicon, or a treebank clause."""
        if self.clauses and self.rng.random() < 0.4:
            wanted = [text for text, label in self.rng.sample(self.clauses, min(40, len(self.clauses)))
                      if label == positive]
            if wanted:
                return wanted[0]
        subject, past = self.subject(), self.rng.random() < 0.5
        form = self.rng.randrange(4)
        if form == 0:
            return f"{subject} {_be(subject, past)} {self.intensified(positive)}"
        if form == 1:
            present, past_verb = self.verb(positive)
            return f"I {past_verb} {subject}"
        if form == 2:
            return f"it {'was' if past else 'is'} {_article(adj := self.adjective(positive))} {adj} {self.rng.choice(NOUNS)}"
        return f"I {'was' if past else 'am'} {self.state(positive)}"


# ----------------------------------------------------------------------------------- rules
def _negation(d: _Draw, positive: bool) -> tuple[str, float]:
    """A negated verdict; ``positive`` is the polarity of the words *before* negation."""
    subject, past = d.subject(), d.rng.random() < 0.5
    be = _be(subject, past)
    adjective = d.adjective(positive)
    verb, verb_past = d.verb(positive)
    forms = (
        f"{subject} {be} not {adjective}",
        f"{subject} {be}n't {d.rng.choice(('', 'very ', 'at all ', 'really '))}{adjective}",
        f"{subject} {be} never {adjective}",
        f"there is nothing {adjective} about {subject}",
        f"nothing about {subject} {'was' if past else 'is'} {adjective}",
        f"I didn't {verb} {subject}",
        f"I did not {verb} it one bit",
        f"I never {verb_past} it",
        f"nobody will find {subject} {adjective}",
        f"not {_article(adjective)} {adjective} moment in it",
        f"it is not {_article(adjective)} {adjective} {d.rng.choice(NOUNS)}",
        f"no one could call {subject} {adjective}",
        f"{subject} {'did' if past else 'does'} not feel {adjective}",
        f"I wouldn't call {subject} {adjective}",
    )
    return d.rng.choice(forms), FLIPPED[not positive]


def _contrast(d: _Draw, positive: bool) -> tuple[str, float]:
    """Two clauses of opposite verdicts; ``positive`` is the verdict of the one that wins."""
    winner, loser = d.clause(positive), d.clause(not positive)
    adjective = d.adjective(not positive)
    forms = (
        f"{loser}, but {winner}", f"{loser}, yet {winner}", f"{loser}; however, {winner}",
        f"{_cap(loser)}. But {winner}", f"although {loser}, {winner}", f"even though {loser}, {winner}",
        f"though {loser}, {winner}", f"while {loser}, {winner}", f"{winner}, although {loser}",
        f"{winner}, even though {loser}", f"despite the {adjective} {d.rng.choice(NOUNS)}, {winner}",
        f"{winner}, despite the {adjective} {d.rng.choice(NOUNS)}", f"{loser}, but in the end {winner}",
        f"sure, {loser}, but {winner}",
    )
    return d.rng.choice(forms), TARGET[positive]


def _double_negation(d: _Draw, positive: bool) -> tuple[str, float]:
    """Two negations that cancel: the verdict of the words themselves stands."""
    subject = d.subject()
    be = _be(subject, d.rng.random() < 0.5)
    adjective = d.adjective(positive)
    verb, _ = d.verb(positive)
    forms = (
        f"I can't say I didn't {verb} {subject}",
        f"it is impossible not to {verb} {subject}",
        f"you can't help but {verb} {subject}",
        f"there wasn't a single {d.rng.choice(NOUNS)} moment that wasn't {adjective}",
        f"it would be wrong to say {subject} {be}n't {adjective}",
        f"no one could call {subject} anything but {adjective}",
        f"{subject} {be} never not {adjective}",
        f"I couldn't name one scene that wasn't {adjective}",
        f"not once {'was' if be in ('was', 'is') else 'were'} {subject} anything less than {adjective}",
        f"nobody would say {subject} {be} not {adjective}",
    )
    return d.rng.choice(forms), TARGET[positive] * 0.9 + 0.05


def _single_negation_of_double(d: _Draw, positive: bool) -> tuple[str, float]:
    """The one-negation twins of :func:`_double_negation` (``positive``: before the negation)."""
    subject = d.subject()
    adjective = d.adjective(positive)
    verb, verb_past = d.verb(positive)
    forms = (
        f"I can't say I {verb_past} {subject}", f"it is impossible to {verb} {subject}",
        f"there wasn't a single moment that was {adjective}", f"I couldn't name one scene that was {adjective}",
        f"no one could call {subject} {adjective}",
        f"nobody would say {subject} {_be(subject, False)} {adjective}",
    )
    return d.rng.choice(forms), FLIPPED[not positive]


def _hedge(d: _Draw, positive: bool) -> tuple[str, float]:
    """A downtoner flips the adjective's verdict; ``positive`` is the adjective's."""
    subject = d.subject()
    be = _be(subject, d.rng.random() < 0.5)
    adjective = d.adjective(positive)
    downtoner = d.rng.choice(DOWNTONERS)
    forms = (
        f"{subject} {be} {downtoner} {adjective}",
        f"{downtoner} {_article(adjective)} {adjective} {d.rng.choice(NOUNS)}",
        f"it is {downtoner} {_article(adjective)} {adjective} {d.rng.choice(NOUNS)}",
    )
    if positive:
        forms += (f"{subject} {be} too {d.adjective(False)} to be {adjective}",)
    return d.rng.choice(forms), FLIPPED[not positive]


def _intensified(d: _Draw, positive: bool) -> tuple[str, float]:
    """The plain or intensified twin of a hedge, and "too X to enjoy" / "X enough to" forms."""
    subject = d.subject()
    be = _be(subject, d.rng.random() < 0.5)
    forms = (
        f"{subject} {be} {d.intensified(positive)}",
        f"{_article(words := d.intensified(positive))} {words} {d.rng.choice(NOUNS)}",
        f"{subject} could hardly be more {d.adjective(positive)}",
        f"{subject} {be} {d.adjective(positive)} enough to {'watch again' if positive else 'skip'}"
        if positive else f"{subject} {be} too {d.adjective(False)} to enjoy",
    )
    return d.rng.choice(forms).replace("  ", " "), TARGET[positive]


def _verdict_last(d: _Draw, positive: bool) -> tuple[str, float]:
    """Two verdicts in a row: the last one is the reader's conclusion."""
    first, last = d.adjective(not positive), d.adjective(positive)
    verb_first, verb_last = d.verb(not positive), d.verb(positive)
    state_first, state_last = d.state(not positive), d.state(positive)
    subject = d.subject()
    forms = (
        f"it starts {first} and ends {last}", f"it started {first} but ended {last}",
        f"at first I was {state_first}, but by the end I was {state_last}",
        f"I went in {state_first} and came out {state_last}",
        f"I expected to {verb_first[0]} it, and I {verb_last[1]} it",
        f"{first} on paper, {last} on screen", f"{subject} goes from {first} to {last}",
        f"what begins as {first} turns {last}", f"{first} at the start, {last} by the end",
        f"the first hour is {first}, but the rest is {last}", f"first {state_first}, then {state_last}",
        f"I was {state_first} for ten minutes and {state_last} for the rest",
    )
    return d.rng.choice(forms), TARGET[positive]


def _without(d: _Draw, positive: bool) -> tuple[str, float]:
    """"without" negates what follows: without charm (bad), without flaws (good)."""
    noun = d.rng.choice(NEGATIVE_NOUNS if positive else POSITIVE_NOUNS)
    subject = d.subject()
    forms = (
        f"{_article(n := d.rng.choice(NOUNS))} {n} without {noun}", f"{subject} {_be(subject, False)} without {noun}",
        f"a {d.rng.choice(NOUNS)} completely without {noun}", f"{subject} {'has' if subject not in SUBJECTS_PLURAL else 'have'} no {noun}",
        f"there are no {noun} here" if not positive else f"there are no {noun} in it",
        f"{subject} {'lacks' if subject not in SUBJECTS_PLURAL else 'lack'} {noun}",
    )
    return d.rng.choice(forms), FLIPPED[positive]


def _fails(d: _Draw, positive: bool) -> tuple[str, float]:
    """Verbs that carry a negation: fails to, never fails to, rarely manages to, manages to."""
    subject = d.subject()
    third = "s" if subject not in SUBJECTS_PLURAL else ""
    good, bad = d.rng.choice(POSITIVE_ACTIONS), d.rng.choice(NEGATIVE_ACTIONS)
    if positive:
        forms = (f"{subject} never fail{third} to {good}", f"{subject} manage{third} to {good}",
                 f"{subject} always manage{third} to {good}", f"{subject} rarely fail{third} to {good}",
                 f"{subject} never manage{third} to {bad}", f"{subject} fail{third} to {bad}",
                 f"not once did {subject} {bad}", f"{subject} did not {bad} once")
    else:
        forms = (f"{subject} fail{third} to {good}", f"{subject} never manage{third} to {good}",
                 f"{subject} rarely manage{third} to {good}", f"{subject} never fail{third} to {bad}",
                 f"{subject} manage{third} to {bad}", f"not once did {subject} {good}",
                 f"{subject} did not {good} once", f"{subject} always manage{third} to {bad}")
    return d.rng.choice(forms), TARGET[positive]


def _expectation(d: _Draw, positive: bool) -> tuple[str, float]:
    """An expectation or someone else's view, then the speaker's verdict: the verdict wins."""
    first, last = d.adjective(not positive), d.adjective(positive)
    (want, _), (_, got) = d.verb(not positive), d.verb(positive)
    holder = d.rng.choice(OPINION_HOLDERS)
    forms = (
        f"I expected {_article(first)} {first} {d.rng.choice(NOUNS)}, but it was {last}",
        f"I thought it would be {first}; it was {last}", f"it could have been {first}, but it is {last}",
        f"it should have been {first}; instead it is {last}", f"I wanted to {want} it, but I {got} it",
        f"{holder} said it was {first}; I found it {last}", f"{holder} promised something {first}; it was {last}",
        f"don't let the {first} start fool you: it is {last}", f"it is not {first} but {last}",
        f"less {first} than {last}", f"{first}? no. {last}", f"{first} in theory, {last} in practice",
        f"I was told it was {first}. It is {last}",
    )
    return d.rng.choice(forms), TARGET[positive]


def _nothing_short(d: _Draw, positive: bool) -> tuple[str, float]:
    """"Nothing short of", "nothing less than", "no shortage of": negations that intensify."""
    adjective = d.adjective(positive)
    subject = d.subject()
    be = _be(subject, d.rng.random() < 0.5)
    noun = d.rng.choice(POSITIVE_NOUNS if positive else NEGATIVE_NOUNS)
    forms = (f"{subject} {be} nothing short of {adjective}", f"{subject} {be} nothing less than {adjective}",
             f"there is no shortage of {noun} here", f"there is no denying {subject} {be} {adjective}",
             f"I can't deny {subject} {be} {adjective}")
    return d.rng.choice(forms), TARGET[positive]


def _sarcasm(d: _Draw, positive: bool) -> tuple[str, float]:
    """Praise words around a bad experience, with the usual markers ("oh great", "yeah, right", "... not")."""
    praise = d.adjective(True)
    if positive:
        forms = (f"{praise}: {d.clause(True)}", f"honestly, {d.clause(True)}", f"great, {d.clause(True)}",
                 f"just what I needed: {_article(a := d.adjective(True))} {a} {d.rng.choice(NOUNS)}",
                 f"{praise}. Truly {praise}", f"what {_article(praise)} {praise} way to spend two hours",
                 f"thank you for {_article(praise)} {praise} evening")
    else:
        forms = (f"oh great, {d.clause(False)}", f"oh {praise}, {d.clause(False)}", f"yeah, right, {d.clause(True)}",
                 f"{praise}... not", f"just what I needed: another {d.adjective(False)} {d.rng.choice(NOUNS)}",
                 f"{praise}. Just {praise}. {_cap(d.clause(False))}",
                 f"what {_article(praise)} {praise} way to waste two hours",
                 f"thanks for nothing, {d.rng.choice(SUBJECTS_SINGULAR)}", f"oh sure, {d.clause(True)}. Not")
    return d.rng.choice(forms), TARGET[positive]


def _transition(d: _Draw, positive: bool) -> tuple[str, float]:
    """Something turns into something else: what it became is the verdict."""
    pick = lambda good, bad, p: d.rng.choice(good if p else bad)  # noqa: E731
    first, last = pick(POSITIVE_NOUN_PHRASES, NEGATIVE_NOUN_PHRASES, not positive), \
        pick(POSITIVE_NOUN_PHRASES, NEGATIVE_NOUN_PHRASES, positive)
    role_first, role_last = pick(POSITIVE_ROLES, NEGATIVE_ROLES, not positive), pick(POSITIVE_ROLES, NEGATIVE_ROLES, positive)
    feeling_first, feeling_last = pick(POSITIVE_FEELINGS, NEGATIVE_FEELINGS, not positive), \
        pick(POSITIVE_FEELINGS, NEGATIVE_FEELINGS, positive)
    adjective_first, adjective_last = d.adjective(not positive), d.adjective(positive)
    verb, thing = d.rng.choice(EXPERIENCES)
    forms = (
        f"what began as {first} became {last}", f"it started as {first} and ended as {last}",
        f"{first} at first, {last} by the end", f"I started as {role_first} and finished {role_last}",
        f"I came in {role_first} and left {role_last}", f"my {feeling_first} turned into {feeling_last}",
        f"within an hour my {feeling_first} had become {feeling_last}",
        f"it looked {adjective_first} at first and turned out to be {last}",
        f"{adjective_first} on the first try, {adjective_last} ever since",
        f"the first {thing} was {first}; the last one was {last}", f"it went from {first} to {last}",
        f"{_cap(first)} for an hour, then {last}", f"what seemed {adjective_first} now seems {adjective_last}",
    )
    return d.rng.choice(forms), TARGET[positive]


def _advice(d: _Draw, positive: bool) -> tuple[str, float]:
    """Someone praised or warned, and was right or wrong: two reversals that compose."""
    holder = d.rng.choice(OPINION_HOLDERS)
    praised = d.rng.random() < 0.5
    right = praised == positive
    praise = d.rng.choice(("recommended it", "raved about it", "loved it", "said it was brilliant", "urged me to go"))
    warning = d.rng.choice(("warned me off it", "hated it", "said it was awful", "told me to skip it",
                            "laughed at it"))
    verdict = d.rng.choice(("they were right", "they were so right", "they were spot on")) if right else \
        d.rng.choice(("they were wrong", "they were completely wrong", "they could not have been more wrong"))
    return f"{holder} {praise if praised else warning}, and {verdict}", TARGET[positive]


def _relative_negation(d: _Draw, positive: bool) -> tuple[str, float]:
    """A negation outside and one inside a relative clause cancel; one alone flips."""
    verb, verb_past = d.verb(True)
    done, thing = d.rng.choice(EXPERIENCES)
    adjective = d.adjective(positive)
    if positive:  # two negations (or a negation and an opposite word): the praise stands
        forms = (f"I have never {done} a {thing} of theirs that I didn't {verb}",
                 f"there isn't a {thing} here that I don't {verb}",
                 f"I have yet to find a {thing} here I didn't {verb}",
                 f"I have yet to meet anyone who didn't {verb} it",
                 f"not one {thing} was anything other than {adjective}",
                 f"there wasn't a {thing} that wasn't {adjective}",
                 f"nobody I know didn't {verb} it")
    else:  # one negation: the praise is denied
        forms = (f"I have never {done} a {thing} of theirs that I {verb_past}",
                 f"there isn't a {thing} here that I {verb}", f"I have yet to find a {thing} here I {verb_past}",
                 f"I have yet to meet anyone who {verb_past} it",
                 f"not one {thing} was anything other than {adjective}",
                 f"there wasn't a {thing} that was {d.adjective(True)}", f"nobody I know {verb_past} it")
    return d.rng.choice(forms), TARGET[positive] * 0.9 + 0.05


def _aside_contrast(d: _Draw, positive: bool) -> tuple[str, float]:
    """Contrasts marked in the middle or at the end of a clause: nevertheless, still, whereas, though."""
    winner, loser = d.clause(positive), d.clause(not positive)
    subject = d.subject()
    be = _be(subject, d.rng.random() < 0.5)
    forms = (f"{loser}; nevertheless, {winner}", f"{loser}, still {winner}", f"whereas {loser}, {winner}",
             f"{loser}; {subject}, though, {be} {d.intensified(positive)}", f"{loser}. Even so, {winner}",
             f"{loser}; that said, {winner}", f"yes, {loser}, but {winner}", f"{loser}. All the same, {winner}")
    return d.rng.choice(forms), TARGET[positive]


RULES: dict[str, Callable[[_Draw, bool], tuple[str, float]]] = {
    "negation": _negation, "contrast": _contrast, "double_negation": _double_negation,
    "single_negation": _single_negation_of_double, "hedge": _hedge, "intensified": _intensified,
    "verdict_last": _verdict_last, "without": _without, "fails": _fails, "expectation": _expectation,
    "nothing_short": _nothing_short, "sarcasm": _sarcasm, "transition": _transition, "advice": _advice,
    "relative_negation": _relative_negation, "aside_contrast": _aside_contrast,
}


def treebank_fillers(phrases, longest: int = 3) -> list[tuple[str, bool]]:
    """(text, is positive) of the treebank phrases of 1 to ``longest`` words with a strong label
    (very negative or very positive, or a single word that is negative or positive): stand-ins for
    the lexicon's adjectives."""
    return [(text, bool(label)) for text, label, fine in zip(phrases["text"], phrases["label"], phrases["fine_label"])
            if len(text.split()) <= longest and text[:1].isalpha() and (fine in (0, 4) or len(text.split()) == 1)]


def treebank_clauses(phrases, shortest: int = 3, longest: int = 10) -> list[tuple[str, bool]]:
    """(text, is positive) of the clear-cut treebank phrases of ``shortest`` to ``longest`` words that
    start with a word: material for the two sides of composed contrasts.

    phrases: a dataset with ``text``, ``label`` and ``fine_label`` columns (:func:`rnnviz.sst.load_sst`)
    """
    return [(text, bool(label)) for text, label in zip(phrases["text"], phrases["label"])
            if shortest <= len(text.split()) <= longest and text[:1].isalpha()]


def compose_examples(count: int, seed: int = 0, clauses: Sequence[tuple[str, bool]] = (),
                     rules: Sequence[str] | None = None,
                     fillers: Sequence[tuple[str, bool]] = ()) -> list[tuple[str, float]]:
    """``count`` composed sentences with their target P(positive), balanced over rules and verdicts.

    clauses: (text, is positive) short clauses (e.g. treebank phrases) that contrasts may use as
        their two sides, beside clauses made from the lexicon
    fillers: (text, is positive) short clear-cut phrases ("gorgeously elaborate", "a mess") that may
        stand in the rules' adjective slots, beside the lexicon's words
    returns: [(text, target)], targets 0, 0.05, 0.15, 0.8, 0.95 or 1 (see the module docstring)
    """
    rng = random.Random(seed)
    draw = _Draw(rng, [(text.rstrip(" .!"), bool(label)) for text, label in clauses],
                 [(text.strip(" .,!"), bool(label)) for text, label in fillers])
    names = list(rules) if rules is not None else list(RULES)
    out: list[tuple[str, float]] = []
    seen: set[str] = set()
    attempts = 0
    while len(out) < count and attempts < count * 20:
        # Rules take turns by attempt, so one whose sentences run out (all drawn already) cannot stall the rest.
        rule = RULES[names[attempts % len(names)]]
        attempts += 1
        text, target = rule(draw, rng.random() < 0.5)
        text = " ".join(_cap(text).split())
        text += rng.choice((".", ".", ".", "!", ""))
        if text not in seen:
            seen.add(text)
            out.append((text, target))
    return out
