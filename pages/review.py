"""Review: paste or upload an article, draft its statements, correct them against the text,
see what the validator still misses, and download the article folder as a ZIP.

Nothing is written on the server: the draft lives in the session, the ZIP is made in
memory, and the validator reads a temporary copy of the registry that it removes.
"""

from datetime import date

import streamlit as st

from components.app.dataset import get_dataset
from components.app.routing import ensure_router
from components.app.text_safety import escape_markdown
from components.review import frames
from components.review import view as rv

# The highlighted article scrolls in its own box beside the legend.
ARTICLE_HEIGHT_PX = 460
# The crisis the corpus covers; the date picker starts there.
DEFAULT_PUBLISHED = date(2021, 5, 14)

ensure_router()
dataset = get_dataset()
data_dir = str(dataset.data_dir)

st.title("Review", anchor=False)
st.caption(
    "Paste or upload an article's text, draft its statements, then confirm, correct or delete "
    "each one and download the article folder. Nothing is saved on the server."
)

text_column, meta_column = st.columns([1.6, 1], gap="large")
with text_column:
    st.text_area("Article text", key=rv.TEXT_KEY, height=260, placeholder="Paste the text here")
    st.file_uploader("…or upload it (UTF-8 .txt)", type=["txt"], key=rv.UPLOAD_KEY)
with meta_column:
    st.text_input("Outlet", key=rv.OUTLET_KEY, placeholder="PanARMENIAN.Net")
    outlet_type_column, side_column = st.columns(2)
    outlet_type_column.selectbox(
        "Outlet type", rv.OUTLET_TYPES, index=None, key=rv.OUTLET_TYPE_KEY, placeholder="Choose"
    )
    side_column.selectbox(
        "Side of the outlet", rv.SIDES, index=None, key=rv.SIDE_KEY, placeholder="Choose"
    )
    st.date_input("Published", value=DEFAULT_PUBLISHED, key=rv.PUBLISHED_KEY)
    st.text_input("Title", key=rv.TITLE_KEY, placeholder="The headline as published")
    st.text_input("Address (URL)", key=rv.URL_KEY)
    st.text_input("Rights", key=rv.RIGHTS_KEY, placeholder="© Outlet; quoted for research")

st.button(
    "Draft statements",
    type="primary",
    key="review_run",
    icon=":material/auto_awesome:",
    on_click=rv.draft_clicked,
    args=(data_dir,),
)
notice = st.session_state.pop(rv.NOTICE_KEY, None)
if notice:
    st.error(notice, icon=":material/error:")

review = st.session_state.get(rv.DRAFT_KEY)
if review is None:
    st.info(
        "The draft marks every statement in the text, coloured by speaker, with its cue word "
        "and confidence. It is a draft: check every row.",
        icon=":material/info:",
    )
    st.stop()

draft_text = review["text"]
text, _ = rv.article_text()
if text and text != draft_text:
    st.warning("The text changed since the draft: press “Draft statements” again.")

meta = rv.current_meta()
suggested_id = frames.suggest_article_id(meta.outlet, meta.published_date, meta.title)
st.text_input(
    "Article id (the folder's name)",
    key=rv.ARTICLE_ID_KEY,
    placeholder=suggested_id,
    help="Leave empty to use the suggestion: <outlet>-<YYYY-MM-DD>-<words of the title>",
)
article_id = meta.article_id or suggested_id

# The text comes first on the page but shows the table's edits: it is filled after the table.
st.header("The draft in the text", anchor=False)
highlight = st.container()
st.header("Statements", anchor=False)
st.caption(
    "One row per statement, numbered as in the text. Tick Confirm once checked, Delete for "
    "what is not a statement; pick the speaker, type, date words and place. Arrow keys move, "
    "Enter edits."
)
with st.container(key="review_statements"):
    rows = rv.statements_editor(data_dir)
with st.expander("A speaker the registry lacks"):
    name_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
    name_column.text_input("Name of the new speaker", key=rv.NEW_SPEAKER_NAME_KEY)
    button_column.button("Add speaker", key="review_add_speaker", on_click=rv.add_speaker)
    st.caption("It is then offered in the Speaker column as “new: <name>”.")

actors = rv.new_actors_editor(rows)
if not actors.empty:
    st.caption("New speakers: give each an id and a type; they go to registry_additions.yaml.")
places = rv.new_places_editor()

labels = {value: frames.speaker_label(value, rv.actor_names(data_dir)) for value in rows["speaker"]}
legend, article = rv.highlighted(draft_text, rows, labels)
with highlight:
    st.html(legend)
    with st.container(height=ARTICLE_HEIGHT_PX, border=True, key="review_article"):
        st.html(article)

taken = frames.other_statement_ids(dataset.statements, article_id)
files = frames.folder_files(
    draft_text, meta, rows, actors, places, frames.statement_prefix(meta, taken)
)

st.header("What the validator still misses", anchor=False)
problems = rv.validation(data_dir, article_id, tuple(files.items()))
gaps = frames.coverage_gaps(draft_text, rows, meta.not_statements)
if problems.empty:
    st.success("The folder is valid: the validator and the coverage check find nothing.")
else:
    st.caption(
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''} with this folder merged "
        "into a temporary copy of the registry (the first stage that fails is listed)."
    )
    with st.container(key="review_problems"):
        st.dataframe(
            frames.short_problems(problems, article_id),
            hide_index=True,
            width="stretch",
            column_config={
                "file": st.column_config.TextColumn("File", width="small"),
                "record": st.column_config.TextColumn("Record", width="small"),
                "field": st.column_config.TextColumn("Field", width="small"),
                "message": st.column_config.TextColumn("Problem", width="large"),
            },
        )
if gaps:
    st.markdown(f"**Words no statement covers** ({len(gaps)}):")
    gap_column, speaker_column = st.columns([3, 1.3], vertical_alignment="bottom")
    gap_column.selectbox(
        "Uncovered words",
        range(len(gaps)),
        format_func=lambda i: frames.gap_label(gaps[i]),
        index=None,
        key=rv.GAP_KEY,
        placeholder="Pick a quotation or reporting sentence",
    )
    names = rv.actor_names(data_dir)
    speaker_column.selectbox(
        "Speaker",
        frames.speaker_options(names, rows, st.session_state[rv.EXTRA_SPEAKERS_KEY]),
        format_func=lambda value: frames.speaker_label(value, names),
        index=None,
        key=rv.GAP_SPEAKER_KEY,
        placeholder="Who says it",
    )
    add_column, reason_column, skip_column = st.columns([1, 2, 1], vertical_alignment="bottom")
    add_column.button(
        "Add as a statement", key="review_add_gap", on_click=rv.add_gap_as_statement, args=(gaps,)
    )
    reason_column.text_input("…or why it is not a statement", key=rv.GAP_REASON_KEY)
    skip_column.button(
        "Not a statement",
        key="review_skip_gap",
        on_click=rv.mark_gap_not_statement,
        args=(gaps, draft_text),
    )
for entry in meta.not_statements:
    words, reason = escape_markdown(entry["quote"][:80]), escape_markdown(entry["reason"])
    st.caption(f"Not a statement: {words} — {reason}")

st.header("Download", anchor=False)
st.download_button(
    f"Download {article_id}.zip",
    data=frames.zip_bytes(article_id, files),
    file_name=f"{article_id}.zip",
    mime="application/zip",
    key=rv.DOWNLOAD_KEY,
    icon=":material/download:",
    on_click="ignore",
)
st.caption(
    "The ZIP holds the article folder and registry_additions.yaml: unzip it into "
    "data/articles/, move the additions into actors.yaml and locations.yaml, then run "
    "`python -m components.data validate`."
)
