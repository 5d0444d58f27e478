"""Texts of the Models page."""

TEXTS = {
    "page.models": {"en": "Models", "fr": "Modèles"},
    "home.page.models": {
        "en": "every trained model side by side: sizes, accuracy, learning curves, mistakes; download one or upload "
              "your own.",
        "fr": "tous les modèles entraînés côte à côte : tailles, précision, courbes d'apprentissage, erreurs ; "
              "téléchargez-en un ou importez le vôtre.",
    },
    "models.title": {"en": "Models: compare, download, upload", "fr": "Modèles : comparer, télécharger, importer"},
    "models.intro": {
        "en": "Every model available here: those shipped with rnnviz and those trained or uploaded on this server. "
              "Each is one `.safetensors` file holding its weights, its vocabulary and how it was trained.",
        "fr": "Tous les modèles disponibles ici : ceux fournis avec rnnviz et ceux entraînés ou importés sur ce "
              "serveur. Chacun est un fichier `.safetensors` qui contient ses poids, son vocabulaire et la façon dont "
              "il a été entraîné.",
    },
    "models.none": {
        "en": "No model yet: train one on the **Training** page, or upload one below.",
        "fr": "Aucun modèle pour l'instant : entraînez-en un sur la page **Entraînement**, ou importez-en un "
              "ci-dessous.",
    },
    "models.table": {"en": "All the models", "fr": "Tous les modèles"},
    "models.col.name": {"en": "Name", "fr": "Nom"},
    "models.col.origin": {"en": "Origin", "fr": "Origine"},
    "models.col.cell": {"en": "Cell", "fr": "Cellule"},
    "models.col.layers": {"en": "Layers", "fr": "Couches"},
    "models.col.embedding": {"en": "Embedding", "fr": "Plongement"},
    "models.col.hidden": {"en": "Hidden", "fr": "État caché"},
    "models.col.max_len": {"en": "maxlen", "fr": "maxlen"},
    "models.col.vocab": {"en": "Vocabulary", "fr": "Vocabulaire"},
    "models.col.params": {"en": "Weights", "fr": "Poids"},
    "models.col.trained_on": {"en": "Trained on", "fr": "Appris sur"},
    "models.col.test_accuracy": {"en": "Test accuracy", "fr": "Précision en test"},
    "models.col.sst_dev_accuracy": {"en": "SST-2 dev (short text)", "fr": "SST-2 dev (texte court)"},
    "models.col.order_pairs_accuracy": {"en": "Order pairs", "fr": "Paires d'ordre"},
    "models.col.train_time": {"en": "Training time (s)", "fr": "Durée d'entraînement (s)"},
    "models.col.date": {"en": "Date", "fr": "Date"},
    "models.col.data": {"en": "Data", "fr": "Données"},
    "models.origin.shipped": {"en": "shipped", "fr": "fourni"},
    "models.origin.user": {"en": "this server", "fr": "ce serveur"},
    "models.table.notice": {
        "en": "Weights = the numbers the network learned. Test accuracy = share of the IMDB test reviews (long, "
              "never seen) it classifies correctly (50 % = a coin toss); SST-2 dev = the same on 872 one-sentence "
              "reviews; order pairs = share of the minimal pairs (\"not bad\" / \"bad\"...) with both sides right.",
        "fr": "Poids = les nombres que le réseau a appris. Précision en test = part des critiques IMDB de test "
              "(longues, jamais vues) qu'il classe correctement (50 % = pile ou face) ; SST-2 dev = la même chose sur "
              "872 critiques d'une phrase ; paires d'ordre = part des paires minimales (« not bad » / « bad »…) "
              "dont les deux côtés sont justes.",
    },
    "models.detail": {"en": "One model in detail", "fr": "Un modèle en détail"},
    "models.pick": {"en": "Model", "fr": "Modèle"},
    "models.no_history": {
        "en": "This model's file has no learning history.",
        "fr": "Le fichier de ce modèle ne contient pas d'historique d'apprentissage.",
    },
    "models.confusion.notice": {
        "en": "On {count:,} test reviews ({source}): accuracy {accuracy:.1%}. The diagonal counts the right answers; "
              "the other two cells are its mistakes: positive reviews it called negative, and the reverse.",
        "fr": "Sur {count:,} critiques de test ({source}) : précision {accuracy:.1%}. La diagonale compte les bonnes "
              "réponses ; les deux autres cases sont ses erreurs : des critiques positives jugées négatives, et "
              "l'inverse.",
    },
    "models.confusion.limited": {
        "en": "Measured on a random {count:,} of the {total:,} test reviews, to stay fast.",
        "fr": "Mesuré sur {count:,} critiques de test tirées au hasard parmi {total:,}, pour rester rapide.",
    },
    "models.error": {"en": "This model cannot be used: {error}", "fr": "Ce modèle est inutilisable : {error}"},
    "models.download": {"en": "Download {name}.safetensors", "fr": "Télécharger {name}.safetensors"},
    "models.upload": {"en": "Upload a model", "fr": "Importer un modèle"},
    "models.upload.label": {
        "en": "A `.safetensors` file saved by rnnviz (at most {limit} MB)",
        "fr": "Un fichier `.safetensors` enregistré par rnnviz ({limit} Mo au plus)",
    },
    "models.upload.ok": {
        "en": "**{name}** was checked and added: it is now on every page.",
        "fr": "**{name}** a été vérifié et ajouté : il est maintenant sur toutes les pages.",
    },
    "models.upload.bad": {
        "en": "This file was refused, nothing was saved: {error}",
        "fr": "Ce fichier a été refusé, rien n'a été enregistré : {error}",
    },
    "models.upload.too_big": {
        "en": "This file has {size:.1f} MB; the limit is {limit} MB. Nothing was saved.",
        "fr": "Ce fichier fait {size:.1f} Mo ; la limite est de {limit} Mo. Rien n'a été enregistré.",
    },
    # ---------------------------------------------------------------- charts
    "chart.confusion.title": {"en": "Confusion matrix of {model}", "fr": "Matrice de confusion de {model}"},
    "chart.confusion.x": {"en": "What the model said", "fr": "Ce que le modèle a dit"},
    "chart.confusion.y": {"en": "True label", "fr": "Vraie étiquette"},
    "chart.confusion.negative": {"en": "negative", "fr": "négative"},
    "chart.confusion.positive": {"en": "positive", "fr": "positive"},
    "chart.confusion.colorbar": {"en": "Reviews", "fr": "Critiques"},
}
