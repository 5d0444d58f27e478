"""The words :mod:`rnnviz.compose` builds sentences from: adjectives, verbs, nouns, intensifiers and
downtoners, each positive or negative, written by hand for the project (not drawn from any test set)."""

POSITIVE_ADJECTIVES = (
    "good", "great", "excellent", "wonderful", "brilliant", "superb", "terrific", "fantastic", "amazing",
    "delightful", "charming", "engaging", "gripping", "moving", "touching", "funny", "hilarious", "clever",
    "smart", "witty", "beautiful", "gorgeous", "stunning", "memorable", "compelling", "enjoyable",
    "entertaining", "fresh", "original", "powerful", "thoughtful", "intelligent", "heartfelt", "satisfying",
    "solid", "impressive", "fascinating", "captivating", "exciting", "thrilling", "riveting", "inspired",
    "polished", "elegant", "sharp", "lovely", "warm", "vivid", "convincing", "believable", "genuine",
    "perfect", "masterful", "remarkable", "outstanding", "sublime", "magical", "refreshing", "absorbing",
    "worthwhile", "nice", "fun", "pleasant", "likable", "uplifting", "inventive", "imaginative",
    "well made", "well acted", "well written", "first-rate", "top-notch", "spellbinding", "dazzling", "wise",
    "honest", "effective", "lively", "crisp", "graceful", "tender", "joyful", "rewarding", "sensational",
    "flawless", "marvelous", "stylish", "poignant", "suspenseful", "tense", "endearing", "authentic",
)
NEGATIVE_ADJECTIVES = (
    "bad", "awful", "terrible", "horrible", "dreadful", "boring", "dull", "tedious", "tiresome", "bland",
    "flat", "lifeless", "predictable", "trite", "stale", "shallow", "silly", "stupid", "dumb", "pointless",
    "forgettable", "mediocre", "weak", "poor", "lazy", "sloppy", "clumsy", "messy", "incoherent",
    "confusing", "pretentious", "overlong", "slow", "sluggish", "plodding", "painful", "annoying",
    "irritating", "grating", "unfunny", "lame", "cheap", "hollow", "empty", "wooden", "stiff", "stilted",
    "unconvincing", "implausible", "ridiculous", "laughable", "embarrassing", "disappointing",
    "uninspired", "derivative", "formulaic", "generic", "joyless", "soulless", "bloated", "self-indulgent",
    "tasteless", "ugly", "amateurish", "muddled", "crude", "vapid", "insipid", "inept", "atrocious",
    "abysmal", "unwatchable", "unbearable", "insufferable", "overrated", "hackneyed", "worthless", "tired",
    "monotonous", "clichéd", "dreary", "lousy", "mindless", "tacky", "pathetic", "sloppy", "flimsy",
    "cringeworthy", "miserable", "irritating", "forced", "bleak", "numbing", "exhausting",
)
# The treebank's own readers call a negated praise fairly negative and a negated blame mildly positive.
SUBJECTS_SINGULAR = (
    "the film", "the movie", "the story", "the plot", "the script", "the acting", "the ending",
    "the dialogue", "the direction", "the soundtrack", "the score", "the pacing", "the humor", "the premise",
    "the screenplay", "the sequel", "the finale", "the lead performance", "this picture", "the book",
    "the novel", "the show", "the series", "the episode", "the food", "the service", "the meal", "the hotel",
    "the phone", "the game", "the album", "the play", "the documentary", "the first half", "the last act",
    "the cinematography", "the animation", "the twist", "the remake", "it", "this one", "the whole thing",
    "the production", "the music", "the camera work", "the editing", "the restaurant", "the season",
    "the battery", "the screen", "the room", "the staff", "the app", "the update", "the camera", "the sound",
    "the pool", "the menu", "the dessert", "the record", "the tour", "the sequel", "the last chapter",
)
SUBJECTS_PLURAL = (
    "the characters", "the performances", "the jokes", "the actors", "the visuals", "the songs",
    "the action scenes", "the special effects", "the dialogues", "the battles", "the fight scenes",
    "the dishes", "the episodes", "the twists", "the stories", "the chapters", "the lyrics",
)
NOUNS = ("film", "movie", "story", "script", "cast", "ending", "performance", "comedy", "drama", "thriller",
         "book", "show", "sequel", "meal", "documentary", "series", "debut", "picture", "romance", "musical")
POSITIVE_VERBS = (("love", "loved"), ("enjoy", "enjoyed"), ("adore", "adored"), ("like", "liked"),
                  ("admire", "admired"), ("appreciate", "appreciated"), ("treasure", "treasured"),
                  ("savor", "savored"), ("recommend", "recommended"), ("cherish", "cherished"))
NEGATIVE_VERBS = (("hate", "hated"), ("dislike", "disliked"), ("loathe", "loathed"), ("despise", "despised"),
                  ("detest", "detested"), ("regret", "regretted"), ("resent", "resented"),
                  ("deplore", "deplored"), ("abhor", "abhorred"))
POSITIVE_STATES = ("thrilled", "moved", "delighted", "hooked", "charmed", "impressed", "captivated",
                   "gripped", "won over", "smiling", "laughing", "cheering", "enchanted", "amazed",
                   "in tears of joy", "grinning", "glued to the screen", "a fan")
NEGATIVE_STATES = ("bored", "annoyed", "disappointed", "irritated", "restless", "frustrated",
                   "embarrassed", "checking my watch", "yawning", "cringing", "half asleep",
                   "angry", "miserable", "fed up", "desperate to leave", "a skeptic")
INTENSIFIERS = ("very", "really", "truly", "incredibly", "remarkably", "genuinely", "thoroughly", "quite",
                "so", "extremely", "consistently", "deeply", "wonderfully" , "absolutely", "downright",
                "surprisingly", "utterly", "simply", "")
DOWNTONERS = ("hardly", "barely", "scarcely", "far from", "anything but", "nowhere near", "by no means",
              "not exactly", "not particularly", "not especially", "not remotely", "not at all", "never",
              "rarely", "seldom", "almost never", "not", "not really", "not very", "in no way")
POSITIVE_NOUNS = ("charm", "heart", "wit", "humor", "tension", "soul", "surprises", "energy", "style", "warmth",
                  "imagination", "grace", "intelligence", "suspense", "feeling", "spark", "magic", "beauty")
NEGATIVE_NOUNS = ("flaws", "dull moments", "clichés", "filler", "wasted scenes", "false notes", "boring stretches",
                  "plot holes", "weak links", "cheap tricks", "embarrassing lines", "mistakes")
POSITIVE_ACTIONS = ("entertain", "impress", "surprise me", "move me", "make me laugh", "hold my attention",
                    "deliver", "charm", "delight", "keep me guessing", "win me over", "satisfy")
NEGATIVE_ACTIONS = ("bore me", "annoy me", "disappoint", "drag", "confuse me", "irritate me", "put me to sleep",
                    "frustrate me", "lose my interest", "insult my intelligence")
POSITIVE_NOUN_PHRASES = ("a gem", "a delight", "my favorite", "a masterpiece", "a joy", "a triumph", "pure genius",
                         "a revelation", "a treat", "a winner", "a must-see", "a real pleasure", "a highlight")
NEGATIVE_NOUN_PHRASES = ("a chore", "a slog", "a mess", "a disaster", "a bore", "noise", "a joke", "a letdown",
                         "a waste of time", "a trainwreck", "a headache", "a dud", "a nightmare")
POSITIVE_ROLES = ("a fan", "a convert", "a believer", "an admirer", "a devotee")
NEGATIVE_ROLES = ("a hater", "a skeptic", "a critic", "a cynic", "a detractor")
POSITIVE_FEELINGS = ("delight", "joy", "excitement", "admiration", "wonder", "pleasure", "affection")
NEGATIVE_FEELINGS = ("dread", "boredom", "disappointment", "annoyance", "irritation", "contempt", "frustration")
EXPERIENCES = (("seen", "film"), ("read", "book"), ("heard", "song"), ("played", "game"), ("watched", "episode"),
               ("tried", "dish"), ("met", "member of staff"), ("used", "feature"))
OPINION_HOLDERS = ("the critics", "my friends", "everyone", "the trailer", "the reviews", "my brother", "the poster",
                   "people online", "the hype")
