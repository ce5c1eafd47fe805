"""Settings for `make demo`: the site pelicanconf.py, reading the generated corpus.

Named democonf.py, not pelicanconf.py: Pelican imports a settings file under its
own name, so `from pelicanconf import *` inside a pelicanconf.py imports itself.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from pelicanconf import *  # noqa: E402,F403

SITENAME = "Dateline demo: generated releases"
PATH = "content"
CACHE_PATH = ".cache"
THEME = "../theme"
PLUGIN_PATHS = ["../plugins"]
