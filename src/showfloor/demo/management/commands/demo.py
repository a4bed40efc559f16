"""`python -m showfloor demo [--scale small|chtf2020] [--reset]`: generate a demo edition."""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from showfloor.core.models import Edition
from showfloor.demo.generator import DEMO_PASSWORD, SCALES, generate
from showfloor.demo.steps.core import EDITION_SLUGS


class Command(BaseCommand):
    help = "Generate a complete, plausible demo edition."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=SCALES, default="small")
        parser.add_argument("--seed", type=int, default=2020)
        parser.add_argument(
            "--reset", action="store_true", help="Delete ALL data in the database first."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the demo edition already exists.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        slug = EDITION_SLUGS[scale]
        if options["reset"]:
            call_command("flush", interactive=False, verbosity=0)
        elif Edition.objects.filter(slug=slug).exists():
            if options["if_empty"]:
                self.stdout.write(f"The demo edition /{slug}/ exists already; nothing to do.")
                return
            raise CommandError(
                f"The demo edition /{slug}/ exists already. Use --reset to start again "
                "(this deletes all data)."
            )
        started = time.monotonic()
        self.stdout.write(f"Generating the {scale} demo edition /{slug}/ ...")
        ctx = generate(scale=scale, seed=options["seed"], log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s: /{slug}/")
        )
        self.stdout.write(
            f"Staff log-ins (password “{DEMO_PASSWORD}”): " + ", ".join(sorted(ctx.users))
        )
