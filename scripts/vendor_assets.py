"""Copy the front-end files listed in src/showfloor/web/vendor.json from node_modules/ into
src/showfloor/web/static/vendor/, so the app serves them itself (no CDN)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "src" / "showfloor" / "web" / "vendor.json"
TARGET = ROOT / "src" / "showfloor" / "web" / "static" / "vendor"


def main() -> int:
    missing = []
    for destination, source in json.loads(MAP.read_text()).items():
        origin = ROOT / "node_modules" / source
        if not origin.is_file():
            missing.append(source)
            continue
        target = TARGET / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, target)
    if missing:
        print("missing in node_modules (run npm ci): " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"vendored {len(json.loads(MAP.read_text()))} files into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
