"""Turning answers into safe markup for the Streamlit page: document text is always escaped, so
HTML or script in a document or a question is shown as text and never runs."""
from __future__ import annotations

import html
import re
from typing import Any

import streamlit as st

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|~<>$])")


def escape_markdown(text: str) -> str:
    """Text shown literally by ``st.markdown`` ($ would otherwise start LaTeX, * emphasis...)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def answer_markdown(text: str) -> str:
    """The answer escaped, with its citation markers kept readable and lines kept as lines."""
    return "  \n".join(escape_markdown(line) for line in text.splitlines())


def passage_html(citation: dict[str, Any]) -> str:
    """The cited passage with the answering sentence(s) marked; offsets are absolute in the file."""
    text, start = citation["text"], citation["start"]
    parts, pos = [], 0
    for h in sorted(citation.get("highlights", []), key=lambda h: h["start"]):
        a, b = max(h["start"] - start, pos), min(h["end"] - start, len(text))
        if a >= b:
            continue
        parts.append(html.escape(text[pos:a]))
        parts.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>")
    return f'<div class="passage" style="line-height:1.5">{body}</div>'


def citation_label(citation: dict[str, Any]) -> str:
    page = f"page {citation['page']} · " if citation.get("page") else ""
    where = f"{page}characters {citation['start']}–{citation['end']}"
    section = f" · {citation['section']}" if citation.get("section") else ""
    return f"[{citation['n']}] {citation['source']}{section} · {where}"


def get_assistant():
    """One assistant per process and store, shared by every session and page: the model and
    the store are loaded once (the settings' folders are the cache key)."""
    from settings import load_settings

    settings = load_settings()
    return _shared_assistant(settings.model_dump_json())


@st.cache_resource(show_spinner="Loading the embedding model…")
def _shared_embedder(model: str, engine: str, batch_size: int):
    """One model per process, whichever stores the sessions use."""
    from embedding import load_embedder
    from settings import Settings

    return load_embedder(Settings(embedding_model=model, embedding_engine=engine, embed_batch_size=batch_size))


@st.cache_resource(show_spinner="Opening the store…")
def _shared_assistant(settings_json: str):
    from assistant import build_assistant
    from settings import Settings

    settings = Settings.model_validate_json(settings_json)
    embedder = _shared_embedder(settings.embedding_model, settings.embedding_engine, settings.embed_batch_size)
    return build_assistant(settings, embedder)


def document_label(citation: dict[str, Any]) -> str:
    """title · publisher · date · page of a cited passage, as far as they are known."""
    page = f"page {citation['page']}" if citation.get("page") else ""
    return " · ".join(filter(None, [citation.get("title"), citation.get("publisher"), citation.get("date"), page]))


@st.cache_resource
def sign_in_gate():
    """One gate per process: failed sign-ins slow every session down, not just the one that failed."""
    from access import Gate

    return Gate()


def visitor(settings):
    """This session's visitor (an anonymous id and a role), made on its first page."""
    from access import new_visitor

    if "visitor" not in st.session_state:
        st.session_state["visitor"] = new_visitor(settings)
    return st.session_state["visitor"]
