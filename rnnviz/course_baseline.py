"""The course notebooks' IMDB models and training loop, kept as written: the baseline rnnviz measures against.

From ``000_*.txt`` ("Réseaux de Neurones Récurrents"): ``SentimentRNN`` (embedding 32, hidden 32,
RMSprop, batch 128) and ``LSTMClassifier`` (embedding 32, hidden 64, Adam, batch 64), both reading
Keras-style input: ``pad_sequences(maxlen=200)``, so zeros *before* each review and long reviews cut
to their last 200 words, and both scoring a review with the RNN's final hidden state ``h_n`` after the
last time step. The notebook names GRU without an IMDB model, so ``GRUClassifier`` is the LSTM one
with ``nn.GRU``. The loop is the notebook's: ``DataLoader(shuffle=True)``, sigmoid + ``BCELoss``,
``loss.item()`` every batch, torch's default thread count.

Only :mod:`rnnviz.bench` uses this module; nothing here is optimised on purpose.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

MAX_WORDS = 10000
MAX_LEN = 200


class SentimentRNN(nn.Module):
    def __init__(self, vocab_size=10000, embedding_dim=32, hidden_dim=32):
        super(SentimentRNN, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.rnn = nn.RNN(embedding_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        embedded = self.embedding(x)
        _, h_n = self.rnn(embedded)
        h_n = h_n.squeeze(0)
        out = self.fc(h_n)
        out = self.sigmoid(out)
        return out.squeeze(1)


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, output_dim):
        super(LSTMClassifier, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_dim)
        self.sigmoid = nn.Sigmoid()

    def forward(self, text):
        embedded = self.embedding(text)
        lstm_out, (hidden, cell) = self.lstm(embedded)
        last_hidden = hidden[-1]
        return self.sigmoid(self.fc(last_hidden))


class GRUClassifier(nn.Module):
    """``LSTMClassifier`` with ``nn.GRU`` (the notebook describes GRU but trains none on IMDB)."""

    def __init__(self, vocab_size, embedding_dim, hidden_dim, output_dim):
        super(GRUClassifier, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.gru = nn.GRU(embedding_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_dim)
        self.sigmoid = nn.Sigmoid()

    def forward(self, text):
        embedded = self.embedding(text)
        gru_out, hidden = self.gru(embedded)
        return self.sigmoid(self.fc(hidden[-1]))


@dataclass(frozen=True)
class CourseSetup:
    """One notebook recipe: which model, which optimiser, which batch size."""

    cell: str
    embedding_dim: int
    hidden_size: int
    optimizer: str
    batch_size: int
    lr: float = 0.001


# The notebook's settings for each cell.
COURSE_SETUPS = {
    "rnn": CourseSetup("rnn", embedding_dim=32, hidden_size=32, optimizer="rmsprop", batch_size=128),
    "lstm": CourseSetup("lstm", embedding_dim=32, hidden_size=64, optimizer="adam", batch_size=64),
    "gru": CourseSetup("gru", embedding_dim=32, hidden_size=64, optimizer="adam", batch_size=64),
}


def build_course_model(cell: str, vocab_size: int = MAX_WORDS) -> nn.Module:
    setup = COURSE_SETUPS[cell]
    if cell == "rnn":
        return SentimentRNN(vocab_size, setup.embedding_dim, setup.hidden_size)
    classifier = LSTMClassifier if cell == "lstm" else GRUClassifier
    return classifier(vocab_size=vocab_size, embedding_dim=setup.embedding_dim,
                      hidden_dim=setup.hidden_size, output_dim=1)


@dataclass(frozen=True)
class CourseRun:
    """What :func:`train_course_model` measured (training time only, the data already padded)."""

    cell: str
    reviews: int
    batches: int
    seconds: float
    loss: float

    @property
    def reviews_per_second(self) -> float:
        return self.reviews / self.seconds if self.seconds > 0 else float("nan")


def train_course_model(cell: str, x_train: np.ndarray, y_train: np.ndarray, *, epochs: int = 1,
                       max_batches: int | None = None, seed: int = 0,
                       vocab_size: int = MAX_WORDS) -> tuple[nn.Module, CourseRun]:
    """Train the notebook's model for ``cell`` with the notebook's loop.

    x_train: (N, 200) int ids, Keras ``pad_sequences`` output (pre-padded, pre-truncated)
    y_train: (N,) 0/1 labels
    max_batches: stop after this many batches in all (the bench's time cap); None = every batch
    """
    torch.manual_seed(seed)
    setup = COURSE_SETUPS[cell]
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_data = TensorDataset(torch.from_numpy(x_train).long(), torch.from_numpy(y_train).float())
    train_loader = DataLoader(train_data, shuffle=True, batch_size=setup.batch_size)
    model = build_course_model(cell, vocab_size).to(device)
    criterion = nn.BCELoss()
    if setup.optimizer == "rmsprop":
        optimizer = optim.RMSprop(model.parameters(), lr=setup.lr)
    else:
        optimizer = optim.Adam(model.parameters(), lr=setup.lr)

    reviews = batches = 0
    total_loss = 0.0
    start = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        for inputs, labels in train_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            predictions = model(inputs).squeeze()
            loss = criterion(predictions, labels)
            loss.backward()
            optimizer.step()

            total_loss += loss.item()
            reviews += labels.size(0)
            batches += 1
            if max_batches is not None and batches >= max_batches:
                break
        if max_batches is not None and batches >= max_batches:
            break
    seconds = time.perf_counter() - start
    return model, CourseRun(cell, reviews, batches, seconds, total_loss / max(batches, 1))


def evaluate_course_model(model: nn.Module, x_test: np.ndarray, y_test: np.ndarray) -> float:
    """Test accuracy exactly as the notebook computes it (threshold 0.5 on the sigmoid)."""
    device = next(model.parameters()).device
    test_data = TensorDataset(torch.from_numpy(x_test).long(), torch.from_numpy(y_test).float())
    test_loader = DataLoader(test_data, batch_size=64)
    model.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for inputs, labels in test_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model(inputs).reshape(-1)
            predicted = (outputs > 0.5).float()
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    return correct / max(total, 1)
