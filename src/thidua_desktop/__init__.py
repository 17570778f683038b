"""thidua_desktop — emulation movement manager for Vietnamese grassroots trade unions."""

__version__ = "0.1.0"
APP_NAME = "thidua_desktop"
