"""The programme: forums (tracks), rooms, sessions, speakers, streams, registrations, Q&A and
the privacy-friendly viewer pings from which live and replay audiences are counted.

Times are stored as aware UTC datetimes; pages show them in the edition's time zone and the
visitor's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.attendance.models import Participant
from showfloor.core.i18n import CONTENT_LANGUAGES, I18nField, I18nTextField, localized
from showfloor.core.models import Edition, Organization, Sector
from showfloor.programme.enums import (
    ForumKind,
    QuestionStatus,
    RegistrationStatus,
    SessionKind,
    SessionStatus,
    SpeakerRole,
    SpeakerStatus,
    StreamStatus,
    ViewMode,
)

LANGUAGE_CHOICES = [(code, code) for code in CONTENT_LANGUAGES]


def validate_stream_url(value: str) -> None:
    """A stream is played from an http(s) URL or from a path of this site (/media/...)."""
    if not value:
        return
    if not value.startswith(("http://", "https://", "/")) or value.startswith("//"):
        raise ValidationError(
            _(
                "“%(url)s” is not a stream address: "
                "use an http(s):// URL or a path such as /media/."
            ),
            code="stream_url",
            params={"url": value},
        )


class Forum(models.Model):
    """A track of the programme: a high-level or technical forum with its own sessions."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="forums")
    code = models.SlugField(_("short name"), max_length=60)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ForumKind.choices, default=ForumKind.TECHNICAL
    )
    title = I18nField(_("title"))
    description = I18nTextField(_("description"), blank=True)
    host = I18nField(_("host"), blank=True, help_text=_("Who organises the forum."))
    sectors = models.ManyToManyField(Sector, blank=True, related_name="forums")
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="forum_unique_code",
                violation_error_message=_("This edition already has a forum with this short name."),
            )
        ]

    def __str__(self) -> str:
        return localized(self.title) or self.code

    @cached_property
    def urls(self) -> ForumUrls:
        return ForumUrls(self)


class ForumUrls:
    def __init__(self, forum: Forum) -> None:
        self.forum = forum

    def _kwargs(self) -> dict[str, str]:
        return {"edition_slug": self.forum.edition.slug, "code": self.forum.code}

    @property
    def public(self) -> str:
        return reverse("programme:forum", kwargs=self._kwargs())

    @property
    def ical(self) -> str:
        return reverse("programme:forum_ical", kwargs=self._kwargs())


class Room(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rooms")
    name = I18nField(_("name"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=100)
    is_virtual = models.BooleanField(
        _("online only"), default=False, help_text=_("A studio or virtual room without seats.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return localized(self.name)


class Speaker(models.Model):
    """A speaker or moderator of the edition; once they confirm, they edit their own profile."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="speakers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker_profiles",
    )
    name = models.CharField(_("name"), max_length=200)
    job_title = I18nField(_("job title"), blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speakers",
    )
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    bio = I18nTextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="programme/speakers/", blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SpeakerStatus.choices, default=SpeakerStatus.INVITED
    )
    invite_token = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    invited_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        if self.organization_id:
            return localized(self.organization.name)
        return self.organization_name


class Session(models.Model):
    """One slot of the programme: a keynote, a panel, a signing or award ceremony..."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="programme_sessions"
    )
    forum = models.ForeignKey(
        Forum, on_delete=models.PROTECT, null=True, blank=True, related_name="sessions"
    )
    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, null=True, blank=True, related_name="sessions"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.TALK
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    title = I18nField(_("title"))
    abstract = I18nTextField(_("abstract"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    interpretation = models.JSONField(
        _("interpretation into"),
        default=list,
        blank=True,
        help_text=_("Languages of simultaneous interpretation."),
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="programme_sessions")
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Seats open to registration; the room's capacity when empty."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    speakers = models.ManyToManyField(
        Speaker, through="SessionSpeaker", related_name="sessions", blank=True
    )
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["edition", "starts_at"]),
            models.Index(fields=["room", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True, ends_at__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return localized(self.title) or str(self.guid)

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        if (self.starts_at is None) != (self.ends_at is None):
            errors.setdefault("ends_at", []).append(
                ValidationError(_("Give both a start and an end, or neither."), code="partial_time")
            )
        elif self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.setdefault("ends_at", []).append(
                ValidationError(
                    _("The session ends (%(end)s) before or when it starts (%(start)s)."),
                    code="end_before_start",
                    params={"end": self.ends_at, "start": self.starts_at},
                )
            )
        unknown = [code for code in self.interpretation or [] if code not in CONTENT_LANGUAGES]
        if unknown or not isinstance(self.interpretation, list):
            errors.setdefault("interpretation", []).append(
                ValidationError(
                    _("Unknown language(s): %(codes)s."),
                    code="languages",
                    params={"codes": ", ".join(map(str, unknown))},
                )
            )
        for name in ("forum", "room"):
            related = getattr(self, name) if getattr(self, f"{name}_id") else None
            if related is not None and related.edition_id != self.edition_id:
                errors.setdefault(name, []).append(
                    ValidationError(_("This belongs to another edition."), code="edition")
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_scheduled(self) -> bool:
        return self.starts_at is not None

    @property
    def duration(self) -> dt.timedelta | None:
        if self.starts_at and self.ends_at:
            return self.ends_at - self.starts_at
        return None

    @property
    def effective_capacity(self) -> int | None:
        if self.capacity is not None:
            return self.capacity
        if self.room_id and not self.room.is_virtual:
            return self.room.capacity
        return None

    @property
    def languages(self) -> list[str]:
        return [self.language, *[c for c in self.interpretation or [] if c != self.language]]

    @cached_property
    def urls(self) -> SessionUrls:
        return SessionUrls(self)


class SessionUrls:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _name(self, name: str) -> str:
        return reverse(
            f"programme:{name}",
            kwargs={"edition_slug": self.session.edition.slug, "pk": self.session.pk},
        )

    @property
    def public(self) -> str:
        return self._name("session")

    @property
    def edit(self) -> str:
        return self._name("manage_session_edit")


class SessionSpeaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="session_speakers")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="session_speakers")
    role = models.CharField(
        _("role"), max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("session speaker")
        verbose_name_plural = _("session speakers")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"],
                name="session_speaker_unique",
                violation_error_message=_("This person is already on this session."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker} – {self.session}"


class Stream(models.Model):
    """Where a session is played: an HLS URL of the streaming server, then a replay."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="stream")
    playback_url = models.CharField(
        _("live HLS address"),
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=_("The .m3u8 address that the streaming server (SRS, MediaMTX...) publishes."),
    )
    replay_url = models.CharField(
        _("replay address"),
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=_("HLS (.m3u8) or video address of the recording, once available."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StreamStatus.choices, default=StreamStatus.SCHEDULED
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("stream")
        verbose_name_plural = _("streams")

    def __str__(self) -> str:
        return f"{self.session} ({self.get_status_display()})"


class SessionRegistration(models.Model):
    """A participant's seat at a session, or their place on its waiting list."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="session_registrations"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    # Orders the waiting list; set again when a cancelled registration is renewed.
    requested_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="session_registration_unique"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.participant} – {self.session} ({self.status})"


class AgendaItem(models.Model):
    """A session a participant put in their personal agenda."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="agenda_items"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session__starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "session"], name="agenda_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.session}"


class Question(models.Model):
    """A question from the audience; shown to all once a moderator approves it."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_questions",
    )
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    text = models.TextField(_("question"), validators=[MaxLengthValidator(1000)])
    status = models.CharField(
        _("status"), max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    answer = models.TextField(_("answer"), blank=True, validators=[MaxLengthValidator(4000)])
    upvotes = models.PositiveIntegerField(_("upvotes"), default=0)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-upvotes", "created_at", "id"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return self.text[:80]


class QuestionVote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question vote")
        verbose_name_plural = _("question votes")
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="question_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ↑ {self.question_id}"


class ViewerPing(models.Model):
    """One viewer seen watching a session during one minute (from the player's heartbeat).

    The viewer is the daily-rotating visitor hash of core.privacy: no IP, no account. Unique
    viewers are the distinct hashes of a session; concurrent viewers at a minute are the rows of
    that minute, and the peak is their maximum.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="viewer_pings")
    mode = models.CharField(max_length=8, choices=ViewMode.choices, default=ViewMode.LIVE)
    visitor_hash = models.CharField(max_length=32)
    minute = models.DateTimeField()

    class Meta:
        verbose_name = _("viewer ping")
        verbose_name_plural = _("viewer pings")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "mode", "minute", "visitor_hash"], name="viewer_ping_once"
            )
        ]
        indexes = [models.Index(fields=["session", "mode", "minute"])]

    def __str__(self) -> str:
        return f"{self.session_id} {self.mode} {self.minute:%Y-%m-%d %H:%M}"
