"""Find the system Chromium and the flags it needs here: no sandbox (we run as root in
CI), no GPU, and no background traffic to other hosts."""

from __future__ import annotations

import os
import shutil

CHROMIUM_VARIABLE = "CHROMIUM_PATH"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
INSTALL_HINT = ("install Chromium (Debian: 'apt-get install chromium') or set "
                f"{CHROMIUM_VARIABLE} to the browser's path")


def find_chromium() -> str | None:
    """The browser to use: $CHROMIUM_PATH first, then the usual names on PATH."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None
