"""Texts of the Gradients page (vanishing and exploding gradients) and its charts."""

TEXTS = {
    "gradients.inputs": {"en": "The review, or random words (open to change it)", "fr": "La critique, ou des mots au hasard (ouvrir pour la changer)"},
    # ---------------------------------------------------------------- navigation
    "page.gradients": {"en": "Vanishing gradients", "fr": "Gradients qui s'évanouissent"},
    "home.page.gradients": {
        "en": "why a vanilla RNN forgets: the product of many factors, the spectral radius, the gradient measured "
              "step by step in RNN, LSTM and GRU, and which words matter for a prediction.",
        "fr": "pourquoi un RNN simple oublie : le produit de nombreux facteurs, le rayon spectral, le gradient mesuré "
              "pas à pas dans un RNN, un LSTM et un GRU, et les mots qui comptent pour une prédiction.",
    },
    # ---------------------------------------------------------------- page
    "gradients.title": {"en": "Vanishing and exploding gradients", "fr": "Gradients qui s'évanouissent ou explosent"},
    "gradients.intro": {
        "en": "To learn, a network follows the **gradient**: how much the error would change if a number changed. "
              "In an RNN, the gradient of the last step must travel back through every earlier step, and is "
              "multiplied by one factor per step (back-propagation through time). Many factors a little below 1 "
              "make it **vanish**, a little above 1 make it **explode**: the RNN cannot learn from words far back.",
        "fr": "Pour apprendre, un réseau suit le **gradient** : de combien l'erreur changerait si un nombre changeait. "
              "Dans un RNN, le gradient du dernier pas doit remonter tous les pas précédents, et il est multiplié par "
              "un facteur à chaque pas (rétropropagation à travers le temps). Beaucoup de facteurs un peu inférieurs "
              "à 1 le font **s'évanouir**, un peu supérieurs à 1 le font **exploser** : le RNN ne peut plus apprendre "
              "des mots lointains.",
    },
    # theory
    "gradients.theory": {"en": "The product of many factors", "fr": "Le produit de nombreux facteurs"},
    "gradients.factor": {"en": "Factor per step", "fr": "Facteur par pas"},
    "gradients.factor.help": {
        "en": "The number the gradient is multiplied by at each step going back in time.",
        "fr": "Le nombre par lequel le gradient est multiplié à chaque pas en remontant le temps.",
    },
    "gradients.theory.notice": {
        "en": "**What to notice:** the course's numbers: 1.01^1000 = 20,959 and 0.99^1000 = 4.31e-5. A factor "
              "barely different from 1 changes the result by millions after 1,000 steps. Here {factor:.3f}^1000 = "
              "{value}. The scale is logarithmic: each grid line is ×10.",
        "fr": "**À remarquer :** les nombres du cours : 1,01^1000 = 20 959 et 0,99^1000 = 4,31e-5. Un facteur à peine "
              "différent de 1 change le résultat d'un facteur de plusieurs millions après 1 000 pas. Ici "
              "{factor:.3f}^1000 = {value}. L'échelle est logarithmique : chaque graduation vaut ×10.",
    },
    # spectral lab
    "gradients.spectral": {"en": "The spectral radius lab", "fr": "Le labo du rayon spectral"},
    "gradients.spectral.intro": {
        "en": "In an RNN the factor is a matrix: h_t = tanh(W_hh h_(t-1) + W_ih x_t). Its **spectral radius** ρ "
              "(the largest |eigenvalue| of W_hh) says how much W_hh stretches a vector in the long run. Here a "
              "random W_hh (64 × 64) is scaled to the chosen ρ, and the gradient of ||h_T|| is measured over "
              "1,000 random inputs, in float32 like real training.",
        "fr": "Dans un RNN, le facteur est une matrice : h_t = tanh(W_hh h_(t-1) + W_ih x_t). Son **rayon spectral** ρ "
              "(la plus grande |valeur propre| de W_hh) dit de combien W_hh étire un vecteur à long terme. Ici une "
              "matrice W_hh aléatoire (64 × 64) est mise à l'échelle du ρ choisi, et le gradient de ||h_T|| est "
              "mesuré sur 1 000 entrées aléatoires, en float32 comme dans un vrai entraînement.",
    },
    "gradients.radius": {"en": "Spectral radius ρ of W_hh", "fr": "Rayon spectral ρ de W_hh"},
    "gradients.radius.help": {
        "en": "The largest absolute eigenvalue of the recurrent matrix. Below 1 the gradient vanishes; above 1 it "
              "can explode.",
        "fr": "La plus grande valeur propre (en valeur absolue) de la matrice récurrente. En dessous de 1 le "
              "gradient s'évanouit ; au-dessus de 1 il peut exploser.",
    },
    "gradients.activation": {"en": "Activation", "fr": "Activation"},
    "gradients.activation.linear": {"en": "none (linear)", "fr": "aucune (linéaire)"},
    "gradients.activation.rnn": {"en": "tanh (nn.RNN)", "fr": "tanh (nn.RNN)"},
    "gradients.input_scale": {"en": "Input strength", "fr": "Intensité des entrées"},
    "gradients.input_scale.help": {
        "en": "How large the random inputs x_t are. Strong inputs push tanh towards ±1, where its slope is almost "
              "0: the gradient then vanishes even when ρ > 1. (No effect without activation.)",
        "fr": "La taille des entrées aléatoires x_t. Des entrées fortes poussent tanh vers ±1, où sa pente est "
              "presque nulle : le gradient s'évanouit alors même si ρ > 1. (Sans effet sans activation.)",
    },
    "gradients.spectral.notice": {
        "en": "**What to notice:** without activation the measured curve follows ρ^k (dashed): ρ < 1 vanishes, "
              "ρ > 1 explodes, ρ = 1 is the knife's edge. With tanh, saturation (slope < 1) pulls it down.",
        "fr": "**À remarquer :** sans activation, la courbe mesurée suit ρ^k (tirets) : ρ < 1 s'évanouit, ρ > 1 "
              "explose, ρ = 1 est sur le fil du rasoir. Avec tanh, la saturation (pente < 1) la tire vers le bas.",
    },
    "gradients.note.overflow": {
        "en": "**Overflow:** from {step} steps back, the float32 gradient is inf or nan (above 3.4e38): training "
              "would crash or produce nan weights. Gradient clipping exists for this.",
        "fr": "**Dépassement :** à partir de {step} pas en arrière, le gradient float32 vaut inf ou nan (au-delà de "
              "3,4e38) : l'entraînement planterait ou produirait des poids nan. Le « gradient clipping » existe pour "
              "cela.",
    },
    "gradients.note.underflow": {
        "en": "**Underflow:** from {eps_step} steps back the gradient is below float32 precision relative to the "
              "last step (× 1.2e-7), and from {step} steps back it is exactly 0: those words teach the network "
              "nothing.",
        "fr": "**Sous-dépassement :** à partir de {eps_step} pas en arrière, le gradient est sous la précision du "
              "float32 relativement au dernier pas (× 1,2e-7), et à partir de {step} pas il vaut exactement 0 : ces "
              "mots n'apprennent plus rien au réseau.",
    },
    "gradients.note.below_eps": {
        "en": "**Lost in rounding:** from {step} steps back the gradient is below float32 precision relative to the "
              "last step (× 1.2e-7): added to it, it would not change a single bit.",
        "fr": "**Perdu dans les arrondis :** à partir de {step} pas en arrière, le gradient est sous la précision du "
              "float32 relativement au dernier pas (× 1,2e-7) : ajouté à lui, il ne changerait pas un seul bit.",
    },
    "gradients.note.fine": {
        "en": "Over these {steps} steps the gradient stays within float32's range and precision.",
        "fr": "Sur ces {steps} pas, le gradient reste dans la plage et la précision du float32.",
    },
    # input
    "gradients.input": {"en": "A review, or random words", "fr": "Une critique, ou des mots au hasard"},
    "gradients.source": {"en": "Sequence", "fr": "Séquence"},
    "gradients.source.review": {"en": "a review", "fr": "une critique"},
    "gradients.source.random": {"en": "random words", "fr": "des mots au hasard"},
    "gradients.examples": {"en": "Examples (one click):", "fr": "Exemples (un clic) :"},
    "gradients.example.positive": {"en": "Short, positive", "fr": "Courte, positive"},
    "gradients.example.negative": {"en": "Short, negative", "fr": "Courte, négative"},
    "gradients.example.twist": {"en": "Twist at the end", "fr": "Retournement final"},
    "gradients.example.long": {"en": "Longest IMDB review", "fr": "La plus longue critique IMDB"},
    "gradients.review": {"en": "Review (in English, like IMDB)", "fr": "Critique (en anglais, comme IMDB)"},
    "gradients.review.empty": {
        "en": "Type a review above, or click an example.",
        "fr": "Tapez une critique ci-dessus, ou cliquez sur un exemple.",
    },
    "gradients.length": {"en": "Number of random words (steps)", "fr": "Nombre de mots aléatoires (pas)"},
    "gradients.seed": {"en": "Draw (seed)", "fr": "Tirage (graine)"},
    "gradients.cut": {
        "en": "This review has {total:,} tokens: only its last {limit:,} are measured.",
        "fr": "Cette critique compte {total:,} jetons : seuls les {limit:,} derniers sont mesurés.",
    },
    # measured decay
    "gradients.measured": {"en": "Measured in real networks", "fr": "Mesuré dans de vrais réseaux"},
    "gradients.target": {"en": "Gradient of", "fr": "Gradient de"},
    "gradients.target.state": {"en": "the last state ||h_T||", "fr": "le dernier état ||h_T||"},
    "gradients.target.loss": {"en": "the loss", "fr": "la perte (loss)"},
    "gradients.target.help": {
        "en": "||h_T||: the size of the last hidden state, the summary of the review. The loss: the binary "
              "cross-entropy, the error that training makes smaller.",
        "fr": "||h_T|| : la taille du dernier état caché, le résumé de la critique. La perte : l'entropie croisée "
              "binaire, l'erreur que l'entraînement fait diminuer.",
    },
    "gradients.which": {"en": "With respect to", "fr": "Par rapport à"},
    "gradients.which.state": {"en": "each hidden state h_t", "fr": "chaque état caché h_t"},
    "gradients.which.input": {"en": "each word vector x_t", "fr": "chaque vecteur de mot x_t"},
    "gradients.label": {"en": "True label (for the loss)", "fr": "Vraie étiquette (pour la perte)"},
    "gradients.label.1": {"en": "positive", "fr": "positive"},
    "gradients.label.0": {"en": "negative", "fr": "négative"},
    "gradients.measured.caption": {
        "en": "{steps:,} steps, {models} models, computed in {ms:,.0f} ms. Trained: {trained}.",
        "fr": "{steps:,} pas, {models} modèles, calculés en {ms:,.0f} ms. Entraînés : {trained}.",
    },
    "gradients.measured.radius": {
        "en": "Spectral radius ρ of the vanilla RNN's W_hh (as in the lab above): {trained:.2f} trained, {fresh:.2f} "
              "untrained.",
        "fr": "Rayon spectral ρ du W_hh du RNN simple (comme dans le labo ci-dessus) : {trained:.2f} entraîné, "
              "{fresh:.2f} non entraîné.",
    },
    "gradients.measured.none": {"en": "none yet (fresh models only)", "fr": "aucun pour l'instant (modèles neufs seulement)"},
    "gradients.measured.notice": {
        "en": "**What to notice:** each curve is the gradient's size k steps back, divided by its size at the "
              "last step. Solid: trained model; dotted: a freshly initialised one of the same size. The vanilla "
              "RNN's falls fastest; the gates of the LSTM and GRU (their additive memory) keep it alive much "
              "longer: that is why they were invented.",
        "fr": "**À remarquer :** chaque courbe est la taille du gradient k pas en arrière, divisée par sa taille au "
              "dernier pas. Trait plein : modèle entraîné ; pointillés : un modèle neuf de même taille. Celle du RNN "
              "simple chute le plus vite ; les portes du LSTM et du GRU (leur mémoire additive) le gardent en vie "
              "bien plus longtemps : c'est pour cela qu'elles ont été inventées.",
    },
    # which words matter
    "gradients.words": {"en": "Which words matter", "fr": "Quels mots comptent"},
    "gradients.words.random": {
        "en": "Choose a review in section 3 to see which of its words matter.",
        "fr": "Choisissez une critique à la section 3 pour voir lesquels de ses mots comptent.",
    },
    "gradients.words.notice": {
        "en": "**What to notice:** each word is coloured by *gradient × input*: the gradient of the prediction "
              "with respect to the word's vector, times that vector, i.e. roughly how much the score would move "
              "without this word. Orange pushes towards positive, blue towards negative. The vanilla RNN mostly "
              "sees the last words.",
        "fr": "**À remarquer :** chaque mot est coloré par *gradient × entrée* : le gradient de la prédiction par "
              "rapport au vecteur du mot, multiplié par ce vecteur, soit à peu près de combien le score bougerait "
              "sans ce mot. Orange pousse vers positif, bleu vers négatif. Le RNN simple voit surtout les derniers "
              "mots.",
    },
    # ---------------------------------------------------------------- charts
    "gradients.chart.course": {"en": "course", "fr": "cours"},
    "gradients.chart.theory_title": {"en": "The product of T factors {factor:.3f}", "fr": "Le produit de T facteurs {factor:.3f}"},
    "gradients.chart.steps_axis": {"en": "Number of steps T", "fr": "Nombre de pas T"},
    "gradients.chart.product_axis": {"en": "factor^T (log scale)", "fr": "facteur^T (échelle log)"},
    "gradients.chart.float32_max": {"en": "largest float32 (3.4e38)", "fr": "plus grand float32 (3,4e38)"},
    "gradients.chart.float32_tiny": {"en": "smallest normal float32 (1.2e-38)", "fr": "plus petit float32 normal (1,2e-38)"},
    "gradients.chart.spectral_title": {"en": "Gradient going back in time, ρ = {radius:.2f}",
                                       "fr": "Le gradient en remontant le temps, ρ = {radius:.2f}"},
    "gradients.chart.measured": {"en": "measured (float32)", "fr": "mesuré (float32)"},
    "gradients.chart.eps": {"en": "float32 precision (eps = 1.2e-7)", "fr": "précision float32 (eps = 1,2e-7)"},
    "gradients.chart.eps_short": {"en": "float32 eps", "fr": "eps float32"},
    "gradients.chart.underflow": {"en": "exactly 0 from k = {step}", "fr": "exactement 0 dès k = {step}"},
    "gradients.chart.overflow": {"en": "inf / nan from k = {step}", "fr": "inf / nan dès k = {step}"},
    "gradients.chart.underflow.short": {"en": "0 from k={step}", "fr": "0 dès k={step}"},
    "gradients.chart.overflow.short": {"en": "inf from k={step}", "fr": "inf dès k={step}"},
    "gradients.chart.relative_axis": {"en": "||dL/dh_(T-k)|| / ||dL/dh_T|| (log)",
                                      "fr": "||dL/dh_(T-k)|| / ||dL/dh_T|| (log)"},
    "gradients.chart.relative_state_axis": {"en": "||dL/dh_(T-k)||, relative (log)",
                                            "fr": "||dL/dh_(T-k)||, relatif (log)"},
    "gradients.chart.relative_input_axis": {"en": "||dL/dx_(T-k)||, relative (log)",
                                            "fr": "||dL/dx_(T-k)||, relatif (log)"},
    "gradients.chart.distance_axis": {"en": "k = steps back from the end", "fr": "k = pas en arrière depuis la fin"},
    "gradients.chart.distance_axis_short": {"en": "k steps back", "fr": "k pas en arrière"},
    "gradients.chart.decay_title": {"en": "How far back does the gradient reach?",
                                    "fr": "Jusqu'où le gradient remonte-t-il ?"},
    "gradients.chart.trained": {"en": "trained", "fr": "entraîné"},
    "gradients.chart.fresh": {"en": "untrained", "fr": "non entraîné"},
    "gradients.chart.positive": {"en": "positive", "fr": "positive"},
    "gradients.chart.saliency_title": {"en": "Gradient × input, word by word", "fr": "Gradient × entrée, mot par mot"},
    "gradients.chart.saliency_title_cut": {"en": "Gradient × input, word by word (the last {words} words)",
                                           "fr": "Gradient × entrée, mot par mot (les {words} derniers mots)"},
    "gradients.chart.saliency_bar": {"en": "Pushes towards", "fr": "Pousse vers"},
    "gradients.chart.towards_negative": {"en": "negative", "fr": "négatif"},
    "gradients.chart.towards_positive": {"en": "positive", "fr": "positif"},
    "gradients.chart.saliency_hover": {"en": "gradient × input (scaled)", "fr": "gradient × entrée (normalisé)"},
    "gradients.chart.line": {"en": "reading order", "fr": "ordre de lecture"},
}
