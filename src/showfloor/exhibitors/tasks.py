"""Background work on exhibitor media: thumbnails and previews (eager when no broker)."""

from __future__ import annotations

from celery import shared_task

from showfloor.exhibitors import services


@shared_task(acks_late=True, autoretry_for=(OSError,), max_retries=3, retry_backoff=True)
def make_media_derivatives(media_id: int) -> str:
    return services.make_media_derivatives(media_id)
