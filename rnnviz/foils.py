"""Models that do not read in order, to measure the RNNs against.

- the bag of words (``ModelConfig(cell="bag")``, in :mod:`rnnviz.models`): embedding -> mean -> linear,
  trained and saved like the RNNs;
- TF-IDF + logistic regression (scikit-learn), here: counts of words and word pairs (bigrams),
  weighted by how rare they are, and one weight per feature. Bigrams let it see "not bad" as one
  feature, but nothing further apart: the classic strong baseline of sentiment analysis.

Both read the words exactly as the RNNs do (:func:`rnnviz.tokenizer.split_words`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from rnnviz.tokenizer import split_words


@dataclass(frozen=True)
class TfidfLogistic:
    """A fitted TF-IDF + logistic regression classifier. ``predict(texts)`` -> (n,) P(positive)."""

    pipeline: Any
    train_texts: int
    description: str

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.pipeline.predict_proba(list(texts))[:, 1].astype(np.float32)


def fit_tfidf_logistic(texts: Sequence[str], labels: Sequence[int], *, bigrams: bool = True,
                       max_features: int = 200_000, regularisation: float = 4.0) -> TfidfLogistic:
    """Fit TF-IDF (words, and word pairs if ``bigrams``) + logistic regression on labelled texts.

    regularisation: scikit-learn's ``C`` (larger = weaker L2 penalty). Deterministic (liblinear).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    if len(texts) != len(labels) or len(set(int(label) for label in labels)) < 2:
        raise ValueError("TF-IDF + logistic regression needs texts of both labels")
    vectorizer = TfidfVectorizer(analyzer=_words_and_pairs if bigrams else split_words,
                                 max_features=max_features, sublinear_tf=True, min_df=2 if len(texts) > 1_000 else 1)
    pipeline = make_pipeline(vectorizer, LogisticRegression(C=regularisation, solver="liblinear", max_iter=1_000))
    pipeline.fit(list(texts), [int(label) for label in labels])
    what = "words and word pairs" if bigrams else "words"
    return TfidfLogistic(pipeline, len(texts), f"TF-IDF ({what}) + logistic regression, {len(texts):,} texts")


def _words_and_pairs(text: str) -> list[str]:
    words = split_words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]
