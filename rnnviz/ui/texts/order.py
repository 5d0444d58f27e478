"""Texts of the "Why word order matters" page."""

TEXTS = {
    "page.order": {"en": "Why word order matters", "fr": "Pourquoi l'ordre des mots compte"},
    "home.page.word-order": {
        "en": "a bag of words beside an RNN: shuffle the words of a review, and see which of the two notices.",
        "fr": "un sac de mots à côté d'un RNN : mélangez les mots d'une critique et voyez lequel des deux s'en "
              "aperçoit.",
    },
    "order.title": {"en": "Why word order matters", "fr": "Pourquoi l'ordre des mots compte"},
    "order.intro": {
        "en": "The course's first line on RNNs: they **use the order of the elements of a sequence**. Here is a "
              "model that does not: a **bag of words** turns each word into its vector (the embedding), takes "
              "the **mean** of the vectors and feeds it to one linear layer. No recurrence, so \"not bad\" and "
              "\"bad, not\" are the same bag to it. The RNN beside it reads the words one after another.",
        "fr": "La première phrase du cours sur les RNN : ils **exploitent l'ordre des éléments d'une séquence**. "
              "Voici un modèle qui ne le fait pas : un **sac de mots** (bag of words) change chaque mot en son "
              "vecteur (l'embedding), fait la **moyenne** des vecteurs et la donne à une seule couche linéaire. "
              "Aucune récurrence : « not bad » et « bad, not » sont le même sac pour lui. Le RNN à côté lit les "
              "mots l'un après l'autre.",
    },
    "order.rnn": {"en": "Recurrent model", "fr": "Modèle récurrent"},
    "order.bag": {"en": "Bag of words", "fr": "Sac de mots"},
    "order.no_bag": {
        "en": "No bag-of-words model is available: train one with `python -m rnnviz train --cell bag`, or use the "
              "shipped checkpoints.",
        "fr": "Aucun modèle sac de mots n'est disponible : entraînez-en un avec `python -m rnnviz train --cell bag`, "
              "ou utilisez les modèles fournis.",
    },
    "order.no_rnn": {
        "en": "No recurrent model is available yet: train one on the Training page.",
        "fr": "Aucun modèle récurrent n'est encore disponible : entraînez-en un sur la page Entraînement.",
    },
    "order.examples": {"en": "Try:", "fr": "Essayez :"},
    "order.example.negation": {"en": "not bad at all", "fr": "not bad at all"},
    "order.example.but": {"en": "…, but …", "fr": "…, but …"},
    "order.example.swapped": {"en": "the same, swapped", "fr": "la même, inversée"},
    "order.text": {"en": "A short review (in English)", "fr": "Une critique courte (en anglais)"},
    "order.empty": {"en": "Type a review to compare the two models.", "fr": "Tapez une critique pour comparer les deux modèles."},
    "order.unknown": {
        "en": "None of these words is in the models' vocabulary: both only see unknown words (<oov>). Try an "
              "English review.",
        "fr": "Aucun de ces mots n'est dans le vocabulaire des modèles : les deux ne voient que des mots inconnus "
              "(<oov>). Essayez une critique en anglais.",
    },
    "order.one_word": {
        "en": "A single word has no order to shuffle: type a sentence to see the difference.",
        "fr": "Un seul mot n'a pas d'ordre à mélanger : tapez une phrase pour voir la différence.",
    },
    "order.shuffle": {"en": "Shuffle the words", "fr": "Mélanger les mots"},
    "order.shuffled": {"en": "The same words, shuffled:", "fr": "Les mêmes mots, mélangés :"},
    "order.shuffle.header": {"en": "Shuffle the words", "fr": "Mélanger les mots"},
    "order.shuffle.notice": {
        "en": "The bag of words gives **exactly** the same answer to the shuffled words (difference "
              "{bag_moved:+.6f}): a mean does not depend on the order of what it averages. The RNN's answer moved "
              "by {rnn_moved:+.3f}: it read the words in another order, so its memory went through other states.",
        "fr": "Le sac de mots donne **exactement** la même réponse aux mots mélangés (différence {bag_moved:+.6f}) : "
              "une moyenne ne dépend pas de l'ordre de ce qu'elle moyenne. La réponse du RNN a bougé de "
              "{rnn_moved:+.3f} : il a lu les mots dans un autre ordre, sa mémoire est passée par d'autres états.",
    },
    "order.steps.header": {"en": "Word after word", "fr": "Mot après mot"},
    "order.steps.notice": {
        "en": "P(positive) if the review stopped after each word. The RNN's line **turns** where the meaning turns "
              "(after \"not\", after \"but\"); the bag of words only moves by the weight of each new word, "
              "whatever came before.",
        "fr": "P(positif) si la critique s'arrêtait après chaque mot. La ligne du RNN **tourne** là où le sens "
              "tourne (après « not », après « but ») ; le sac de mots ne bouge que du poids de chaque nouveau "
              "mot, quoi qu'il y ait eu avant.",
    },
    "order.words.header": {"en": "Inside the bag of words", "fr": "Dans le sac de mots"},
    "order.words.notice": {
        "en": "Each bar is one word's score (its vector times the output layer's weights). The bag's verdict is "
              "their **mean** plus a bias: {mean:+.3f} {bias:+.3f} = {logit:+.3f}, so P(positive) = {prob:.3f}. "
              "A word scores the same wherever it stands: \"not\" cannot change what \"bad\" means.",
        "fr": "Chaque barre est le score d'un mot (son vecteur multiplié par les poids de la couche de sortie). Le "
              "verdict du sac est leur **moyenne** plus un biais : {mean:+.3f} {bias:+.3f} = {logit:+.3f}, donc "
              "P(positif) = {prob:.3f}. Un mot a le même score où qu'il soit : « not » ne peut pas changer ce que "
              "veut dire « bad ».",
    },
    "order.pairs.header": {"en": "Minimal pairs", "fr": "Paires minimales"},
    "order.pairs.intro": {
        "en": "{pairs} pairs of short reviews written for this lesson: the two sides of a pair share most of their "
              "words and have opposite verdicts. A pair counts only when **both** sides are judged right.",
        "fr": "{pairs} paires de critiques courtes écrites pour cette leçon : les deux côtés d'une paire ont presque "
              "les mêmes mots et des verdicts opposés. Une paire ne compte que si **les deux** côtés sont bien "
              "jugés.",
    },
    "order.category": {"en": "Category", "fr": "Catégorie"},
    "order.category.all": {"en": "all categories", "fr": "toutes les catégories"},
    "order.category.negation": {"en": "negation", "fr": "négation"},
    "order.category.contrast": {"en": "contrast (but, although…)", "fr": "contraste (but, although…)"},
    "order.category.double_negation": {"en": "double negation", "fr": "double négation"},
    "order.category.hedges_intensifiers": {"en": "hedges and intensifiers", "fr": "atténuateurs et intensifs"},
    "order.category.verdict_last": {"en": "the verdict that comes last", "fr": "le verdict qui vient en dernier"},
    "order.category.sarcasm": {"en": "sarcasm", "fr": "sarcasme"},
    "order.scores.notice": {
        "en": "Share of pairs with both sides right, per category. The bag of words sees nearly the same words on "
              "both sides of a pair, so it can rarely get both right; pairs that only swap two clauses are out "
              "of its reach entirely.",
        "fr": "Part des paires dont les deux côtés sont justes, par catégorie. Le sac de mots voit presque les "
              "mêmes mots des deux côtés d'une paire : il les réussit rarement toutes les deux ; les paires qui ne "
              "font qu'échanger deux propositions lui sont tout à fait hors de portée.",
    },
    "order.table.positive": {"en": "positive review", "fr": "critique positive"},
    "order.table.negative": {"en": "negative review", "fr": "critique négative"},
    "order.table.both": {"en": "{name}: both right", "fr": "{name} : les deux justes"},
    "order.table.caption": {
        "en": "P(+) is each model's P(positive) for the positive and the negative side of the pair.",
        "fr": "P(+) est la P(positif) de chaque modèle pour le côté positif et le côté négatif de la paire.",
    },
    "chart.order.shuffle.title": {"en": "The same words, in order and shuffled", "fr": "Les mêmes mots, dans l'ordre et mélangés"},
    "chart.order.in_order": {"en": "in order", "fr": "dans l'ordre"},
    "chart.order.y": {"en": "Model", "fr": "Modèle"},
    "chart.order.shuffled": {"en": "shuffled", "fr": "mélangés"},
    "chart.order.words.title": {"en": "The bag of words, word by word", "fr": "Le sac de mots, mot par mot"},
    "chart.order.words.x": {"en": "word", "fr": "mot"},
    "chart.order.words.y": {"en": "score (logit)", "fr": "score (logit)"},
    "chart.order.words.positive": {"en": "pushes towards positive", "fr": "pousse vers positif"},
    "chart.order.words.negative": {"en": "pushes towards negative", "fr": "pousse vers négatif"},
    "chart.order.categories.title": {
        "en": "Minimal pairs with both sides right", "fr": "Paires minimales dont les deux côtés sont justes",
    },
    "chart.order.categories.y": {"en": "pairs fully right", "fr": "paires tout à fait justes"},
    "chart.order.categories.x": {"en": "category", "fr": "catégorie"},
    "lesson.order.question": {
        "en": "\"The acting is great, but the plot is boring.\" and \"The plot is boring, but the acting is "
              "great.\": same words. Which of the two models can call the first negative and the second positive?",
        "fr": "« The acting is great, but the plot is boring. » et « The plot is boring, but the acting is "
              "great. » : mêmes mots. Lequel des deux modèles peut dire la première négative et la seconde "
              "positive ?",
    },
    "lesson.order.answer": {
        "en": "Only the RNN. The bag of words sees one and the same bag of words, so it must give both the same "
              "P(positive): it gets at most one of the two right. The RNN reads \"but\" and what follows last; "
              "trained on phrases where \"but\" turns the verdict (the Sentiment Treebank), it learns to weigh "
              "the second clause more.",
        "fr": "Seul le RNN. Le sac de mots voit un seul et même sac : il doit donner la même P(positif) aux deux, "
              "donc il en réussit au plus une. Le RNN lit « but » puis ce qui suit en dernier ; entraîné sur des "
              "morceaux de phrases où « but » retourne le verdict (le Sentiment Treebank), il apprend à peser "
              "davantage la seconde proposition.",
    },
}
