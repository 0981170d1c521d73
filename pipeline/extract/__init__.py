"""Rule-based extraction: one small module per part of the record.

``build_record(article)`` runs the steps in order, each a pure function of a
:class:`~pipeline.extract.context.Context`:

    source facts   source.read_source(ctx)          -> Source
    relevance      relevance.is_emulation_meeting(ctx) -> bool   (cheap: text cues only)
    -- irrelevant articles stop here: no NER, no further work --
    kinds          kinds.find_kinds(ctx)              -> list[str]
    date           dates.find_meeting_date(ctx)       -> (date | None, Span | None)
    location       places.find_location(ctx)          -> (str | None, Span | None)
    province       places.find_province(ctx, location)-> str | None
    group          groups.find_group(ctx)             -> Group | None
    member count   groups.find_member_count(ctx)      -> int | None
    NER            nlp.annotate(text)                 -> spaCy Doc (set on ctx.doc)
    members        members.find_members(ctx)          -> list[Member]
    officials      officials.find_officials(ctx)      -> list[Official]
    leaders        leaders.find_leaders(ctx)          -> list[Leader]
    awards         awards.find_awards(ctx)            -> list[Award]
"""
from __future__ import annotations

from .. import nlp
from ..record import Meeting, MeetingEvidence, Record
from ..types import Article
from . import awards, dates, groups, kinds, leaders, members, officials, places, relevance, source
from .context import Context


def build_record(article: Article) -> Record:
    ctx = Context(article=article)
    src = source.read_source(ctx)
    ctx = ctx.with_(published=src.published)
    base = dict(doc_id=article.doc_id, source=src, text=article.text)
    if not relevance.is_emulation_meeting(ctx):
        return Record(**base, is_emulation_meeting=False, meeting=None)
    return Record(**base, is_emulation_meeting=True, meeting=read_meeting(ctx))


def read_meeting(ctx: Context) -> Meeting:
    found_kinds = kinds.find_kinds(ctx)
    ctx = ctx.with_(kinds=tuple(found_kinds))
    date, date_span = dates.find_meeting_date(ctx)
    ctx = ctx.with_(date=date)
    location, location_span = places.find_location(ctx)
    province = places.find_province(ctx, location)
    group = groups.find_group(ctx)
    ctx = ctx.with_(group=group)
    member_count = groups.find_member_count(ctx)
    ctx = ctx.with_(doc=nlp.annotate(ctx.text))
    return Meeting(
        kinds=found_kinds,
        date=date,
        location=location,
        province=province,
        group=group,
        member_count=member_count,
        members=members.find_members(ctx),
        officials=officials.find_officials(ctx),
        leaders=leaders.find_leaders(ctx),
        awards=awards.find_awards(ctx),
        evidence=MeetingEvidence(date=date_span, location=location_span),
    )
