"""The chat over the collection. UI only: every answer comes from the same Assistant as the CLIs."""
from __future__ import annotations

import time

import streamlit as st

from access import NotAllowed, Role, Visitor, credential_configured
from access import editing
from answer.llm import not_installed
from assistant import BACKENDS, Assistant, BadQuestion
from ingest.index import IngestBusy
from ingest.loaders import LoadError
from store.feedback import Feedback
from store.vectors import StoreUnavailable
from ui import (answer_markdown, citation_label, document_label, escape_markdown, get_assistant, passage_html,
                sign_in_gate, visitor)


def run_ingest(assistant: Assistant, label: str, editor: Visitor | None = None, wait_if_busy: bool = False) -> None:
    """Ingest with a progress bar, as ``editor`` (or, with no editor, the first start's ingest of
    the corpus as it lies). On first start, a session that opens while another one is ingesting
    waits for it instead of answering from an empty store."""
    with st.status(label, expanded=True) as status:
        bar = st.progress(0.0, text="Scanning the corpus…")
        tick = lambda fraction, message: bar.progress(min(fraction, 1.0), text=message)  # noqa: E731
        try:
            report = editing.reingest(editor, assistant, tick) if editor else assistant.ingest(tick)
        except IngestBusy as exc:
            if not wait_if_busy:
                status.update(label=str(exc), state="error")
                return
            status.update(label="Another session is ingesting the corpus; waiting for it to finish…")
            deadline = time.monotonic() + 1800
            while not assistant.documents() and time.monotonic() < deadline:
                time.sleep(0.5)
            status.update(label="The corpus is ingested", state="complete", expanded=False)
            return
        except (LoadError, StoreUnavailable, NotAllowed) as exc:
            status.update(label=str(exc), state="error")
            return
        bar.progress(1.0, text="Done")
        summary = (f"{len(report.added)} added, {len(report.updated)} updated, {len(report.deleted)} deleted, "
                   f"{len(report.skipped)} unchanged · {report.documents} documents, {report.chunks} chunks")
        for source, reason in report.failed.items():
            st.warning(f"Not ingested: {source}: {reason}")
        status.update(label=f"Ingest finished: {summary}", state="complete", expanded=bool(report.failed))
        st.session_state["last_ingest"] = summary


def sidebar(assistant: Assistant) -> None:
    with st.sidebar:
        names = [n for n in BACKENDS if n != "nearest-sentence"]
        default = assistant.settings.backend if assistant.settings.backend in names else names[0]
        chosen = st.selectbox("Answering backend", names, index=names.index(default), key="backend",
                              help="extractive quotes the document; the others write an answer with a language "
                                   "model, checked sentence by sentence against the passages it cites")
        missing = not_installed(chosen)
        if missing:
            st.caption(escape_markdown(missing) + " (until then, answers come from extractive)")
        st.toggle("Show how follow-up questions were read", key="show_rewrite", value=True)
        st.header("Documents")
        docs = assistant.documents()
        for d in docs:
            st.markdown(f"**{escape_markdown(d.title or d.source)}**")
            about = " · ".join(filter(None, [d.publisher, d.date and f"dated {d.date}", d.source]))
            st.caption(f"{escape_markdown(about)} · {d.chunks} chunks · ingested "
                       f"{d.ingested_at.replace('T', ' ')} · sha256 {d.doc_hash[:12]}")
        if not docs:
            st.caption("No documents ingested yet.")
        if len(docs) > 1:
            st.multiselect("Answer from these documents only", [d.source for d in docs], key="documents",
                           format_func=lambda source: next((d.title or d.source for d in docs
                                                            if d.source == source), source),
                           help="Leave empty to search every document")
        me = visitor(assistant.settings)
        if me.role is Role.EDITOR:
            editing_controls(assistant, me, docs)
        elif docs:
            st.caption("Sign in as an editor to add, replace or remove documents.")
        sign_in(assistant, me)
        if "last_ingest" in st.session_state:
            st.caption(f"Last ingest: {st.session_state['last_ingest']}")
        st.caption(f"Corpus: {assistant.settings.corpus}")


def editing_controls(assistant: Assistant, editor: Visitor, docs: list) -> None:
    upload = st.file_uploader("Add or replace a document", type=[e.lstrip(".") for e in assistant.settings.extensions])
    if upload is not None and st.session_state.get("uploaded") != upload.file_id:
        st.session_state["uploaded"] = upload.file_id
        try:
            saved = editing.add_document(editor, assistant, upload.name, upload.getvalue())
        except (LoadError, NotAllowed) as exc:
            st.error(f"Not added: {exc}")
        else:
            run_ingest(assistant, f"Ingesting {saved.name}…", editor)
            st.rerun()
    if docs:
        with st.expander("Remove a document"):
            source = st.selectbox("Document", [d.source for d in docs], key="remove_source")
            if st.button("Remove it and re-ingest", key="remove"):
                try:
                    kept = editing.remove_document(editor, assistant, source)
                except (FileNotFoundError, NotAllowed) as exc:
                    st.error(f"Not removed: {exc}")
                else:
                    st.caption(f"Moved to {kept}")
                    run_ingest(assistant, f"Removing {source}…", editor)
                    st.rerun()
    if st.button("Re-ingest corpus", help="Index new and changed files, remove deleted ones"):
        run_ingest(assistant, "Re-ingesting the corpus…", editor)
        st.rerun()


def sign_in(assistant: Assistant, me: Visitor) -> None:
    """Editor sign-in, when an editor credential is configured."""
    settings = assistant.settings
    if not credential_configured(settings):
        return
    gate = sign_in_gate()
    if me.role is Role.EDITOR:
        if st.button("Sign out", help="Back to reading only"):
            gate.sign_out(me, settings)
            st.rerun()
        return
    with st.form("sign-in", clear_on_submit=True):
        password = st.text_input("Editor password", type="password")
        if st.form_submit_button("Sign in as editor"):
            if gate.sign_in(me, password, settings):
                st.rerun()
            st.error(f"Wrong password. The next try waits {gate.delay():.0f} s.")


def show_answer(answer: dict) -> None:
    if answer.get("rewritten") and st.session_state.get("show_rewrite"):
        st.caption(escape_markdown(answer["rewritten"]))
    if answer.get("notice"):
        st.info(answer["notice"])
    st.markdown(answer_markdown(answer["answer"]))
    if answer.get("abstained"):
        st.caption("No citation: the ingested documents do not answer this.")
    verification = answer.get("verification")
    if verification and verification.get("verified"):
        removed = len(verification.get("removed", []))
        st.caption("✓ Verified: every sentence is supported by the passage it cites"
                   + (f" ({removed} unsupported sentence(s) removed)." if removed else "."))
    for citation in answer.get("citations", []):
        with st.expander(citation_label(citation)):
            st.html(passage_html(citation))
            about = document_label(citation)
            if about:
                st.caption(f"Document: {escape_markdown(about)}")


def feedback_widget(assistant: Assistant, index: int, message: dict) -> None:
    """Thumbs up/down under an answer; thumbs down asks what the answer should have been."""
    if message.get("feedback"):
        st.caption(f"Thanks for the feedback ({message['feedback']}).")
        return
    answer = message["answer"]
    rating = st.feedback("thumbs", key=f"rating-{index}")
    if rating is None:
        return
    record = {"question": message["question"], "answer": answer["answer"], "abstained": bool(answer["abstained"]),
              "cited": tuple(h_text(c) for c in answer.get("citations", [])), "who": visitor(assistant.settings).who}
    if rating == 1:
        assistant.feedback.add(Feedback(helpful=True, **record))
        message["feedback"] = "helpful"
        st.caption("Thanks for the feedback (helpful).")
        return
    with st.form(key=f"correction-{index}"):
        correction = st.text_input("What should the answer be? (optional)")
        missing = st.checkbox("The documents do not answer this")
        if st.form_submit_button("Send feedback"):
            assistant.feedback.add(Feedback(helpful=False, correction=correction, unanswerable=missing, **record))
            message["feedback"] = "not helpful"
            st.rerun()


def h_text(citation: dict) -> str:
    """The highlighted sentence of a citation (the passage when nothing is highlighted)."""
    for h in citation.get("highlights", []):
        return citation["text"][h["start"] - citation["start"]:h["end"] - citation["start"]]
    return citation["text"]


def chat() -> None:
    assistant = get_assistant()
    if not assistant.documents():
        run_ingest(assistant, "First start: ingesting the corpus…", wait_if_busy=True)
    sidebar(assistant)
    collection = assistant.collection_name()
    st.title("Guideline assistant")
    st.caption(f"Ask about {escape_markdown(collection)}. Answers quote the documents, with numbered citations.")
    history = st.session_state.setdefault("messages", [])
    for index, message in enumerate(history):
        with st.chat_message(message["role"]):
            if message["role"] == "user":
                st.markdown(answer_markdown(message["content"]))
            else:
                show_answer(message["answer"])
                feedback_widget(assistant, index, message)
    question = st.chat_input(f"Ask about {collection}")
    if not question:
        return
    history.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(answer_markdown(question))
    with st.chat_message("assistant"):
        asked_before = [m["question"] for m in history if m["role"] == "assistant"]
        try:
            stream = assistant.stream(question, st.session_state.get("backend"), asked_before,
                                      st.session_state.get("documents") or None)
            draft = st.empty()
            with draft:
                st.write_stream(escape_markdown(token) for token in stream)
            draft.empty()
            answer = stream.answer.to_json()
        except BadQuestion as exc:
            answer = {"answer": f"I cannot take that question: {exc}.", "abstained": True, "citations": []}
        except StoreUnavailable as exc:
            answer = {"answer": f"The document store is unavailable: {exc}.", "abstained": True, "citations": []}
        show_answer(answer)
        history.append({"role": "assistant", "answer": answer, "question": question})
        feedback_widget(assistant, len(history) - 1, history[-1])


def main() -> None:
    st.set_page_config(page_title="Guideline assistant", page_icon="📘", layout="wide")
    pages = [st.Page(chat, title="Chat", icon=":material/chat:", default=True),
             st.Page("pages/glance_page.py", title="At a glance", icon=":material/table_view:"),
             st.Page("pages/evaluate_page.py", title="Evaluate", icon=":material/analytics:")]
    if visitor(get_assistant().settings).role is Role.EDITOR:
        pages.append(st.Page("pages/feedback_page.py", title="Feedback", icon=":material/reviews:"))
    page = st.navigation(pages)
    page.run()


main()
