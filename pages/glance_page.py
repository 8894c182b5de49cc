"""The collection at a glance: its figures, places and goals as cited tables with their document and
date, what changed since the previous version of each document, and what differs between two
documents. UI only: the tables are extracted at ingest."""
from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st

from glance import chart, export, versions
from glance.diff import diff as diff_tables
from ui import citation_label, escape_markdown, get_assistant, passage_html

st.title("At a glance")
st.caption("What the ingested documents set out, read from their sentences at ingest time. "
           "Every row cites the sentence it comes from; open a source to see it in context.")

assistant = get_assistant()
catalog = assistant.catalog
if not assistant.documents():
    st.warning("No documents are ingested yet: open the chat page first, which ingests the corpus.")
    st.stop()

tables = assistant.tables.tables()
documents = {d.source: (d.title or d.source, d.date or "") for d in assistant.documents()}
records = export.rows(tables, documents)
labels = {"figures": "Figures", "places": "Zones and areas", "goals": "Goals and strategies"}
COLUMNS = {"figures": ["measure", "qualifier", "value", "unit", "equivalent", "status", "period", "document", "date"],
           "places": ["name", "group", "role", "mentions", "document", "date"],
           "goals": ["goal", "kind", "deadline", "actor", "document", "date"]}


def in_context(cite: dict, n: int) -> None:
    """The sentence marked inside its paragraph, as the chat shows a citation."""
    row = catalog.chunk_at(cite["source"], cite["start"])
    passage = ({"text": row.text, "start": row.start, "end": row.end, "source": row.source, "page": row.page}
               if row else {"text": cite["sentence"], "start": cite["start"], "end": cite["end"],
                            "source": cite["source"]})
    passage["highlights"] = [{"start": cite["start"], "end": cite["end"]}]
    with st.expander(citation_label({**passage, "n": n})):
        st.html(passage_html(passage))


def downloads(name: str, table: list[dict], key: str) -> None:
    left, right = st.columns(2)
    left.download_button(f"Download {name} as CSV", export.to_csv(table), f"{name}.csv", "text/csv", key=f"{key}-csv")
    right.download_button(f"Download {name} as JSON", json.dumps(table, ensure_ascii=False, indent=2),
                          f"{name}.json", "application/json", key=f"{key}-json")


def now_against_target(table: list[dict]) -> None:
    """Each measure with a current value and a target as bars with their years, one colour per
    document; a bar is labelled with its row's number in Sources, and clicking it opens that source."""
    data = pd.DataFrame(chart.bars(table))
    if data.empty:
        return
    st.markdown("**Now against target**")
    st.caption("Click a bar to open the sentence it comes from; [n] is its number under Sources.")
    data["tag"] = "[" + data["n"].astype(str) + "] " + data["label"]
    picked = None
    for number, (measure, rows) in enumerate(data.groupby("measure", sort=False)):
        select = alt.selection_point(fields=["n"], name="bar")
        bars = alt.Chart(rows).mark_bar().encode(
            x=alt.X("bar:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("document:N"),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("document:N", title="Document"),
            opacity=alt.condition(select, alt.value(1.0), alt.value(0.55)),
            tooltip=["tag", "status", "year", "document", "date", "sentence"]).add_params(select)
        labels = alt.Chart(rows).mark_text(dy=-8).encode(
            x=alt.X("bar:N", sort=None), xOffset="document:N", y="value:Q", text="tag:N")
        event = st.altair_chart((bars + labels).properties(title=measure, height=260), on_select="rerun",
                                key=f"chart-{number}", width="stretch")
        points = (event or {}).get("selection", {}).get("bar") or []
        picked = points[0].get("n", picked) if points else picked
    if picked:
        row = table[int(picked) - 1]
        in_context({k: row[k] for k in ("source", "start", "end", "sentence")}, int(picked))


tabs = st.tabs([f"{labels[n]} ({len(records[n])})" for n in export.TABLES] + ["What changed"])
for tab, name in zip(tabs, export.TABLES):
    with tab:
        table = records[name]
        if not table:
            st.info(f"No {labels[name].lower()} found in the ingested documents.")
            continue
        if name == "figures":
            now_against_target(table)
        st.dataframe(pd.DataFrame(table)[COLUMNS[name]], hide_index=True, width="stretch")
        st.markdown("**Sources**")
        for n, row in enumerate(table, 1):
            in_context({k: row[k] for k in ("source", "start", "end", "sentence")}, n)
        downloads(name, table, name)

with tabs[-1]:
    changes = versions.changes(catalog)
    current = versions.current(catalog)
    if len(current) > 1:
        st.markdown("**Compare two documents**")
        left, right = st.columns(2)
        names = sorted(current, key=lambda source: documents[source][1])
        older = left.selectbox("Older", names, index=0, format_func=lambda s: f"{documents[s][1]} · {documents[s][0]}")
        newer = right.selectbox("Newer", names, index=len(names) - 1,
                                format_func=lambda s: f"{documents[s][1]} · {documents[s][0]}")
        if older != newer:
            changes = {f"{older} → {newer}": diff_tables(current[older], current[newer]), **changes}
    if not changes:
        st.info("No document has an earlier version on record yet: re-ingest after a document changes.")
    for source, diff in changes.items():
        st.subheader(source)
        flat = export.change_rows({source: diff})
        if not flat:
            st.caption("Re-ingested with no change to its figures, places, goals or sentences.")
            continue
        st.dataframe(pd.DataFrame(flat)[["table", "change", "old", "new"]], hide_index=True,
                     width="stretch")
        for n, row in enumerate(flat, 1):
            if row["change"] == "changed" and row["table"] == "figures":
                st.markdown(f"**{escape_markdown(row['old'])}** → **{escape_markdown(row['new'])}**")
            for side in ("old", "new"):
                if row.get(f"{side}_source") and side == "new":
                    in_context({k: row[f"new_{k}"] for k in ("source", "start", "end", "sentence")}, n)
                elif row.get(f"{side}_source"):
                    st.caption(f"Before (previous version, characters {row['old_start']}–{row['old_end']}): "
                               f"{escape_markdown(row['old_sentence'])}")
        downloads(f"changes-{source}", flat, f"changes-{source}")
