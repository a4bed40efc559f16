"""Normalise the header of .po files made by makemessages: not fuzzy (msgfmt would drop it, and
with it the charset), UTF-8, the language named, a blank line before the first entry.

Usage: python scripts/po_fix_header.py src/showfloor/<app>/locale/*/LC_MESSAGES/django.po
"""

from __future__ import annotations

import sys
from pathlib import Path

DROPPED = ("#, fuzzy", "# Copyright (C) YEAR", "# This file is distributed", "# FIRST AUTHOR")
REPLACED = {
    "# SOME DESCRIPTIVE TITLE.": "# Showfloor message catalogue.",
    "charset=CHARSET": "charset=UTF-8",
    "LANGUAGE <LL@li.org>": "Showfloor <i18n@showfloor.example>",
    "FULL NAME <EMAIL@ADDRESS>": "Showfloor <i18n@showfloor.example>",
    "PACKAGE VERSION": "Showfloor",
}


def fix(path: Path) -> None:
    language = path.parts[-3]
    lines = path.read_text().split("\n")
    start = lines.index('msgid ""')
    end = start + 2
    while end < len(lines) and lines[end].startswith('"'):
        end += 1
    head, rest = lines[:end], lines[end:]
    while rest and rest[0] == "":
        rest.pop(0)
    fixed = []
    for line in head:
        if line.startswith(DROPPED):
            continue
        for old, new in REPLACED.items():
            line = line.replace(old, new)
        fixed.append(line.replace('"Language: \\n"', f'"Language: {language}\\n"'))
    path.write_text("\n".join(fixed) + "\n\n" + "\n".join(rest))


if __name__ == "__main__":
    for name in sys.argv[1:]:
        fix(Path(name))
