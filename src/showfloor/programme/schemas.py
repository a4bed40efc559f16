"""API shapes of the programme."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Field, Schema

I18n = dict[str, str]


class PersonOut(Schema):
    id: int
    name: str
    role: str
    organization: str
    country: str


class StreamOut(Schema):
    status: str
    playback_url: str
    replay_url: str


class SessionOut(Schema):
    id: int
    guid: uuid.UUID
    kind: str
    status: str
    title: I18n
    abstract: I18n
    language: str
    interpretation: list[str]
    forum: str | None
    room: I18n | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    capacity: int | None
    people: list[PersonOut]
    sectors: list[str]
    stream: StreamOut | None
    url: str


class RegistrationIn(Schema):
    participant_id: int | None = None


class RegistrationOut(Schema):
    id: int
    session_id: int
    participant_id: int
    status: str
    requested_at: dt.datetime
    promoted_at: dt.datetime | None


class QuestionIn(Schema):
    text: str = Field(min_length=1, max_length=1000)


class ModerationIn(Schema):
    action: str = Field(pattern="^(approve|answer|hide)$")
    answer: str = ""


class QuestionOut(Schema):
    id: int
    text: str
    author_name: str
    status: str
    answer: str
    upvotes: int
    created_at: dt.datetime


class ViewerStatsOut(Schema):
    session_id: int
    unique_viewers: int
    peak_concurrent: int
    peak_minute: dt.datetime | None
    replay_viewers: int
