"""Why did the model say that? Word contributions: what the model's score loses when a word is hidden.

The question a student asks is "and without this word?"::

    contribution[i] = score(review) - score(review with word i replaced by <oov>)

where the score is the logit the model outputs, P(positive) = sigmoid(score). Scores, not
probabilities: on a confident review P is 0.999 with or without any one word, so differences of P
all vanish, while the score still shows which words carried the verdict (+1 on the score multiplies
the odds positive:negative by e = 2.7).

> 0: the word pushed the verdict towards "positive"; < 0: towards "negative". An out-of-vocabulary
word contributes exactly 0 (the model already saw ``<oov>`` there); so does ``<start>``.

Two ways to get it (``method=``):

- "occlusion": exact. The ``n`` copies of the review, copy ``i`` with word ``i`` hidden, are scored
  in one batch: ``n`` sequences of ``n`` steps, O(n^2). Instant for a sentence, ~0.7 s for a
  200-word review on one CPU core.
- "gradient": its first-order estimate, gradient x input, from ONE forward and backward pass
  (a few ms): ``d score/de_i . (e_i - e_oov)`` where ``e_i`` is word i's embedding. Exact for a linear
  model; for an RNN it ranks the words like occlusion does, with approximate values.
- "auto" (default): occlusion up to ``EXACT_MAX_WORDS`` words, the gradient beyond.

    explanation = explain(load_checkpoint("checkpoints/lstm.safetensors"), "Not bad at all!")
    explanation.probability, explanation.words, explanation.contributions
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from rnnviz.tokenizer import OOV_ID, PAD_ID, START_ID, Tokenizer

# Occluded copies scored per forward pass: bounds the memory of one batch (B x T x hidden).
DEFAULT_BATCH = 256
# Up to this many words a text is "short": explained by the model that reads short sentences best.
SHORT_TEXT_WORDS = 60
METHODS = ("auto", "occlusion", "gradient")
# "auto" is exact up to this many words: 40 copies of 40 steps cost about one 200-word pass backward.
EXACT_MAX_WORDS = 40
MIN_SHOWN = 0.005  # ``top`` leaves out words whose effect would print as 0.00


@dataclass(frozen=True)
class Explanation:
    """One review seen by one model.

    words, ids, is_oov: (n,) the tokens the model read, in order (``<start>`` first when it was kept)
    contributions: (n,) score(review) - score(review with that word unknown), in logits;
        0 for ``<start>`` and OOV words
    probability: P(positive) of the whole (kept) review
    cut_words: the tokens dropped at the start because the review is longer than ``max_len``
    method: "occlusion" (exact) or "gradient" (first-order estimate)
    """

    words: tuple[str, ...]
    ids: tuple[int, ...]
    is_oov: tuple[bool, ...]
    contributions: np.ndarray
    probability: float
    cut_words: tuple[str, ...]
    max_len: int
    method: str = "occlusion"

    @property
    def truncated(self) -> bool:
        return bool(self.cut_words)

    @property
    def n_oov(self) -> int:
        return int(sum(self.is_oov))

    def top(self, k: int = 5, positive: bool = True) -> list[tuple[str, float]]:
        """The ``k`` words that pushed most towards positive (or negative), strongest first."""
        order = np.argsort(-self.contributions if positive else self.contributions, kind="stable")
        sign = 1 if positive else -1
        return [(self.words[i], float(self.contributions[i])) for i in order[:k]
                if sign * self.contributions[i] > MIN_SHOWN]


@torch.no_grad()
def _logits(model: torch.nn.Module, ids: torch.Tensor, length: int, batch: int) -> np.ndarray:
    """The score (logit) of each row of ``ids`` (R, T), all of the same real ``length`` (post padding)."""
    out = []
    for start in range(0, ids.shape[0], batch):
        rows = ids[start: start + batch]
        lengths = torch.full((rows.shape[0],), length, dtype=torch.long)
        out.append(model(rows, lengths, padding="post").reshape(-1).double())
    return torch.cat(out).numpy() if out else np.empty(0)


def _gradient(model: torch.nn.Module, ids: torch.Tensor, hideable: list[int]) -> tuple[float, np.ndarray]:
    """(P of the review, d score/de_i . (e_i - e_oov) per position) from one forward + backward pass.

    Runs the model's own layers from the embeddings on, for one review without padding (so the
    padding-proof reading reduces to: embedding -> recurrent layers -> pooling -> head).
    """
    weight = model.embedding.weight.detach()
    with torch.enable_grad():
        x = weight[ids][None].clone().requires_grad_(True)  # (1, n, E): a leaf of our own
        lengths = torch.tensor([ids.shape[0]])
        logit = model.head(model.pool(model.states_from_vectors(x, lengths), lengths)).reshape(())
        (grad,) = torch.autograd.grad(logit, x)
    delta = (x.detach()[0] - weight[OOV_ID]) * grad[0]  # (n, E)
    contributions = np.zeros(ids.shape[0], dtype=np.float64)
    contributions[hideable] = delta.sum(-1).double().numpy()[hideable]
    return float(torch.sigmoid(logit.detach().double())), contributions


def explain(checkpoint, text: str, method: str = "auto", batch_size: int = DEFAULT_BATCH) -> Explanation:
    """Contributions of every word of ``text`` for ``checkpoint`` (see the module docstring).

    checkpoint: anything with ``.model`` (an eval-mode :class:`~rnnviz.models.RNNClassifier`),
        ``.tokenizer`` and ``.config`` (``max_len``), e.g. a loaded :class:`rnnviz.checkpoints.Checkpoint`.
    Thread-safe for a shared, read-only model: nothing global and nothing in the model is changed.
    """
    return explain_model(checkpoint.model, checkpoint.tokenizer, checkpoint.config.max_len, text,
                         method, batch_size)


def explain_model(model: torch.nn.Module, tokenizer: Tokenizer, max_len: int, text: str,
                  method: str = "auto", batch_size: int = DEFAULT_BATCH) -> Explanation:
    """:func:`explain` with the pieces given separately. ``model`` must be in eval mode."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    if model.training:
        raise ValueError("explain needs a model in eval mode (dropout off)")
    encoding = tokenizer.encode_detailed(text)
    cut = max(len(encoding.ids) - max_len, 0)
    words, ids, is_oov = dataclasses.astuple(encoding.kept(max_len))
    n = len(ids)
    base = torch.tensor(ids, dtype=torch.long)
    # Only words that hiding can change: not <start>, padding, or a word already unknown.
    hideable = [i for i, token in enumerate(ids) if token not in (START_ID, PAD_ID, OOV_ID)]
    if method == "auto":
        method = "occlusion" if n <= EXACT_MAX_WORDS else "gradient"
    if method == "gradient":
        probability, contributions = _gradient(model, base, hideable)
    else:
        batch = base.repeat(len(hideable) + 1, 1)
        if hideable:
            batch[torch.arange(1, len(hideable) + 1), torch.tensor(hideable)] = OOV_ID
        logits = _logits(model, batch, n, max(int(batch_size), 1))
        probability = float(1 / (1 + np.exp(-logits[0])))
        contributions = np.zeros(n, dtype=np.float64)
        contributions[hideable] = logits[0] - logits[1:]
    return Explanation(tuple(words), tuple(int(i) for i in ids), tuple(bool(o) for o in is_oov),
                       contributions, probability, tuple(encoding.tokens[:cut]), int(max_len), method)



@dataclass(frozen=True)
class Verdict:
    """One model's P(positive) of a text, with what a reader needs to weigh it: what the model learned
    from (``trained_on``: "imdb", "sst" or "both"), how it reads long reviews (``test_accuracy``, IMDB
    test) and short sentences (``sst_dev_accuracy``), and how many of the text's ``tokens`` (``<start>``
    included) it does not know (``unknown``)."""

    name: str
    path: str
    probability: float
    tokens: int
    unknown: int
    max_len: int
    trained_on: str
    test_accuracy: float | None
    sst_dev_accuracy: float | None

    @classmethod
    def of(cls, info, checkpoint, text: str) -> "Verdict":
        """``checkpoint`` (a loaded :class:`~rnnviz.checkpoints.Checkpoint`, described by ``info``) on ``text``."""
        encoding = checkpoint.tokenizer.encode_detailed(text)
        return cls(info.name, str(info.path), float(checkpoint.predict([text])[0]), len(encoding),
                   sum(encoding.is_oov), checkpoint.config.max_len, info.trained_on,
                   info.metrics.get("test_accuracy"), info.metrics.get("sst_dev_accuracy"))

    @property
    def words(self) -> int:
        return max(self.tokens - 1, 0)  # <start> aside


def explainer_for(verdicts: Sequence[Verdict]) -> tuple[int, bool]:
    """(index of the model to explain the text with, whether the text is short): up to
    :data:`SHORT_TEXT_WORDS` words, the model that reads short sentences best (SST-2 dev), else the
    one that reads long reviews best (IMDB test)."""
    short = max(v.words for v in verdicts) <= SHORT_TEXT_WORDS
    measure = "sst_dev_accuracy" if short else "test_accuracy"
    best = max(range(len(verdicts)), key=lambda i: (getattr(verdicts[i], measure) or 0.0,
                                                    verdicts[i].test_accuracy or 0.0))
    return best, short


__all__ = ["EXACT_MAX_WORDS", "METHODS", "SHORT_TEXT_WORDS", "Explanation", "Verdict", "explain", "explain_model",
           "explainer_for"]
