"""Texts of the Training page."""

TEXTS = {
    "train.inputs": {"en": "The network, how it learns, its data (open to change them)", "fr": "Le réseau, son apprentissage, ses données (ouvrir pour les changer)"},
    "page.train": {"en": "Training", "fr": "Entraînement"},
    "home.page.train": {
        "en": "train your own network (cell, sizes, optimizer, epochs…) and watch its loss and accuracy move, "
              "batch after batch.",
        "fr": "entraînez votre propre réseau (cellule, tailles, optimiseur, époques…) et regardez sa perte et sa "
              "précision évoluer, lot après lot.",
    },
    "train.title": {"en": "Training: your own network", "fr": "Entraînement : votre propre réseau"},
    "train.intro": {
        "en": "Choose a network and how to train it, then press **Start**. Training runs on the server in the "
              "background: you may visit other pages and come back. 10 % of the training reviews are held out "
              "(**validation**) to pick the best epoch; the final **test** accuracy is measured on reviews never "
              "seen during training.",
        "fr": "Choisissez un réseau et sa façon d'apprendre, puis cliquez sur **Démarrer**. L'entraînement tourne sur "
              "le serveur en arrière-plan : vous pouvez visiter d'autres pages et revenir. 10 % des critiques "
              "d'entraînement sont mises de côté (**validation**) pour choisir la meilleure époque ; la précision "
              "finale en **test** est mesurée sur des critiques jamais vues pendant l'entraînement.",
    },
    "train.network": {"en": "The network", "fr": "Le réseau"},
    "train.data_kind": {"en": "Learn from", "fr": "Apprendre sur"},
    "train.data_kind.imdb": {"en": "IMDB reviews", "fr": "Critiques IMDB"},
    "train.data_kind.sst": {"en": "SST phrases", "fr": "Phrases SST"},
    "train.data_kind.both": {"en": "both", "fr": "les deux"},
    "train.data_kind.help": {
        "en": "IMDB: 25,000 long movie reviews, one label (positive or negative) per review. SST (Stanford "
              "Sentiment Treebank): short sentences from reviews where every phrase has its own label, so "
              "\"bad\" is negative and \"not bad\" positive: this teaches what each word does to the next.",
        "fr": "IMDB : 25 000 longues critiques de films, une étiquette (positive ou négative) par critique. SST "
              "(Stanford Sentiment Treebank) : des phrases courtes de critiques où chaque morceau de phrase a sa "
              "propre étiquette, « bad » négatif et « not bad » positif : cela apprend ce que chaque mot fait au "
              "suivant.",
    },
    "train.composed": {"en": "Add {count:,} composed sentences", "fr": "Ajouter {count:,} phrases composées"},
    "train.composed.help": {
        "en": "Short sentences written by grammar rules (negation, \"but\", \"hardly\", the verdict that comes "
              "last...), each with the label the rule gives: more examples of what word order does.",
        "fr": "Des phrases courtes écrites par des règles de grammaire (négation, « but », « hardly », le verdict "
              "qui vient en dernier…), chacune avec l'étiquette que donne la règle : plus d'exemples de ce que "
              "fait l'ordre des mots.",
    },
    "train.learning": {"en": "The learning", "fr": "L'apprentissage"},
    "train.data": {"en": "The data", "fr": "Les données"},
    "train.cell": {"en": "Cell", "fr": "Cellule"},
    "train.cell.help": {
        "en": "rnn: the simple recurrent cell (forgets fast); lstm and gru: cells with gates that decide what to "
              "keep, so they remember longer.",
        "fr": "rnn : la cellule récurrente simple (oublie vite) ; lstm et gru : des cellules à portes qui décident "
              "quoi garder, elles se souviennent plus longtemps.",
    },
    "train.bidirectional": {"en": "Bidirectional", "fr": "Bidirectionnel"},
    "train.bidirectional.help": {
        "en": "A second RNN reads the review backwards; both readings are joined.",
        "fr": "Un second RNN lit la critique à l'envers ; les deux lectures sont réunies.",
    },
    "train.layers": {"en": "Stacked layers", "fr": "Couches empilées"},
    "train.embedding_dim": {"en": "Embedding size", "fr": "Taille du plongement (embedding)"},
    "train.embedding_dim.help": {
        "en": "How many numbers describe each word.", "fr": "Combien de nombres décrivent chaque mot.",
    },
    "train.hidden_size": {"en": "Hidden size", "fr": "Taille de l'état caché"},
    "train.hidden_size.help": {
        "en": "How many numbers the network's memory holds after each word.",
        "fr": "Combien de nombres la mémoire du réseau contient après chaque mot.",
    },
    "train.max_len": {"en": "maxlen (tokens read per review)", "fr": "maxlen (tokens lus par critique)"},
    "train.max_len.help": {
        "en": "Longer reviews keep their last maxlen tokens.",
        "fr": "Les critiques plus longues gardent leurs maxlen derniers tokens.",
    },
    "train.vocab_size": {"en": "Vocabulary size", "fr": "Taille du vocabulaire"},
    "train.vocab_size.help": {
        "en": "The most frequent words get an id; every other word becomes <oov> (unknown).",
        "fr": "Les mots les plus fréquents reçoivent un indice ; tous les autres deviennent <oov> (inconnu).",
    },
    "train.dropout": {"en": "Dropout", "fr": "Dropout"},
    "train.dropout.help": {
        "en": "Share of values randomly set to zero during training, against over-fitting (learning the training "
              "reviews by heart).",
        "fr": "Part des valeurs mises à zéro au hasard pendant l'entraînement, contre le sur-apprentissage "
              "(apprendre les critiques d'entraînement par cœur).",
    },
    "train.optimizer": {"en": "Optimizer", "fr": "Optimiseur"},
    "train.lr": {"en": "Learning rate", "fr": "Taux d'apprentissage"},
    "train.lr.help": {
        "en": "Size of each step down the loss. Too small: slow; too large: the loss jumps around or explodes.",
        "fr": "Taille de chaque pas de descente de la perte. Trop petit : lent ; trop grand : la perte saute ou "
              "explose.",
    },
    "train.batch_size": {"en": "Batch size", "fr": "Taille de lot (batch)"},
    "train.epochs": {"en": "Epochs", "fr": "Époques"},
    "train.epochs.help": {
        "en": "One epoch = one pass over every training review.",
        "fr": "Une époque = un passage sur toutes les critiques d'entraînement.",
    },
    "train.train_size": {"en": "Training reviews", "fr": "Critiques d'entraînement"},
    "train.seed": {"en": "Seed", "fr": "Graine (seed)"},
    "train.seed.help": {
        "en": "Fixes every random choice: the same settings and seed replay the same curves.",
        "fr": "Fixe tous les tirages au hasard : mêmes réglages et même graine, mêmes courbes.",
    },
    "train.embedding_from": {"en": "Start the embedding from", "fr": "Partir du plongement de"},
    "train.embedding_from.none": {"en": "random (learn from scratch)", "fr": "aléatoire (apprendre de zéro)"},
    "train.embedding_from.help": {
        "en": "Random vectors; word vectors computed from the training reviews themselves (which words appear "
              "near which, no labels needed: the course's pretrained embedding, made here); or a trained model's "
              "word vectors: the new model then uses that model's vocabulary and embedding size (the two settings "
              "above are ignored).",
        "fr": "Des vecteurs aléatoires ; des vecteurs de mots calculés à partir des critiques d'entraînement "
              "elles-mêmes (quels mots apparaissent près de quels autres, sans étiquettes : le plongement "
              "pré-entraîné du cours, fabriqué ici) ; ou les vecteurs d'un modèle entraîné : le nouveau modèle prend "
              "alors le vocabulaire et la taille de plongement de ce modèle (les deux réglages ci-dessus sont "
              "ignorés).",
    },
    "train.embedding_from.cooccurrence": {
        "en": "word vectors of these reviews (no labels)",
        "fr": "vecteurs de mots de ces critiques (sans étiquettes)",
    },
    "train.cooccurrence_note": {
        "en": "Before training, each word gets a vector from the words around it in the training reviews "
              "({window} on each side), counted without looking at any label: words used alike start close "
              "(\"great\" near \"excellent\"). This is how the shipped models start (about +1.5 points of test "
              "accuracy on the full IMDB).",
        "fr": "Avant l'entraînement, chaque mot reçoit un vecteur tiré des mots qui l'entourent dans les critiques "
              "d'entraînement ({window} de chaque côté), comptés sans regarder aucune étiquette : les mots employés "
              "de la même façon partent proches (« great » près de « excellent »). C'est ainsi que partent les "
              "modèles livrés (environ +1,5 point de précision en test sur l'IMDB complet).",
    },
    "train.phase.word_vectors": {"en": "Computing word vectors from the reviews…",
                                 "fr": "Calcul des vecteurs de mots à partir des critiques…"},
    "train.freeze": {"en": "Freeze the embedding", "fr": "Geler le plongement"},
    "train.freeze.help": {
        "en": "Frozen: the word vectors do not change during training (fewer weights to learn).",
        "fr": "Gelé : les vecteurs de mots ne changent pas pendant l'entraînement (moins de poids à apprendre).",
    },
    "train.embedding_note": {
        "en": "Embedding from **{name}**: vocabulary {vocab:,} words, {dim} numbers per word.",
        "fr": "Plongement de **{name}** : vocabulaire de {vocab:,} mots, {dim} nombres par mot.",
    },
    "train.name": {"en": "Name of the new model", "fr": "Nom du nouveau modèle"},
    "train.estimate": {
        "en": "Estimated time: **{time}** ({speed:,.0f} reviews/s measured just now for this network, "
              "{params:,} weights). Other trainings running at the same time slow it down.",
        "fr": "Durée estimée : **{time}** ({speed:,.0f} critiques/s mesurées à l'instant pour ce réseau, "
              "{params:,} poids). D'autres entraînements en même temps le ralentissent.",
    },
    "train.too_long": {
        "en": "That would take more than {minutes} minutes: use fewer reviews, epochs or a smaller network.",
        "fr": "Cela prendrait plus de {minutes} minutes : prenez moins de critiques, d'époques ou un réseau plus "
              "petit.",
    },
    "train.weights.notice": {
        "en": "Each word of the vocabulary has its own vector: the embedding usually holds most of the weights. The "
              "recurrent layer reuses the same weights at every word, whatever the review's length. The code on the "
              "right replays this very run (same settings and seed, same curves).",
        "fr": "Chaque mot du vocabulaire a son propre vecteur : le plongement contient souvent l'essentiel des poids. "
              "La couche récurrente réutilise les mêmes poids à chaque mot, quelle que soit la longueur de la "
              "critique. Le code à droite rejoue exactement cet entraînement (mêmes réglages et graine, mêmes "
              "courbes).",
    },
    "train.invalid": {"en": "These settings are not valid: {error}", "fr": "Ces réglages ne sont pas valides : {error}"},
    "train.settings.header": {"en": "Choose the network and its data", "fr": "Choisir le réseau et ses données"},
    "train.watch.header": {"en": "Watch it learn", "fr": "Le regarder apprendre"},
    "train.watch.none": {
        "en": "No training yet in this session: choose the settings in section 1 and press Start.",
        "fr": "Pas encore d'entraînement dans cette session : choisissez les réglages de la partie 1 et "
              "appuyez sur Démarrer.",
    },
    "train.start": {"en": "Start training", "fr": "Démarrer l'entraînement"},
    "train.stop": {"en": "Stop (keep the best epoch)", "fr": "Arrêter (garder la meilleure époque)"},
    "train.busy": {
        "en": "You already have a training running; stop it or wait for its end.",
        "fr": "Vous avez déjà un entraînement en cours ; arrêtez-le ou attendez sa fin.",
    },
    "train.queue_full": {"en": "The server is busy: {error}", "fr": "Le serveur est occupé : {error}"},
    "train.queued": {
        "en": "Waiting for a free slot: position {position} in the queue ({running} training(s) running, at most "
              "{max_running} at once).",
        "fr": "En attente d'une place libre : position {position} dans la file ({running} entraînement(s) en "
              "cours, {max_running} au plus en même temps).",
    },
    "train.phase.tokenizing": {"en": "Turning the reviews into ids…", "fr": "Conversion des critiques en indices…"},
    "train.phase.training": {"en": "Training", "fr": "Entraînement"},
    "train.phase.testing": {"en": "Measuring the test accuracy…", "fr": "Mesure de la précision en test…"},
    "train.phase.saving": {"en": "Saving the model…", "fr": "Enregistrement du modèle…"},
    "train.progress": {
        "en": "Epoch {epoch}/{epochs}, batch {batch}/{batches} — loss {loss:.3f}, accuracy {accuracy:.1%}, "
              "{speed:,.0f} reviews/s, {elapsed:.0f} s",
        "fr": "Époque {epoch}/{epochs}, lot {batch}/{batches} — perte {loss:.3f}, précision {accuracy:.1%}, "
              "{speed:,.0f} critiques/s, {elapsed:.0f} s",
    },
    "train.done": {
        "en": "Done: **{name}** is saved (test accuracy {accuracy}, best epoch {epoch}). It is now on the "
              "Prediction and Models pages.",
        "fr": "Terminé : **{name}** est enregistré (précision en test {accuracy}, meilleure époque {epoch}). Il est "
              "maintenant sur les pages Prédiction et Modèles.",
    },
    "train.stopped": {
        "en": "Stopped. The best finished epoch was kept and saved as **{name}** (test accuracy {accuracy}).",
        "fr": "Arrêté. La meilleure époque terminée a été gardée et enregistrée sous **{name}** (précision en test "
              "{accuracy}).",
    },
    "train.stopped_partial": {
        "en": "Stopped before the end of the first epoch: nothing was saved.",
        "fr": "Arrêté avant la fin de la première époque : rien n'a été enregistré.",
    },
    "train.stopped_queued": {"en": "Cancelled before it started.", "fr": "Annulé avant d'avoir commencé."},
    "train.expired": {
        "en": "Stopped because this page was not open for a long time (so that a closed tab never keeps the server "
              "busy).",
        "fr": "Arrêté car cette page n'était plus ouverte depuis longtemps (pour qu'un onglet fermé n'occupe jamais "
              "le serveur).",
    },
    "train.failed": {"en": "Training failed: {error}", "fr": "L'entraînement a échoué : {error}"},
    "train.probe": {"en": "A review to follow while the model learns", "fr": "Une critique à suivre pendant l'apprentissage"},
    "train.probe.help": {
        "en": "After each epoch the model reads it (with three others) and its P(positive) is drawn below, live.",
        "fr": "Après chaque époque le modèle la lit (avec trois autres) et sa P(positif) est tracée plus bas, en direct.",
    },
    "train.live.header": {"en": "What the model has learned so far (epoch {epoch})",
                          "fr": "Ce que le modèle a appris jusqu'ici (époque {epoch})"},
    "train.live.probes": {"en": "P(positive) of your review (and three others) after each epoch",
                          "fr": "P(positif) de votre critique (et de trois autres) après chaque époque"},
    "train.live.probes.notice": {
        "en": "Epoch 0 is before the first step: a random model says about 0.5 to everything. Above the dotted "
              "line the model calls the review positive.",
        "fr": "L'époque 0 est avant le premier pas : un modèle aléatoire répond environ 0,5 à tout. Au-dessus des "
              "pointillés, le modèle juge la critique positive.",
    },
    "train.live.map.notice": {
        "en": "The 300 most frequent words, on the PCA axes of the latest epoch; the slider goes back to earlier "
              "epochs. The finished model keeps these snapshots: the Embeddings page replays them.",
        "fr": "Les 300 mots les plus fréquents, sur les axes de l'ACP de la dernière époque ; le curseur revient "
              "aux époques précédentes. Le modèle fini garde ces photos : la page Embeddings les rejoue.",
    },
    "train.curves.notice": {
        "en": "Thin lines: the running mean over the epoch so far, on the training reviews. Dots: the validation "
              "reviews, after each epoch. When training keeps improving but validation stops, the network is "
              "learning the training reviews by heart (over-fitting).",
        "fr": "Traits fins : la moyenne depuis le début de l'époque, sur les critiques d'entraînement. Points : les "
              "critiques de validation, après chaque époque. Quand l'entraînement progresse encore mais plus la "
              "validation, le réseau apprend les critiques d'entraînement par cœur (sur-apprentissage).",
    },
    # ---------------------------------------------------------------- charts (shared with the Models page)
    "chart.curves.title": {"en": "Learning curves", "fr": "Courbes d'apprentissage"},
    "chart.curves.loss": {"en": "Loss (lower is better)", "fr": "Perte (plus bas = mieux)"},
    "chart.curves.accuracy": {"en": "Accuracy", "fr": "Précision"},
    "chart.curves.x": {"en": "Epoch", "fr": "Époque"},
    "chart.curves.train": {"en": "training", "fr": "entraînement"},
    "chart.curves.val": {"en": "validation", "fr": "validation"},
    "chart.weights.title": {
        "en": "Where the {total} weights of this network are", "fr": "Où sont les {total} poids de ce réseau",
    },
    "chart.weights.embedding": {"en": "embedding (a vector per word)", "fr": "plongement (un vecteur par mot)"},
    "chart.weights.recurrent": {"en": "recurrent layer(s)", "fr": "couche(s) récurrente(s)"},
    "chart.weights.output": {"en": "output layer", "fr": "couche de sortie"},
    "chart.weights.x": {"en": "Number of weights", "fr": "Nombre de poids"},
    "chart.weights.y": {"en": "Part of the network", "fr": "Partie du réseau"},
    "chart.weights.legend": {"en": "weights to learn", "fr": "poids à apprendre"},
}
