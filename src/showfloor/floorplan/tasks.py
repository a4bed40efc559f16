"""Background work of the floor plan."""

from __future__ import annotations

from celery import shared_task

from showfloor.floorplan import services


@shared_task(name="floorplan.lapse_expired_options")
def lapse_expired_options() -> int:
    """Run every few minutes (Celery beat or cron via the management command)."""
    return services.lapse_expired_options()
