"""B2B matchmaking: profiles, requests, sessions of slots, tables, meetings and their outcomes.

A Meeting's people hold one MeetingSeat each per slot; the unique (participant, slot) constraint
on seats, and (table, slot) on meetings, make the database refuse a person or a table given twice.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from showfloor.attendance.models import Participant
from showfloor.core.i18n import I18nField
from showfloor.core.models import Edition, Sector
from showfloor.exhibitors.models import Exhibitor
from showfloor.matchmaking.enums import (
    AcceptanceMode,
    DeclineReason,
    MeetingMode,
    MeetingStatus,
    RequestStatus,
    RuleKind,
    Stage,
    SurveyOutcome,
    TableKind,
)


class MatchmakingSettings(models.Model):
    """The organiser's rules for one edition."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_settings"
    )
    requests_open = models.BooleanField(_("requests open"), default=True)
    acceptance_mode = models.CharField(
        _("acceptance"),
        max_length=12,
        choices=AcceptanceMode.choices,
        default=AcceptanceMode.OPT_IN,
    )
    max_requests_per_person = models.PositiveIntegerField(
        _("maximum requests a person may send"), default=20
    )
    # {participant type: maximum requests a person of that type may send}
    max_requests_per_type = models.JSONField(
        _("maximum requests per type"), default=dict, blank=True
    )
    default_capacity = models.PositiveIntegerField(_("default meetings per person"), default=8)
    min_meetings = models.PositiveIntegerField(
        _("meetings everyone who asked should get"), default=3
    )
    video_room_prefix = models.SlugField(_("video room prefix"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("matchmaking settings")
        verbose_name_plural = _("matchmaking settings")

    def __str__(self) -> str:
        return f"{self.edition}"


class Profile(models.Model):
    """What a participant (and through them their exhibitor) offers and seeks."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_profiles"
    )
    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="matchmaking_profile"
    )
    headline = I18nField(_("headline"), blank=True)
    offer_text = I18nField(_("what we offer"), blank=True)
    seek_text = I18nField(_("what we seek"), blank=True)
    offers = models.JSONField(_("offers"), default=list, blank=True)  # list of Intent values
    seeks = models.JSONField(_("seeks"), default=list, blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="matchmaking_profiles")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, blank=True)
    countries_of_interest = models.JSONField(_("countries of interest"), default=list, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("meetings I can take"), null=True, blank=True)
    is_active = models.BooleanField(_("take part in matchmaking"), default=True)
    # Cached sentence embeddings (float32, 512-d) of offer_text and seek_text; empty when stale.
    offer_vector = models.BinaryField(null=True, blank=True, editable=False)
    seek_vector = models.BinaryField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matchmaking profile")
        verbose_name_plural = _("matchmaking profiles")
        ordering = ["id"]
        indexes = [models.Index(fields=["edition", "is_active"])]

    def __str__(self) -> str:
        return str(self.participant)

    @property
    def exhibitor(self) -> Exhibitor | None:
        return self.participant.exhibitor


class Availability(models.Model):
    """A window in which a participant can meet; a participant with none is always available."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="matchmaking_availability"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")
        ordering = ["participant", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="mm_availability_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class PairRule(models.Model):
    """An organiser's pin or block, for a pair of people or for groups (participant types)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="matchmaking_rules")
    kind = models.CharField(_("kind"), max_length=8, choices=RuleKind.choices)
    participant_a = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    participant_b = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    type_a = models.CharField(_("group A (participant type)"), max_length=20, blank=True)
    type_b = models.CharField(_("group B (participant type)"), max_length=20, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pin or block")
        verbose_name_plural = _("pins and blocks")
        ordering = ["id"]

    def __str__(self) -> str:
        left = self.participant_a or self.type_a
        right = self.participant_b or self.type_b
        return f"{self.get_kind_display()}: {left} – {right}"


class MeetingSession(models.Model):
    """A block of consecutive slots on one day (e.g. 09:00–12:30, 30-minute slots, 5-min breaks)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_sessions"
    )
    name = models.CharField(_("name"), max_length=100)
    starts_at = models.DateTimeField(_("starts at"))
    slot_minutes = models.PositiveIntegerField(_("slot length (minutes)"), default=30)
    break_minutes = models.PositiveIntegerField(_("break between slots (minutes)"), default=0)
    slot_count = models.PositiveIntegerField(_("number of slots"), default=6)

    class Meta:
        verbose_name = _("meeting session")
        verbose_name_plural = _("meeting sessions")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.name


class Slot(models.Model):
    session = models.ForeignKey(MeetingSession, on_delete=models.CASCADE, related_name="slots")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="matchmaking_slots")
    index = models.PositiveIntegerField()
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "index"], name="mm_slot_session_index")
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Table(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_tables"
    )
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=8, choices=TableKind.choices)
    location = models.CharField(_("location"), max_length=120, blank=True)
    exhibitor = models.ForeignKey(
        Exhibitor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="matchmaking_tables",
        help_text=_("For a table at an exhibitor's booth."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="mm_table_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}"


class MeetingRequest(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_requests"
    )
    requester = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="sent_meeting_requests"
    )
    recipient = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="received_meeting_requests"
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decline_reason = models.CharField(
        _("reason"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("note"), max_length=300, blank=True)
    mutual = models.BooleanField(_("mutual"), default=False)
    preferred_mode = models.CharField(
        _("preferred mode"), max_length=8, choices=MeetingMode.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="mm_request_open_once",
            ),
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")), name="mm_request_not_self"
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"


class Meeting(models.Model):
    """An accepted request (or a walk-in), scheduled or waiting for a slot."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_meetings"
    )
    request = models.OneToOneField(
        MeetingRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting"
    )
    participant_a = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    participant_b = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MeetingStatus.choices,
        default=MeetingStatus.UNSCHEDULED,
    )
    mode = models.CharField(
        _("mode"), max_length=8, choices=MeetingMode.choices, default=MeetingMode.ONSITE
    )
    slot = models.ForeignKey(
        Slot, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    table = models.ForeignKey(
        Table, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    video_room = models.CharField(_("video room"), max_length=120, blank=True)
    weight = models.PositiveIntegerField(_("weight"), default=1)
    locked = models.BooleanField(_("locked by staff"), default=False)
    is_walk_in = models.BooleanField(_("walk-in"), default=False)
    checked_in_a_at = models.DateTimeField(null=True, blank=True)
    checked_in_b_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "slot"],
                condition=Q(status="scheduled", table__isnull=False),
                name="mm_meeting_table_slot",
            ),
            models.CheckConstraint(
                condition=~Q(participant_a=models.F("participant_b")), name="mm_meeting_not_self"
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.participant_a} – {self.participant_b}"

    @property
    def is_held(self) -> bool:
        return self.checked_in_a_at is not None and self.checked_in_b_at is not None


class MeetingSeat(models.Model):
    """One person's place in a scheduled meeting: the database refuses a person twice per slot."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "slot"], name="mm_seat_person_slot")
        ]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.slot}"


class ScheduleRun(models.Model):
    """One run of the scheduler and how good its answer was."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="matchmaking_schedule_runs"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField(default=0)
    method = models.CharField(max_length=40, blank=True)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.edition} {self.started_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="matchmaking_notifications"
    )
    kind = models.CharField(max_length=30)
    request = models.ForeignKey(
        MeetingRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.participant}: {self.kind}"


class FollowUp(models.Model):
    """The follow-up survey after a meeting: did it lead to a deal? The deals app may link here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(
        _("did this lead to a deal?"), max_length=12, choices=SurveyOutcome.choices
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up survey answer")
        verbose_name_plural = _("follow-up survey answers")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant"], name="mm_followup_once")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.outcome}"
