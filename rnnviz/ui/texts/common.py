"""Texts shared by every page: navigation, home, common words."""

TEXTS = {
    # ---------------------------------------------------------------- navigation & common
    "app.title": {"en": "rnnviz: recurrent networks, live", "fr": "rnnviz : les réseaux récurrents, en direct"},
    "page.home": {"en": "Home", "fr": "Accueil"},
    "page.padding": {"en": "Padding & masking", "fr": "Padding et masquage"},
    "common.language": {"en": "Language", "fr": "Langue"},
    "common.data_source": {"en": "Data: {source}", "fr": "Données : {source}"},
    "common.presenter": {"en": "Presenter mode", "fr": "Mode présentation"},
    "common.presenter.help": {
        "en": "Larger text and charts, high contrast, controls tucked away: for a projector. The link keeps it.",
        "fr": "Texte et graphiques plus grands, fort contraste, réglages repliés : pour un vidéoprojecteur. "
              "Le lien le conserve.",
    },
    "common.question": {"en": "Ask the class", "fr": "Question à la classe"},
    "common.reveal": {"en": "Reveal the answer", "fr": "Révéler la réponse"},
    "common.code": {"en": "The torch code", "fr": "Le code torch"},
    "common.back": {"en": "Back", "fr": "Retour"},
    "common.next": {"en": "Next: {title}", "fr": "Suite : {title}"},
    "common.section_of": {"en": "Section {index} of {count}: {title}", "fr": "Partie {index} sur {count} : {title}"},
    "common.inputs": {"en": "The review and the models (open to change them)",
                      "fr": "La critique et les modèles (ouvrir pour les changer)"},
    "common.step_of": {"en": "Step {index} of {count}: {title}", "fr": "Étape {index} sur {count} : {title}"},
    "common.step.intro": {"en": "the idea", "fr": "l'idée"},
    "common.step.answer": {"en": "the answer", "fr": "la réponse"},
    "common.picture_of": {"en": "picture {index} of {count}", "fr": "image {index} sur {count}"},
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
    "home.sst.detail": {
        "en": "Stanford Sentiment Treebank, {source}: {trees:,} sentences ({phrases:,} labelled phrases) to learn "
              "from and {dev:,} dev sentences to measure short text on.",
        "fr": "Stanford Sentiment Treebank, {source} : {trees:,} phrases ({phrases:,} morceaux de phrases étiquetés) "
              "pour apprendre et {dev:,} phrases de dev pour mesurer les textes courts.",
    },
    "home.sst.full": {
        "en": "To use the whole treebank (8,544 training and 1,101 dev sentences), set `RNNVIZ_SST_DIR` to a folder "
              "holding its PTB trees (`train.txt`, `dev.txt`).",
        "fr": "Pour utiliser tout le treebank (8 544 phrases d'entraînement et 1 101 de dev), faites pointer "
              "`RNNVIZ_SST_DIR` vers un dossier contenant ses arbres PTB (`train.txt`, `dev.txt`).",
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
}
