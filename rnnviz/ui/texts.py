"""Every piece of interface text, in English and French, looked up by key.

Pages never hold sentences of their own: they call ``tr("key")``. A test checks that every key
has both languages and the same ``{placeholders}`` in each.
"""

from __future__ import annotations

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- navigation & common
    "app.title": {"en": "rnnviz: recurrent networks, live", "fr": "rnnviz : les réseaux récurrents, en direct"},
    "page.home": {"en": "Home", "fr": "Accueil"},
    "page.padding": {"en": "Padding & masking", "fr": "Padding et masquage"},
    "common.language": {"en": "Language", "fr": "Langue"},
    "common.data_source": {"en": "Data: {source}", "fr": "Données : {source}"},
    "common.code": {"en": "The torch code", "fr": "Le code torch"},
    "common.what_to_notice": {"en": "What to notice", "fr": "À remarquer"},
    "source.local": {"en": "local folder", "fr": "dossier local"},
    "source.hub": {"en": "Hugging Face hub", "fr": "hub Hugging Face"},
    "source.sample": {"en": "bundled sample", "fr": "échantillon fourni"},
    "error.text_too_long": {
        "en": "This text has {chars:,} characters; only the first {limit:,} are used.",
        "fr": "Ce texte compte {chars:,} caractères ; seuls les {limit:,} premiers sont utilisés.",
    },
    # ---------------------------------------------------------------- home
    "home.intro": {
        "en": "rnnviz shows, on real movie reviews, what a recurrent neural network (RNN) does: how text becomes "
              "numbers, why sequences are padded, and (in the pages to come) how hidden states, gates and gradients "
              "evolve word after word.",
        "fr": "rnnviz montre, sur de vraies critiques de films, ce que fait un réseau de neurones récurrent (RNN) : "
              "comment le texte devient des nombres, pourquoi on complète les séquences (padding) et, dans les pages "
              "à venir, comment les états cachés, les portes et les gradients évoluent mot après mot.",
    },
    "home.pages": {"en": "The pages", "fr": "Les pages"},
    "home.page.padding": {
        "en": "text -> word ids, padding (pre/post), truncation, the attention mask, lengths and packed sequences.",
        "fr": "texte -> indices de mots, padding (pre/post), troncature, masque d'attention, longueurs et séquences "
              "compactées (packed).",
    },
    "home.data": {"en": "Data in use", "fr": "Données utilisées"},
    "home.data.detail": {
        "en": "{source}: {train:,} training and {test:,} test reviews.",
        "fr": "{source} : {train:,} critiques d'entraînement et {test:,} de test.",
    },
    "home.data.full": {
        "en": "To use the full IMDB dataset (25,000 + 25,000 reviews), start the app with `RNNVIZ_DATA_DIR` set to "
              "a folder holding `train.parquet`/`test.parquet` (or CSV files, or the original `aclImdb` tree).",
        "fr": "Pour utiliser tout IMDB (25 000 + 25 000 critiques), lancez l'application avec `RNNVIZ_DATA_DIR` "
              "pointant vers un dossier contenant `train.parquet`/`test.parquet` (ou des CSV, ou l'arborescence "
              "`aclImdb` d'origine).",
    },
    "home.checkpoints": {"en": "Trained models", "fr": "Modèles entraînés"},
    "home.checkpoints.none": {
        "en": "No trained model is available yet.",
        "fr": "Aucun modèle entraîné n'est encore disponible.",
    },
    "home.stats": {
        "en": "Vocabulary of the most frequent {vocab:,} words, built from the training reviews in {seconds:.1f} s.",
        "fr": "Vocabulaire des {vocab:,} mots les plus fréquents, construit sur les critiques d'entraînement en "
              "{seconds:.1f} s.",
    },
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
    "padding.step1": {"en": "1. Text -> word ids", "fr": "1. Texte -> indices de mots"},
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
    "padding.step2": {"en": "2. The padded matrix", "fr": "2. La matrice complétée (padding)"},
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
    "padding.step3": {"en": "3. Mask and lengths", "fr": "3. Masque et longueurs"},
    "padding.step3.notice": {
        "en": "The mask is 1 on real words and 0 on padding; the lengths count the 1s of each row. "
              "Masks tell attention layers and losses what to ignore; lengths tell an RNN where each review ends.",
        "fr": "Le masque vaut 1 sur les vrais mots et 0 sur le padding ; les longueurs comptent les 1 de chaque "
              "ligne. Le masque dit aux couches d'attention et aux pertes quoi ignorer ; les longueurs disent à un "
              "RNN où finit chaque critique.",
    },
    "padding.step4": {"en": "4. The packed sequence", "fr": "4. La séquence compactée (packed)"},
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


def tr(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang`` (English when the language is unknown), formatted with ``values``.

    A missing key raises ``KeyError`` at once: a typo must fail the tests, not show a blank label.
    """
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
