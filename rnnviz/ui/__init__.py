"""The UI layer: Streamlit glue (state, caching, widgets, texts) and pure plotly chart builders.

Imports flow one way: ``app.py``/``pages`` -> ``rnnviz.ui`` -> the ``rnnviz`` core.
``rnnviz.ui.charts`` and ``rnnviz.ui.texts`` do not import streamlit, so they are testable alone.
"""
