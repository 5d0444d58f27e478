"""The core's names the pages use, in one place: pages import from ``rnnviz.ui`` only.

Each is the core's own object (no wrapper); heavy work still goes through :mod:`rnnviz.ui.cache`.
"""

from rnnviz.checkpoints import CheckpointError, import_checkpoint_bytes, sanitize_name, user_checkpoint_dir
from rnnviz.explain import explainer_for
from rnnviz.gradients import MAX_STEPS
from rnnviz.jobs import QueueFull, TrainingRequest, estimate_seconds, format_duration, training_work
from rnnviz.languages import looks_french
from rnnviz.models import ModelConfig
from rnnviz.padding import pack, pad_batch, pad_tokens
from rnnviz.pipeline import TRAINING_DATA, Plan
from rnnviz.probes import reacting_units, unit_activation
from rnnviz.embedding_probes import from_pretrained_lesson, lookup
from rnnviz.snapshots import PROBE_REVIEWS
from rnnviz.tokenizer import FIRST_WORD_ID, TOKEN_PATTERN, split_words
from rnnviz.train_config import TrainConfig
from rnnviz.word_order import shuffle_words

__all__ = [
    "CheckpointError", "FIRST_WORD_ID", "MAX_STEPS", "ModelConfig", "PROBE_REVIEWS", "Plan", "QueueFull",
    "TOKEN_PATTERN", "TRAINING_DATA", "TrainConfig", "TrainingRequest", "estimate_seconds", "explainer_for",
    "format_duration",
    "from_pretrained_lesson", "import_checkpoint_bytes", "looks_french", "lookup", "pack", "pad_batch",
    "pad_tokens", "reacting_units", "sanitize_name", "shuffle_words", "split_words", "training_work",
    "unit_activation", "user_checkpoint_dir",
]
