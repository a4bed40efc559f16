from showfloor.attendance.figures import attendance_index, key_figures
from showfloor.attendance.models import EntryScan, Lead
from showfloor.demo.generator import generate


def test_demo_small_figures_come_from_the_generated_rows(db):
    """One run (the demo is slow to build): visits, the index and unique nonces per device."""
    edition = generate(
        "small", log=lambda _message: None, only=["exhibitors", "attendance"]
    ).edition
    visits = {figure.key: figure.value for figure in key_figures(edition)}["attendance.visits"]
    value, inputs = attendance_index(edition)
    scans = EntryScan.objects.filter(edition=edition)
    assert (visits, value, inputs["professional_booth_visits"]) == (
        EntryScan.objects.filter(edition=edition, result="accepted").count(),
        6,
        Lead.objects.filter(edition=edition).count(),
    )
    assert visits == 600
    assert scans.values("device", "nonce").distinct().count() == scans.count()
