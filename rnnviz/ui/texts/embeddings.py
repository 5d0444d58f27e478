"""Texts of the Embeddings page and of its charts (rnnviz.ui.embedding_charts)."""

TEXTS = {
    "emb.inputs": {"en": "The model and how many words (open to change them)", "fr": "Le modèle et le nombre de mots (ouvrir pour les changer)"},
    "page.embeddings": {"en": "Embeddings", "fr": "Embeddings (plongements)"},
    "home.page.embeddings": {
        "en": "word -> index -> vector: nn.Embedding, from_pretrained and freezing, then the space a trained model "
              "learned: word map, nearest neighbours, a good <-> bad axis, two models compared.",
        "fr": "mot -> indice -> vecteur : nn.Embedding, from_pretrained et le gel des poids, puis l'espace appris par "
              "un modèle entraîné : carte des mots, plus proches voisins, un axe bon <-> mauvais, deux modèles "
              "comparés.",
    },
    "emb.title": {"en": "Embeddings: words as vectors", "fr": "Embeddings : les mots comme vecteurs"},
    "emb.intro": {
        "en": "An **embedding layer** (`nn.Embedding`) is a table with one row per word of the vocabulary: a word's "
              "index picks its row, a dense vector of a few dozen numbers. The rows start random and are learned "
              "with the rest of the network, so words that play the same role in reviews end up with similar "
              "vectors.",
        "fr": "Une **couche d'embedding** (`nn.Embedding`) est un tableau avec une ligne par mot du vocabulaire : "
              "l'indice d'un mot choisit sa ligne, un vecteur dense de quelques dizaines de nombres. Les lignes "
              "partent au hasard et sont apprises avec le reste du réseau : les mots qui jouent le même rôle dans "
              "les critiques finissent avec des vecteurs proches.",
    },
    "emb.lesson.header": {"en": "The course's lesson, live", "fr": "La leçon du cours, en direct"},
    "emb.pretrained.title": {"en": "from_pretrained: the course's 5 x 3 matrix",
                             "fr": "from_pretrained : la matrice 5 x 3 du cours"},
    "emb.pretrained.notice": {
        "en": "`nn.Embedding.from_pretrained` builds the layer from a matrix we give it. Looking up the indices "
              "[2, 4] just copies rows 2 and 4 (marked ▶): [[2, 2, 2], [4, 4, 4]]. An embedding is nothing more "
              "than this lookup.",
        "fr": "`nn.Embedding.from_pretrained` construit la couche à partir d'une matrice donnée. Chercher les "
              "indices [2, 4] copie simplement les lignes 2 et 4 (marquées ▶) : [[2, 2, 2], [4, 4, 4]]. Un "
              "embedding n'est rien de plus que cette recherche.",
    },
    "emb.freeze.title": {"en": "One training step: how much each row moved",
                         "fr": "Un pas d'entraînement : de combien chaque ligne a bougé"},
    "emb.freeze.x": {"en": "Row of the embedding matrix", "fr": "Ligne de la matrice d'embedding"},
    "emb.freeze.y": {"en": "Change of the row (norm)", "fr": "Changement de la ligne (norme)"},
    "emb.freeze.notice": {
        "en": "One real gradient step on a tiny model (embedding -> mean -> Linear). Frozen "
              "(`requires_grad = False`): the rows do not move at all (largest change {frozen:.3f}) while the "
              "Linear layer still learns (its weights moved by {head:.3f}). Not frozen: the rows that were read "
              "move (up to {free:.3f}); row 0 is never read, so it stays put either way.",
        "fr": "Un vrai pas de gradient sur un petit modèle (embedding -> moyenne -> Linear). Gelée "
              "(`requires_grad = False`) : les lignes ne bougent pas du tout (plus grand changement {frozen:.3f}) "
              "alors que la couche Linear apprend quand même (ses poids ont bougé de {head:.3f}). Non gelée : les "
              "lignes lues bougent (jusqu'à {free:.3f}) ; la ligne 0 n'est jamais lue, elle ne bouge dans aucun cas.",
    },
    "emb.model.header": {"en": "The space a trained model learned", "fr": "L'espace appris par un modèle entraîné"},
    "emb.model": {"en": "Model", "fr": "Modèle"},
    "emb.model.caption": {
        "en": "{vocab:,} words, each a vector of {dim} numbers. {frozen}",
        "fr": "{vocab:,} mots, chacun un vecteur de {dim} nombres. {frozen}",
    },
    "emb.model.frozen": {"en": "Its embedding was frozen during training.",
                         "fr": "Son embedding était gelé pendant l'entraînement."},
    "emb.lookup.header": {"en": "Word -> index -> vector", "fr": "Mot -> indice -> vecteur"},
    "emb.lookup.words": {"en": "Words to look up", "fr": "Mots à chercher"},
    "emb.lookup.empty": {"en": "Type a few words to see their vectors.",
                         "fr": "Tapez quelques mots pour voir leurs vecteurs."},
    "emb.lookup.title": {"en": "Their rows in the embedding matrix", "fr": "Leurs lignes dans la matrice d'embedding"},
    "emb.lookup.notice": {
        "en": "Each word becomes its index (rank in the vocabulary; 2 = unknown word), then that row: {dim} numbers. "
              "All unknown words share row 2, so the model cannot tell them apart.",
        "fr": "Chaque mot devient son indice (rang dans le vocabulaire ; 2 = mot inconnu), puis cette ligne : {dim} "
              "nombres. Tous les mots inconnus partagent la ligne 2 : le modèle ne peut pas les distinguer.",
    },
    "emb.space.header": {"en": "The map of the most frequent words", "fr": "La carte des mots les plus fréquents"},
    "emb.space.count": {"en": "Number of words", "fr": "Nombre de mots"},
    "emb.space.3d": {"en": "3-D", "fr": "3D"},
    "emb.space.title": {"en": "{count:,} most frequent words (PCA)", "fr": "Les {count:,} mots les plus fréquents (ACP)"},
    "emb.space.words": {"en": "a word", "fr": "un mot"},
    "emb.space.notice": {
        "en": "PCA squeezes the vectors onto their 2 (or 3) directions of largest spread; the % is the share of the "
              "spread each axis keeps. Colour = polarity: P(positive) of the one-word review “<start> word”, so blue "
              "words push the model towards “positive”, red ones towards “negative”. Sentiment words usually form "
              "the two ends of one axis: the model learned them because they decide the verdict. Only the 20 most "
              "positive and 20 most negative words are written; hover a point for the others.",
        "fr": "L'ACP écrase les vecteurs sur leurs 2 (ou 3) directions de plus grand étalement ; le % est la part de "
              "l'étalement que garde chaque axe. Couleur = polarité : P(positif) de la critique d'un seul mot "
              "« <start> mot » ; les mots bleus poussent le modèle vers « positif », les rouges vers « négatif ». "
              "Les mots de sentiment forment souvent les deux bouts d'un même axe : le modèle les a appris parce "
              "qu'ils décident du verdict. Seuls les 20 mots les plus positifs et les 20 plus négatifs sont écrits ; "
              "survolez un point pour les autres.",
    },
    "emb.timeline.header": {"en": "How the map formed, epoch by epoch", "fr": "Comment la carte s'est formée, époque par époque"},
    "emb.timeline.title": {"en": "The {count:,} most frequent words while the model learned",
                           "fr": "Les {count:,} mots les plus fréquents pendant l'apprentissage"},
    "emb.timeline.epoch": {"en": "Epoch", "fr": "Époque"},
    "emb.timeline.play": {"en": "Play", "fr": "Lecture"},
    "emb.timeline.pause": {"en": "Pause", "fr": "Pause"},
    "emb.timeline.probability": {"en": "P(positive)", "fr": "P(positif)"},
    "emb.timeline.probes.title": {"en": "The probe reviews' P(positive) after each epoch",
                                  "fr": "P(positif) des critiques témoins après chaque époque"},
    "emb.timeline.notice": {
        "en": "Training saved a snapshot of these words before the first step (epoch 0) and after every epoch. "
              "Press Play or drag the slider: every epoch is drawn on the same two axes (the PCA of the last "
              "epoch), so a word that moves really moved. At epoch 0 the vectors are random and every colour is "
              "close to white; epoch after epoch the sentiment words drift to the two ends and take their colour.",
        "fr": "L'entraînement a gardé une photo de ces mots avant le premier pas (époque 0) et après chaque "
              "époque. Appuyez sur Lecture ou faites glisser le curseur : chaque époque est dessinée sur les deux "
              "mêmes axes (l'ACP de la dernière époque) ; un mot qui bouge a vraiment bougé. À l'époque 0 les "
              "vecteurs sont aléatoires et les couleurs presque blanches ; époque après époque, les mots de "
              "sentiment filent vers les deux bouts et prennent leur couleur.",
    },
    "emb.timeline.probes.notice": {
        "en": "The same run, seen from a few reviews: the model's P(positive) for each after every epoch "
              "(dotted line: 0.5, where the verdict flips).",
        "fr": "Le même entraînement, vu par quelques critiques : P(positif) de chacune après chaque époque "
              "(pointillés : 0,5, là où le verdict bascule).",
    },
    "emb.timeline.model": {"en": "Model to replay", "fr": "Modèle à rejouer"},
    "emb.timeline.model.help": {
        "en": "Only the models that kept training snapshots are listed: every model trained on the Training page "
              "keeps them.",
        "fr": "Seuls les modèles qui ont gardé des photos d'entraînement sont proposés : chaque modèle entraîné sur "
              "la page Entraînement les garde.",
    },
    "emb.timeline.none_at_all": {
        "en": "None of the models here kept training snapshots: train one on the Training page to watch its "
              "word map form.",
        "fr": "Aucun modèle ici n'a gardé de photos d'entraînement : entraînez-en un sur la page Entraînement "
              "pour voir sa carte des mots se former.",
    },
    "emb.near.header": {"en": "Nearest neighbours", "fr": "Plus proches voisins"},
    "emb.near.word": {"en": "Word", "fr": "Mot"},
    "emb.near.unknown": {
        "en": "This word is not in the model's vocabulary (or is empty): try another one.",
        "fr": "Ce mot n'est pas dans le vocabulaire du modèle (ou il est vide) : essayez-en un autre.",
    },
    "emb.unlabelled.toggle": {"en": "Compare with the word vectors before any label",
                              "fr": "Comparer aux vecteurs de mots d'avant toute étiquette"},
    "emb.unlabelled.help": {
        "en": "Word vectors counted from the training reviews alone (which words appear near which), in this "
              "model's vocabulary: where the shipped models' embedding starts.",
        "fr": "Des vecteurs de mots comptés à partir des seules critiques d'entraînement (quels mots apparaissent "
              "près de quels autres), dans le vocabulaire de ce modèle : le point de départ du plongement des "
              "modèles livrés.",
    },
    "emb.unlabelled.spinner": {"en": "Counting which words appear together…",
                               "fr": "Comptage des mots qui apparaissent ensemble…"},
    "emb.unlabelled.title": {"en": "Before any label: the words closest to “{word}”",
                             "fr": "Avant toute étiquette : les mots les plus proches de « {word} »"},
    "emb.unlabelled.notice": {
        "en": "These vectors only know which words surround which, so words used in the same places come out "
              "close, whatever their meaning: “worst” sits near “best”, “boring” near “interesting”. Training on "
              "labelled reviews then pulls opposite verdicts apart: compare with the chart above.",
        "fr": "Ces vecteurs savent seulement quels mots entourent quels autres : les mots employés aux mêmes "
              "endroits sortent proches, quel que soit leur sens (« worst » près de « best », « boring » près "
              "d'« interesting »). L'entraînement sur des critiques étiquetées écarte ensuite les verdicts "
              "opposés : comparez avec le graphique ci-dessus.",
    },
    "emb.near.title": {"en": "The words closest to “{word}”", "fr": "Les mots les plus proches de « {word} »"},
    "emb.near.y": {"en": "Neighbour", "fr": "Voisin"},
    "emb.near.distance": {"en": "Cosine distance (1 - cos)", "fr": "Distance cosinus (1 - cos)"},
    "emb.near.notice": {
        "en": "Cosine similarity compares directions, not lengths: 1 = same direction, 0 = unrelated. A sentiment "
              "model groups words by what they do to the verdict, not by meaning: “excellent” sits near other "
              "praise, and maybe near words that only appear in good reviews.",
        "fr": "La similarité cosinus compare des directions, pas des longueurs : 1 = même direction, 0 = sans "
              "rapport. Un modèle de sentiment groupe les mots selon leur effet sur le verdict, pas selon leur sens : "
              "« excellent » est près d'autres éloges, et peut-être de mots qui n'apparaissent que dans de bonnes "
              "critiques.",
    },
    "emb.axis.header": {"en": "A semantic axis", "fr": "Un axe sémantique"},
    "emb.axis.negative": {"en": "Word at -1", "fr": "Mot en -1"},
    "emb.axis.positive": {"en": "Word at +1", "fr": "Mot en +1"},
    "emb.axis.unknown": {
        "en": "Both words must be in the vocabulary and different: try “bad” and “good”.",
        "fr": "Les deux mots doivent être dans le vocabulaire et différents : essayez « bad » et « good ».",
    },
    "emb.axis.title": {"en": "Words on the axis, against their polarity",
                       "fr": "Les mots sur l'axe, face à leur polarité"},
    "emb.axis.x": {"en": "Position on the axis {negative} (-1) -> {positive} (+1)",
                   "fr": "Position sur l'axe {negative} (-1) -> {positive} (+1)"},
    "emb.axis.y": {"en": "P(positive) of the word alone", "fr": "P(positif) du mot seul"},
    "emb.axis.notice": {
        "en": "Each word is projected on the line that joins the two chosen words' vectors. If the learned space "
              "encodes sentiment along that line, the points climb from bottom-left to top-right: position on the "
              "axis and the model's polarity agree.",
        "fr": "Chaque mot est projeté sur la droite qui relie les vecteurs des deux mots choisis. Si l'espace appris "
              "code le sentiment le long de cette droite, les points montent d'en bas à gauche vers en haut à "
              "droite : la position sur l'axe et la polarité du modèle sont d'accord.",
    },
    "emb.compare.header": {"en": "Two models, two spaces", "fr": "Deux modèles, deux espaces"},
    "emb.compare.other": {"en": "Compare with", "fr": "Comparer avec"},
    "emb.compare.need_two": {"en": "At least two models are needed for a comparison.",
                             "fr": "Il faut au moins deux modèles pour comparer."},
    "emb.compare.title": {"en": "Polarity of each word in the two models",
                          "fr": "Polarité de chaque mot dans les deux modèles"},
    "emb.compare.overlap": {"en": "Shared neighbours", "fr": "Voisins communs"},
    "emb.compare.notice": {
        "en": "{count:,} words both models know. Polarity correlation: {correlation:.2f} (1 = they agree on "
              "which words are positive). On average {overlap:.0%} of a word's {k} nearest neighbours are the same "
              "in both spaces: each training run draws its own map, even when the verdicts agree.",
        "fr": "{count:,} mots connus des deux modèles. Corrélation des polarités : {correlation:.2f} (1 = ils sont "
              "d'accord sur les mots positifs). En moyenne {overlap:.0%} des {k} plus proches voisins d'un mot sont "
              "les mêmes dans les deux espaces : chaque entraînement dessine sa propre carte, même quand les "
              "verdicts concordent.",
    },
    "emb.axis.row": {"en": "Row (index)", "fr": "Ligne (indice)"},
    "emb.axis.dimension": {"en": "Dimension of the vector", "fr": "Dimension du vecteur"},
}
