"""Predict-then-reveal: one question per page to ask the class before showing the answer."""

TEXTS = {
    "lesson.embeddings.question": {
        "en": "Before looking at the map: will “excellent” sit close to “great”? And to “awful”?",
        "fr": "Avant de regarder la carte : « excellent » sera-t-il proche de « great » ? Et de « awful » ?",
    },
    "lesson.embeddings.answer": {
        "en": "Close to “great”, far from “awful”. A sentiment model only learns what helps it decide positive "
              "or negative, so the main direction of its embedding space is polarity; words that never matter "
              "for sentiment (“the”, names) stay near the centre. Check it with the semantic axis good <-> bad.",
        "fr": "Proche de « great », loin de « awful ». Un modèle de sentiment n'apprend que ce qui l'aide à "
              "décider positif ou négatif : la direction principale de son espace d'embeddings est la polarité ; "
              "les mots sans effet sur le sentiment (« the », les noms propres) restent près du centre. Vérifiez "
              "avec l'axe sémantique good <-> bad.",
    },
    "lesson.hidden.question": {
        "en": "On “This movie was not bad at all”, what will P(positive) do right after “bad”, and at the end? "
              "Will the RNN, the LSTM and the GRU agree?",
        "fr": "Sur « This movie was not bad at all », que fera P(positif) juste après « bad », puis à la fin ? "
              "Le RNN, le LSTM et le GRU seront-ils d'accord ?",
    },
    "lesson.hidden.answer": {
        "en": "Watch the “prediction as it reads” chart: a model that has learnt negation carries “not” in its "
              "state and does not fall on “bad”; one that reacts to single words dips at “bad”. The gated cells "
              "(LSTM, GRU) can keep “not” for several steps: their gates decide what to keep.",
        "fr": "Regardez le graphique « prédiction au fil de la lecture » : un modèle qui a appris la négation "
              "garde « not » dans son état et ne chute pas sur « bad » ; un modèle qui réagit mot à mot plonge sur "
              "« bad ». Les cellules à portes (LSTM, GRU) peuvent garder « not » plusieurs pas : leurs portes "
              "décident quoi conserver.",
    },
    "lesson.gradients.question": {
        "en": "A vanilla RNN reads a 500-word review. Compared with the last word, how much can the first word "
              "still change the gradient? A little less, ten times less, a million times less?",
        "fr": "Un RNN simple lit une critique de 500 mots. Par rapport au dernier mot, de combien le premier mot "
              "peut-il encore modifier le gradient ? Un peu moins, dix fois moins, un million de fois moins ?",
    },
    "lesson.gradients.answer": {
        "en": "Often a million times less or worse: the gradient is multiplied at every step by a factor that is "
              "usually below 1, like 0.99^1000 = 4.3e-5 in the course. The measured curves fall in a straight "
              "line on the log scale, which is what a product of factors does. The LSTM's cell state is an "
              "additive path, so its curve falls much more slowly.",
        "fr": "Souvent un million de fois moins, voire pire : le gradient est multiplié à chaque pas par un "
              "facteur en général inférieur à 1, comme 0,99^1000 = 4,3e-5 dans le cours. Les courbes mesurées "
              "descendent en ligne droite sur l'échelle logarithmique, ce que fait un produit de facteurs. L'état "
              "de cellule du LSTM est un chemin additif : sa courbe descend bien plus lentement.",
    },
    "lesson.train.question": {
        "en": "If you double the hidden size, will one epoch take twice as long? Will validation accuracy go up?",
        "fr": "Si vous doublez la taille cachée, une époque prendra-t-elle deux fois plus de temps ? La précision "
              "de validation va-t-elle monter ?",
    },
    "lesson.train.answer": {
        "en": "More than twice as long for large sizes: the recurrent matrix W_hh has hidden × hidden weights, "
              "computed at every step. Accuracy is not guaranteed to rise: on a small training set the bigger "
              "network fits the training reviews better and the gap between the train and validation curves "
              "widens (over-fitting). Try both with the same seed.",
        "fr": "Plus de deux fois plus long pour les grandes tailles : la matrice récurrente W_hh a caché × caché "
              "poids, calculés à chaque pas. La précision ne monte pas forcément : sur un petit jeu "
              "d'entraînement, le réseau plus grand colle mieux aux critiques d'entraînement et l'écart entre les "
              "courbes d'entraînement et de validation se creuse (sur-apprentissage). Essayez les deux avec la "
              "même graine.",
    },
    "lesson.predict.question": {
        "en": "Type “not good” and then “not bad”. Will every model get both right? Which word will each blame?",
        "fr": "Tapez « not good » puis « not bad ». Tous les modèles réussiront-ils les deux ? Quel mot chacun "
              "accusera-t-il ?",
    },
    "lesson.predict.answer": {
        "en": "Negation is hard: models trained on long reviews often get “not bad” wrong, because “bad” alone is "
              "a strong negative word and short texts are rare in IMDB. The word colours show which word pushed "
              "the decision: compare the models side by side.",
        "fr": "La négation est difficile : les modèles entraînés sur de longues critiques se trompent souvent sur "
              "« not bad », car « bad » seul est un mot très négatif et les textes courts sont rares dans IMDB. "
              "Les couleurs des mots montrent lequel a poussé la décision : comparez les modèles côte à côte.",
    },
}
