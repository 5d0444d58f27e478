"""The few lines of torch (or Keras-style) code behind each picture, filled with the page's settings."""

from __future__ import annotations


def _rows(id_rows: list[list[int]], limit: int = 6) -> str:
    shown = [str(list(r[:12]))[:-1] + (", ...]" if len(r) > 12 else "]") for r in id_rows[:limit]]
    more = ",\n    # ..." if len(id_rows) > limit else ""
    return "[\n    " + ",\n    ".join(shown) + more + "\n]"


def tokenize_code(vocab_size: int) -> str:
    return f"""from rnnviz import Tokenizer, load_imdb

imdb = load_imdb()
tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size={vocab_size})
ids = [tokenizer.encode(sentence) for sentence in sentences]
# 0 = padding, 1 = start, 2 = unknown word, 3 = most frequent word ("{'the'}")"""


def padding_code(id_rows: list[list[int]], maxlen: int | None, padding: str, truncating: str) -> str:
    torch_way = ""
    if padding == "post" and maxlen is None:
        torch_way = """

# torch does the same (post padding, no truncation):
from torch.nn.utils.rnn import pad_sequence
padded = pad_sequence([torch.LongTensor(s) for s in ids], batch_first=True, padding_value=0)"""
    return f"""import torch
from rnnviz import pad_sequences   # the same rules as keras.utils.pad_sequences

ids = {_rows(id_rows)}
padded = torch.LongTensor(
    pad_sequences(ids, maxlen={maxlen}, padding="{padding}", truncating="{truncating}")
)
print(padded.shape)   # (batch, time){torch_way}"""


def mask_code() -> str:
    return """attention_mask = (padded != 0).long()     # 1 = real word, 0 = padding
lengths = attention_mask.sum(dim=1)        # real words per row"""


def pack_code(padding: str) -> str:
    realign = ""
    if padding == "pre":
        realign = """
# pack_padded_sequence expects the padding at the END: move pre-padded rows left first
padded = torch.stack([torch.cat([row[row != 0], row[row == 0]]) for row in padded])"""
    return f"""from torch.nn.utils.rnn import pack_padded_sequence
{realign}
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed.data            # the real ids, time step by time step
packed.batch_sizes     # how many rows still run at each step
packed.sorted_indices  # rows from longest to shortest"""


# ---------------------------------------------------------------------------------------- gradients page
def product_code(factor: float) -> str:
    return f"""import torch

T = torch.arange(1001)
product = torch.tensor({factor}, dtype=torch.float64) ** T   # one factor per time step
print(1.01 ** 1000, 0.99 ** 1000)   # 20959.2..., 4.317e-05 (the course's numbers)
print(torch.tensor({factor}) ** 1000)  # in float32: inf above 3.4e38, 0 below 1.4e-45"""


def spectral_code(radius: float, cell: str, input_scale: float) -> str:
    activation = "torch.tanh(" if cell == "rnn" else "("
    return f"""import torch

H, T = 64, 1000
W_hh = torch.randn(H, H) / H ** 0.5
W_hh *= {radius} / torch.linalg.eigvals(W_hh).abs().max()  # spectral radius = {radius}
W_ih = torch.randn(H, H) / H ** 0.5
x = {input_scale} * torch.randn(T, H)

h, states = torch.zeros(H), []
for t in range(T):
    h = {activation}W_hh @ h + W_ih @ x[t])
    states.append(h)                       # keep every h_t in the graph

grads = torch.autograd.grad(h.norm(), states)   # d||h_T|| / dh_t, for every t at once
norms = torch.stack([g.norm() for g in grads]).flip(0)  # k = 0: last step
# float32: norms reach exactly 0 (underflow) or inf (overflow)"""


def decay_code(target: str) -> str:
    loss = ("h_T.norm()   # the size of the last hidden state" if target == "state" else
            "F.binary_cross_entropy_with_logits(model.head(h_T), label)")
    return f"""import torch
import torch.nn.functional as F

x = model.embedding(ids)[None].detach().requires_grad_(True)   # (1, T, E)
rnn = model.rnn                                                 # nn.RNN / nn.LSTM / nn.GRU
h = torch.zeros(1, rnn.hidden_size)
c = torch.zeros(1, rnn.hidden_size)
states = []
for t in range(x.shape[1]):          # unroll, one step at a time, with the model's weights
    if isinstance(rnn, torch.nn.LSTM):
        h, c = torch.lstm_cell(x[:, t], (h, c), rnn.weight_ih_l0, rnn.weight_hh_l0,
                               rnn.bias_ih_l0, rnn.bias_hh_l0)
    else:
        cell = torch.gru_cell if isinstance(rnn, torch.nn.GRU) else torch.rnn_tanh_cell
        h = cell(x[:, t], h, rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
    states.append(h)
h_T = h
L = {loss}
grads = torch.autograd.grad(L, states + [x])   # one backward pass: every dL/dh_t and dL/dx_t
state_norms = torch.stack([g.norm() for g in grads[:-1]]).flip(0)
# rnnviz computes the same numbers faster: see rnnviz.gradients.measure_decay"""


def saliency_code() -> str:
    return """import torch
from rnnviz.gradients import logit_from_vectors   # the model's forward, from word vectors

ids, lengths = checkpoint.encode([review])
model = checkpoint.model
x = model.embedding(ids).detach().requires_grad_(True)   # the word vectors, (1, T, E)
logit = logit_from_vectors(model, x)                     # = model(ids, lengths)
grad, = torch.autograd.grad(logit.sum(), x)
contribution = (grad * x).sum(-1)[0]   # gradient x input: > 0 pushes towards "positive"
# (the first-order change of the logit if this word vector were set to zero)"""


# ---------------------------------------------------------------- hidden states (rnnviz.probes)
_READ = """import torch
from rnnviz import load_checkpoint

checkpoint = load_checkpoint("checkpoints/NAME.safetensors")
model = checkpoint.model.eval()
ids = torch.tensor(checkpoint.tokenizer.encode(text))      # (T,): <start>, then the words
x = model.embedding(ids)[None]                           # (1, T, E)
"""


def prob_code() -> str:
    return _READ + """
# P(positive) "if the review stopped here": the model on every prefix, in one batch
prefixes = ids[None].repeat(len(ids), 1).tril()           # row t keeps tokens 0..t
lengths = torch.arange(1, len(ids) + 1)
with torch.no_grad():
    p = torch.sigmoid(model(prefixes, lengths, padding="post"))   # (T,)
# one-direction model, "last" pooling: the same as torch.sigmoid(model.head(out[0]))"""


def states_code(cell: str) -> str:
    unpack = "out, (h_n, c_n) = model.rnn(x)" if cell == "lstm" else "out, h_n = model.rnn(x)"
    return _READ + f"""
with torch.no_grad():
    {unpack}
# out: (1, T, directions * hidden): h_t after every token
heatmap = out[0].T                                       # units x tokens"""


def trajectory_code() -> str:
    return """h = out[0] - out[0].mean(0)              # (T, hidden), centred
U, S, Vt = torch.linalg.svd(h, full_matrices=False)
xy = h @ Vt[:2].T                          # (T, 2): each h_t on the 2 main axes
explained = S[:2] ** 2 / (S ** 2).sum()"""


def gates_code(cell: str) -> str:
    if cell == "lstm":
        return """W_ih, W_hh = model.rnn.weight_ih_l0, model.rnn.weight_hh_l0   # (4H, E), (4H, H)
b = model.rnn.bias_ih_l0 + model.rnn.bias_hh_l0
h = c = torch.zeros(H)
for x_t in x[0]:
    i, f, g, o = (W_ih @ x_t + W_hh @ h + b).chunk(4)   # torch's order
    i, f, o, g = i.sigmoid(), f.sigmoid(), o.sigmoid(), g.tanh()
    c = f * c + i * g          # forget some memory, write some new
    h = o * c.tanh()           # show some of it
# the h's equal nn.LSTM's out to 1e-5; the last c equals c_n"""
    return """W_ih, W_hh = model.rnn.weight_ih_l0, model.rnn.weight_hh_l0   # (3H, E), (3H, H)
b_ih, b_hh = model.rnn.bias_ih_l0, model.rnn.bias_hh_l0
h = torch.zeros(H)
for x_t in x[0]:
    xr, xz, xn = (W_ih @ x_t + b_ih).chunk(3)           # torch's order r, z, n
    hr, hz, hn = (W_hh @ h + b_hh).chunk(3)
    r, z = (xr + hr).sigmoid(), (xz + hz).sigmoid()
    n = (xn + r * hn).tanh()   # r gates the memory inside the candidate
    h = (1 - z) * n + z * h    # z: keep the old state or take the new one
# the h's equal nn.GRU's out to 1e-5"""


def unit_code(unit: int) -> str:
    return f"""activation = out[0, :, {unit}]     # (T,): one unit after each word
# colour each word by it: some units track negation, sentiment, or the review's length"""


def reaction_code(position: int) -> str:
    return f"""h = out[0]                                            # (T, units)
delta = h - torch.cat([torch.zeros_like(h[:1]), h[:-1]])  # how much each unit moved
top = delta[{position}].abs().topk(10).indices              # units that react most to word {position}"""


def cell_loop_code() -> str:
    return """rnn = nn.RNN(E, H, batch_first=True)        # (or the checkpoint's own model.rnn)
cell = nn.RNNCell(E, H)
cell.load_state_dict({k[:-3]: v for k, v in rnn.state_dict().items()})  # same weights

h_hand = h_cell = torch.zeros(B, H)
for t in range(T):
    h_hand = torch.tanh(h_hand @ rnn.weight_hh_l0.T + x[:, t] @ rnn.weight_ih_l0.T
                        + rnn.bias_ih_l0 + rnn.bias_hh_l0)   # the course's formula
    h_cell = cell(x[:, t], h_cell)                            # the course's loop
out, h_n = rnn(x)                                             # one call
print((h_hand - out[:, -1]).abs().max(), (out[:, -1] - h_n[0]).abs().max())"""


def last_state_code() -> str:
    return """from torch.nn.utils.rnn import pad_sequence

batch = pad_sequence([ids, ids[:T // 2], ids[:T // 5]], batch_first=True)   # post padding
lengths = torch.tensor([T, T // 2, T // 5])
out, h_n = model.rnn(model.embedding(batch))

wrong = out[:, -1]                               # the state after the PADDING
right = out[torch.arange(3), lengths - 1]        # the course's gather_last_relevant_hidden
# unpadded input: out[:, -1] == h_n[-1] exactly"""


def halves_code() -> str:
    return """out, h_n = model.rnn(x)      # out: (1, T, 2H); h_n: (2 * layers, 1, H)
H = model.config.hidden_size
forward_last = out[0, -1, :H]        # the forward reader, after the last word
backward_last = out[0, 0, H:]        # the backward reader, after the FIRST word
w = model.head.weight[0]             # (2H,) for "last" pooling
logit = w[:H] @ forward_last + w[H:] @ backward_last + model.head.bias
# each half's share of the decision: w[:H] @ forward_last, w[H:] @ backward_last"""


def shapes_code() -> str:
    return """out, h_n = model.rnn(x)                 # the same states, read four ways
p = torch.sigmoid(model.head(out[0]))    # an output at every step (one-direction model)
one_to_one = p[0]                        # one word in, one answer
many_to_one = p[-1]                      # the whole review in, one answer (this app's task)
many_to_many = p                         # an answer after every word
# one-to-many: the first word, then padding as input, an answer at every step"""


# ---------------------------------------------------------------- embeddings (rnnviz.probes)
def lookup_code(words: list[str]) -> str:
    return f"""ids = torch.tensor([checkpoint.tokenizer.id_of(w) for w in {words[:6]!r}])
vectors = model.embedding(ids)        # (n, E): row ids[i] of model.embedding.weight
# an unknown word gets id 2 (<oov>): every unknown word shares that one vector"""


def pretrained_code() -> str:
    return """pretrained_weights = torch.FloatTensor([
    [0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]])
pretrained_layer = nn.Embedding.from_pretrained(pretrained_weights)   # freeze=True by default
print(pretrained_layer(torch.LongTensor([2, 4])))   # rows 2 and 4: [[2, 2, 2], [4, 4, 4]]"""


def freeze_code() -> str:
    return """emb = nn.Embedding.from_pretrained(pretrained_weights, freeze=True)
# freeze=True is emb.weight.requires_grad = False
head = nn.Linear(3, 1)
params = [p for p in [*emb.parameters(), *head.parameters()] if p.requires_grad]
optimizer = torch.optim.SGD(params, lr=0.5)
loss = F.binary_cross_entropy_with_logits(head(emb(ids).mean(1)).squeeze(-1), target)
loss.backward()
optimizer.step()          # the Linear moves; a frozen embedding does not"""


def space_code(count: int) -> str:
    return f"""W = model.embedding.weight[3:3 + {count}]    # the {count} most frequent words (ids 3, 4, ...)
W = W - W.mean(0)
U, S, Vt = torch.linalg.svd(W, full_matrices=False)
xy = W @ Vt[:2].T                         # PCA: the 2 directions of largest spread
# colour: P(positive) of the one-word review "<start> word"
ids = torch.arange(3, 3 + {count})
p = torch.sigmoid(model(torch.stack([torch.ones_like(ids), ids], 1), torch.full_like(ids, 2)))"""


def timeline_code() -> str:
    return """# while training: a snapshot before the first step and after each epoch
snapshots = []
for epoch in range(epochs + 1):
    if epoch > 0:
        train_one_epoch(model)
    with torch.no_grad():
        snapshots.append(model.embedding.weight[3:303].clone())   # the 300 most frequent words
# after training: ONE set of PCA axes (the last epoch's) for every epoch
last = snapshots[-1]
U, S, Vt = torch.linalg.svd(last - last.mean(0), full_matrices=False)
maps = [(W - last.mean(0)) @ Vt[:2].T for W in snapshots]     # same axes, comparable maps"""


def timeline_probes_code() -> str:
    return """# the same snapshots also keep P(positive) of a few probe reviews
ids, lengths = tokenizer.encode_many(["This movie is not bad at all.", ...], max_len)
with torch.no_grad():
    p = torch.sigmoid(model(torch.as_tensor(ids), torch.as_tensor(lengths)))   # after each epoch"""


def neighbours_code(word: str) -> str:
    return f"""W = F.normalize(model.embedding.weight, dim=1)   # unit vectors
cos = W @ W[tokenizer.id_of({word!r})]             # cosine with every word
cos[:3] = -1                                       # skip <pad>, <start>, <oov>
nearest = cos.topk(11).indices[1:]                 # [0] is the word itself
distance = 1 - cos[nearest]"""


def unlabelled_code(word: str) -> str:
    return f"""from rnnviz.word_vectors import cooccurrence_vectors
# which words appear within 10 words of which, in the training reviews: no label is read
reviews = encode_reviews(train_texts, tokenizer, max_len)
W = torch.from_numpy(cooccurrence_vectors(reviews.ids, reviews.lengths, vocab_size, dim, window=10))
W = F.normalize(W, dim=1)
cos = W @ W[tokenizer.id_of({word!r})]"""


def axis_code(negative: str, positive: str) -> str:
    return f"""a, b = W[tokenizer.id_of({negative!r})], W[tokenizer.id_of({positive!r})]
direction = b - a
position = (W - (a + b) / 2) @ direction / (direction @ direction / 2)
# {negative!r} lands at -1, {positive!r} at +1; other words in between (or beyond)"""


def compare_code() -> str:
    return """# the same word in two checkpoints (ids may differ: match words by spelling)
p_a = polarity(model_a, ids_a)       # P(positive) of "<start> word"
p_b = polarity(model_b, ids_b)
correlation = np.corrcoef(p_a, p_b)[0, 1]
# neighbour overlap: share of each word's 10 nearest words that both spaces agree on"""


def predict_code(path_name: str) -> str:
    return f"""from rnnviz.checkpoints import load_checkpoint
from rnnviz.explain import explain

ckpt = load_checkpoint({path_name!r})
p = ckpt.predict([review])[0]          # P(positive); the model reads the last max_len tokens
why = explain(ckpt, review)            # hide each word in turn (replace it by <oov>)
for word, effect in zip(why.words, why.contributions):
    print(f"{{word:>15}} {{effect:+.2f}}")   # score(review) - score(review without the word)
# score = the logit the network outputs; P(positive) = sigmoid(score)"""


def train_code(model_settings: dict, train_settings: dict) -> str:
    model = ", ".join(f"{k}={v!r}" for k, v in model_settings.items())
    training = ", ".join(f"{k}={v!r}" for k, v in train_settings.items())
    return f"""from rnnviz import Tokenizer, load_imdb
from rnnviz.models import ModelConfig
from rnnviz.training import TrainConfig, train
from rnnviz.reviews import encode_reviews

imdb = load_imdb()
tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size={model_settings.get("vocab_size")})
reviews = encode_reviews(imdb["train"]["text"], tokenizer, max_len={model_settings.get("max_len")})
result = train(
    ModelConfig({model}),
    TrainConfig({training}),
    reviews, labels=imdb["train"]["label"],
    on_progress=print,                 # a Progress after every batch and every epoch
)
# inside: for each batch -> logits = model(ids, lengths); loss = BCE(logits, labels)
#         optimizer.zero_grad(); loss.backward(); clip_grad_norm_; optimizer.step()"""


def order_shuffle_code() -> str:
    return """import random
from rnnviz import load_checkpoint

rnn = load_checkpoint("checkpoints/RNN.safetensors")
bag = load_checkpoint("checkpoints/BAG.safetensors")      # embedding -> mean -> linear
words = text.lower().split()
random.shuffle(words)
shuffled = " ".join(words)
print(rnn.predict([text, shuffled]))    # two different answers
print(bag.predict([text, shuffled]))    # exactly the same answer twice"""


def bag_model_code() -> str:
    return """class BagOfWords(nn.Module):             # rnnviz: ModelConfig(cell="bag")
    def __init__(self, vocab_size, embedding_dim):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.head = nn.Linear(embedding_dim, 1)

    def forward(self, ids, lengths):              # ids: (B, T), 0 = padding
        total = self.embedding(ids).sum(1)        # the order of the words is lost here
        return self.head(total / lengths[:, None]).squeeze(-1)

# one score per word: the verdict is their mean plus the bias
scores = model.embedding.weight[ids] @ model.head.weight[0]     # (T,)
logit = scores.mean() + model.head.bias"""


def pairs_code() -> str:
    return """from rnnviz.order_pairs import load_pairs, score_pairs

suite = load_pairs()                      # rnnviz/sample_data/order_pairs.json
scores = score_pairs(checkpoint.predict, suite, checkpoint.name)
scores.accuracy                           # share of pairs with BOTH sides right
scores.by_category()                      # {"negation": (right, pairs), ...}
# in a terminal: python -m rnnviz evaluate checkpoints/NAME.safetensors --pairs"""
