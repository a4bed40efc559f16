"""`python -m showfloor <command>`: the Django management commands of Showfloor.

`python -m showfloor demo --scale chtf2020` generates a demo edition; any other Django command works
too (`migrate`, `runserver`, `createsuperuser`...).
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
    from django.core.management import execute_from_command_line  # after the settings env is set

    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()
