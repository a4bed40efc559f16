"""Every message catalogue (en → fr, zh-hans) is complete: no untranslated or fuzzy entry."""

import json
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "showfloor"
CATALOGUES = sorted(SRC.glob("*/locale/*/LC_MESSAGES/*.po"))
ENTRY = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')


def entries(path: Path):
    for block in path.read_text().split("\n\n"):
        parts: dict[str, list[str]] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = ENTRY.match(line)
            if match:
                current = match.group(1)
                parts[current] = [match.group(2)]
            elif line.startswith('"') and current:
                parts[current].append(line)
        if "msgid" not in parts:
            continue
        text = {key: "".join(json.loads(piece) for piece in value) for key, value in parts.items()}
        if text["msgid"]:
            yield text, fuzzy


def test_every_app_with_strings_ships_french_and_chinese():
    languages_by_app: dict[str, set[str]] = {}
    for path in CATALOGUES:
        languages_by_app.setdefault(path.parts[-5], set()).add(path.parts[-3])
    assert languages_by_app, "no catalogue found"
    assert languages_by_app == {app: {"fr", "zh_Hans"} for app in languages_by_app}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(SRC)))
def test_catalogue_header_is_usable(path):
    # A fuzzy header is dropped by msgfmt, and with it the charset: gettext then fails on UTF-8.
    header = path.read_text().split('msgid ""', 1)[0].splitlines()
    assert "#, fuzzy" not in header
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in path.read_text()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(SRC)))
def test_catalogue_is_complete(path):
    problems = []
    for text, fuzzy in entries(path):
        translations = [value for key, value in text.items() if key.startswith("msgstr")]
        if fuzzy or not all(translations):
            problems.append(text["msgid"])
    assert problems == []
