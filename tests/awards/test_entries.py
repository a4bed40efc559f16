from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.awards import services
from showfloor.core.permissions import Actor
from showfloor.exhibitors.models import Exhibit
from tests.awards.factories import AwardFactory, ExhibitorFactory
from tests.factories import OrganizationMemberFactory


@pytest.mark.django_db
def test_exhibitor_member_submits_entry_to_open_award(edition):
    award = AwardFactory(edition=edition, status="open", eligibility="exhibits")
    exhibitor = ExhibitorFactory(edition=edition)
    member = OrganizationMemberFactory(organization=exhibitor.organization)

    entry = services.submit_entry(
        Actor.for_user(member.user), award, exhibitor, {"en": "Edge AI camera"}
    )

    assert (entry.source, entry.organization_id, entry.status) == (
        "submitted",
        exhibitor.organization_id,
        "submitted",
    )


@pytest.mark.django_db
def test_stranger_cannot_submit_for_an_exhibitor(edition):
    award = AwardFactory(edition=edition, status="open")
    exhibitor = ExhibitorFactory(edition=edition)
    stranger = OrganizationMemberFactory()

    with pytest.raises(PermissionDenied):
        services.submit_entry(Actor.for_user(stranger.user), award, exhibitor, {"en": "X"})


@pytest.mark.django_db
def test_unapproved_exhibitor_is_not_eligible(edition, system_actor):
    award = AwardFactory(edition=edition, eligibility="exhibitors")
    exhibitor = ExhibitorFactory(edition=edition, status="applied")

    with pytest.raises(ValidationError) as error:
        services.nominate_entry(system_actor, award, exhibitor.organization, exhibitor)

    assert error.value.message_dict == {
        "exhibitor": ["Only approved exhibitors of the edition may enter this award."]
    }


@pytest.mark.django_db
def test_exhibit_award_needs_a_title(edition, system_actor):
    award = AwardFactory(edition=edition, eligibility="exhibits")
    exhibitor = ExhibitorFactory(edition=edition)

    with pytest.raises(ValidationError) as error:
        services.nominate_entry(system_actor, award, exhibitor.organization, exhibitor, {})

    assert error.value.message_dict == {"title": ["Name the product, project or pitch entered."]}


@pytest.mark.django_db
def test_closed_award_takes_no_submission(edition):
    award = AwardFactory(edition=edition, status="judging")
    exhibitor = ExhibitorFactory(edition=edition)
    member = OrganizationMemberFactory(organization=exhibitor.organization)

    with pytest.raises(ValidationError):
        services.submit_entry(Actor.for_user(member.user), award, exhibitor, {"en": "X"})


@pytest.mark.django_db
def test_organisation_enters_an_organiser_award_once(edition, system_actor):
    award = AwardFactory(edition=edition, eligibility="organisers", category="organiser")
    member = OrganizationMemberFactory()
    services.nominate_entry(system_actor, award, member.organization)

    with pytest.raises(ValidationError):
        services.nominate_entry(system_actor, award, member.organization)


@pytest.mark.django_db
def test_exhibit_of_another_exhibitor_is_refused(edition, system_actor):

    award = AwardFactory(edition=edition, eligibility="exhibits")
    exhibitor, other = ExhibitorFactory(edition=edition), ExhibitorFactory(edition=edition)
    exhibit = Exhibit.objects.create(edition=edition, exhibitor=other, title={"en": "Drone"})

    with pytest.raises(ValidationError) as error:
        services.nominate_entry(
            system_actor, award, exhibitor.organization, exhibitor, exhibit=exhibit
        )

    assert error.value.message_dict == {"exhibit": ["This exhibit is not the exhibitor's."]}
