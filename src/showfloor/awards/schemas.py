from __future__ import annotations

from ninja import Field, Schema

SCORE_PATTERN = r"^\d{1,3}(\.\d{1,2})?$"


class WinnerOut(Schema):
    entry_id: int
    organization: str
    title: str
    rank: int | None
    tied: bool
    exhibitor_id: int | None


class AwardOut(Schema):
    id: int
    code: str
    name: dict[str, str]
    category: str
    winners: list[WinnerOut]


class ScoreOut(Schema):
    entry_id: int
    juror_id: int
    criterion_id: int
    value: str


class ScorecardIn(Schema):
    scores: dict[int, str] = Field(
        description="criterion id → score as decimal text (a JSON number is refused)"
    )


class EntryIn(Schema):
    exhibitor_id: int
    exhibit_id: int | None = None
    title: dict[str, str] = {}
    description: dict[str, str] = {}


class EntryOut(Schema):
    id: int
    award_id: int
    organization_id: int
    exhibitor_id: int | None
    exhibit_id: int | None
    title: dict[str, str]
    source: str
    status: str
