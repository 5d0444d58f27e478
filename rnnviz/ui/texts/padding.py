"""Texts of the Padding & masking page and its charts."""

TEXTS = {
    "padding.inputs": {"en": "The sentences and the padding settings (open to change them)", "fr": "Les phrases et les réglages (ouvrir pour les changer)"},
    # ---------------------------------------------------------------- padding page
    "padding.title": {"en": "Sequences, padding and masking", "fr": "Séquences, padding et masquage"},
    "padding.intro": {
        "en": "A network processes a *batch* of sentences at once, and a batch is a rectangle: every row must have "
              "the same length. Short sentences are completed with zeros (**padding**), long ones are cut "
              "(**truncation**). The mask and the lengths tell the network which cells are real.",
        "fr": "Un réseau traite un *batch* de phrases d'un coup, et un batch est un rectangle : toutes les lignes "
              "doivent avoir la même longueur. Les phrases courtes sont complétées par des zéros (**padding**), les "
              "longues sont coupées (**troncature**). Le masque et les longueurs indiquent au réseau quelles cases "
              "sont réelles.",
    },
    "padding.input": {"en": "Input", "fr": "Entrée"},
    "padding.input.kind": {"en": "Start from", "fr": "Partir de"},
    "padding.input.typed": {"en": "sentences I type", "fr": "phrases que je tape"},
    "padding.input.reviews": {"en": "real IMDB reviews", "fr": "vraies critiques IMDB"},
    "padding.input.course": {"en": "the course's id lists", "fr": "les listes d'indices du cours"},
    "padding.input.sentences": {"en": "One sentence per line", "fr": "Une phrase par ligne"},
    "padding.input.default": {
        "en": "You are ready\nThis movie was not bad at all\nAwful!\nI loved the actors, but the story is a mess",
        "fr": "You are ready\nThis movie was not bad at all\nAwful!\nI loved the actors, but the story is a mess",
    },
    "padding.input.review_count": {"en": "Number of reviews", "fr": "Nombre de critiques"},
    "padding.input.review_seed": {"en": "Draw (seed)", "fr": "Tirage (graine)"},
    "padding.input.too_many_lines": {
        "en": "Only the first {limit} lines are shown.",
        "fr": "Seules les {limit} premières lignes sont affichées.",
    },
    "padding.input.empty": {
        "en": "Type at least one sentence (one per line).",
        "fr": "Tapez au moins une phrase (une par ligne).",
    },
    "padding.controls": {"en": "Padding settings", "fr": "Réglages du padding"},
    "padding.vocab_size": {"en": "Vocabulary size (num_words)", "fr": "Taille du vocabulaire (num_words)"},
    "padding.vocab_size.help": {
        "en": "Only the most frequent words get their own id; every other word becomes 2 (out of vocabulary).",
        "fr": "Seuls les mots les plus fréquents ont leur propre indice ; tous les autres deviennent 2 (hors "
              "vocabulaire).",
    },
    "padding.use_maxlen": {"en": "Limit the length (maxlen)", "fr": "Limiter la longueur (maxlen)"},
    "padding.maxlen": {"en": "maxlen", "fr": "maxlen"},
    "padding.padding_side": {"en": "Padding", "fr": "Padding"},
    "padding.truncating_side": {"en": "Truncating", "fr": "Troncature"},
    "padding.side.help": {
        "en": "pre = at the start (Keras' default), post = at the end (torch's pad_sequence).",
        "fr": "pre = au début (défaut de Keras), post = à la fin (pad_sequence de torch).",
    },
    "padding.step1": {"en": "Text -> word ids", "fr": "Texte -> indices de mots"},
    "padding.step1.notice": {
        "en": "Each word is replaced by its rank in the vocabulary (3 = the most frequent word). "
              "0 is kept for padding, 1 marks the start of a review and 2 any word outside the vocabulary "
              "(red cells). These are the Keras IMDB conventions the course uses.",
        "fr": "Chaque mot est remplacé par son rang dans le vocabulaire (3 = le mot le plus fréquent). "
              "0 est réservé au padding, 1 marque le début d'une critique et 2 tout mot hors vocabulaire "
              "(cases rouges). Ce sont les conventions Keras IMDB du cours.",
    },
    "padding.tokenizer_rule": {
        "en": "Tokenizer: `<br />` and HTML removed, lower-cased, punctuation dropped, then this regular expression "
              "finds the words: `{pattern}`",
        "fr": "Découpage : `<br />` et HTML retirés, minuscules, ponctuation supprimée, puis cette expression "
              "régulière trouve les mots : `{pattern}`",
    },
    "padding.step2": {"en": "The padded matrix", "fr": "La matrice complétée (padding)"},
    "padding.step2.notice": {
        "en": "Shape {shape}: {pad_share:.0%} of the cells are padding, work the network does for nothing. "
              "Hover a cell to see its word.",
        "fr": "Forme {shape} : {pad_share:.0%} des cases sont du padding, du travail inutile pour le réseau. "
              "Survolez une case pour voir son mot.",
    },
    "padding.truncated": {
        "en": "Truncated rows: {rows} ({how}).",
        "fr": "Lignes tronquées : {rows} ({how}).",
    },
    "padding.truncated.pre": {"en": "the start was cut, the end kept", "fr": "le début est coupé, la fin gardée"},
    "padding.truncated.post": {"en": "the end was cut, the start kept", "fr": "la fin est coupée, le début gardé"},
    "padding.step3": {"en": "Mask and lengths", "fr": "Masque et longueurs"},
    "padding.step3.notice": {
        "en": "The mask is 1 on real words and 0 on padding; the lengths count the 1s of each row. "
              "Masks tell attention layers and losses what to ignore; lengths tell an RNN where each review ends.",
        "fr": "Le masque vaut 1 sur les vrais mots et 0 sur le padding ; les longueurs comptent les 1 de chaque "
              "ligne. Le masque dit aux couches d'attention et aux pertes quoi ignorer ; les longueurs disent à un "
              "RNN où finit chaque critique.",
    },
    "padding.step4": {"en": "The packed sequence", "fr": "La séquence compactée (packed)"},
    "padding.step4.notice": {
        "en": "`pack_padded_sequence` sorts the rows from longest to shortest and stores, time step by time step, "
              "only the real words: `batch_sizes[t]` rows are still running at step t. Packing saves {saved:,} "
              "cells here. It expects the padding at the end, so pre-padded rows are left-aligned first.",
        "fr": "`pack_padded_sequence` trie les lignes de la plus longue à la plus courte et range, pas de temps par "
              "pas de temps, seulement les vrais mots : `batch_sizes[t]` lignes sont encore actives au pas t. Ici le "
              "compactage économise {saved:,} cases. Il attend le padding à la fin : les lignes complétées au début "
              "sont d'abord recalées à gauche.",
    },
    "padding.pack.skipped": {
        "en": "Empty rows cannot be packed (torch refuses length 0) and are left out: {rows}.",
        "fr": "Les lignes vides ne peuvent pas être compactées (torch refuse la longueur 0) et sont ignorées : {rows}.",
    },
    "padding.pack.nothing": {
        "en": "Every row is empty: there is nothing to pack.",
        "fr": "Toutes les lignes sont vides : rien à compacter.",
    },
    "padding.question.truncate": {
        "en": "A review has 300 words and maxlen is 200 with Keras' defaults (pre/pre). Which words does the "
              "network never see, and why is that a sensible default for an RNN?",
        "fr": "Une critique a 300 mots et maxlen vaut 200 avec les réglages par défaut de Keras (pre/pre). Quels "
              "mots le réseau ne voit-il jamais, et pourquoi est-ce un choix raisonnable pour un RNN ?",
    },
    "padding.answer.truncate": {
        "en": "The **first** 100 words: `truncating='pre'` keeps the end. With `padding='pre'` too, the last "
              "steps of the RNN read real words just before the final hidden state is used for the prediction; "
              "a vanilla RNN forgets early words, and reviews often end with their verdict. Try it: set maxlen "
              "below the longest sentence and switch truncating to post.",
        "fr": "Les 100 **premiers** mots : `truncating='pre'` garde la fin. Avec `padding='pre'` aussi, les "
              "derniers pas du RNN lisent de vrais mots juste avant que l'état caché final serve à la "
              "prédiction ; un RNN simple oublie les premiers mots, et une critique finit souvent par son "
              "verdict. Essayez : mettez maxlen sous la longueur de la plus longue phrase et passez la "
              "troncature à post.",
    },
    "padding.question.pack": {
        "en": "Before looking: how many numbers does `packed.data` hold, and what is `batch_sizes[0]`?",
        "fr": "Avant de regarder : combien de nombres contient `packed.data`, et que vaut `batch_sizes[0]` ?",
    },
    "padding.answer.pack": {
        "en": "`packed.data` holds exactly the sum of the lengths (no padding at all), and `batch_sizes[0]` is "
              "the number of non-empty sentences: at the first time step every sentence is still running. "
              "`batch_sizes` can only shrink as t grows, since rows are sorted from longest to shortest.",
        "fr": "`packed.data` contient exactement la somme des longueurs (aucun padding), et `batch_sizes[0]` est "
              "le nombre de phrases non vides : au premier pas de temps toutes les phrases sont actives. "
              "`batch_sizes` ne peut que décroître avec t, car les lignes sont triées de la plus longue à la "
              "plus courte.",
    },
    # ---------------------------------------------------------------- charts
    "chart.sentence": {"en": "Sentence", "fr": "Phrase"},
    "chart.position": {"en": "Position in the sequence", "fr": "Position dans la séquence"},
    "chart.time_step": {"en": "Time step t", "fr": "Pas de temps t"},
    "chart.slot": {"en": "Row in the batch at step t", "fr": "Ligne du batch au pas t"},
    "chart.tokens_title": {"en": "Word ids, before padding", "fr": "Indices des mots, avant padding"},
    "chart.padded_title": {"en": "Padded batch ({padding} padding)", "fr": "Batch complété (padding {padding})"},
    "chart.mask_title": {"en": "Mask (1 = real word)", "fr": "Masque (1 = vrai mot)"},
    "chart.lengths_title": {"en": "Lengths", "fr": "Longueurs"},
    "chart.lengths_axis": {"en": "Number of ids", "fr": "Nombre d'indices"},
    "chart.kept": {"en": "kept", "fr": "gardés"},
    "chart.cut": {"en": "cut by truncation", "fr": "coupés par la troncature"},
    "chart.packed_title": {"en": "Packed: what the RNN computes at each time step",
                           "fr": "Compacté : ce que le RNN calcule à chaque pas de temps"},
    "chart.packed_data_title": {"en": "packed.data, in memory order", "fr": "packed.data, dans l'ordre en mémoire"},
    "chart.batch_sizes": {"en": "batch_sizes", "fr": "batch_sizes"},
    "chart.element": {"en": "Element of packed.data", "fr": "Élément de packed.data"},
    "chart.kind": {"en": "Kind", "fr": "Type"},
    "chart.kind.pad": {"en": "0 padding", "fr": "0 padding"},
    "chart.kind.start": {"en": "1 start", "fr": "1 début"},
    "chart.kind.oov": {"en": "2 out of vocabulary", "fr": "2 hors vocabulaire"},
    "chart.kind.word": {"en": "word", "fr": "mot"},
    "chart.mask.zero": {"en": "0 padding", "fr": "0 padding"},
    "chart.mask.one": {"en": "1 real", "fr": "1 réel"},
    "chart.hover.word": {"en": "word", "fr": "mot"},
}
