from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from showfloor.floorplan import services


class Command(BaseCommand):
    help = "Lapse booth options whose confirmation deadline has passed (run it from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.lapse_expired_options()
        self.stdout.write(f"{count} option(s) lapsed")
