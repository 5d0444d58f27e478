"""The Sentiment Treebank loader: PTB trees -> every labelled phrase, as typed text."""

from pathlib import Path

import pytest

from rnnviz import data, sst
from rnnviz.data import DataError
from rnnviz.sst import SstFormatError, detokenize, load_sst, parse_tree, read_trees
from rnnviz.tokenizer import split_words

FULL = Path(__file__).resolve().parents[2] / "shared" / "data" / "sst"
TREE = "(3 (2 It) (4 (4 (2 's) (4 (3 (2 a) (4 (3 lovely) (2 film))) (2 (2 that) (1 (2 does) (1 (1 n't) (2 work)))))) (2 .)))"


def test_parse_tree_keeps_every_node_with_its_span():
    tree = parse_tree(TREE)
    assert tree.tokens == ("It", "'s", "a", "lovely", "film", "that", "does", "n't", "work", ".")
    assert tree.label == 3 and tree.nodes[0].start == 0 and tree.nodes[0].end == 10
    spans = {(n.start, n.end): n.label for n in tree.nodes}
    assert spans[(3, 4)] == 3  # "lovely"
    assert spans[(6, 9)] == 1  # "does n't work"
    assert len(tree.nodes) == 2 * len(tree.tokens) - 1  # a binary tree
    assert tree.text == "It's a lovely film that doesn't work."


def test_prefix_labels_follow_the_tree():
    tree = parse_tree("(1 (2 (2 not) (3 good)) (2 .))")
    assert tree.prefix_labels() == [2, 2, 1]  # "not", "not good", "not good ."
    assert parse_tree(TREE).prefix_labels()[:2] == [2, None]  # "It" is a node, "It 's" is not


@pytest.mark.parametrize("tokens, text", [
    (["do", "n't", "go"], "don't go"),
    (["ca", "n't", "miss"], "can't miss"),
    (["-LRB-", "and", "-RRB-"], "(and)"),
    (["writer\\/director"], "writer/director"),
    (["``", "Conan", "''", "is", "back"], '"Conan" is back'),
    (["the", "21st", "Century", "'s", "new", "``", "Conan", "''", "."], 'the 21st Century\'s new "Conan".'),
    (["It", "'s", "a", "film", ",", "I", "think", "..."], "It's a film, I think..."),
    (["`", "Yes", "'", "he", "said"], "'Yes' he said"),
])
def test_detokenize_gives_typed_text(tokens, text):
    assert detokenize(tokens) == text


def test_the_tokenizer_sees_typed_words():
    text = parse_tree("(1 (2 It) (1 (2 does) (1 (1 n't) (3 work))))").text
    assert split_words(text) == ["it", "doesn't", "work"]


def test_leaf_with_a_space_is_one_token():
    tree = parse_tree("(3 (2 (2 8) ) (3 good))".replace("(2 (2 8) )", "(2 8 1\\/2)"))
    assert tree.tokens == ("8 1\\/2", "good") and tree.text == "8 1/2 good"


@pytest.mark.parametrize("line, reason", [
    ("(3 (2 It) (4 good)", "never closed"),
    ("(3 (2 It)) (4 good))", "after the end"),
    ("(7 (2 It) (4 good))", "labels are 0 to 4"),
    ("(x (2 It))", "labels are 0 to 4"),
    ("(3 )", "no word"),
    ("It is good", "starts with"),
    ("", "starts with"),
    ("(3 (2 It) stray (4 good))", "outside a leaf"),
])
def test_malformed_trees_say_why(line, reason):
    with pytest.raises(ValueError, match=reason):
        parse_tree(line)


def test_hostile_nesting_is_refused_without_recursion():
    line = "(2 " * 5_000 + "word" + ")" * 5_000
    with pytest.raises(ValueError, match="nested more than"):
        parse_tree(line)


def test_a_bad_line_names_the_file_and_line(tmp_path):
    (tmp_path / "train.txt").write_text(f"{TREE}\n\n(3 (2 broken)\n", encoding="utf-8")
    with pytest.raises(SstFormatError, match=r"train\.txt, line 3: .*never closed"):
        read_trees(tmp_path / "train.txt")
    with pytest.raises(DataError, match="line 3"):
        load_sst(tmp_path)


def test_local_folder_phrases_are_distinct_and_binary(tmp_path):
    (tmp_path / "train.txt").write_text(TREE + "\n" + "(1 (2 (2 not) (3 good)) (2 .))\n", encoding="utf-8")
    (tmp_path / "dev.txt").write_text("(3 (3 good) (2 fun))\n", encoding="utf-8")
    treebank = load_sst(tmp_path)
    assert treebank.source.kind == "local" and set(treebank) == {"train", "dev"}
    train = treebank["train"]
    assert train.column_names == ["text", "label", "fine_label", "is_sentence"]
    assert len(set(train["text"])) == len(train)
    rows = dict(zip(train["text"], zip(train["label"], train["fine_label"], train["is_sentence"])))
    assert rows["not good."] == (0, 1, True)
    assert rows["good"] == (1, 3, False)
    assert "not" not in rows  # neutral phrases are dropped for the binary task
    assert all(fine != 2 for fine in train["fine_label"])
    assert treebank.sentences("dev")["text"] == ["good fun"]


def test_missing_folder_or_files_are_clear(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        load_sst(tmp_path / "absent")
    with pytest.raises(DataError, match="no SST trees"):
        load_sst(tmp_path)


def test_release_layout_with_trees_folder(tmp_path):
    (tmp_path / "trees").mkdir()
    (tmp_path / "trees" / "train.txt").write_text(TREE + "\n", encoding="utf-8")
    assert set(load_sst(tmp_path)) == {"train"}


def test_sample_is_shipped_small_and_readable(monkeypatch):
    monkeypatch.delenv(sst.SST_DIR_ENV, raising=False)
    monkeypatch.setattr(data, "HUB_HOST", "hub.invalid")
    treebank = load_sst()
    assert treebank.source.kind == "sample" and "unreachable" in treebank.source.note
    assert len(treebank.trees["train"]) == 600 and len(treebank.trees["dev"]) == 300
    assert len(treebank.sentences("dev")) > 200
    assert sum(p.stat().st_size for p in sst.SAMPLE_DIR.glob("*.txt")) < 400_000


def test_environment_variable_and_hub(monkeypatch, tmp_path):
    (tmp_path / "train.txt").write_text(TREE + "\n", encoding="utf-8")
    monkeypatch.setenv(sst.SST_DIR_ENV, str(tmp_path))
    assert load_sst().source.kind == "local"
    monkeypatch.delenv(sst.SST_DIR_ENV)
    monkeypatch.setattr(sst, "hub_reachable", lambda timeout=1.0: True)

    def broken():
        raise ConnectionError("no hub")
    monkeypatch.setattr(sst, "load_hub", broken)
    fallback = load_sst()
    assert fallback.source.kind == "sample" and "failed" in fallback.source.note


@pytest.mark.skipif(not (FULL / "train.txt").is_file(), reason="the full treebank is not on this machine")
def test_full_treebank_sizes():
    treebank = load_sst(FULL)
    assert len(treebank.trees["train"]) == 8_544 and len(treebank.trees["dev"]) == 1_101
    assert 77_000 <= len(treebank["train"]) <= 78_000
    assert len(treebank.sentences("dev")) == 872  # SST-2's dev set
    texts = treebank["train"]["text"]
    assert not any(marker in text for text in texts for marker in ("-LRB-", "\\/", "``", " n't"))
