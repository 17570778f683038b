"""Entry point of the bundled ``thidua-desktop`` (the GUI); see thidua.spec."""

import sys

from thidua_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
