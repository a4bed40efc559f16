"""Moderated questions: participants ask and upvote; moderators approve, answer or hide."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.permissions import Actor
from showfloor.programme.enums import QuestionStatus, SessionStatus
from showfloor.programme.models import Question, QuestionVote, Session
from showfloor.programme.rules import can_moderate_questions

VISIBLE = (QuestionStatus.APPROVED, QuestionStatus.ANSWERED)
MODERATION_ACTIONS = ("approve", "answer", "hide")


def may_ask(actor: Actor, session: Session) -> bool:
    """Participants of the edition ask; so do the session's moderators and programme staff."""
    if actor.user is None:
        return False
    if can_moderate_questions(actor, session):
        return True
    return Participant.objects.filter(edition_id=session.edition_id, user=actor.user).exists()


@transaction.atomic
def ask_question(actor: Actor, session: Session, text: str) -> Question:
    if not may_ask(actor, session):
        raise PermissionDenied("only participants of the edition may ask")
    if session.status != SessionStatus.PUBLISHED:
        raise ValidationError(_("This session is not in the public programme."), code="draft")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write your question.")]})
    participant = Participant.objects.filter(edition_id=session.edition_id, user=actor.user).first()
    question = Question(
        session=session,
        author=actor.user,
        author_name=participant.full_name if participant else actor.user.get_username(),
        text=text,
    )
    question.full_clean()
    question.save()
    audit.record(
        actor,
        "programme.question.create",
        question,
        edition=session.edition,
        changes={"text": [None, text]},
    )
    return question


def upvote_question(actor: Actor, question: Question) -> Question:
    """One vote per person and question: a second vote changes nothing."""
    if not may_ask(actor, question.session):
        raise PermissionDenied("only participants of the edition may vote")
    if question.status not in VISIBLE:
        raise ValidationError(_("Only published questions can be upvoted."), code="hidden")
    try:
        with transaction.atomic():
            QuestionVote.objects.create(question=question, user=actor.user)
            Question.objects.filter(pk=question.pk).update(upvotes=F("upvotes") + 1)
    except IntegrityError:
        pass
    question.refresh_from_db()
    return question


@transaction.atomic
def moderate_question(actor: Actor, question: Question, action: str, answer: str = "") -> Question:
    if not can_moderate_questions(actor, question.session):
        raise PermissionDenied("only moderators of the session may moderate")
    if action not in MODERATION_ACTIONS:
        raise ValidationError({"action": [_("Unknown moderation action “%s”.") % action]})
    locked = Question.objects.select_for_update().get(pk=question.pk)
    values: dict = {"moderated_by": actor.user, "moderated_at": timezone.now()}
    if action == "approve":
        values["status"] = QuestionStatus.APPROVED
    elif action == "hide":
        values["status"] = QuestionStatus.HIDDEN
    else:
        answer = (answer or "").strip()
        if not answer:
            raise ValidationError({"answer": [_("Write the answer.")]})
        values.update(status=QuestionStatus.ANSWERED, answer=answer)
    changes = audit.apply_changes(locked, values)
    locked.full_clean()
    locked.save()
    audit.record(
        actor,
        f"programme.question.{action}",
        locked,
        edition=question.session.edition,
        changes={key: value for key, value in changes.items() if key != "moderated_at"},
    )
    question.refresh_from_db()
    return locked
