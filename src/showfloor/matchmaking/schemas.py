"""API shapes of the matchmaking app."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class RequestIn(Schema):
    recipient_id: int
    message: str = ""


class DeclineIn(Schema):
    reason: str
    note: str = ""


class RequestOut(Schema):
    id: int
    requester_id: int
    recipient_id: int
    status: str
    mutual: bool
    message: str
    decline_reason: str
    created_at: dt.datetime


class RecommendationOut(Schema):
    participant_id: int
    name: str
    organization: str
    score: float
    reasons: list[str]
    pinned: bool


class MeetingOut(Schema):
    id: int
    participant_a_id: int
    participant_b_id: int
    status: str
    mode: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    table: int | None
    video_url: str
    locked: bool
    held: bool


class ScheduleIn(Schema):
    time_limit: float = 10.0
    fairness: bool = False


class ScheduleOut(Schema):
    run_id: int
    seconds: float
    report: dict


class CheckInIn(Schema):
    participant_id: int
