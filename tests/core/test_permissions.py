"""Every staff role's permissions, who may and who may not (a table, run both ways)."""

import pytest

from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor, editions_with_perm, require
from showfloor.core.rules import ALL_PERMISSIONS, ROLE_PERMISSIONS, Perm
from showfloor.core.services import issue_api_token
from tests.factories import EditionFactory, StaffRoleFactory, UserFactory

EXPECTED = {
    StaffRoleName.ADMIN: set(Perm),
    StaffRoleName.SALES: {
        Perm.VIEW_BACKOFFICE,
        Perm.VIEW_ANALYTICS,
        Perm.MANAGE_ORGANIZATIONS,
        Perm.MANAGE_EXHIBITORS,
        Perm.MANAGE_SPACE,
        Perm.MANAGE_DEALS,
    },
    StaffRoleName.REGISTRATION: {
        Perm.VIEW_BACKOFFICE,
        Perm.VIEW_ANALYTICS,
        Perm.MANAGE_REGISTRATION,
        Perm.SCAN_BADGES,
        Perm.MANAGE_GUESTS,
    },
    StaffRoleName.PROGRAMME: {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS, Perm.MANAGE_PROGRAMME},
    StaffRoleName.MATCHMAKING: {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS, Perm.MANAGE_MATCHMAKING},
    StaffRoleName.JURY_SECRETARY: {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS, Perm.MANAGE_AWARDS},
    StaffRoleName.PRESS: {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS, Perm.PUBLISH_REPORT},
    StaffRoleName.ANALYST: {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS, Perm.VIEW_AUDIT_LOG},
}
CASES = [(role, perm, perm in EXPECTED[role]) for role in StaffRoleName for perm in Perm]


def test_every_role_has_an_expected_permission_set():
    assert set(EXPECTED) == set(StaffRoleName)
    assert {role: set(perms) for role, perms in ROLE_PERMISSIONS.items()} == EXPECTED


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "perm", "allowed"), CASES)
def test_role_permission_in_its_edition(role, perm, allowed):
    edition = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
    assert Actor.for_user(user).has_perm(perm, edition) is allowed


@pytest.mark.django_db
def test_edition_role_does_not_reach_another_edition_of_the_same_organizer():
    edition = EditionFactory()
    other = EditionFactory(expo=edition.expo)
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="admin")
    assert Actor.for_user(user).permissions(other) == frozenset()


@pytest.mark.django_db
def test_organizer_wide_role_reaches_every_edition_of_that_organizer_only():
    edition = EditionFactory()
    sibling = EditionFactory(expo=edition.expo)
    foreign = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=None, role="sales")
    actor = Actor.for_user(user)
    assert actor.has_perm(Perm.MANAGE_EXHIBITORS, edition) is True
    assert actor.has_perm(Perm.MANAGE_EXHIBITORS, sibling) is True
    assert actor.has_perm(Perm.MANAGE_EXHIBITORS, foreign) is False
    assert set(editions_with_perm(user, Perm.MANAGE_EXHIBITORS)) == {edition, sibling}


@pytest.mark.django_db
def test_anonymous_and_plain_users_hold_nothing():
    edition = EditionFactory()
    assert Actor.for_user(None).permissions(edition) == frozenset()
    assert Actor.for_user(UserFactory()).permissions(edition) == frozenset()


@pytest.mark.django_db
def test_superuser_holds_everything():
    edition = EditionFactory()
    user = UserFactory(is_superuser=True, is_staff=True)
    assert Actor.for_user(user).permissions(edition) == ALL_PERMISSIONS


@pytest.mark.django_db
def test_require_raises_for_a_missing_permission():
    from django.core.exceptions import PermissionDenied

    edition = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="press")
    require(Actor.for_user(user), Perm.PUBLISH_REPORT, edition)
    with pytest.raises(PermissionDenied):
        require(Actor.for_user(user), Perm.MANAGE_EXHIBITORS, edition)


@pytest.mark.django_db
def test_device_token_holds_only_its_listed_permissions_in_its_edition():
    edition = EditionFactory()
    other = EditionFactory()
    token, _key = issue_api_token(
        Actor.system(), edition, "Gate 1", permissions=["can_scan_badges"]
    )
    actor = Actor(token=token)
    assert actor.permissions(edition) == frozenset({"can_scan_badges"})
    assert actor.permissions(other) == frozenset()


@pytest.mark.django_db
def test_user_token_is_narrowed_to_its_listed_permissions():
    edition = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="admin")
    token, _key = issue_api_token(
        Actor.system(), edition, "CRM", user=user, permissions=["can_manage_exhibitors"]
    )
    assert Actor(user=user, token=token).permissions(edition) == frozenset(
        {"can_manage_exhibitors"}
    )


@pytest.mark.django_db
def test_user_token_cannot_exceed_the_users_own_permissions():
    edition = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="press")
    token, _key = issue_api_token(
        Actor.system(), edition, "Too much", user=user, permissions=["can_manage_exhibitors"]
    )
    assert Actor(user=user, token=token).permissions(edition) == frozenset()


@pytest.mark.django_db
def test_revoked_token_holds_nothing():
    from showfloor.core.services import revoke_api_token

    edition = EditionFactory()
    token, _key = issue_api_token(Actor.system(), edition, "Gate", permissions=["can_scan_badges"])
    revoke_api_token(Actor.system(), token)
    token.refresh_from_db()
    assert Actor(token=token).permissions(edition) == frozenset()
