"""Exports of profiles, requests and the schedule as CSV, XLSX or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from django.http import Http404, HttpResponse
from openpyxl import Workbook

from showfloor.core.i18n import localized
from showfloor.core.models import Edition
from showfloor.matchmaking.enums import MeetingStatus
from showfloor.matchmaking.models import Meeting, MeetingRequest, Profile
from showfloor.matchmaking.services import video_url

COLUMNS = {
    "participants": [
        "participant_id",
        "email",
        "name",
        "type",
        "country",
        "offers",
        "seeks",
        "offer_text",
        "seek_text",
        "capacity",
        "active",
    ],
    "requests": [
        "request_id",
        "requester_email",
        "recipient_email",
        "status",
        "mutual",
        "message",
        "decline_reason",
        "created_at",
    ],
    "schedule": [
        "meeting_id",
        "starts_at",
        "ends_at",
        "table",
        "mode",
        "video_url",
        "participant_a",
        "email_a",
        "participant_b",
        "email_b",
        "locked",
        "held",
    ],
}


def rows(edition: Edition, kind: str) -> Iterator[list[object]]:
    if kind == "participants":
        for p in (
            Profile.objects.filter(edition=edition).select_related("participant").order_by("pk")
        ):
            person = p.participant
            yield [
                person.pk,
                person.email,
                person.full_name,
                person.type,
                str(person.country),
                " ".join(p.offers),
                " ".join(p.seeks),
                localized(p.offer_text),
                localized(p.seek_text),
                p.capacity or "",
                p.is_active,
            ]
    elif kind == "requests":
        for r in (
            MeetingRequest.objects.filter(edition=edition)
            .select_related("requester", "recipient")
            .order_by("pk")
        ):
            yield [
                r.pk,
                r.requester.email,
                r.recipient.email,
                r.status,
                r.mutual,
                r.message,
                r.decline_reason,
                r.created_at.isoformat(),
            ]
    elif kind == "schedule":
        for m in (
            Meeting.objects.filter(edition=edition, status=MeetingStatus.SCHEDULED)
            .select_related("slot", "table", "participant_a", "participant_b", "edition")
            .order_by("slot__starts_at", "pk")
        ):
            yield [
                m.pk,
                m.slot.starts_at.isoformat(),
                m.slot.ends_at.isoformat(),
                m.table.number if m.table else "",
                m.mode,
                video_url(m),
                m.participant_a.full_name,
                m.participant_a.email,
                m.participant_b.full_name,
                m.participant_b.email,
                m.locked,
                m.is_held,
            ]
    else:
        raise Http404("unknown export")


def response(edition: Edition, kind: str, fmt: str) -> HttpResponse:
    if kind not in COLUMNS:
        raise Http404("unknown export")
    header = COLUMNS[kind]
    data = list(rows(edition, kind))
    name = f"matchmaking-{kind}-{edition.slug}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(data)
        out = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        out = HttpResponse(
            json.dumps([dict(zip(header, row, strict=True)) for row in data], ensure_ascii=False),
            content_type="application/json",
        )
    elif fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = kind
        sheet.append(header)
        for row in data:
            sheet.append(row)
        buffer_b = io.BytesIO()
        book.save(buffer_b)
        out = HttpResponse(
            buffer_b.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("unknown format")
    out["Content-Disposition"] = f'attachment; filename="{name}"'
    return out
