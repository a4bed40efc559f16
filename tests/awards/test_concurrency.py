from __future__ import annotations

import threading

import pytest
from django.db import connection

from showfloor.awards import services
from showfloor.awards.models import Score
from tests.awards.conftest import as_actor, card
from tests.utils import requires_postgresql


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_scorecard_sent_twice_at_once_is_counted_once(final, rubric, jurors, entries):
    barrier = threading.Barrier(3)

    def worker(mark):
        barrier.wait()
        try:
            services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, mark, mark))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(mark,)) for mark in (5, 6, 7)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    values = list(Score.objects.filter(round=final).values_list("value", flat=True))
    assert len(values) == 2
    assert len(set(values)) == 1
