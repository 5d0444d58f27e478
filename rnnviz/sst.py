"""The Stanford Sentiment Treebank (SST), phrase by phrase, as a ``datasets.DatasetDict``.

Every node of every SST parse tree carries a sentiment label from 0 (very negative) to 4 (very
positive), so "bad" is negative and "not bad" positive *as phrases*: this is what teaches a model
what "not" does to the word after it, which one label per 230-word IMDB review never does.

    sst = load_sst()                  # RNNVIZ_SST_DIR, the hub, or the trees shipped with rnnviz
    sst["train"]                      # every distinct non-neutral phrase: text, label, fine_label, is_sentence
    sentences = sst.sentences("dev")  # SST-2 dev: 872 sentences

Sources, in order (:func:`load_sst`):
1. ``data_dir`` or the ``RNNVIZ_SST_DIR`` environment variable: a folder of the original PTB trees
   (``train.txt``, ``dev.txt``, ``test.txt`` when present; or the release's ``trees/`` subfolder);
2. the hub dataset ``stanfordnlp/sst`` (its ``ptb`` trees), only when the hub answers within a second;
3. a sample of trees shipped in this package (``sample_data/sst``): enough for tests and the lesson.

The PTB tokens are turned back into text a person would type (``do n't`` -> ``don't``, ``-LRB-``
-> ``(``, ``\\/`` -> ``/``, quotes), so rnnviz's tokenizer sees the same thing as a typed review.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from datasets import Dataset, DatasetDict

from rnnviz.data import DataError, DataSource, hub_reachable

SST_DIR_ENV = "RNNVIZ_SST_DIR"
HUB_DATASET = "stanfordnlp/sst"
SAMPLE_DIR = Path(__file__).resolve().parent / "sample_data" / "sst"
SPLITS = ("train", "dev", "test")
FINE_LABELS = ("very negative", "negative", "neutral", "positive", "very positive")
NEUTRAL = 2
# A tree deeper than this is not a sentence (the deepest SST tree is ~30 levels); guards the stack.
MAX_DEPTH = 1_000

_PTB_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
               "``": '"', "''": '"', "`": "'"}
# Clitics and contractions the PTB splits off the word before: "do n't", "it 's", "we 're".
_CLITICS = {"n't", "'s", "'re", "'ve", "'m", "'ll", "'d", "'"}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "...", "%", ")", "]", "}"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


class SstFormatError(DataError):
    """A tree line that is not a well-formed PTB tree, with its file and line number."""


@dataclass(frozen=True)
class Node:
    """One labelled phrase of a tree: words ``start`` (inclusive) to ``end`` (exclusive)."""

    label: int
    start: int
    end: int


@dataclass(frozen=True)
class Tree:
    """One SST sentence: its PTB tokens and every node (the root first).

    tokens: (n,) PTB tokens, in order; nodes: every constituent, leaves included
    """

    tokens: tuple[str, ...]
    nodes: tuple[Node, ...]

    @property
    def label(self) -> int:
        return self.nodes[0].label

    @property
    def text(self) -> str:
        return detokenize(self.tokens)

    def phrases(self) -> Iterator[tuple[str, int, bool]]:
        """(text, fine label, is the whole sentence) for every node, the root first."""
        for node in self.nodes:
            yield detokenize(self.tokens[node.start: node.end]), node.label, node is self.nodes[0]

    def typed_prefix_labels(self) -> list[tuple[int, int]]:
        """(words, fine label) for each prefix of the sentence that is a phrase of the tree, counted in
        the words rnnviz's tokenizer sees (punctuation aside): where to draw the treebank's own label on
        a model's "P(positive) after each word" line.
        """
        from rnnviz.tokenizer import split_words

        out: list[tuple[int, int]] = []
        for k, label in enumerate(self.prefix_labels(), start=1):
            words = len(split_words(detokenize(self.tokens[:k])))
            if label is not None and words and (not out or out[-1][0] != words):
                out.append((words, label))
        return out

    def prefix_labels(self) -> list[int | None]:
        """The treebank's fine label of the first k words, for k = 1..n (None: not a phrase of the tree).

        returns: (n,) one entry per word; entry k-1 is the label of words 0..k-1 when they form a node
        """
        by_span = {(node.start, node.end): node.label for node in self.nodes}
        return [by_span.get((0, k)) for k in range(1, len(self.tokens) + 1)]


def _unescape(token: str) -> str:
    token = _PTB_TOKENS.get(token, token)
    return token.replace("\\/", "/").replace("\\*", "*")


def detokenize(tokens: Iterable[str]) -> str:
    """PTB tokens -> the text a person would type: ``["It", "does", "n't", "work", "."]`` -> "It doesn't work."

    Quotes open and close in turn: ``" Conan "`` becomes ``"Conan"``.
    """
    out: list[str] = []
    quote_open = False
    glue_next = False
    for raw in tokens:
        token = _unescape(raw)
        glue = glue_next or not out
        glue_next = False
        if raw in ("``", "''") or (token == '"'):
            if raw == "``" or (raw != "''" and not quote_open):
                quote_open, glue_next = True, True
            else:
                quote_open, glue = False, True
        elif token in _NO_SPACE_AFTER or raw == "`":
            glue_next = True
        elif token.lower() in _CLITICS or token in _NO_SPACE_BEFORE:
            glue = True
        if out and not glue:
            out.append(" ")
        out.append(token)
    return "".join(out)


_TREE_TOKEN = re.compile(r"\(|\)|[^\s()]+")


def parse_tree(line: str) -> Tree:
    """One PTB tree line, ``(3 (2 It) (4 (4 's) (3 lovely)))``, -> :class:`Tree`.

    Raises ValueError naming what is wrong (unbalanced brackets, a label that is not 0-4, ...).
    Iterative, so a hostile, deeply nested line cannot exhaust Python's stack.
    """
    items = _TREE_TOKEN.findall(line)
    if not items or items[0] != "(":
        raise ValueError("a tree starts with '('")
    tokens: list[str] = []
    nodes: list[Node | None] = []
    # Each open bracket: (its index in nodes, its label, the first word under it).
    stack: list[tuple[int, int, int]] = []
    position = 0
    finished = False
    while position < len(items):
        item = items[position]
        if finished:
            raise ValueError(f"text after the end of the tree: {item!r}")
        if item == "(":
            if position + 1 >= len(items) or items[position + 1] in "()":
                raise ValueError("'(' must be followed by a label")
            label_text = items[position + 1]
            if label_text not in {"0", "1", "2", "3", "4"}:
                raise ValueError(f"labels are 0 to 4, found {label_text!r}")
            if len(stack) >= MAX_DEPTH:
                raise ValueError(f"the tree is nested more than {MAX_DEPTH} levels deep")
            stack.append((len(nodes), int(label_text), len(tokens)))
            nodes.append(None)
            position += 2
            # A leaf: "(label word)"; a few SST leaves hold a space ("(2 8 1\\/2)", the film's title).
            end = position
            while end < len(items) and items[end] not in "()":
                end += 1
            if end > position:
                if end >= len(items) or items[end] != ")":
                    raise ValueError(f"a word outside a leaf: {items[position]!r}")
                tokens.append(" ".join(items[position:end]))
                position = end
            continue
        if item == ")":
            if not stack:
                raise ValueError("a ')' closes nothing")
            index, label, start = stack.pop()
            if len(tokens) == start:
                raise ValueError("a node holds no word")
            nodes[index] = Node(label, start, len(tokens))
            finished = not stack
            position += 1
            continue
        raise ValueError(f"a word outside a leaf: {item!r}")
    if stack:
        raise ValueError("a '(' is never closed")
    return Tree(tuple(tokens), tuple(n for n in nodes if n is not None))


def read_trees(path: str | os.PathLike, limit: int | None = None) -> list[Tree]:
    """Every tree of a PTB file (one per non-blank line); a malformed line names the file and line."""
    path = Path(path)
    trees = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                trees.append(parse_tree(line))
            except ValueError as error:
                raise SstFormatError(f"{path}, line {number}: {error}") from None
            if limit is not None and len(trees) >= limit:
                break
    return trees


def binary_label(fine_label: int) -> int | None:
    """SST-2's rule: 0-1 negative (0), 3-4 positive (1), neutral (2) dropped (None)."""
    return None if fine_label == NEUTRAL else int(fine_label > NEUTRAL)


def phrases_dataset(trees: Iterable[Tree]) -> Dataset:
    """Every distinct non-neutral phrase of ``trees``, in order of first appearance.

    Columns: text, label (0/1), fine_label (0, 1, 3, 4), is_sentence (the phrase is a whole
    sentence of some tree). A phrase that occurs in several trees appears once.
    """
    rows: dict[str, list] = {}
    for tree in trees:
        for text, fine, is_sentence in tree.phrases():
            label = binary_label(fine)
            if label is None or not text.strip():
                continue
            row = rows.get(text)
            if row is None:
                rows[text] = [label, fine, is_sentence]
            elif is_sentence:
                row[2] = True
    return Dataset.from_dict({
        "text": list(rows),
        "label": [r[0] for r in rows.values()],
        "fine_label": [r[1] for r in rows.values()],
        "is_sentence": [r[2] for r in rows.values()],
    })


class SstData(DatasetDict):
    """A ``DatasetDict`` (``train``, ``dev``, maybe ``test``) of SST phrases that knows its source.

    ``trees`` keeps the parsed trees of each split, for lessons that look inside a sentence.
    """

    source: DataSource
    trees: dict[str, list[Tree]]

    def sizes(self) -> dict[str, int]:
        return {name: len(split) for name, split in self.items()}

    def sentences(self, split: str) -> Dataset:
        """The whole sentences of ``split`` with a non-neutral label (SST-2's sentences)."""
        # select, not filter: no progress bar on the command line, and no Python call per phrase.
        phrases = self[split]
        return phrases.select(np.flatnonzero(np.asarray(phrases["is_sentence"][:], dtype=bool)))

    def turning_sentences(self, limit: int = 40) -> list[str]:
        """Dev sentences (or the first split's) of 8-25 words that turn ("but", "not", "n't", ...):
        examples of a reading whose every labelled prefix the treebank gives."""
        trees = self.trees.get("dev") or next(iter(self.trees.values()))
        turns = {"but", "not", "n't", "never", "although", "yet"}
        return [tree.text for tree in trees
                if 8 <= len(tree.tokens) <= 25 and turns & {token.lower() for token in tree.tokens}][:limit]

    @functools.cached_property
    def _trees_by_text(self) -> dict[str, Tree]:  # built once: the treebank is shared read-only
        return {tree.text: tree for split in self.trees.values() for tree in split}

    def tree_of(self, text: str) -> Tree | None:
        """The tree whose sentence is ``text`` (surrounding spaces aside), in any split, or None."""
        return self._trees_by_text.get(text.strip())


def _from_trees(trees: dict[str, list[Tree]], source: DataSource) -> SstData:
    data = SstData({name: phrases_dataset(split) for name, split in trees.items()})
    data.source, data.trees = source, trees
    return data


def _split_files(folder: Path) -> dict[str, Path]:
    for root in (folder, folder / "trees"):
        files = {split: root / f"{split}.txt" for split in SPLITS if (root / f"{split}.txt").is_file()}
        if "train" in files:
            return files
    return {}


def load_local(data_dir: str | os.PathLike) -> SstData:
    """Read the PTB tree files of a folder (``train.txt`` needed; ``dev.txt``, ``test.txt`` if present)."""
    folder = Path(data_dir).expanduser()
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder")
    files = _split_files(folder)
    if not files:
        raise DataError(f"{folder}: no SST trees found (expected train.txt, dev.txt, as in the original "
                        "trainDevTestTrees_PTB release, or a trees/ folder holding them)")
    trees = {split: read_trees(path) for split, path in files.items()}
    return _from_trees(trees, DataSource("local", str(folder.resolve())))


def load_sample() -> SstData:
    """The SST trees shipped with rnnviz (a seeded draw from train and dev; see scripts/build_sample.py)."""
    trees = {split: read_trees(path) for split, path in _split_files(SAMPLE_DIR).items()}
    return _from_trees(trees, DataSource("sample", str(SAMPLE_DIR)))


def load_hub() -> SstData:
    from datasets import load_dataset

    names = {"train": "train", "dev": "validation", "test": "test"}
    trees = {split: [parse_tree(line) for line in load_dataset(HUB_DATASET, "ptb", split=name)["ptb_tree"]]
             for split, name in names.items()}
    return _from_trees(trees, DataSource("hub", HUB_DATASET))


def load_sst(data_dir: str | os.PathLike | None = None) -> SstData:
    """SST phrases from the first source that works (see the module docstring).

    A folder that is given but unreadable raises :class:`~rnnviz.data.DataError`; it never falls
    back silently, since the user asked for that data.
    """
    data_dir = data_dir or os.environ.get(SST_DIR_ENV) or None
    if data_dir:
        return load_local(data_dir)
    note = "the Hugging Face hub is unreachable"
    if hub_reachable():
        try:
            return load_hub()
        except Exception as error:  # noqa: BLE001 - any hub failure means "use the sample"
            note = f"the hub failed: {error}"
    sample = load_sample()
    sample.source = DataSource("sample", str(SAMPLE_DIR), note)
    return sample
