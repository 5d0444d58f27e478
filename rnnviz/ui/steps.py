"""A page's lesson one piece at a time: tabs on a laptop, steps on a projector.

On a laptop a page's sections are tabs (only the open one is computed and drawn) with Back / Next under
them, and each predict-then-reveal question closes its section. In presenter mode (``?present=true``)
the page is a sequence of steps sized for a 1280x720 projector: the page's idea and its inputs, then each
section, each question a step of its own with the answer on the next click. A section that draws
several pictures shows them one at a time. The step is in the address bar (``?step=3&picture=2``), so a
link opens the class on the right picture; Next after the last step opens the next page of the course,
and a clicker's Page Down / Page Up (or the arrow keys) press Next / Back.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from rnnviz.ui.navigation import PAGES
from rnnviz.ui.state import KEYS_CONTAINER, presenter, t

STEP_KEY, PICTURE_KEY = "step", "picture"
PAGE_KEY = "current_page"  # the url path of the page being run, set by app.py
_PICTURES = "_pictures"  # per run: which picture of the open step to draw, and how many were met
_PAGE_WANTED = "_presenter_page_wanted"  # the page a Back / Next click asked for, opened by the next run


@dataclass(frozen=True)
class Step:
    section: str  # "" for the page's opening step
    phase: str  # "intro", "show", "question" or "answer"


def lesson_steps(labels: dict[str, str], questions: dict[str, tuple[str, str]]) -> list[Step]:
    """The presenter's steps of a page: its idea first, then each section, then that section's question
    and its answer when it has one."""
    steps = [Step("", "intro")]
    for name in labels:
        steps.append(Step(name, "show"))
        if name in questions:
            steps += [Step(name, "question"), Step(name, "answer")]
    return steps


def _url_number(name: str) -> int:
    """A positive step or picture number from the address bar (1 when absent or not a number)."""
    value = st.query_params.get(name, "1")
    return max(int(value), 1) if value.isdigit() and len(value) < 6 else 1


def opening_step() -> bool:
    """Whether the page shows its opening step: always on a laptop, step 1 on a projector."""
    return not presenter() or _url_number(STEP_KEY) == 1


def page_intro(text: str) -> None:
    """The page's introduction: on a laptop above everything, on a projector its own opening step."""
    if opening_step():
        st.markdown(text)


@contextmanager
def inputs_box(label: str | None = None, opening: bool = True):
    """Where a page's inputs go: in the page on a laptop (and on the projector's opening step when they
    are the page's, ``opening``); folded into one line titled ``label`` on the projector's other steps,
    so the picture is on screen (the teacher opens it to change them)."""
    if not presenter() or (opening and opening_step()):
        yield
    else:
        with st.expander(label or t("common.inputs"), icon=":material/tune:"):
            yield


def picture_shown() -> bool:
    """Called once per picture a section draws: whether this one is drawn now (always, except on a
    projector, where a step draws its pictures one at a time)."""
    pictures = st.session_state.get(_PICTURES)
    if not pictures:
        return True
    pictures["met"] += 1
    return pictures["met"] == pictures["wanted"]


def _ask(question_key: str) -> None:
    """The question for the class, as both modes show it."""
    st.info(f"**{t('common.question')}**: {t(question_key)}", icon=":material/quiz:")


def _predict_then_reveal(question_key: str, answer_key: str, key: str) -> None:
    """A question for the class, its answer hidden until the teacher opens it."""
    _ask(question_key)
    with st.expander(t("common.reveal"), expanded=False, key=key):
        st.markdown(t(answer_key))


def _numbered(labels: dict[str, str]) -> list[str]:
    """The sections' titles as their tabs show them: "1. ...", "2. ..." in the course's order."""
    return [f"{i}. {title}" for i, title in enumerate(labels.values(), start=1)]


@contextmanager
def sections(labels: dict[str, str], key: str, questions: dict[str, tuple[str, str]] | None = None,
             keep: tuple[str, ...] = ()):
    """The page's sections, of which only the open one is computed and drawn: the body of the ``with``
    gets the open section's name (``None`` on a projector's opening, question and answer steps, which
    this draws itself). ``labels``: section name -> title, in the course's order; ``questions``: section
    name -> (question text key, answer text key); ``key``: the tabs' widget key (``?key=`` in a link);
    ``keep``: keys of the sections' widgets whose values must outlive a visit to another section."""
    questions = questions or {}
    for widget in keep:  # Streamlit forgets a widget that a run does not draw, unless the run sets it
        if widget in st.session_state:
            st.session_state[widget] = st.session_state[widget]
    if presenter():
        yield from _presenter_steps(labels, key, questions)
        return
    names = list(labels)
    if len(names) > 1:
        tabs = st.tabs(_numbered(labels), key=key, on_change="rerun", bind="query-params")  # a link opens it
        index = next((i for i, tab in enumerate(tabs) if tab.open), 0)
        container = tabs[index]
    else:
        index, container = 0, st.container()
    with container:
        yield names[index]
        if names[index] in questions:
            _predict_then_reveal(*questions[names[index]], key=f"{key}_{names[index]}_reveal")
        if len(names) > 1:
            _section_buttons(labels, key, index)


def _section_buttons(labels: dict[str, str], key: str, index: int) -> None:
    """Back / Next between the tabs, and where the reader is."""
    tabs, titles = _numbered(labels), list(labels.values())

    def go(step: int) -> None:
        st.session_state[key] = tabs[index + step]

    back, where, forward = st.columns([1, 1.4, 1.6], vertical_alignment="center")
    back.button(t("common.back"), key=f"{key}_back", on_click=go, args=(-1,), disabled=index == 0,
                icon=":material/arrow_back:", width="stretch")
    where.caption(t("common.section_of", index=index + 1, count=len(titles), title=titles[index]))
    if index + 1 < len(titles):
        forward.button(t("common.next", title=tabs[index + 1]), key=f"{key}_next", on_click=go, args=(1,),
                       icon=":material/arrow_forward:", type="primary", width="stretch")


def _presenter_steps(labels: dict[str, str], key: str, questions: dict[str, tuple[str, str]]):
    wanted = st.session_state.pop(_PAGE_WANTED, None)
    if wanted is not None:  # Next on a page's last step, Back on its first
        _open_page(wanted)
    steps = lesson_steps(labels, questions)
    number = min(_url_number(STEP_KEY), len(steps))
    step, picture = steps[number - 1], _url_number(PICTURE_KEY)
    if step.section and len(labels) > 1:  # back on a laptop, the tabs open where the class was
        st.session_state[key] = _numbered(labels)[list(labels).index(step.section)]
    bar = st.container()  # Back, where the class is, Next: at the top, filled once the pictures are counted
    met = 0
    if step.phase == "show":
        st.session_state[_PICTURES] = {"wanted": picture, "met": 0}
        try:
            yield step.section
        finally:
            met = st.session_state.pop(_PICTURES)["met"]
        if picture > met > 0:  # fewer pictures than the link asked for (another model, another review)
            _go_to(number, met)
            st.rerun()
    else:
        if step.phase != "intro":
            question, answer = questions[step.section]
            _ask(question)
            if step.phase == "answer":
                st.success(t(answer), icon=":material/lightbulb:")
        yield None
    with bar:
        _presenter_buttons(steps, labels, number, picture, met)


def _go_to(step: int, picture: int = 1) -> None:
    st.query_params[STEP_KEY] = str(step)
    if picture > 1:
        st.query_params[PICTURE_KEY] = str(picture)
    elif PICTURE_KEY in st.query_params:
        del st.query_params[PICTURE_KEY]


def _neighbour_page(offset: int):
    """The course page before (-1) or after (+1) the one being run, or None at either end."""
    paths = [spec.url_path for spec in PAGES]
    current = st.session_state.get(PAGE_KEY, "")
    index = paths.index(current) + offset if current in paths else -1
    return PAGES[index] if 0 <= index < len(PAGES) else None


def _open_page(spec) -> None:
    params = {STEP_KEY: "1"}  # presenter mode stays on: its toggle is bound to ?present=
    if "lang" in st.query_params:
        params["lang"] = st.query_params["lang"]
    st.switch_page(spec.script, query_params=params)


def _presenter_buttons(steps: list[Step], labels: dict[str, str], number: int, picture: int, met: int) -> None:
    """Back, "step i of n" and Next, above the projector's step; the last step's Next opens the next page.
    The arrow keys press the visible buttons, a clicker's Page Up / Page Down the hidden twins."""
    if picture < met:
        forward, forward_title = (number, picture + 1), t("common.picture_of", index=picture + 1, count=met)
    elif number < len(steps):
        following = steps[number]
        forward = (number + 1, 1)
        forward_title = (t("common.step.answer") if following.phase == "answer" else
                         t("common.question") if following.phase == "question" else labels[following.section])
    else:
        spec = _neighbour_page(+1)
        forward, forward_title = spec, t(spec.title_key) if spec else ""
    back = (number, picture - 1) if picture > 1 else (number - 1, 1) if number > 1 else _neighbour_page(-1)

    def move(target) -> None:
        """The click's target, as the step that drew the button saw it (a callback: it runs before the
        next run, which may already show another step)."""
        if isinstance(target, tuple):
            _go_to(*target)
        elif target is not None:
            st.session_state[_PAGE_WANTED] = target

    left, where, right = st.columns([1, 3, 2], vertical_alignment="center")
    left.button(t("common.back"), key="step_back", on_click=move, args=(back,), disabled=back is None,
                icon=":material/arrow_back:", width="stretch", shortcut="left")
    here = t("common.step_of", index=number, count=len(steps),
             title=labels.get(steps[number - 1].section) or t("common.step.intro"))
    where.markdown(f"**{here}**" + (f" ({t('common.picture_of', index=picture, count=met)})" if met > 1 else ""))
    right.button(t("common.next", title=forward_title), key="step_next", on_click=move, args=(forward,),
                 disabled=forward is None, icon=":material/arrow_forward:", type="primary", width="stretch",
                 shortcut="right")
    with st.container(key=KEYS_CONTAINER):
        st.button("PageUp", key="step_back_clicker", on_click=move, args=(back,), disabled=back is None,
                  shortcut="pageup")
        st.button("PageDown", key="step_next_clicker", on_click=move, args=(forward,), disabled=forward is None,
                  shortcut="pagedown")


@contextmanager
def all_pictures():
    """Draw every picture inside at once, also on a projector: a live dashboard is one picture."""
    saved = st.session_state.pop(_PICTURES, None)
    try:
        yield
    finally:
        if saved is not None:
            st.session_state[_PICTURES] = saved


def jump_to(labels: dict[str, str], key: str, questions: dict[str, tuple[str, str]], name: str) -> None:
    """Open section ``name`` at the next run (for a callback: a Start button opens what it started)."""
    st.session_state[key] = _numbered(labels)[list(labels).index(name)]
    if presenter():
        _go_to(lesson_steps(labels, questions).index(Step(name, "show")) + 1)
