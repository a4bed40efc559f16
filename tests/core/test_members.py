"""Organisation accounts: admins manage who acts for their organisation."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.core import members
from showfloor.core.models import AuditEntry, OrganizationMember
from showfloor.core.permissions import Actor
from tests.factories import OrganizationFactory, OrganizationMemberFactory, UserFactory


@pytest.fixture
def org_admin(db):
    membership = OrganizationMemberFactory(is_admin=True)
    return membership.user, membership.organization


@pytest.mark.django_db
def test_admin_invites_a_new_person_who_gets_an_account_and_a_link(org_admin):
    user, organization = org_admin
    member = members.invite_member(
        Actor.for_user(user), organization, "li.wei@example.cn", job_title="CTO"
    )
    assert member.user.email == "li.wei@example.cn"
    assert member.user.has_usable_password() is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["li.wei@example.cn"]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert AuditEntry.objects.get(action="core.organizationmember.create").changes["email"] == [
        None,
        "li.wei@example.cn",
    ]


@pytest.mark.django_db
def test_inviting_an_existing_user_sends_no_account_mail(org_admin):
    user, organization = org_admin
    existing = UserFactory(email="known@example.org")
    member = members.invite_member(Actor.for_user(user), organization, "KNOWN@example.org")
    assert member.user == existing
    assert mail.outbox == []


@pytest.mark.django_db
def test_inviting_twice_is_refused(org_admin):
    user, organization = org_admin
    members.invite_member(Actor.for_user(user), organization, "a@example.org")
    with pytest.raises(ValidationError) as caught:
        members.invite_member(Actor.for_user(user), organization, "a@example.org")
    assert caught.value.message_dict == {"email": ["a@example.org is already a member."]}


@pytest.mark.django_db
def test_invalid_email_is_refused_and_nothing_is_created(org_admin):
    user, organization = org_admin
    with pytest.raises(ValidationError) as caught:
        members.invite_member(Actor.for_user(user), organization, "not-an-address")
    assert caught.value.message_dict == {
        "email": ["“not-an-address” is not a valid e-mail address."]
    }
    assert OrganizationMember.objects.count() == 1


@pytest.mark.django_db
def test_plain_member_cannot_manage_members():
    membership = OrganizationMemberFactory(is_admin=False)
    with pytest.raises(PermissionDenied):
        members.invite_member(
            Actor.for_user(membership.user), membership.organization, "x@example.org"
        )


@pytest.mark.django_db
def test_admin_of_another_organisation_cannot_manage_members(org_admin):
    user, _organization = org_admin
    other = OrganizationFactory()
    with pytest.raises(PermissionDenied):
        members.invite_member(Actor.for_user(user), other, "x@example.org")


@pytest.mark.django_db
def test_last_admin_cannot_be_removed_or_demoted(org_admin):
    user, _organization = org_admin
    last = OrganizationMember.objects.get(user=user)
    with pytest.raises(ValidationError):
        members.remove_member(Actor.for_user(user), last)
    with pytest.raises(ValidationError):
        members.set_member_admin(Actor.for_user(user), last, False)
    last.refresh_from_db()
    assert last.is_admin is True


@pytest.mark.django_db
def test_admin_promotes_then_steps_down(org_admin):
    user, organization = org_admin
    colleague = members.invite_member(Actor.for_user(user), organization, "b@example.org")
    members.set_member_admin(Actor.for_user(user), colleague, True)
    mine = OrganizationMember.objects.get(user=user)
    members.set_member_admin(Actor.for_user(user), mine, False)
    assert list(
        organization.members.filter(is_admin=True).values_list("user__email", flat=True)
    ) == ["b@example.org"]


@pytest.mark.django_db
def test_members_page_lists_and_adds(client, org_admin):
    user, organization = org_admin
    client.force_login(user)
    url = f"/me/organizations/{organization.pk}/members/"
    response = client.post(url, {"email": "new@example.org", "job_title": "Sales"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "new@example.org" in page


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "stranger"])
def test_members_page_is_forbidden_to_non_admins(client, org_admin, who):
    _user, organization = org_admin
    person = UserFactory()
    if who == "member":
        OrganizationMemberFactory(organization=organization, user=person, is_admin=False)
    client.force_login(person)
    response = client.get(f"/me/organizations/{organization.pk}/members/")
    assert response.status_code == 403


@pytest.mark.django_db
def test_invitation_link_lets_the_person_choose_a_password(client, org_admin):
    user, organization = org_admin
    member = members.invite_member(Actor.for_user(user), organization, "c@example.org")
    link = members.invitation_link(member.user).split("http://127.0.0.1:8000", 1)[1]
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "a-Long-pass-2026", "new_password2": "a-Long-pass-2026"}
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("a-Long-pass-2026") is True
