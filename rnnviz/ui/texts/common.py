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
              "numbers, why sequences are padded, how hidden states, gates and gradients evolve word after word, "
              "and why reading the words in order matters.",
        "fr": "rnnviz montre, sur de vraies critiques de films, ce que fait un réseau de neurones récurrent (RNN) : "
              "comment le texte devient des nombres, pourquoi on complète les séquences (padding), comment les états "
              "cachés, les portes et les gradients évoluent mot après mot, et pourquoi lire les mots dans l'ordre "
              "compte.",
    },
    "home.teaser": {"en": "The idea in one picture: a network that reads in order",
                    "fr": "L'idée en une image : un réseau qui lit dans l'ordre"},
    "home.teaser.notice": {
        "en": "**{name}** reads “{text}” one word at a time and, after each word, says how positive the review "
              "looks so far: {after_not:.0%} after “not”, {after_bad:.0%} after “bad”, {end:.0%} at the end. "
              "“bad” is read while the network still holds the “not” before it; a model that only counts words "
              "cannot do that. The Hidden states page draws this for any review you type.",
        "fr": "**{name}** lit « {text} » mot après mot et dit, après chaque mot, à quel point la critique semble "
              "positive jusque-là : {after_not:.0%} après « not », {after_bad:.0%} après « bad », {end:.0%} à la "
              "fin. « bad » est lu alors que le réseau garde encore le « not » qui le précède ; un modèle qui ne "
              "fait que compter les mots en est incapable. La page États cachés trace ceci pour toute critique "
              "que vous tapez.",
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
