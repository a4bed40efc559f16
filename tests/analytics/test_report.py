"""The post-show report: figures by area, breakdowns charted, HTML and PDF in 3 languages."""

import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from showfloor.analytics.report import _sections, bar_chart_svg, build_report
from showfloor.core.reporting import Figure
from tests.factories import EditionFactory, StaffRoleFactory, UserFactory


def figure(key, value, area="attendance"):
    return Figure(key, key.title(), value, f"definition of {key}", area=area)


def test_figures_sharing_a_stem_become_a_breakdown():
    sections = _sections(
        [
            figure("attendance.visits", 451000),
            figure("attendance.visits.2020-11-11", 90000),
            figure("attendance.visits.2020-11-12", 91000),
            figure("attendance.index", 171),
            figure("deals.count", 42, area="deals"),
        ]
    )
    assert [section.area for section in sections] == ["attendance", "deals"]
    attendance = sections[0]
    assert [item.key for item in attendance.figures] == ["attendance.visits", "attendance.index"]
    assert len(attendance.breakdowns) == 1
    assert attendance.breakdowns[0].title == "Attendance.Visits"
    assert [item.value for item in attendance.breakdowns[0].figures] == [90000, 91000]


def test_a_lone_deep_key_stays_a_plain_figure():
    sections = _sections([figure("deals.share.outside", Decimal("71.43"), area="deals")])
    assert [item.key for item in sections[0].figures] == ["deals.share.outside"]
    assert sections[0].breakdowns == []


def test_bar_chart_is_svg_with_chinese_labels():
    svg = bar_chart_svg(["北京", "海南"], [12.0, 17.0])
    assert "<svg" in svg
    assert "</svg>" in svg


@pytest.mark.django_db
def test_report_is_built_in_the_requested_language():
    edition = EditionFactory()
    report = build_report(edition, "fr")
    assert report.language == "fr"
    assert all(
        isinstance(item.label, str) for section in report.sections for item in section.figures
    )


def staff(edition, role):
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("press", 200), ("analyst", 200), (None, 302)])
def test_report_page_permission(client, role, status):
    edition = EditionFactory()
    if role:
        client.force_login(staff(edition, role))
    response = client.get(reverse("analytics:report", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == status


@pytest.mark.django_db
def test_report_pdf_in_chinese_has_the_editions_chinese_name(client, tmp_path):
    edition = EditionFactory(name={"en": "Fair", "zh-hans": "高交会二〇二〇"})
    client.force_login(staff(edition, "press"))
    url = reverse("analytics:report_pdf", kwargs={"edition_slug": edition.slug})
    response = client.get(url + "?lang=zh-hans")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="report-{edition.slug}-zh-hans.pdf"'
    )
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "高交会二〇二〇" in text
    assert "展后报告" in text
