import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from showfloor.attendance.importers import RowError, import_participants
from showfloor.attendance.models import Participant
from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from tests.attendance.factories import ExhibitorFactory
from tests.factories import OrganizationMemberFactory

GOOD = (
    "first_name,last_name,email,type\n"
    "Ming,Wu,ming@example.org,professional\n"
    "Anna,Roy,anna@example.org,public\n"
)


def test_import_participants_csv_registers_every_row(edition):
    created, errors = import_participants(Actor.system(), edition, "p.csv", GOOD.encode())
    assert ([p.email for p in created], errors) == (["ming@example.org", "anna@example.org"], [])


def test_import_participants_bad_row_registers_nothing(edition):
    content = GOOD + ",Nameless,x@example.org,professional\nBo,Li,not-an-email,vip\n"
    created, errors = import_participants(Actor.system(), edition, "p.csv", content.encode())
    assert created == []
    assert errors == [
        RowError(4, "first_name", "This field cannot be blank."),
        RowError(5, "email", "Enter a valid email address."),
    ]
    assert Participant.objects.count() == 0


def test_import_participants_xlsx_registers_rows(edition):
    book = Workbook()
    book.active.append(["first_name", "email", "days"])
    book.active.append(["Jun", "jun@example.org", "2026-11-12;2026-11-13"])
    buffer = io.BytesIO()
    book.save(buffer)
    created, _errors = import_participants(Actor.system(), edition, "p.xlsx", buffer.getvalue())
    assert created[0].days == ["2026-11-12", "2026-11-13"]


def test_import_participants_unknown_column_is_refused(edition):
    with pytest.raises(ValidationError) as error:
        import_participants(Actor.system(), edition, "p.csv", b"first_name,shoe\nA,42\n")
    assert error.value.messages == ["Unknown columns: shoe."]


def test_import_participants_exhibitor_registers_own_staff(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    member = OrganizationMemberFactory(organization=exhibitor.organization).user
    defaults = {"type": "exhibitor_staff", "exhibitor": exhibitor}
    created, errors = import_participants(
        Actor.for_user(member), edition, "p.csv", GOOD.encode(), defaults
    )
    assert ([(p.type, p.exhibitor) for p in created], errors) == (
        [("exhibitor_staff", exhibitor)] * 2,
        [],
    )


def test_participant_list_import_shows_row_errors(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    upload = io.BytesIO(b"first_name,email\n,a@example.org\n")
    upload.name = "p.csv"
    response = client.post(f"/{edition.slug}/manage/attendance/participants/", {"file": upload})
    assert [(e.row, e.field) for e in response.context["errors"]] == [(2, "first_name")]


@pytest.mark.parametrize("count", [1, 3])
def test_participant_list_query_count(
    client, edition, staff_user, count, django_assert_num_queries
):
    import_participants(
        Actor.system(),
        edition,
        "p.csv",
        ("first_name\n" + "".join(f"P{n}\n" for n in range(count))).encode(),
    )
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    # session, user, edition, roles, participants, count (nav and figures are cached)
    with django_assert_num_queries(6):
        response = client.get(f"/{edition.slug}/manage/attendance/participants/")
    assert len(response.context["participants"]) == count


def test_participant_list_for_sales_is_403(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.SALES))
    assert client.get(f"/{edition.slug}/manage/attendance/participants/").status_code == 403
