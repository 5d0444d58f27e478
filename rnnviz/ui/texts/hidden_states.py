"""Texts of the Hidden states page and of its charts (rnnviz.ui.probe_charts)."""

TEXTS = {
    "page.hidden_states": {"en": "Hidden states", "fr": "États cachés"},
    "home.page.hidden-states": {
        "en": "what the network remembers after each word: hidden states, LSTM/GRU gates, the prediction as it "
              "reads, single units, and the course's RNNCell, h_n and bidirectional lessons, live.",
        "fr": "ce que le réseau retient après chaque mot : états cachés, portes LSTM/GRU, prédiction au fil de la "
              "lecture, neurones isolés, et les leçons du cours (RNNCell, h_n, bidirectionnel), en direct.",
    },
    "probe.no_checkpoints": {
        "en": "No trained model is available yet. Train one (`python -m rnnviz train`) or put a `.safetensors` "
              "checkpoint in the folder named by `RNNVIZ_USER_CHECKPOINTS`, then reload this page.",
        "fr": "Aucun modèle entraîné n'est encore disponible. Entraînez-en un (`python -m rnnviz train`) ou placez un "
              "checkpoint `.safetensors` dans le dossier indiqué par `RNNVIZ_USER_CHECKPOINTS`, puis rechargez la "
              "page.",
    },
    "hs.title": {"en": "Hidden states: what the RNN remembers", "fr": "États cachés : ce dont le RNN se souvient"},
    "hs.intro": {
        "en": "A recurrent network reads a review one word at a time. After each word it updates its **hidden state** "
              "h_t, a vector of numbers (one per *unit*, i.e. per neuron) that summarises everything read so far: "
              "h_t = tanh(W_hh h_(t-1) + W_xh x_t + b). Type a review or pick an example, and watch that memory "
              "change word after word. The models read English reviews (IMDB).",
        "fr": "Un réseau récurrent lit une critique mot après mot. Après chaque mot il met à jour son **état caché** "
              "h_t, un vecteur de nombres (un par *unité*, c'est-à-dire par neurone) qui résume tout ce qui a été lu : "
              "h_t = tanh(W_hh h_(t-1) + W_xh x_t + b). Tapez une critique ou choisissez un exemple, et regardez "
              "cette mémoire évoluer mot après mot. Les modèles lisent des critiques en anglais (IMDB).",
    },
    "hs.checkpoints": {"en": "Models to compare", "fr": "Modèles à comparer"},
    "hs.example.negation": {"en": "Negation: “not bad at all”", "fr": "Négation : « not bad at all »"},
    "hs.example.but": {"en": "A review that turns with “but”", "fr": "Une critique qui bascule avec « but »"},
    "hs.example.long": {"en": "A long real IMDB review", "fr": "Une longue vraie critique IMDB"},
    "hs.example.sst": {"en": "A Treebank sentence (next)", "fr": "Une phrase du Treebank (suivante)"},
    "hs.treebank": {
        "en": "This sentence is in the Stanford Sentiment Treebank, where people labelled every phrase: the "
              "black diamonds are their label for the sentence cut after that word (0 % very negative, 50 % "
              "neutral, 100 % very positive), beside what each model says at the same point.",
        "fr": "Cette phrase est dans le Stanford Sentiment Treebank, où des gens ont étiqueté chaque morceau de "
              "phrase : les losanges noirs sont leur étiquette pour la phrase coupée après ce mot (0 % très "
              "négatif, 50 % neutre, 100 % très positif), à côté de ce que dit chaque modèle au même endroit.",
    },
    "hs.text": {"en": "Review (in English)", "fr": "Critique (en anglais)"},
    "hs.pick_one": {"en": "Pick at least one model above.", "fr": "Choisissez au moins un modèle ci-dessus."},
    "hs.empty": {
        "en": "The review is empty: type a few words, or click one of the examples.",
        "fr": "La critique est vide : tapez quelques mots, ou cliquez sur un des exemples.",
    },
    "hs.truncated": {
        "en": "{name} reads only the last {kept:,} of this text's {total:,} tokens (its maximum length, as in "
              "training): the charts show those.",
        "fr": "{name} ne lit que les {kept:,} derniers des {total:,} mots de ce texte (sa longueur maximale, comme à "
              "l'entraînement) : les graphiques montrent ceux-là.",
    },
    "hs.unknown_only": {
        "en": "None of these words is in the model's vocabulary: it sees only `<oov>` (unknown word) tokens, all "
              "turned into the same vector, so every word looks alike to it.",
        "fr": "Aucun de ces mots n'est dans le vocabulaire du modèle : il ne voit que des jetons `<oov>` (mot "
              "inconnu), tous changés en le même vecteur ; pour lui, tous ces mots se ressemblent.",
    },
    "hs.prob.header": {"en": "The prediction as it reads", "fr": "La prédiction au fil de la lecture"},
    "hs.prob.notice": {
        "en": "Each point is P(positive) if the review stopped at that word. Watch where the curves jump: "
              "“bad” pulls down, “not … at all” can pull back up, “but” often flips the verdict. Models that "
              "remember better (LSTM, GRU) react to words far back; a plain RNN mostly to the last few. (A "
              "bidirectional model's curve follows its forward reader: its backward reader has already read the whole "
              "review.)",
        "fr": "Chaque point est P(positif) si la critique s'arrêtait à ce mot. Regardez où les courbes sautent : "
              "« bad » fait baisser, « not … at all » peut faire remonter, « but » retourne souvent le verdict. Les "
              "modèles qui retiennent mieux (LSTM, GRU) réagissent à des mots lointains ; un RNN simple surtout aux "
              "derniers mots. (Pour un modèle bidirectionnel, la courbe suit son lecteur avant : le lecteur arrière a "
              "déjà lu toute la critique.)",
    },
    "hs.detail.header": {"en": "Inside one model", "fr": "À l'intérieur d'un modèle"},
    "hs.detail": {"en": "Model to look inside", "fr": "Modèle à examiner"},
    "hs.detail.caption": {
        "en": "{name}: {cell}, {units} units, {tokens} tokens read, final P(positive) = {prob:.2f}.",
        "fr": "{name} : {cell}, {units} unités, {tokens} mots lus, P(positif) finale = {prob:.2f}.",
    },
    "hs.heatmap.notice": {
        "en": "One row per unit, one column per word; blue = positive value, red = negative (tanh keeps them in "
              "[-1, 1]). Most units change little from word to word: the state is a memory. Columns that change "
              "colour mark the words the network found important. Hover a cell for its value.",
        "fr": "Une ligne par unité, une colonne par mot ; bleu = valeur positive, rouge = négative (tanh les garde "
              "dans [-1, 1]). La plupart des unités changent peu d'un mot à l'autre : l'état est une mémoire. Les "
              "colonnes qui changent de couleur marquent les mots que le réseau juge importants. Survolez une case "
              "pour sa valeur.",
    },
    "hs.trajectory.3d": {"en": "Show the path in 3-D", "fr": "Afficher le chemin en 3D"},
    "hs.trajectory.notice": {
        "en": "The hidden state has many dimensions; PCA (principal component analysis) flattens them onto the 2 "
              "(or 3) directions where the states spread most. Each point is h_t after a word, coloured by "
              "P(positive) then: the path shows the memory travelling towards the “positive” or “negative” region.",
        "fr": "L'état caché a beaucoup de dimensions ; l'ACP (analyse en composantes principales) les projette sur "
              "les 2 (ou 3) directions où les états s'étalent le plus. Chaque point est h_t après un mot, coloré par "
              "P(positif) à ce moment : le chemin montre la mémoire qui voyage vers la zone « positive » ou "
              "« négative ».",
    },
    "hs.gates.header": {"en": "The gates (LSTM and GRU)", "fr": "Les portes (LSTM et GRU)"},
    "hs.gates.none": {
        "en": "A plain RNN has no gates: pick an LSTM or a GRU model above to see them.",
        "fr": "Un RNN simple n'a pas de portes : choisissez un modèle LSTM ou GRU ci-dessus pour les voir.",
    },
    "hs.gates.notice.lstm": {
        "en": "Average over the units, after each word. A gate is a number between 0 (closed) and 1 (open): the "
              "forget gate f keeps the memory c when it is near 1, the input gate i lets the new candidate g in, "
              "the output gate o decides how much of the memory shows in h. Recomputed by hand from the weights; "
              "the result equals nn.LSTM's.",
        "fr": "Moyenne sur les unités, après chaque mot. Une porte est un nombre entre 0 (fermée) et 1 (ouverte) : "
              "la porte d'oubli f garde la mémoire c quand elle est proche de 1, la porte d'entrée i laisse entrer le "
              "candidat g, la porte de sortie o décide quelle part de la mémoire apparaît dans h. Recalculé à la main "
              "depuis les poids ; le résultat est égal à celui de nn.LSTM.",
    },
    "hs.gates.notice.gru": {
        "en": "Average over the units, after each word. A gate is a number between 0 (closed) and 1 (open): the "
              "update gate z near 1 keeps the old state, near 0 takes the candidate n; the reset gate r decides how "
              "much of the old state goes into that candidate. Recomputed by hand from the weights; the result "
              "equals nn.GRU's.",
        "fr": "Moyenne sur les unités, après chaque mot. Une porte est un nombre entre 0 (fermée) et 1 (ouverte) : "
              "la porte de mise à jour z proche de 1 garde l'ancien état, proche de 0 prend le candidat n ; la porte "
              "de réinitialisation r décide quelle part de l'ancien état entre dans ce candidat. Recalculé à la main "
              "depuis les poids ; le résultat est égal à celui de nn.GRU.",
    },
    "hs.gates.pick": {"en": "Gate, unit by unit", "fr": "Porte, unité par unité"},
    "hs.gates.direction": {
        "en": "Direction (a bidirectional model has one set of gates per direction)",
        "fr": "Direction (un modèle bidirectionnel a un jeu de portes par direction)",
    },
    "hs.gates.direction.forward": {"en": "forward: reads from the first word", "fr": "avant : lit depuis le premier mot"},
    "hs.gates.direction.backward": {
        "en": "backward: reads from the last word (shown in reading order)",
        "fr": "arrière : lit depuis le dernier mot (affiché dans l'ordre de lecture)",
    },
    "probe.gate.i": {"en": "i: input gate", "fr": "i : porte d'entrée"},
    "probe.gate.f": {"en": "f: forget gate", "fr": "f : porte d'oubli"},
    "probe.gate.g": {"en": "g: candidate", "fr": "g : candidat"},
    "probe.gate.o": {"en": "o: output gate", "fr": "o : porte de sortie"},
    "probe.gate.c": {"en": "c: cell state (memory)", "fr": "c : état de cellule (mémoire)"},
    "probe.gate.r": {"en": "r: reset gate", "fr": "r : porte de réinitialisation"},
    "probe.gate.z": {"en": "z: update gate", "fr": "z : porte de mise à jour"},
    "probe.gate.n": {"en": "n: candidate", "fr": "n : candidat"},
    "hs.units.header": {"en": "One unit at a time", "fr": "Une unité à la fois"},
    "hs.units.unit": {"en": "Unit", "fr": "Unité"},
    "hs.units.word": {"en": "Word", "fr": "Mot"},
    "hs.units.title": {"en": "The review coloured by unit {unit}", "fr": "La critique colorée par l'unité {unit}"},
    "hs.units.notice": {
        "en": "Each word is coloured by the chosen unit's value right after reading it (the selected word is in "
              "bold). Try several units: some stay on after a negation, some follow the sentiment, many look like "
              "noise. (For a bidirectional model, f = forward units, b = backward units.)",
        "fr": "Chaque mot est coloré par la valeur de l'unité choisie juste après sa lecture (le mot sélectionné est "
              "en gras). Essayez plusieurs unités : certaines restent allumées après une négation, d'autres suivent "
              "le sentiment, beaucoup ressemblent à du bruit. (Pour un modèle bidirectionnel, f = unités avant, "
              "b = unités arrière.)",
    },
    "hs.reaction.notice": {
        "en": "The 10 units that moved most when the network read this word: bars = change Δh = h_t − h_(t−1), "
              "diamonds = the value reached. Pick the word where the prediction turns (chosen by default) to find "
              "the units behind the turn.",
        "fr": "Les 10 unités qui ont le plus bougé quand le réseau a lu ce mot : barres = variation Δh = h_t − "
              "h_(t−1), losanges = la valeur atteinte. Choisissez le mot où la prédiction bascule (choisi par défaut) "
              "pour trouver les unités responsables.",
    },
    "hs.lessons.header": {"en": "The course's lessons, live", "fr": "Les leçons du cours, en direct"},
    "hs.loop.header": {"en": "RNNCell in a loop = nn.RNN", "fr": "RNNCell dans une boucle = nn.RNN"},
    "hs.loop.notice": {
        "en": "On the review's first {steps} words, the course's formula written by hand, `nn.RNNCell` in a for loop "
              "and `nn.RNN` in one call give the same states: every point sits on the diagonal. Largest difference: by hand {hand:.1e}, RNNCell "
              "{cell:.1e} (rounding only); and out[:, -1] vs h_n: {h_n:.1e}.",
        "fr": "Sur les {steps} premiers mots de la critique, la formule du cours écrite à la main, `nn.RNNCell` dans "
              "une boucle for et `nn.RNN` en un appel donnent les mêmes états : tous les points sont sur la diagonale. Plus grand écart : à la main {hand:.1e}, "
              "RNNCell {cell:.1e} (arrondis seulement) ; et out[:, -1] contre h_n : {h_n:.1e}.",
    },
    "hs.loop.not_own": {
        "en": "This model is not a one-layer plain RNN, so the lesson uses a fresh `nn.RNN` of the same sizes on "
              "this review's word vectors.",
        "fr": "Ce modèle n'est pas un RNN simple à une couche : la leçon utilise un `nn.RNN` neuf de mêmes tailles sur "
              "les vecteurs des mots de cette critique.",
    },
    "hs.last.header": {"en": "The last relevant hidden state", "fr": "Le dernier état caché pertinent"},
    "hs.last.notice": {
        "en": "A batch of this review and two shorter pieces of it, padded at the end. `out[:, -1]` is the state "
              "after the *padding*: it drifts away from the state the network had at the real last word (red bars). "
              "Gathering each row at `lengths - 1` (the course's gather_last_relevant_hidden) gives exactly that "
              "state (green bars at 0). Without padding, `out[:, -1]` equals `h_n` (difference {h_n:.1e}).",
        "fr": "Un batch de cette critique et de deux morceaux plus courts, complétés à la fin. `out[:, -1]` est "
              "l'état après le *padding* : il s'éloigne de l'état qu'avait le réseau au vrai dernier mot (barres "
              "rouges). Prendre chaque ligne à `lengths - 1` (le gather_last_relevant_hidden du cours) donne "
              "exactement cet état (barres vertes à 0). Sans padding, `out[:, -1]` est égal à `h_n` (écart "
              "{h_n:.1e}).",
    },
    "hs.last.probs": {
        "en": "For the shortest piece: P(positive) read from `out[:, -1]` = {wrong:.3f}, from the right state = "
              "{right:.3f}.",
        "fr": "Pour le morceau le plus court : P(positif) lue sur `out[:, -1]` = {wrong:.3f}, sur le bon état = "
              "{right:.3f}.",
    },
    "hs.halves.header": {"en": "Bidirectional: two readers", "fr": "Bidirectionnel : deux lecteurs"},
    "hs.halves.notice.bi": {
        "en": "A bidirectional RNN reads the review forwards and backwards: `out` is {width} wide (both halves side "
              "by side) and `h_n` holds one final state per direction {shape}. The output layer adds what each half "
              "contributes (its weights × its features): the taller bar carries the decision.",
        "fr": "Un RNN bidirectionnel lit la critique dans les deux sens : `out` a une largeur de {width} (les deux "
              "moitiés côte à côte) et `h_n` garde un état final par direction {shape}. La couche de sortie additionne "
              "ce qu'apporte chaque moitié (ses poids × ses valeurs) : la barre la plus haute porte la décision.",
    },
    "hs.halves.notice.uni": {
        "en": "This model reads in one direction only (`out` is {width} wide, `h_n` per layer {shape}), so the "
              "forward half carries the whole decision. Pick a bidirectional model to compare the two readers.",
        "fr": "Ce modèle ne lit que dans un sens (`out` a une largeur de {width}, `h_n` par couche {shape}) : la "
              "moitié avant porte toute la décision. Choisissez un modèle bidirectionnel pour comparer les deux "
              "lecteurs.",
    },
    "hs.shapes.header": {"en": "Four task shapes, one network", "fr": "Quatre formes de tâches, un seul réseau"},
    "hs.shapes.notice": {
        "en": "The same recurrent states serve four kinds of task; what changes is which inputs are fed (green) and "
              "where outputs are read (coloured by P(positive)). Sentiment analysis is many-to-one: every word in, "
              "one answer at the end.",
        "fr": "Les mêmes états récurrents servent quatre sortes de tâches ; ce qui change, ce sont les entrées "
              "fournies (en vert) et l'endroit où on lit les sorties (colorées par P(positif)). L'analyse de "
              "sentiment est many-to-one : tous les mots en entrée, une seule réponse à la fin.",
    },
    # ---------------------------------------------------------------- charts
    "probe.axis.token": {"en": "Word read (position: word)", "fr": "Mot lu (position : mot)"},
    "probe.axis.unit": {"en": "Unit", "fr": "Unité"},
    "probe.axis.prob": {"en": "P(positive)", "fr": "P(positif)"},
    "probe.axis.step": {"en": "Time step t", "fr": "Pas de temps t"},
    "probe.axis.gate_mean": {"en": "Mean over the units", "fr": "Moyenne sur les unités"},
    "probe.value": {"en": "Value", "fr": "Valeur"},
    "probe.heatmap.title": {"en": "Hidden state h_t after each word", "fr": "État caché h_t après chaque mot"},
    "probe.trajectory.title": {"en": "The path of h_t (PCA)", "fr": "Le chemin de h_t (ACP)"},
    "probe.trajectory.path": {"en": "h_t, word after word", "fr": "h_t, mot après mot"},
    "probe.prob.title": {"en": "P(positive) after each word", "fr": "P(positif) après chaque mot"},
    "probe.prob.treebank": {"en": "the Treebank's label", "fr": "l'étiquette du Treebank"},
    "probe.treebank.0": {"en": "Treebank: very negative", "fr": "Treebank : très négatif"},
    "probe.treebank.1": {"en": "Treebank: negative", "fr": "Treebank : négatif"},
    "probe.treebank.2": {"en": "Treebank: neutral", "fr": "Treebank : neutre"},
    "probe.treebank.3": {"en": "Treebank: positive", "fr": "Treebank : positif"},
    "probe.treebank.4": {"en": "Treebank: very positive", "fr": "Treebank : très positif"},
    "probe.gates.title": {"en": "Gates, mean over the units", "fr": "Portes, moyenne sur les unités"},
    "probe.loop.title": {"en": "Three ways to compute h_t", "fr": "Trois façons de calculer h_t"},
    "probe.loop.hand": {"en": "formula by hand", "fr": "formule à la main"},
    "probe.loop.cell": {"en": "nn.RNNCell loop", "fr": "boucle nn.RNNCell"},
    "probe.loop.x": {"en": "h_t from nn.RNN", "fr": "h_t par nn.RNN"},
    "probe.loop.y": {"en": "h_t from the loop", "fr": "h_t par la boucle"},
    "probe.last.title": {"en": "Distance to the right state", "fr": "Distance au bon état"},
    "probe.last.row": {"en": "row {row} ({length} words)", "fr": "ligne {row} ({length} mots)"},
    "probe.last.gathered": {"en": "gathered at lengths - 1", "fr": "pris à lengths - 1"},
    "probe.last.x": {"en": "Row of the padded batch", "fr": "Ligne du batch complété"},
    "probe.last.y": {"en": "Largest |difference| with the row read alone",
                     "fr": "Plus grand |écart| avec la ligne lue seule"},
    "probe.halves.title": {"en": "Who decides: the logit, split", "fr": "Qui décide : le logit, décomposé"},
    "probe.halves.forward": {"en": "forward half", "fr": "moitié avant"},
    "probe.halves.backward": {"en": "backward half", "fr": "moitié arrière"},
    "probe.halves.bias": {"en": "bias", "fr": "biais"},
    "probe.halves.total": {"en": "logit (sum)", "fr": "logit (somme)"},
    "probe.halves.contribution": {"en": "contribution to the logit (> 0: positive)",
                                  "fr": "contribution au logit (> 0 : positif)"},
    "probe.halves.y": {"en": "Contribution to the logit", "fr": "Contribution au logit"},
    "probe.shapes.title": {"en": "The four task shapes on this review", "fr": "Les quatre formes de tâches sur cette critique"},
    "probe.shape.one_to_one": {"en": "one-to-one", "fr": "one-to-one (un vers un)"},
    "probe.shape.one_to_many": {"en": "one-to-many", "fr": "one-to-many (un vers plusieurs)"},
    "probe.shape.many_to_one": {"en": "many-to-one", "fr": "many-to-one (plusieurs vers un)"},
    "probe.shape.many_to_many": {"en": "many-to-many", "fr": "many-to-many (plusieurs vers plusieurs)"},
    "probe.shape.input": {"en": "input x_t fed (grey: padding)", "fr": "entrée x_t fournie (gris : padding)"},
    "probe.shape.hidden": {"en": "hidden state h_t", "fr": "état caché h_t"},
    "probe.shape.output": {"en": "output read: P(positive)", "fr": "sortie lue : P(positif)"},
    "probe.words.x": {"en": "The review, left to right", "fr": "La critique, de gauche à droite"},
    "probe.words.y": {"en": "Line", "fr": "Ligne"},
    "probe.reaction.title": {"en": "Units that react most to “{word}”",
                             "fr": "Les unités qui réagissent le plus à « {word} »"},
    "probe.halves.x": {"en": "Part of the network", "fr": "Partie du réseau"},
    "probe.shapes.y": {"en": "Inputs x_t, states h_t, outputs y_t", "fr": "Entrées x_t, états h_t, sorties y_t"},
}
