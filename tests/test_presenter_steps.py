"""Presenter mode as steps (AppTest): the opening step, one picture at a time, a question then its answer,
the step in the address bar, and Next after the last step opening the next page of the course."""

from __future__ import annotations

import pytest

from app_support import assert_clean, chart_keys, open_page, shown
from rnnviz.ui.navigation import PAGES
from rnnviz.ui.steps import Step, lesson_steps
from rnnviz.ui.texts import tr

PADDING = "pages/padding_masking.py"


def presenting(script: str, step: int | str, picture: int | None = None, lang: str = "en"):
    app = open_page(script, lang=lang, check=False)
    app.query_params["present"] = "true"
    app.query_params["step"] = str(step)
    if picture:
        app.query_params["picture"] = str(picture)
    app.session_state["present"] = True
    return app.run()


def step_in_link(app) -> str:
    """The ``?step=`` of the address bar after a run (AppTest may hold it as a one-item list)."""
    return str(app.query_params.get("step", "1")).strip("[]'")


def test_the_steps_of_a_page():
    labels = {"one": "One", "two": "Two", "three": "Three"}
    steps = lesson_steps(labels, {"two": ("q", "a")})
    assert steps == [Step("", "intro"), Step("one", "show"), Step("two", "show"), Step("two", "question"),
                     Step("two", "answer"), Step("three", "show")]


def test_opening_step_shows_the_idea_and_no_chart():
    app = presenting(PADDING, 1)
    assert_clean(app)
    assert tr("padding.intro", "en")[:60] in shown(app)
    assert not chart_keys(app)


def test_a_step_draws_its_pictures_one_at_a_time():
    app = presenting(PADDING, 2)
    assert_clean(app)
    assert chart_keys(app) == {"padding_chart_tokens"}
    app = presenting(PADDING, 4)  # mask and lengths: two pictures
    assert chart_keys(app) == {"padding_chart_mask"}
    assert "picture 1 of 2" in shown(app)
    app = presenting(PADDING, 4, picture=2)
    assert chart_keys(app) == {"padding_chart_lengths"}
    app = presenting(PADDING, 4, picture=9)  # more than there are: the last one
    assert_clean(app)
    assert chart_keys(app) == {"padding_chart_lengths"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_question_then_its_answer_on_the_next_click(lang):
    app = presenting(PADDING, 5, lang=lang)  # the question after the mask
    assert_clean(app)
    assert tr("padding.question.truncate", lang) in " ".join(info.value for info in app.info)
    assert not app.success and not chart_keys(app)
    app.button(key="step_next").click().run()
    assert step_in_link(app) == "6"
    assert tr("padding.answer.truncate", lang)[:50] in " ".join(box.value for box in app.success)


@pytest.mark.parametrize("step", ["0", "-3", "abc", "999", "1e9", "9" * 50, ""])
def test_a_bad_step_in_the_link_opens_a_step_that_exists(step):
    app = presenting(PADDING, step)
    assert_clean(app)
    assert app.button(key="step_next") is not None


def test_next_after_the_last_step_opens_the_next_page():
    steps = 1 + 4 + 2 * 2  # the idea, four sections, two questions with their answers
    app = presenting(PADDING, steps)
    assert_clean(app)
    app.button(key="step_next").click().run()
    assert_clean(app)
    following = PAGES[[spec.script for spec in PAGES].index(PADDING) + 1]
    assert following.url_path == "embeddings" and tr("emb.title", "en") in \
        " ".join(title.value for title in app.title)
    assert step_in_link(app) == "1"


@pytest.mark.parametrize("script, last", [(PADDING, 9), ("pages/home.py", 2)])
def test_next_before_the_last_step_opens_the_last_step_not_the_next_page(script, last):
    """The click is read as the step that drew the button saw it: on the step before the last, Next
    means the last step, even though the run it starts draws a Next that means the next page."""
    app = presenting(script, last - 1)
    title = app.title[0].value
    app.button(key="step_next").click().run()
    assert_clean(app)
    assert app.title[0].value == title
    assert step_in_link(app) == str(last)
    app.button(key="step_next").click().run()  # and from the last step, on to the next page
    assert_clean(app)
    assert app.title[0].value != title


def test_back_on_the_first_step_opens_the_previous_page():
    app = presenting("pages/word_embeddings.py", 1)
    app.button(key="step_back").click().run()
    assert_clean(app)
    assert tr("padding.title", "en") in " ".join(title.value for title in app.title)


@pytest.mark.parametrize("script, section_key, index, widget, value", [
    ("pages/vanishing_gradients.py", "gradients_section", 2, "gradients_text", "My own typed review, quite good."),
    ("pages/order_matters.py", "order_section", 3, "order_category", "double_negation"),
])
def test_a_setting_outlives_a_visit_to_another_section(script, section_key, index, widget, value):
    """Streamlit forgets a widget that a run does not draw: a closed section's settings must come back."""
    from app_support import open_section

    app = open_page(script)
    open_section(app, section_key, index)
    element = next(w for w in app.get("text_area") + app.get("selectbox") if w.key == widget)
    element.set_value(value).run()
    open_section(app, section_key, 0)
    open_section(app, section_key, index)
    assert_clean(app)
    assert next(w for w in app.get("text_area") + app.get("selectbox") if w.key == widget).value == value
