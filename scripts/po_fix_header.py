"""Normalise the header of a .po file made by makemessages: not fuzzy (msgfmt would drop it and
with it the charset), UTF-8, the language named, a blank line before the first entry.

Usage: python scripts/po_fix_header.py path/to/django.po LANGUAGE
"""

import sys, re

p = sys.argv[1]
lang = sys.argv[2]
s = open(p).read()
lines = s.split("\n")
i = lines.index('msgid ""')
j = i + 2
while j < len(lines) and lines[j].startswith('"'):
    j += 1
head = lines[:j]
rest = lines[j:]
while rest and rest[0] == "":
    rest.pop(0)
head = [l for l in head if l != "#, fuzzy"]
head = [
    l
    for l in head
    if not l.startswith("# Copyright (C) YEAR")
    and not l.startswith("# This file is distributed")
    and not l.startswith("# FIRST AUTHOR")
]
head = [
    l.replace("# SOME DESCRIPTIVE TITLE.", "# Showfloor message catalogue.")
    .replace("charset=CHARSET", "charset=UTF-8")
    .replace("LANGUAGE <LL@li.org>", "Showfloor <i18n@showfloor.example>")
    .replace("FULL NAME <EMAIL@ADDRESS>", "Showfloor <i18n@showfloor.example>")
    .replace('"Language: \\n"', f'"Language: {lang}\\n"')
    .replace("PACKAGE VERSION", "Showfloor")
    for l in head
]
open(p, "w").write("\n".join(head) + "\n\n" + "\n".join(rest))
