"""Texts of the Prediction page."""

TEXTS = {
    "page.predict": {"en": "Prediction", "fr": "Prédiction"},
    "home.page.predict": {
        "en": "type a review: every trained model gives its verdict, and each word is coloured by how much it "
              "pushed that verdict.",
        "fr": "tapez une critique : chaque modèle entraîné donne son verdict, et chaque mot est coloré selon son "
              "poids dans ce verdict.",
    },
    "predict.title": {"en": "Prediction: what do the models think?", "fr": "Prédiction : qu'en pensent les modèles ?"},
    "predict.intro": {
        "en": "Type a movie review (in English: the models learned from English reviews, IMDB's and the Sentiment "
              "Treebank's) or pick an example, "
              "then press **Predict**. Every available model reads it and gives P(positive), the probability that "
              "the review is positive: above 50 % it says *positive*, below it says *negative*.",
        "fr": "Tapez une critique de film (en anglais : les modèles ont appris sur des critiques en anglais, celles "
              "d'IMDB et du Sentiment Treebank) ou "
              "choisissez un exemple, puis cliquez sur **Prédire**. Chaque modèle disponible la lit et donne "
              "P(positif), la probabilité que la critique soit positive : au-dessus de 50 % il dit *positif*, en "
              "dessous *négatif*.",
    },
    "predict.examples": {"en": "Examples, one click away", "fr": "Des exemples, en un clic"},
    "predict.example.positive": {"en": "Clearly positive", "fr": "Clairement positive"},
    "predict.example.negative": {"en": "Clearly negative", "fr": "Clairement négative"},
    "predict.example.negation": {"en": "Negation", "fr": "Négation"},
    "predict.example.sarcasm": {"en": "Sarcasm", "fr": "Sarcasme"},
    "predict.example.mixed": {"en": "Mixed", "fr": "Mitigée"},
    "predict.example.short": {"en": "Very short", "fr": "Très courte"},
    "predict.example.imdb": {"en": "A long real IMDB review", "fr": "Une longue vraie critique IMDB"},
    "predict.review": {"en": "Your review", "fr": "Votre critique"},
    "predict.review.help": {
        "en": "Any text up to 1,000,000 characters. It is never stored.",
        "fr": "N'importe quel texte, jusqu'à 1 000 000 de caractères. Il n'est jamais enregistré.",
    },
    "predict.submit": {"en": "Predict", "fr": "Prédire"},
    "predict.empty": {
        "en": "Type a review (or pick an example above), then press **Predict**.",
        "fr": "Tapez une critique (ou choisissez un exemple ci-dessus), puis cliquez sur **Prédire**.",
    },
    "predict.no_words": {
        "en": "This text has no word the tokenizer keeps (only punctuation or spaces): the models read an empty "
              "review, so their answer says nothing about it.",
        "fr": "Ce texte ne contient aucun mot retenu par le tokenizer (seulement de la ponctuation ou des espaces) : "
              "les modèles lisent une critique vide, leur réponse n'en dit rien.",
    },
    "predict.no_models": {
        "en": "No trained model is available yet. Train one on the **Training** page or upload one on the "
              "**Models** page.",
        "fr": "Aucun modèle entraîné n'est encore disponible. Entraînez-en un sur la page **Entraînement** ou "
              "importez-en un sur la page **Modèles**.",
    },
    "predict.verdicts": {"en": "The verdicts", "fr": "Les verdicts"},
    "predict.verdicts.notice": {
        "en": "Each bar is one model. The dashed line at 50 % is the decision threshold. In brackets: what the "
              "model learned from, then how often it was right on text it never saw: **long** = 25,000 IMDB test "
              "reviews (~230 words each), **short** = the 872 one-sentence reviews of the Sentiment Treebank's dev "
              "set. A model trained on long reviews is often weaker on one sentence, and the other way round; one "
              "that is right 85 % of the time can still be wrong on yours.",
        "fr": "Chaque barre est un modèle. La ligne pointillée à 50 % est le seuil de décision. Entre parenthèses : "
              "ce sur quoi le modèle a appris, puis combien de fois il a eu raison sur des textes jamais vus : "
              "**long** = 25 000 critiques IMDB de test (~230 mots chacune), **court** = les 872 critiques d'une "
              "phrase du jeu dev du Sentiment Treebank. Un modèle entraîné sur de longues critiques est souvent "
              "moins bon sur une phrase, et inversement ; un modèle juste à 85 % peut quand même se tromper sur la "
              "vôtre.",
    },
    "predict.detail": {"en": "{data} · long {long} · short {short}", "fr": "{data} · long {long} · court {short}"},
    "predict.trained_on.imdb": {"en": "IMDB reviews", "fr": "critiques IMDB"},
    "predict.trained_on.sst": {"en": "SST phrases", "fr": "phrases SST"},
    "predict.trained_on.both": {"en": "IMDB + SST", "fr": "IMDB + SST"},
    "predict.picked.short": {
        "en": "Your text has {words} words: a short text, so the model explained first is the best one on short "
              "sentences, **{name}**.",
        "fr": "Votre texte a {words} mots : un texte court, donc le modèle expliqué d'abord est le meilleur sur "
              "les phrases courtes, **{name}**.",
    },
    "predict.picked.long": {
        "en": "Your text has {words} words: a long text, so the model explained first is the best one on long "
              "reviews, **{name}**.",
        "fr": "Votre texte a {words} mots : un texte long, donc le modèle expliqué d'abord est le meilleur sur "
              "les longues critiques, **{name}**.",
    },
    "predict.french": {
        "en": "This review looks French. These models learned from **English** reviews only: {unknown} of its "
              "{words} words are unknown to {name} (it reads them as <oov>), and the words it does know, such as "
              "\"film\", carry little sentiment. Its verdict says almost nothing about your review: try it in "
              "English.",
        "fr": "Cette critique semble en français. Ces modèles n'ont appris que sur des critiques en **anglais** : "
              "{unknown} de ses {words} mots sont inconnus de {name} (il les lit comme <oov>), et les mots qu'il "
              "connaît, comme « film », portent peu de sentiment. Son verdict ne dit presque rien de votre "
              "critique : essayez-la en anglais.",
    },
    "predict.why": {"en": "Why? Word by word", "fr": "Pourquoi ? Mot par mot"},
    "predict.model": {"en": "Model to explain", "fr": "Modèle à expliquer"},
    "predict.why.occlusion": {
        "en": "Colour = how much the model's **score** drops when the word is hidden (replaced by the unknown word "
              "`<oov>`). The score is what the network outputs before the sigmoid: P(positive) = sigmoid(score); "
              "+1 on the score multiplies the odds positive:negative by 2.7. **Blue** words pushed towards "
              "*positive*, **orange** words towards *negative*; pale words barely mattered. Computed exactly: the "
              "model re-read the review once per hidden word.",
        "fr": "Couleur = de combien le **score** du modèle baisse quand on cache le mot (remplacé par le mot inconnu "
              "`<oov>`). Le score est ce que le réseau sort avant la sigmoïde : P(positif) = sigmoïde(score) ; +1 "
              "sur le score multiplie la cote positif:négatif par 2,7. Les mots **bleus** ont poussé vers *positif*, "
              "les **orange** vers *négatif* ; les mots pâles ont peu compté. Calcul exact : le modèle a relu la "
              "critique une fois par mot caché.",
    },
    "predict.why.gradient": {
        "en": "Colour = an estimate of how much the model's **score** drops when the word is hidden (replaced by "
              "the unknown word `<oov>`). The score is what the network outputs before the sigmoid: P(positive) = "
              "sigmoid(score). **Blue** words pushed towards *positive*, **orange** words towards *negative*; pale "
              "words barely mattered. Re-reading a long review once per word would be slow, so the estimate comes "
              "from one backward pass: gradient × (word's embedding − `<oov>`'s embedding).",
        "fr": "Couleur = une estimation de la baisse du **score** du modèle quand on cache le mot (remplacé par le "
              "mot inconnu `<oov>`). Le score est ce que le réseau sort avant la sigmoïde : P(positif) = "
              "sigmoïde(score). Les mots **bleus** ont poussé vers *positif*, les **orange** vers *négatif* ; les "
              "mots pâles ont peu compté. Relire une longue critique une fois par mot serait lent : l'estimation "
              "vient d'une seule rétropropagation, gradient × (plongement du mot − plongement de `<oov>`).",
    },
    "predict.oov": {
        "en": "{count} word(s) in *italics with ?* are out of this model's vocabulary: it only sees `<oov>` "
              "(\"unknown word\") there, so they cannot change its verdict.",
        "fr": "{count} mot(s) en *italique avec ?* sont hors du vocabulaire de ce modèle : il n'y voit que `<oov>` "
              "(« mot inconnu »), ils ne peuvent donc pas changer son verdict.",
    },
    "predict.cut": {
        "en": "This review has {total:,} tokens but this model reads at most {max_len:,} (its `max_len`). Like in "
              "training (Keras `truncating=\"pre\"`), it keeps the **last** {max_len:,}: the verdict of a review is "
              "usually at its end. The {cut:,} first tokens were not read:",
        "fr": "Cette critique compte {total:,} tokens mais ce modèle en lit au plus {max_len:,} (son `max_len`). "
              "Comme à l'entraînement (Keras `truncating=\"pre\"`), il garde les **{max_len:,} derniers** : le verdict "
              "d'une critique est souvent à la fin. Les {cut:,} premiers tokens n'ont pas été lus :",
    },
    "predict.top": {
        "en": "Strongest words: towards positive {positive}; towards negative {negative}.",
        "fr": "Mots les plus forts : vers positif {positive} ; vers négatif {negative}.",
    },
    "predict.none": {"en": "none", "fr": "aucun"},
    "predict.timing": {
        "en": "Computed in {ms:.0f} ms on the server.",
        "fr": "Calculé en {ms:.0f} ms sur le serveur.",
    },
    # ---------------------------------------------------------------- charts
    "chart.predict.title": {"en": "P(positive) according to each model", "fr": "P(positif) selon chaque modèle"},
    "chart.predict.x": {"en": "P(positive)", "fr": "P(positif)"},
    "chart.predict.y": {"en": "Model (learned from · accuracy)", "fr": "Modèle (appris sur · précision)"},
    "chart.predict.positive": {"en": "says positive", "fr": "dit positif"},
    "chart.predict.negative": {"en": "says negative", "fr": "dit négatif"},
    "chart.predict.threshold": {"en": "threshold 50 %", "fr": "seuil 50 %"},
    "chart.predict.no_accuracy": {"en": "test accuracy unknown", "fr": "précision inconnue"},
    "chart.words.title": {
        "en": "What each word did to the verdict of {model}",
        "fr": "L'effet de chaque mot sur le verdict de {model}",
    },
    "chart.words.x": {"en": "Word position in the line", "fr": "Position du mot dans la ligne"},
    "chart.words.y": {"en": "Line (reading order)", "fr": "Ligne (ordre de lecture)"},
    "chart.words.colorbar": {"en": "Effect on<br>the score", "fr": "Effet sur<br>le score"},
    "chart.words.positive": {"en": "positive", "fr": "positif"},
    "chart.words.negative": {"en": "negative", "fr": "négatif"},
    "chart.words.hover": {
        "en": "{word} (token {position})<br>effect on the score: {effect:+.3f}",
        "fr": "{word} (token {position})<br>effet sur le score : {effect:+.3f}",
    },
    "chart.words.hover_oov": {
        "en": "{word} (token {position})<br>unknown word: the model sees <oov>",
        "fr": "{word} (token {position})<br>mot inconnu : le modèle voit <oov>",
    },
}

# The example reviews stay in English: the models learned English.
EXAMPLES = {
    "positive": "This movie is a masterpiece. The acting is superb, the story is moving and beautifully told, "
                "and the music is wonderful. One of the best films I have ever seen: I loved every minute.",
    "negative": "What a waste of time. The plot makes no sense, the acting is terrible and the dialogue is awful. "
                "Boring from start to finish; the worst film I have seen this year.",
    "negation": "This film is not bad at all. It is not boring, and the ending is not predictable. "
                "I would not call it a waste of time.",
    "sarcasm": "Oh great, another two hours of my life I will never get back. Brilliant writing, truly: "
               "I especially loved the part where nothing happened. A real masterpiece of boredom.",
    "mixed": "The actors are wonderful and the photography is beautiful, but the story is slow, the dialogue "
             "is weak and the ending ruined it for me.",
    "short": "Meh.",
}
