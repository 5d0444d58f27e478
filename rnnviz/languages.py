"""Is this review written in French? The models read English; a class in France will try French.

A handful of very common French words that are not English words: two of them, making at least a
fifth of the words, is enough to say so (and short English reviews never reach it).
"""

from __future__ import annotations

from rnnviz.tokenizer import split_words

FRENCH_WORDS = frozenset("""
le la les une des du est et très pas mais je j'ai c'est c'était était cette ces il elle nous vous ils elles sont
été avec pour sur dans qui que qu'il au aux ne n'est n'ai mon ma mes ton ta leur leurs plus moins bien trop
vraiment acteurs actrice histoire génial nul nulle ennuyeux ennuyeuse rien jamais beaucoup ça aussi comme quand
après avant parce chef-d'œuvre magnifique super fait faire tout tous toute j'ai adoré déteste détesté aimé
fin début moi lui peu mauvais mauvaise bon bonne meilleur pire scénario réalisateur musique ennui vu voir
""".split())
MIN_HITS, MIN_SHARE = 2, 0.2


def looks_french(text: str) -> bool:
    """True when ``text`` reads like French (see the module docstring)."""
    words = split_words(text)
    hits = sum(word in FRENCH_WORDS for word in words)
    return hits >= MIN_HITS and hits >= MIN_SHARE * len(words)
