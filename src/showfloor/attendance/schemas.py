"""API shapes of the attendance app."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class ScanIn(Schema):
    nonce: str = Field(
        min_length=8, max_length=64, description="client-generated, unique per device"
    )
    secret: str = Field(min_length=1, max_length=200, description="the text of the badge's QR code")
    gate: str = Field("", max_length=40, description="gate code; default: the device's gate")


class QueuedScanIn(ScanIn):
    scanned_at: dt.datetime
    local_result: str = Field("", max_length=20, description="what the device decided offline")


class ScanBatchIn(Schema):
    scans: list[QueuedScanIn] = Field(max_length=20000)


class ScanOut(Schema):
    nonce: str
    result: str
    accepted: bool
    message: str
    replayed: bool
    participant_name: str
    participant_type: str
    scanned_at: dt.datetime
    conflict: str


class ScanBatchOut(Schema):
    recorded: int
    replayed: int
    conflicts: list[ScanOut]
    results: list[ScanOut]


class LeadIn(Schema):
    secret: str = Field(min_length=1, max_length=200)
    rating: int | None = Field(None, ge=1, le=5)
    notes: str = Field("", max_length=5000)
    tags: list[str] = Field(default_factory=list)


class LeadPatch(Schema):
    rating: int | None = Field(None, ge=1, le=5)
    notes: str | None = Field(None, max_length=5000)
    tags: list[str] | None = None


class LeadOut(Schema):
    id: int
    exhibitor: int
    first_name: str
    last_name: str
    email: str
    organization_name: str
    job_title: str
    participant_type: str
    scanned_at: dt.datetime
    rating: int | None
    notes: str
    tags: list[str]
    created: bool = False


class ScannedByOut(Schema):
    exhibitor: str
    scanned_at: dt.datetime
