"""The demo edition generator: runs each app's step in dependency order.

Each app contributes `showfloor/demo/steps/<app>.py` with `def generate(ctx: DemoContext)`; the
steps run in the order of settings.SHOWFLOOR_APPS, so a step can use what earlier steps made
(`ctx.edition`, `ctx.sectors`, and whatever a step stores in `ctx.data`).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from showfloor.core.models import Edition, Sector
from showfloor.core.permissions import Actor

SCALES = ("small", "chtf2020")
DEMO_PASSWORD = "showfloor-demo"


@dataclass
class DemoContext:
    scale: str
    seed: int = 2020
    rng: random.Random = field(init=False)
    actor: Actor = field(default_factory=lambda: Actor.system("demo"))
    edition: Edition | None = None
    sectors: list[Sector] = field(default_factory=list)
    users: dict[str, Any] = field(default_factory=dict)  # role name -> user
    data: dict[str, Any] = field(default_factory=dict)  # what steps hand to later steps
    log: Callable[[str], None] = print
    today: dt.date = field(default_factory=lambda: timezone.now().date())

    def __post_init__(self) -> None:
        if self.scale not in SCALES:
            raise ValueError(f"unknown scale {self.scale!r}; choose one of {', '.join(SCALES)}")
        self.rng = random.Random(self.seed)

    @property
    def is_large(self) -> bool:
        return self.scale == "chtf2020"

    def pick(self, counts: dict[str, Any]) -> Any:
        """The value for this scale from a {"small": ..., "chtf2020": ...} table."""
        return counts[self.scale]


def steps() -> list[tuple[str, Callable[[DemoContext], None]]]:
    found = []
    for app_path in settings.SHOWFLOOR_APPS:
        label = app_path.rsplit(".", 1)[1]
        module_name = f"showfloor.demo.steps.{label}"
        if find_spec(module_name) is not None:
            found.append((label, import_module(module_name).generate))
    return found


def generate(
    scale: str = "small",
    seed: int = 2020,
    log: Callable[[str], None] = print,
    only: list[str] | None = None,
) -> DemoContext:
    ctx = DemoContext(scale=scale, seed=seed, log=log)
    for label, step in steps():
        if only and label not in only and label != "core":
            continue
        started = time.monotonic()
        with transaction.atomic():
            step(ctx)
        log(f"  {label:<12} {time.monotonic() - started:6.1f} s")
    return ctx
