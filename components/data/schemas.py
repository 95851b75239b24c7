"""One pandera schema per table: each column declared once, with its meaning and allowed values.

data/README.md (the codebook) documents the same columns; a test keeps the two in step.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.typing import Series

from .dates import PARTS_OF_DAY, PRECISIONS

ACTOR_TYPES = (
    "person",
    "state",
    "government body",
    "armed forces",
    "legislature",
    "international organisation",
    "group",
)
# Statement types, with the CAMEO root most of them map to (data/README.md has the table).
STATEMENT_TYPES = (
    "accusation",
    "denial",
    "demand",
    "appeal",
    "appeal_for_assistance",
    "call_for_negotiation",
    "claim",
    "criticism",
    "concern",
    "warning",
    "intention",
    "report",
)
EVENT_TYPES = (
    "negotiation",
    "consultation",
    "speech",
    "military movement",
    "armed conflict",
    "territorial change",
    "agreement",
    "election",
)
EVENT_STATUSES = ("occurred", "planned", "reported", "alleged")
STANCES = ("support", "oppose", "neutral")
ENTITY_TYPES = ("actor", "location")
LOCATION_TYPES = (
    "lake",
    "region",
    "district",
    "village",
    "town",
    "city",
    "mountain",
    "national capital",
    "international organisation HQ",
)
# The camp of an outlet or issuer (not of the speakers it quotes); a verbatim repost of an
# agency's story takes the agency's camp.
SIDES = ("armenia", "azerbaijan", "russia", "west", "international", "other")
OUTLET_TYPES = (
    "government",
    "state media",
    "private media",
    "wire",
    "international organisation",
)
# How a claim's value reads: a number (with a unit), a day, a place id, or words.
VALUE_KINDS = ("number", "date", "place", "text")
ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
CAMEO_PATTERN = r"^\d{2,4}$"
COUNTRY_PATTERN = r"^[A-Z]{3}$"


@pandas_engine.Engine.register_dtype
@dtypes.immutable(init=True)
class Text(pandas_engine.STRING):
    """A text column: pandas' string dtype (what ``str`` is in pandas 3), checked on the
    column's dtype alone.

    pandera checks a ``str`` column value by value (one True each, since the dtype is
    right) and then formats a report of the values that failed, none, on every validation:
    1 to 2 ms a column, 100 ms a load of the article (74 text columns), every time. The
    schemas coerce first (``coerce = True``), so a column that reaches the check already
    has this dtype; the values themselves are checked by each Field's checks.
    """

    def check(self, pandera_dtype: dtypes.DataType, data_container: object = None) -> bool:
        return super().check(pandera_dtype)


def _id(description: str, **kwargs) -> object:
    return pa.Field(str_matches=ID_PATTERN, description=description, **kwargs)


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True
        ordered = False


class ArticleSchema(_Strict):
    article_id: Series[Text] = _id("Folder name of the article under data/articles/.", unique=True)
    title: Series[Text] = pa.Field(description="Title shown in the dashboard.")
    title_note: Series[Text] = pa.Field(nullable=True, description="Where the title comes from.")
    outlet: Series[Text] = pa.Field(description="Publication, e.g. France 24.")
    agency: Series[Text] = pa.Field(nullable=True, description="News agency, e.g. AFP.")
    published_date: Series[pd.Timestamp] = pa.Field(description="Publication date.")
    language: Series[Text] = pa.Field(
        str_matches=r"^[a-z]{2}$", description="ISO 639-1 code of the text."
    )
    is_translation: Series[bool] = pa.Field(description="True when the text is a translation.")
    translation_note: Series[Text] = pa.Field(
        nullable=True, description="What was translated from what."
    )
    url: Series[Text] = pa.Field(nullable=True, description="Address of the original, if known.")
    text: Series[Text] = pa.Field(description="The verbatim article text (article.txt).")
    body_end_char: Series[int] = pa.Field(
        ge=0, description="End of the report body; after it, page furniture."
    )
    outlet_type: Series[Text] = pa.Field(isin=OUTLET_TYPES, description="Kind of outlet or issuer.")
    side: Series[Text] = pa.Field(
        isin=SIDES, description="Camp of the outlet or issuer (not of the speakers)."
    )
    syndicated_from: Series[Text] = pa.Field(
        nullable=True, description="Outlet or agency whose text this repost carries."
    )
    story_id: Series[Text] = pa.Field(
        description="Copies of one wire story share it; else the article_id."
    )
    rights: Series[Text] = pa.Field(description="Whose text it is, and on what terms it is kept.")
    left_out: Series[Text] = pa.Field(
        nullable=True, description="What of the published page was not recorded."
    )


class ActorSchema(_Strict):
    actor_id: Series[Text] = _id("Stable key of the actor.", unique=True)
    actor_name: Series[Text] = pa.Field(description="Canonical English name.")
    actor_type: Series[Text] = pa.Field(isin=ACTOR_TYPES, description="Kind of actor.")
    role_title: Series[Text] = pa.Field(
        nullable=True, description="Title or role, for persons and bodies."
    )
    country_code: Series[Text] = pa.Field(
        nullable=True,
        str_matches=COUNTRY_PATTERN,
        description="ISO 3166-1 alpha-3 code, where one applies.",
    )
    parent_actor_id: Series[Text] = pa.Field(
        nullable=True, description="The body or state the actor belongs to."
    )
    state_actor_id: Series[Text] = pa.Field(
        description="Top of the parent chain: the state or organisation the actor counts for."
    )
    seat_location_id: Series[Text] = pa.Field(
        nullable=True, description="Where the actor speaks from."
    )
    aliases: Series[object] = pa.Field(
        description="Tuple of the exact surface forms used in the texts."
    )
    description: Series[Text] = pa.Field(nullable=True, description="One line of context.")
    name_note: Series[Text] = pa.Field(
        nullable=True, description="Where the canonical spelling comes from."
    )
    mention_count: Series[int] = pa.Field(ge=0, description="Number of mentions in all texts.")


class LocationSchema(_Strict):
    location_id: Series[Text] = _id("Stable key of the location.", unique=True)
    location_name: Series[Text] = pa.Field(description="Name shown in the dashboard.")
    location_type: Series[Text] = pa.Field(isin=LOCATION_TYPES, description="Kind of place.")
    aliases: Series[object] = pa.Field(
        description="Tuple of the exact surface forms used in the texts."
    )
    lat: Series[float] = pa.Field(ge=-90, le=90, description="Latitude, WGS84 decimal degrees.")
    lon: Series[float] = pa.Field(ge=-180, le=180, description="Longitude, WGS84 decimal degrees.")
    geo_precision: Series[Text] = pa.Field(
        description="What the point stands for (centre, city point...)."
    )
    coord_source: Series[Text] = pa.Field(
        description="Where the coordinates come from (always background)."
    )
    border_note: Series[Text] = pa.Field(
        nullable=True, description="Border sources' disagreement, if any."
    )
    note: Series[Text] = pa.Field(nullable=True, description="Context and identifications.")
    mention_count: Series[int] = pa.Field(ge=0, description="Number of mentions in all texts.")
    first_mention_char: Series[float] = pa.Field(
        nullable=True, description="Start of the first mention, if any."
    )


class IssueSchema(_Strict):
    issue_id: Series[Text] = _id("Stable key of the issue.", unique=True)
    issue_label: Series[Text] = pa.Field(description="Short label for matrix columns.")
    proposition: Series[Text] = pa.Field(description="The proposition actors support or oppose.")


class StatementSchema(_Strict):
    statement_id: Series[Text] = _id("Stable key, unique across all articles.", unique=True)
    utterance_id: Series[Text] = pa.Field(
        description="Shared by reports of one utterance in several articles; else statement_id."
    )
    article_id: Series[Text] = pa.Field(description="Article the statement is in.")
    speaker_actor_id: Series[Text] = pa.Field(description="Who said it.")
    target_actor_id: Series[Text] = pa.Field(
        nullable=True, description="Whom it is about or addressed to."
    )
    reported_by_actor_id: Series[Text] = pa.Field(
        nullable=True, description="Who reports it ('according to')."
    )
    quote: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The exact words of the article."
    )
    start_char: Series[int] = pa.Field(ge=0, description="Start of the quote in the article text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the quote (exclusive).")
    sentence: Series[Text] = pa.Field(description="The sentence(s) of the article the quote is in.")
    is_direct_quote: Series[bool] = pa.Field(
        description="True when the quote holds the speaker's own words in quotation marks."
    )
    statement_type: Series[Text] = pa.Field(isin=STATEMENT_TYPES, description="Codebook type.")
    cameo_code: Series[Text] = pa.Field(
        nullable=True, str_matches=CAMEO_PATTERN, description="CAMEO event code, where one fits."
    )
    date_expression: Series[Text] = pa.Field(description="The annotation's 'when', as written.")
    date_quote: Series[Text] = pa.Field(
        nullable=True, description="The article's words that give the date."
    )
    start_date: Series[pd.Timestamp] = pa.Field(description="First day it may have happened.")
    end_date: Series[pd.Timestamp] = pa.Field(description="Last day it may have happened.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="How precise the date is.")
    part_of_day: Series[Text] = pa.Field(
        nullable=True, isin=PARTS_OF_DAY, description="For part_of_day precision."
    )
    date_label: Series[Text] = pa.Field(description="Readable date with its precision.")
    location_id: Series[Text] = pa.Field(nullable=True, description="Place the statement is about.")
    contradicts_statement_id: Series[Text] = pa.Field(
        nullable=True, description="Statement this one contradicts."
    )
    note: Series[Text] = pa.Field(nullable=True, description="Annotator's note.")


class EventSchema(_Strict):
    event_id: Series[Text] = _id("Stable key, unique across all articles.", unique=True)
    article_id: Series[Text] = pa.Field(description="Article of the event's main report.")
    report_count: Series[int] = pa.Field(ge=1, description="Number of articles reporting it.")
    title: Series[Text] = pa.Field(description="Short title.")
    event_type: Series[Text] = pa.Field(isin=EVENT_TYPES, description="Kind of event.")
    status: Series[Text] = pa.Field(
        isin=EVENT_STATUSES, description="Occurred, planned, reported or alleged."
    )
    quote: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The exact words of the article."
    )
    start_char: Series[int] = pa.Field(ge=0, description="Start of the quote in the article text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the quote (exclusive).")
    sentence: Series[Text] = pa.Field(description="The sentence(s) of the article the quote is in.")
    date_expression: Series[Text] = pa.Field(description="The annotation's 'when', as written.")
    date_quote: Series[Text] = pa.Field(
        nullable=True, description="The article's words that give the date."
    )
    start_date: Series[pd.Timestamp] = pa.Field(description="First day, as the article dates it.")
    end_date: Series[pd.Timestamp] = pa.Field(description="Last day, as the article dates it.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="How precise the date is.")
    part_of_day: Series[Text] = pa.Field(
        nullable=True, isin=PARTS_OF_DAY, description="For part_of_day precision."
    )
    date_label: Series[Text] = pa.Field(description="Readable date with its precision.")
    is_background: Series[bool] = pa.Field(
        description="True for context before the May 2021 crisis."
    )
    background_start_date: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="Exact start from an outside source."
    )
    background_end_date: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="Exact end from an outside source."
    )
    background_date_source: Series[Text] = pa.Field(
        nullable=True, description="The outside source of the exact dates."
    )
    actor_ids: Series[object] = pa.Field(description="Tuple of the actors involved.")
    location_id: Series[Text] = pa.Field(nullable=True, description="Where it happened.")
    note: Series[Text] = pa.Field(nullable=True, description="Annotator's note.")


class StanceSchema(_Strict):
    stance_id: Series[Text] = pa.Field(unique=True, description="statement_id:issue_id:actor_id.")
    statement_id: Series[Text] = pa.Field(description="Statement that carries the stance.")
    article_id: Series[Text] = pa.Field(description="Article of the statement.")
    actor_id: Series[Text] = pa.Field(
        description="Who takes the stance (the speaker unless stated)."
    )
    issue_id: Series[Text] = pa.Field(description="The proposition.")
    stance: Series[Text] = pa.Field(isin=STANCES, description="support, oppose or neutral.")
    quote: Series[Text] = pa.Field(description="Evidence: the exact words of the article.")
    start_char: Series[int] = pa.Field(ge=0, description="Start of the evidence in the text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the evidence (exclusive).")
    note: Series[Text] = pa.Field(nullable=True, description="Annotator's note.")


class MentionSchema(_Strict):
    mention_id: Series[Text] = pa.Field(unique=True, description="article_id:start_char.")
    article_id: Series[Text] = pa.Field(description="Article of the mention.")
    entity_type: Series[Text] = pa.Field(isin=ENTITY_TYPES, description="actor or location.")
    entity_id: Series[Text] = pa.Field(description="actor_id or location_id.")
    surface: Series[Text] = pa.Field(description="The words as they stand in the text.")
    start_char: Series[int] = pa.Field(ge=0, description="Start of the mention.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the mention (exclusive).")


class EventReportSchema(_Strict):
    report_id: Series[Text] = pa.Field(unique=True, description="event_id:article_id.")
    event_id: Series[Text] = pa.Field(description="The event reported.")
    article_id: Series[Text] = pa.Field(description="The article reporting it.")
    quote: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The exact words of the article."
    )
    start_char: Series[int] = pa.Field(ge=0, description="Start of the quote in the article text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the quote (exclusive).")
    sentence: Series[Text] = pa.Field(description="The sentence(s) of the article the quote is in.")
    date_expression: Series[Text] = pa.Field(description="The annotation's 'when', as written.")
    date_quote: Series[Text] = pa.Field(
        nullable=True, description="The article's words that give the date."
    )
    start_date: Series[pd.Timestamp] = pa.Field(description="First day, as this report dates it.")
    end_date: Series[pd.Timestamp] = pa.Field(description="Last day, as this report dates it.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="How precise the date is.")
    part_of_day: Series[Text] = pa.Field(
        nullable=True, isin=PARTS_OF_DAY, description="For part_of_day precision."
    )
    date_label: Series[Text] = pa.Field(description="Readable date with its precision.")
    location_id: Series[Text] = pa.Field(nullable=True, description="Where this report places it.")
    is_main_report: Series[bool] = pa.Field(
        description="True for the report the events table takes its words and date from."
    )
    note: Series[Text] = pa.Field(nullable=True, description="Annotator's note.")


class EventClaimSchema(_Strict):
    claim_id: Series[Text] = pa.Field(unique=True, description="event_id:article_id:n.")
    event_id: Series[Text] = pa.Field(description="The event the claim is about.")
    article_id: Series[Text] = pa.Field(description="The article that makes the claim.")
    aspect: Series[Text] = pa.Field(description="What is claimed (aspect_id).")
    value: Series[Text] = pa.Field(description="The claimed value, as the annotation gives it.")
    unit: Series[Text] = pa.Field(nullable=True, description="Unit of the value, if any.")
    quote: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The exact words that state it."
    )
    start_char: Series[int] = pa.Field(ge=0, description="Start of the quote in the article text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the quote (exclusive).")
    by_actor_id: Series[Text] = pa.Field(
        nullable=True, description="Whom the article attributes the claim to."
    )
    note: Series[Text] = pa.Field(nullable=True, description="Annotator's note.")


class AspectSchema(_Strict):
    aspect_id: Series[Text] = _id("Stable key of the aspect.", unique=True)
    aspect_label: Series[Text] = pa.Field(description="Label shown in the dashboard.")
    value_kind: Series[Text] = pa.Field(isin=VALUE_KINDS, description="How the value reads.")
    description: Series[Text] = pa.Field(nullable=True, description="What the aspect measures.")


class NotStatementSchema(_Strict):
    not_statement_id: Series[Text] = pa.Field(unique=True, description="article_id:start_char.")
    article_id: Series[Text] = pa.Field(description="Article of the words.")
    quote: Series[Text] = pa.Field(description="Quoted or reporting words that are no statement.")
    start_char: Series[int] = pa.Field(ge=0, description="Start of the words in the text.")
    end_char: Series[int] = pa.Field(ge=1, description="End of the words (exclusive).")
    reason: Series[Text] = pa.Field(description="Why they are not an attributed statement.")


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticleSchema,
    "actors": ActorSchema,
    "locations": LocationSchema,
    "issues": IssueSchema,
    "statements": StatementSchema,
    "events": EventSchema,
    "stances": StanceSchema,
    "mentions": MentionSchema,
    "event_reports": EventReportSchema,
    "event_claims": EventClaimSchema,
    "aspects": AspectSchema,
    "not_statements": NotStatementSchema,
}
