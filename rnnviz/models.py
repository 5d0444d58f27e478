"""The sentiment classifier: embedding -> recurrent layer(s) -> one logit per review.

Two ways to run it, both on the same weights:

- ``model(ids, lengths)``: padding-proof. The batch is left-aligned (real tokens first), the RNN runs
  over it, and each review is read out at its own last real position (the course's "last relevant
  hidden state"). A backward direction reads each review reversed *within its own length*, so it
  never starts on padding. A review scored alone or inside any pre- or post-padded batch gives the
  same logit.
- ``model(ids)``: the course notebooks' way. Keras-style pre-padded input, score from the final
  ``h_n``: the zeros before a short review are read as if they were words, which moves its score.

No ``pack_padded_sequence``: on CPU it measured 3-10x slower here than running the padded batch
and gathering, and batches of similar lengths (see :mod:`rnnviz.training`) leave little padding.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import torch
import torch.nn as nn
import torch.nn.functional as F

from rnnviz.recurrence import direction_weights, run_direction
from rnnviz.tokenizer import FIRST_WORD_ID, PAD_ID

CELLS = ("rnn", "lstm", "gru")
# The foil of the "Why word order matters" lesson: no recurrent layer at all, the mean of the word
# vectors goes straight to the output layer, so the order of the words cannot matter.
BAG = "bag"
MODEL_KINDS = CELLS + (BAG,)
# How a review's hidden states become one vector: the state at the last real token ("last"), or the
# mean / max of the states over its real tokens, or both of those side by side ("mean_max").
POOLINGS = ("last", "mean", "max", "mean_max")
PADDING_SIDES = ("auto", "pre", "post")

# Sane maxima: far above anything useful on IMDB, low enough that a hand-edited or hostile config
# cannot ask for gigabytes of weights.
MAX_VOCAB_SIZE = 500_000
MAX_EMBEDDING_DIM = 1_024
MAX_HIDDEN_SIZE = 1_024
MAX_NUM_LAYERS = 4
MAX_SEQUENCE_LENGTH = 5_000


@dataclass(frozen=True)
class ModelConfig:
    """Everything needed to rebuild a :class:`RNNClassifier` (its weights aside).

    max_len: reviews longer than this keep their *last* ``max_len`` tokens, as Keras'
        ``pad_sequences(truncating="pre")`` in the course: a review's verdict is usually at its end.
    pooling: see ``POOLINGS``; "last" is the course's choice.
    dropout: on the embeddings, between stacked layers, and before the output layer.
    cell: "rnn", "lstm", "gru", or "bag" (a bag of words: embedding -> mean -> linear; it has no
        recurrent layer, so its hidden size is its embedding size and its pooling the mean)
    """

    cell: str = "lstm"
    vocab_size: int = 10_000
    embedding_dim: int = 32
    hidden_size: int = 64
    num_layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0
    freeze_embedding: bool = False
    max_len: int = 200
    pooling: str = "last"

    def __post_init__(self) -> None:
        def check_int(name: str, low: int, high: int) -> None:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{name} must be an integer, got {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:,} and {high:,}, got {value:,}")

        if self.cell not in MODEL_KINDS:
            raise ValueError(f"cell must be one of {MODEL_KINDS}, got {self.cell!r}")
        if self.cell == BAG and isinstance(self.embedding_dim, int):
            # Nothing to choose for a bag of words: one layer, one direction, the mean of the vectors.
            for name, value in (("hidden_size", self.embedding_dim), ("pooling", "mean"),
                                ("bidirectional", False), ("num_layers", 1)):
                object.__setattr__(self, name, value)
        if self.pooling not in POOLINGS:
            raise ValueError(f"pooling must be one of {POOLINGS}, got {self.pooling!r}")
        check_int("vocab_size", FIRST_WORD_ID + 1, MAX_VOCAB_SIZE)
        check_int("embedding_dim", 1, MAX_EMBEDDING_DIM)
        check_int("hidden_size", 1, MAX_HIDDEN_SIZE)
        check_int("num_layers", 1, MAX_NUM_LAYERS)
        check_int("max_len", 1, MAX_SEQUENCE_LENGTH)
        for name in ("bidirectional", "freeze_embedding"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be true or false, got {getattr(self, name)!r}")
        if isinstance(self.dropout, bool) or not isinstance(self.dropout, (int, float)) \
                or not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be a number in [0, 1), got {self.dropout!r}")

    @property
    def recurrent(self) -> bool:
        """False for the bag of words, which has no hidden state to show."""
        return self.cell != BAG

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def feature_size(self) -> int:
        """Width of the vector the output layer reads."""
        return self.hidden_size * self.directions * (2 if self.pooling == "mean_max" else 1)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ModelConfig":
        """Rebuild a config from :meth:`to_dict`; missing keys take their defaults.

        Raises ValueError on anything else: unknown keys, wrong types, out-of-range sizes.
        """
        if not isinstance(data, dict):
            raise ValueError(f"a model config must be a dict, got {type(data).__name__}")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown model config keys: {', '.join(map(str, unknown))}")
        values = dict(data)
        if isinstance(values.get("dropout"), int) and not isinstance(values.get("dropout"), bool):
            values["dropout"] = float(values["dropout"])
        return cls(**values)


_RNN_MODULES = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def left_align(ids: torch.Tensor, lengths: torch.Tensor, padding: str = "auto") -> torch.Tensor:
    """Move every row's real tokens to the front (post padding).

    ids: (B, T) ids, each row pre- or post-padded
    lengths: (B,) real tokens per row
    padding: "pre", "post", or "auto": a row shorter than T whose first id is padding (0) is
        pre-padded (tokenizer ids never use 0 for a word)
    returns: (B, T) ids, row b holding its ``lengths[b]`` real tokens first, then zeros
    """
    if padding not in PADDING_SIDES:
        raise ValueError(f"padding must be one of {PADDING_SIDES}, got {padding!r}")
    steps = ids.shape[1]
    lengths = lengths.to(ids.device).clamp(0, steps)
    if padding == "post":
        shift = torch.zeros_like(lengths)
    else:
        shift = steps - lengths
        if padding == "auto":
            shift = torch.where((lengths < steps) & (ids[:, 0] == PAD_ID), shift, torch.zeros_like(shift))
    positions = torch.arange(steps, device=ids.device)[None, :]
    real = positions < lengths[:, None]
    source = (positions + shift[:, None]).clamp(max=steps - 1)
    return torch.where(real, ids.gather(1, source), torch.full_like(ids, PAD_ID))


def reverse_within_length(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverse each row's first ``lengths[b]`` steps, leave the padding after them in place.

    x: (B, T, ...) left-aligned; lengths: (B,). Applying it twice gives ``x`` back.
    """
    steps = x.shape[1]
    positions = torch.arange(steps, device=x.device)[None, :]
    last = (lengths.to(x.device) - 1)[:, None]
    index = torch.where(positions <= last, last - positions, positions)
    index = index.view(*index.shape, *([1] * (x.dim() - 2))).expand_as(x)
    return x.gather(1, index)


class RNNClassifier(nn.Module):
    """Embedding -> ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` -> pooling -> ``nn.Linear`` -> logit.

    ``self.rnn`` is a plain torch recurrent module with its standard weight names
    (``weight_ih_l0``, ``weight_hh_l0_reverse``, ...), so probes can read gates from it.
    """

    def __init__(self, config: ModelConfig, pretrained_embedding: torch.Tensor | None = None):
        super().__init__()
        self.config = config
        if pretrained_embedding is not None:
            expected = (config.vocab_size, config.embedding_dim)
            if tuple(pretrained_embedding.shape) != expected:
                raise ValueError(f"pretrained embedding has shape {tuple(pretrained_embedding.shape)}, "
                                 f"expected (vocab_size, embedding_dim) = {expected}")
            # The course's nn.Embedding.from_pretrained; its freeze= is requires_grad=False.
            self.embedding = nn.Embedding.from_pretrained(
                pretrained_embedding.detach().float().clone(), freeze=config.freeze_embedding,
                padding_idx=PAD_ID)
        else:
            self.embedding = nn.Embedding(config.vocab_size, config.embedding_dim, padding_idx=PAD_ID)
            self.embedding.weight.requires_grad = not config.freeze_embedding
        self.rnn = None if not config.recurrent else _RNN_MODULES[config.cell](
            config.embedding_dim, config.hidden_size, num_layers=config.num_layers, batch_first=True,
            bidirectional=config.bidirectional,
            dropout=config.dropout if config.num_layers > 1 else 0.0)
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Linear(config.feature_size, 1)

    # ------------------------------------------------------------------ running
    def forward(self, ids: torch.Tensor, lengths: torch.Tensor | None = None,
                padding: str = "auto") -> torch.Tensor:
        """ids: (B, T) int64; lengths: (B,) real tokens per row, or None for the course's way.

        returns: (B,) logits (apply a sigmoid for P(positive))
        """
        return self.head(self.dropout(self.features(ids, lengths, padding))).squeeze(-1)

    def features(self, ids: torch.Tensor, lengths: torch.Tensor | None = None,
                 padding: str = "auto") -> torch.Tensor:
        """The pooled vector the output layer reads. returns: (B, feature_size)"""
        if lengths is None:
            return self._course_features(ids)
        outputs, lengths = self.sequence_outputs(ids, lengths, padding)
        return self.pool(outputs, lengths)

    def sequence_outputs(self, ids: torch.Tensor, lengths: torch.Tensor,
                         padding: str = "auto") -> tuple[torch.Tensor, torch.Tensor]:
        """Hidden states of the last layer at every real token, padding-proof.

        ids: (B, T), pre- or post-padded; lengths: (B,)
        returns: states (B, T, directions * hidden), left-aligned, zeros after each row's length;
            at step t the forward half has read tokens 0..t, the backward half tokens len-1..t.
            (A bag of words has no states: its word vectors, in id order.)
            And the lengths actually used (B,), clamped to [1, T]: an empty review reads one pad.
        """
        steps = ids.shape[1]
        lengths = lengths.to(ids.device).long().clamp(1, max(steps, 1))
        ids = left_align(ids, lengths, padding)
        if not self.config.recurrent:
            # Summing the vectors in id order, not reading order, makes the mean bit-for-bit the same
            # for any order of the words (float addition is not associative). Descending: padding
            # (id 0) stays after the real words.
            ids = ids.sort(dim=1, descending=True).values
        return self.states_from_vectors(self.dropout(self.embedding(ids)), lengths), lengths

    def states_from_vectors(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """The recurrent layers on already-embedded words (e.g. to take a gradient with respect to them).

        x: (B, T, E) word vectors, left-aligned; lengths: (B,) in [1, T]
        returns: (B, T, directions * hidden) the last layer's states, zeros after each row's length
            (a bag of words: its vectors, masked)
        """
        if not self.config.recurrent:
            outputs = x
        elif not self.config.bidirectional:
            # A forward RNN's state at step t has not yet seen the padding after t.
            outputs = self.rnn(x)[0]
        else:
            outputs = self._bidirectional(x, lengths)
        mask = torch.arange(x.shape[1], device=x.device)[None, :] < lengths.to(x.device)[:, None]
        return outputs * mask[:, :, None]

    def _bidirectional(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """x: (B, T, input) left-aligned -> (B, T, 2 * hidden), layer by layer.

        nn.LSTM's own backward direction would start at step T-1, i.e. on the padding of every
        review shorter than the batch; here it starts on each review's own last token instead.
        """
        for layer in range(self.config.num_layers):
            if layer > 0:
                x = F.dropout(x, self.config.dropout, self.training)
            forward = self.one_direction(x, layer, "")
            backward = self.one_direction(reverse_within_length(x, lengths), layer, "_reverse")
            x = torch.cat([forward, reverse_within_length(backward, lengths)], dim=-1)
        return x

    def one_direction(self, x: torch.Tensor, layer: int, suffix: str) -> torch.Tensor:
        """One direction of one layer of ``self.rnn`` on a batch without padding inside.

        x: (B, T, input) -> (B, T, hidden); suffix: "" (forward weights) or "_reverse" (the backward
        direction's weights, to be fed the reversed sequence)
        """
        return run_direction(self.config.cell, x, direction_weights(self.rnn, layer, suffix), self.training)

    def pool(self, outputs: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """The vector the output layer reads, by ``config.pooling``.

        outputs: (B, T, D*H) zeros after each length; lengths: (B,) -> (B, feature_size)
        """
        pooling = self.config.pooling
        rows = torch.arange(outputs.shape[0], device=outputs.device)
        if pooling == "last":
            last = outputs[rows, lengths - 1]
            if not self.config.bidirectional:
                return last
            hidden = self.config.hidden_size
            # The backward direction's last step is the review's first token.
            return torch.cat([last[:, :hidden], outputs[:, 0, hidden:]], dim=-1)
        mean = outputs.sum(1) / lengths[:, None].to(outputs.dtype)
        if pooling == "mean":
            return mean
        steps = torch.arange(outputs.shape[1], device=outputs.device)[None, :, None]
        peak = outputs.masked_fill(steps >= lengths[:, None, None], float("-inf")).amax(1)
        return peak if pooling == "max" else torch.cat([mean, peak], dim=-1)

    def _course_features(self, ids: torch.Tensor) -> torch.Tensor:
        """The notebooks' reading: every position counts, padding included; "last" is ``h_n``."""
        if not self.config.recurrent:
            return self.features(ids, (ids != PAD_ID).sum(1))
        outputs, h_n = self.rnn(self.dropout(self.embedding(ids)))
        if self.config.pooling == "last":
            h_n = h_n[0] if self.config.cell == "lstm" else h_n
            return torch.cat([h_n[-2], h_n[-1]], -1) if self.config.bidirectional else h_n[-1]
        mean = outputs.mean(1)
        if self.config.pooling == "mean":
            return mean
        peak = outputs.amax(1)
        return peak if self.config.pooling == "max" else torch.cat([mean, peak], dim=-1)

    # ------------------------------------------------------------------ helpers
    @torch.no_grad()
    def predict_proba(self, ids: torch.Tensor, lengths: torch.Tensor | None = None,
                      padding: str = "auto") -> torch.Tensor:
        """P(positive) per review, in eval mode, without gradients. returns: (B,)"""
        was_training = self.training
        self.eval()
        try:
            device = next(self.parameters()).device
            lengths = lengths.to(device) if lengths is not None else None
            return torch.sigmoid(self(ids.to(device), lengths, padding))
        finally:
            self.train(was_training)

    def parameter_count(self, trainable_only: bool = False) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad or not trainable_only)

    def parameters_per_part(self) -> dict[str, int]:
        """Weights of each part: {"embedding", "recurrent" (0 for the bag of words), "output"}."""
        return {name: sum(p.numel() for p in module.parameters()) if module is not None else 0
                for name, module in (("embedding", self.embedding), ("recurrent", self.rnn), ("output", self.head))}

    def extra_repr(self) -> str:
        return f"pooling={self.config.pooling!r}, max_len={self.config.max_len}"
