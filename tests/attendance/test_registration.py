import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.attendance.enums import RegistrationStatus
from showfloor.attendance.models import Badge, Participant
from showfloor.attendance.services import register_participant
from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from tests.attendance.factories import ExhibitorFactory, RegistrationFormFactory
from tests.factories import OrganizationMemberFactory, UserFactory

ANON = Actor()


def _register(edition, actor=ANON, **fields):
    values = {"first_name": "Mei", "last_name": "Chen", "email": "mei@example.org", "consent": True}
    return register_participant(actor, edition, **{**values, **fields})


@pytest.mark.django_db(transaction=True)
def test_register_participant_self_on_open_form_sends_confirmation_with_manage_link(edition):
    RegistrationFormFactory(edition=edition)
    participant = _register(edition)
    assert participant.status == RegistrationStatus.REGISTERED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mei@example.org"]
    assert participant.urls.manage in mail.outbox[0].body


def test_register_participant_onsite_gets_one_active_badge(edition):
    RegistrationFormFactory(edition=edition)
    participant = _register(edition)
    assert Badge.objects.filter(participant=participant, revoked_at__isnull=True).count() == 1


def test_register_participant_online_gets_no_badge(edition):
    RegistrationFormFactory(edition=edition)
    participant = _register(edition, attendance_mode="online")
    assert participant.badges.count() == 0


def test_register_participant_without_form_is_refused_for_the_public(edition):
    with pytest.raises(ValidationError) as error:
        _register(edition)
    assert error.value.messages == ["Registration is not open for this participant type."]


def test_register_participant_closed_form_is_refused_for_the_public(edition):
    RegistrationFormFactory(edition=edition, is_open=False)
    with pytest.raises(ValidationError):
        _register(edition)
    assert Participant.objects.count() == 0


def test_register_participant_staff_may_register_vip_without_form(edition, staff_user):
    staff = Actor.for_user(staff_user(edition, StaffRoleName.REGISTRATION))
    participant = _register(edition, staff, type="vip", consent=False)
    assert participant.type == "vip"


def test_register_participant_without_consent_is_refused(edition):
    RegistrationFormFactory(edition=edition)
    with pytest.raises(ValidationError) as error:
        _register(edition, consent=False)
    assert error.value.message_dict == {"consent": ["Please accept the terms to register."]}


def test_register_participant_required_question_missing_is_refused(edition):
    RegistrationFormFactory(
        edition=edition,
        questions=[{"key": "interest", "label": {"en": "Main interest"}, "required": True}],
    )
    with pytest.raises(ValidationError) as error:
        _register(edition, answers={})
    assert error.value.message_dict == {"answers.interest": ["“Main interest” needs an answer."]}


def test_register_participant_choice_answer_is_stored(edition):
    RegistrationFormFactory(
        edition=edition,
        questions=[{"key": "size", "kind": "choice", "choices": ["1-10", "11-500"]}],
    )
    participant = _register(edition, answers={"size": "1-10"})
    assert participant.answers == {"size": "1-10"}


def test_register_participant_capacity_reached_is_refused(edition):
    RegistrationFormFactory(edition=edition, capacity=1)
    _register(edition)
    with pytest.raises(ValidationError) as error:
        _register(edition, email="other@example.org")
    assert error.value.messages == ["Registration is full."]


def test_register_participant_day_capacity_reached_is_refused(edition):
    day = edition.start_date.isoformat()
    RegistrationFormFactory(edition=edition, day_capacity=1)
    _register(edition, days=[day])
    with pytest.raises(ValidationError) as error:
        _register(edition, email="other@example.org", days=[day])
    assert error.value.message_dict == {"days": [f"{day} is full."]}


def test_register_participant_day_outside_form_days_is_refused(edition):
    RegistrationFormFactory(edition=edition, days=[edition.start_date.isoformat()])
    other = (edition.start_date + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as error:
        _register(edition, days=[other])
    assert error.value.message_dict == {"days": [f"{other} is not a day you can register for."]}


def test_register_participant_same_email_twice_is_refused(edition):
    RegistrationFormFactory(edition=edition)
    _register(edition)
    with pytest.raises(ValidationError) as error:
        _register(edition, email="MEI@example.org")
    assert error.value.message_dict == {"email": ["This e-mail address is already registered."]}


def test_register_participant_exhibitor_member_registers_own_staff(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    member = OrganizationMemberFactory(organization=exhibitor.organization)
    participant = _register(
        edition, Actor.for_user(member.user), type="exhibitor_staff", exhibitor=exhibitor
    )
    assert participant.exhibitor == exhibitor


def test_register_participant_other_exhibitor_staff_is_forbidden(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    outsider = OrganizationMemberFactory()
    with pytest.raises(PermissionDenied):
        _register(
            edition, Actor.for_user(outsider.user), type="exhibitor_staff", exhibitor=exhibitor
        )


def test_register_participant_unknown_field_is_a_type_error(edition):
    with pytest.raises(TypeError):
        register_participant(Actor.system(), edition, first_name="A", shoe_size=42)


def test_register_participant_links_signed_in_user(edition):
    RegistrationFormFactory(edition=edition)
    user = UserFactory()
    participant = _register(edition, Actor.for_user(user), user=user)
    assert participant.user == user
