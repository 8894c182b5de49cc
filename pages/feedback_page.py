"""Feedback from the chat, for editors: who said what (an anonymous session id for readers),
abusive items removed, the rest exported as test queries. UI only: the actions check the role."""
from __future__ import annotations

import streamlit as st

from access import NotAllowed, require_editor
from access import editing
from ui import escape_markdown, get_assistant, visitor

st.title("Feedback")
assistant = get_assistant()
me = visitor(assistant.settings)
try:
    require_editor(me)
except NotAllowed as exc:
    st.error(str(exc).capitalize() + ".")
    st.stop()

items = assistant.feedback.all()
st.caption(f"{len(items)} item(s), newest first. Remove what is abusive; export the rest as test queries.")
st.download_button("Export as test queries (YAML)", editing.export_feedback(me, assistant.feedback),
                   file_name="feedback-queries.yaml", disabled=not items)
for item in reversed(items):
    verdict = "helpful" if item.helpful else "not helpful"
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(item.question)}** · {verdict} · {item.at} · {item.who or 'unknown'}")
        if item.correction:
            st.caption("Correction: " + escape_markdown(item.correction))
        if st.button("Remove", key=f"remove-feedback-{item.id}"):
            editing.remove_feedback(me, assistant.feedback, item.id)
            st.rerun()
