"""Entry point of the bundled ``thidua`` (the command line); see thidua.spec."""

import sys

from thidua_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
