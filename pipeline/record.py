"""The record contract in code: the one definition of thidua's output.

Every JSONL line thidua writes is a :class:`Record`. The JSON Schema published in
``schemas/record.schema.json`` is generated from these models (``thidua schema``) and a
test keeps the two in sync. Field names, enums and nullability follow
``EXTRACTION_GUIDE.md``; every extracted item carries the :class:`Span` of the cleaned
text (``Record.text``) it was read from.
"""
from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_ID = "https://thidua.example/schemas/record.schema.json"
RECORD_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_assignment=False)


class Span(_Model):
    """A character span ``[start, end)`` of the record's cleaned ``text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class MeetingKind(str, Enum):
    tong_ket = "tong_ket"
    so_ket = "so_ket"
    trien_khai = "trien_khai"
    ky_giao_uoc = "ky_giao_uoc"
    binh_xet = "binh_xet"
    trao_thuong = "trao_thuong"


class GroupKind(str, Enum):
    cum = "cum"
    khoi = "khoi"


class Role(str, Enum):
    chair = "chair"
    director = "director"
    attendee = "attendee"
    speaker = "speaker"
    reporter = "reporter"
    other = "other"


class Position(str, Enum):
    leader = "leader"
    deputy = "deputy"


class AwardType(str, Enum):
    co_thi_dua = "co_thi_dua"
    bang_khen = "bang_khen"
    giay_khen = "giay_khen"
    huan_chuong = "huan_chuong"
    huy_chuong = "huy_chuong"
    ky_niem_chuong = "ky_niem_chuong"
    chien_si_thi_dua = "chien_si_thi_dua"
    tap_the_lao_dong_xuat_sac = "tap_the_lao_dong_xuat_sac"
    tap_the_lao_dong_tien_tien = "tap_the_lao_dong_tien_tien"
    lao_dong_tien_tien = "lao_dong_tien_tien"
    danh_hieu_khac = "danh_hieu_khac"


class AwardStatus(str, Enum):
    proposed = "proposed"
    conferred = "conferred"


NonEmpty = Field(min_length=1)


class Group(_Model):
    name: str = Field(min_length=1, description="The cluster or block as written, e.g. 'Cụm thi đua số 3'")
    kind: GroupKind


class Member(_Model):
    name: str = Field(min_length=1, description="A unit shown to belong to the group")
    evidence: Span


class Official(_Model):
    name: str = Field(min_length=1, description="Person's name without honorifics")
    title: Optional[str] = Field(default=None, description="First title, abbreviations expanded")
    organization: Optional[str] = Field(default=None, description="The body of that title")
    role: Role
    evidence: Span


class Leader(_Model):
    unit: str = Field(min_length=1)
    position: Position
    year: Optional[int] = Field(default=None, ge=1945, le=2100)
    evidence: Span


class Award(_Model):
    award_type: AwardType
    award: str = Field(min_length=1, description="The award phrase as written")
    issuer: Optional[str] = None
    recipient: Optional[str] = None
    count: Optional[int] = Field(default=None, ge=1)
    status: AwardStatus
    year: Optional[int] = Field(default=None, ge=1945, le=2100)
    evidence: Span

    @model_validator(mode="after")
    def _recipient_or_count(self) -> "Award":
        if self.recipient is None and self.count is None:
            raise ValueError("an award needs a recipient or a count")
        return self


class MeetingEvidence(_Model):
    date: Optional[Span] = None
    location: Optional[Span] = None


class Meeting(_Model):
    kinds: list[MeetingKind] = Field(default_factory=list)
    date: Optional[dt.date] = None
    location: Optional[str] = None
    province: Optional[str] = None
    group: Optional[Group] = None
    member_count: Optional[int] = Field(default=None, ge=1)
    members: list[Member] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    leaders: list[Leader] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    evidence: MeetingEvidence = Field(default_factory=MeetingEvidence)

    @model_validator(mode="after")
    def _evidence_for_values(self) -> "Meeting":
        if self.date is not None and self.evidence.date is None:
            raise ValueError("meeting.date needs meeting.evidence.date")
        if self.location is not None and self.evidence.location is None:
            raise ValueError("meeting.location needs meeting.evidence.location")
        return self


class Source(_Model):
    path: str = Field(min_length=1, description="Input file, or file plus line/id for JSONL")
    title: Optional[str] = None
    published: Optional[dt.date] = None
    authors: list[str] = Field(default_factory=list)
    url: Optional[str] = None


class Record(_Model):
    """One output line: one input article, relevant or not, or an error."""

    doc_id: str = Field(min_length=1, description="Stable id: same cleaned text, same id")
    source: Source
    text: str = Field(description="The cleaned article text every span refers to")
    is_emulation_meeting: bool
    meeting: Optional[Meeting] = None
    error: Optional[str] = Field(default=None, description="Why the input could not be read")

    @model_validator(mode="after")
    def _consistent(self) -> "Record":
        if not self.is_emulation_meeting and self.meeting is not None:
            raise ValueError("meeting must be null when is_emulation_meeting is false")
        if self.error is not None and self.is_emulation_meeting:
            raise ValueError("an error record cannot be an emulation meeting")
        return self

    def to_json(self) -> str:
        """One JSONL line (no newline), UTF-8 text kept as is."""
        return self.model_dump_json(exclude_none=False)


def error_record(doc_id: str, path: str, message: str) -> Record:
    """The record for an input that could not be read: the message set, nothing else."""
    return Record(doc_id=doc_id, source=Source(path=path), text="",
                  is_emulation_meeting=False, meeting=None, error=message)


def json_schema() -> dict[str, Any]:
    schema = Record.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
              "title": "thidua record", **{k: v for k, v in schema.items() if k != "title"}}
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
