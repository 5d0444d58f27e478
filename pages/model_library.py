from pathlib import Path

import streamlit as st

from rnnviz.ui.core import CheckpointError, import_checkpoint_bytes, user_checkpoint_dir
from rnnviz.ui import app_charts, cache
from rnnviz.ui.state import language, t
from rnnviz.ui.steps import page_intro, picture_shown, sections
from rnnviz.ui.widgets import draw_chart, models_table, source_label, show_chart

UPLOAD_LIMIT_MB = 50
LIMIT_BYTES = UPLOAD_LIMIT_MB * 2**20
lang = language()


def _import(uploaded) -> tuple[str, str]:
    """Validate the upload completely, then store it in the user folder: (message kind, text)."""
    if uploaded.size > LIMIT_BYTES:
        return "error", t("models.upload.too_big", size=uploaded.size / 2**20, limit=UPLOAD_LIMIT_MB)
    try:
        # import_checkpoint_bytes validates everything before it writes a byte.
        saved = import_checkpoint_bytes(uploaded.getvalue(), user_checkpoint_dir(create=True),
                                        name=Path(uploaded.name).stem, max_bytes=LIMIT_BYTES)
    except (CheckpointError, ValueError, OSError) as error:
        return "error", t("models.upload.bad", error=error)
    return "success", t("models.upload.ok", name=saved.path.stem)


def show_confusion(info, lang: str) -> None:
    """The model's confusion matrix on the test reviews, and what it says (one picture)."""
    try:
        evaluation, total = cache.test_evaluation(info.path)
    except (CheckpointError, OSError) as error:
        st.error(t("models.error", error=error))
        return
    if not picture_shown():
        return
    confusion, notes = st.columns([3, 2], gap="large", vertical_alignment="center")
    with confusion:
        draw_chart(app_charts.confusion_figure(evaluation.confusion, info.name, lang), key="models_chart_confusion")
    count = len(evaluation.probabilities)
    notes.markdown(t("models.confusion.notice", count=count, accuracy=evaluation.accuracy,
                     source=source_label(cache.imdb().source)))
    if count < total:
        notes.caption(t("models.confusion.limited", count=count, total=total))


st.title(t("models.title"))
page_intro(t("models.intro"))
labels = {name: t(f"models.{name}") for name in ("table", "detail", "upload")}
with sections(labels, "models_section", keep=("models_pick",)) as section:
    infos = cache.available_checkpoints()
    if section == "upload":
        uploaded = st.file_uploader(t("models.upload.label", limit=UPLOAD_LIMIT_MB), type=["safetensors"],
                                    max_upload_size=UPLOAD_LIMIT_MB, key="models_upload")
        if uploaded is not None and uploaded.file_id != st.session_state.get("models_uploaded_id"):
            st.session_state.models_uploaded_id = uploaded.file_id
            st.session_state.models_upload_message = _import(uploaded)
        if uploaded is not None and st.session_state.get("models_upload_message"):
            kind, message = st.session_state.models_upload_message
            getattr(st, kind)(message)
    elif not infos:
        st.info(t("models.none"))
    elif section == "table":
        models_table(infos, key="models_table")
        st.caption(t("models.table.notice"))
    elif section == "detail":
        paths = [str(info.path) for info in infos]
        names = {str(info.path): f"{info.name} ({t('models.origin.' + ('shipped' if info.shipped else 'user'))})"
                 for info in infos}
        choice = st.selectbox(t("models.pick"), paths, format_func=names.get, key="models_pick")
        info = infos[paths.index(choice)] if choice in paths else infos[0]
        history = cache.checkpoint_history(info.path)
        if history:
            show_chart(app_charts.history_figure(history, lang, info.name), key="models_chart_curves")
        else:
            st.caption(t("models.no_history"))
        show_confusion(info, lang)
        st.download_button(t("models.download", name=info.path.stem), data=Path(info.path).read_bytes,
                           file_name=Path(info.path).name, mime="application/octet-stream", key="models_download")
