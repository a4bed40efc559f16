from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from showfloor.core.permissions import Actor
from showfloor.deals import services
from showfloor.deals.models import Agreement
from showfloor.deals.services import AgreementDraft
from tests.factories import OrganizationFactory
from tests.utils import requires_postgresql


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_same_agreement_recorded_twice_at_once_is_kept_once(edition):
    organization = OrganizationFactory()
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def worker():
        draft = AgreementDraft(
            reference="SAME-1",
            title={"en": "Fab"},
            type="investment",
            country="CN",
            value_amount=Decimal("100.00"),
            value_currency="CNY",
            parties=[(organization, "lead")],
        )
        barrier.wait()
        try:
            services.create_agreement(Actor.system("tests"), edition, draft)
            outcomes.append("created")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created", "refused", "refused", "refused"]
    assert Agreement.objects.filter(edition=edition, reference="SAME-1").count() == 1
