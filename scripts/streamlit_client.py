"""A minimal Streamlit client that speaks the app's own websocket protocol (no browser).

What Streamlit's frontend does, reduced to what a load test needs:

* connect to ``ws://127.0.0.1:PORT/_stcore/stream`` with the subprotocol ``streamlit`` (the second and
  third subprotocol entries carry an XSRF token and a session id to resume; both are optional: XSRF is
  only checked for the auth cookie, and without a session id the server opens a new session);
* send a ``BackMsg`` ``rerun_script`` (a ``ClientState``: query string, page url path or page hash,
  widget states); the server does not run the script on its own after the connection opens;
* read ``ForwardMsg`` until ``script_finished`` with a status other than ``FINISHED_EARLY_FOR_RERUN``.

No ``cached_message_hashes`` are sent, so the server always sends whole messages (never ``ref_hash``).
The client only ever connects to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

HOST = "127.0.0.1"  # never anything else
ID_PREFIX = "$$ID"  # Streamlit's generated element ids: "$$ID-<hash>-<user key>"
EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")


class RunTimeout(RuntimeError):
    """The script run did not finish in time."""


@dataclass
class RunResult:
    """What one script run put on the page."""

    seconds: float
    elements: list[tuple[str, Any]] = field(default_factory=list)  # (element type, element sub-proto)
    errors: list[str] = field(default_factory=list)  # exceptions, st.error, wrong page, compile errors
    notes: list[str] = field(default_factory=list)  # page_not_found messages (see StreamlitClient.run)
    widget_ids: dict[str, str] = field(default_factory=dict)  # user key -> element id

    def element(self, kind: str, key: str) -> Any | None:
        """The element of type ``kind`` (e.g. ``plotly_chart``) whose user key is ``key``."""
        for element_kind, proto in self.elements:
            if element_kind == kind and user_key(getattr(proto, "id", "")) == key:
                return proto
        return None


def user_key(element_id: str) -> str | None:
    """The user's ``key=`` inside a generated element id, or None for an element without one."""
    if not element_id.startswith(ID_PREFIX + "-"):
        return None
    parts = element_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


def _numbers(value: Any) -> list:
    """A plotly JSON array: a plain list, or plotly's typed array ``{"dtype", "bdata"}``."""
    if isinstance(value, dict) and "bdata" in value:
        import numpy as np

        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return list(value or [])


def bar_values(plotly_chart: Any) -> dict[str, float]:
    """{bar label: bar value} of every bar trace of a horizontal plotly bar chart element."""
    spec = json.loads(plotly_chart.spec)
    values: dict[str, float] = {}
    for trace in spec.get("data", []):
        if trace.get("type") != "bar":
            continue
        xs, ys = _numbers(trace.get("x")), _numbers(trace.get("y"))
        if trace.get("orientation") != "h":
            xs, ys = ys, xs
        values.update({str(label): float(value) for label, value in zip(ys, xs)})
    return values


class StreamlitClient:
    """One browser tab's worth of Streamlit session, driven from asyncio."""

    def __init__(self, port: int, timeout_s: float = 60.0):
        self.port = int(port)
        self.timeout_s = timeout_s
        self.ws = None
        self.query_string = ""
        self.page_hash = ""  # the page shown now
        self.pages: dict[str, str] = {}  # url path -> page script hash (from the navigation message)
        self.widget_ids: dict[str, str] = {}  # user key -> element id, from the last run

    async def connect(self) -> None:
        # No keepalive pings of our own (the frontend sends none either): a busy server must not be
        # disconnected by the test for answering a ping late.
        self.ws = await asyncio.wait_for(websockets.connect(
            f"ws://{HOST}:{self.port}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
            ping_interval=None, open_timeout=self.timeout_s, compression=None), self.timeout_s)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def run(self, page: str | None = None, widgets: list | None = None) -> RunResult:
        """Rerun the script, on the page at url path ``page`` (None: the page shown now), with
        ``widgets``: ``(key, field, value)`` triples, e.g. ``("predict_text", "string_value", "...")``,
        keys resolved with the ids of the elements the previous run of that page sent."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        if page is not None:
            if page in self.pages:
                state.page_script_hash = self.pages[page]
            else:
                state.page_name = page  # the url path, as on a first visit to /<page>
        else:
            state.page_script_hash = self.page_hash
        for key, field_name, value in widgets or ():
            widget = state.widget_states.widgets.add()
            widget.id = self.widget_ids.get(key, key)
            setattr(widget, field_name, value)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        result = RunResult(seconds=0.0)
        deadline = start + self.timeout_s
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RunTimeout(f"no script_finished within {self.timeout_s:.0f} s")
            try:
                data = await asyncio.wait_for(self.ws.recv(), left)
            except asyncio.TimeoutError:
                raise RunTimeout(f"no script_finished within {self.timeout_s:.0f} s") from None
            if self._handle(data, result):
                break
        result.seconds = time.perf_counter() - start
        # A page_not_found message alone is not counted as an error: Streamlit sends one when a session
        # asks for a page by url path before the server knows the app's pages (the first runs after a
        # start), then runs that page all the same. Landing on another page is an error.
        if page is not None and self.pages.get(page) and self.page_hash != self.pages[page]:
            result.errors.append(f"asked for page {page!r}, got page hash {self.page_hash} ({'; '.join(result.notes)})")
        self.widget_ids = dict(result.widget_ids) or self.widget_ids
        return result

    def _handle(self, data: bytes, result: RunResult) -> bool:
        """Read one ForwardMsg into ``result``; True when the run is over."""
        fmsg = ForwardMsg()
        fmsg.ParseFromString(data)
        kind = fmsg.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = fmsg.new_session.page_script_hash
        elif kind == "navigation":
            self.page_hash = fmsg.navigation.page_script_hash or self.page_hash
            self.pages = {page.url_pathname: page.page_script_hash for page in fmsg.navigation.app_pages}
        elif kind == "page_info_changed":
            self.query_string = fmsg.page_info_changed.query_string
        elif kind == "page_not_found":
            result.notes.append(f"page_not_found message (page_name={fmsg.page_not_found.page_name!r})")
        elif kind == "session_event" and fmsg.session_event.HasField("script_compilation_exception"):
            result.errors.append(f"compile error: {fmsg.session_event.script_compilation_exception.message}")
        elif kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
            element = fmsg.delta.new_element
            element_kind = element.WhichOneof("type")
            proto = getattr(element, element_kind) if element_kind else None
            result.elements.append((element_kind, proto))
            if element_kind == "exception":
                result.errors.append(f"exception: {proto.type}: {proto.message}")
            elif element_kind == "alert" and proto.format == Alert.ERROR:
                result.errors.append(f"st.error: {proto.body}")
            key = user_key(getattr(proto, "id", "")) if proto is not None and hasattr(proto, "id") else None
            if key:
                result.widget_ids[key] = proto.id
        elif kind == "script_finished":
            if fmsg.script_finished == COMPILE_ERROR:
                result.errors.append("script finished with a compile error")
            return fmsg.script_finished != EARLY
        return False
