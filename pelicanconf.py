"""Pelican settings for this Dateline site: edit the SITE block, leave the rest."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))

# --- the site ---------------------------------------------------------------
SITENAME = "Almonty Industries Inc. — Investor Relations"
SITEURL = ""  # empty for local builds; publishconf.py sets the public address
AUTHOR = "Almonty Industries Inc."
TIMEZONE = "America/Toronto"  # naive release dates and times are read in this zone
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"

# --- content ----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["downloads"]
# Editor lock files and the files desktops drop into folders are not releases; anything else
# under releases/ that is not a .md release is reported (validate.foreign_format_problems).
IGNORE_FILES = [".#*", "issuer.yaml", ".DS_Store", "Thumbs.db", "desktop.ini", "*~"]
# A release's date comes from its front matter (validated); Pelican would otherwise parse the
# date at the start of every file name again on every build.
FILENAME_METADATA = ""
DEFAULT_CATEGORY = "releases"
USE_FOLDER_AS_CATEGORY = False
# Every list is paged, so no page grows with the archive (at most this many items a page):
# the home and tag pages (Pelican's paginator), the archive's year pages, the register's and
# the timeline's year pages (dateline/pages/listpages.py). Page 2 and on are folders:
# /page/2/, /tags/x/page/2/, /releases/2024/page/2/.
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "year_archive": 50, "grants": 100,
                       "milestones": 100}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SUMMARY_MAX_LENGTH = 40
# Tables, footnotes, attribute lists; no code highlighting or Meta (front matter is YAML).
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}},
    "output_format": "html5",
}

# Templates escape every value unless it is marked safe (the sanitised body, legal texts):
# a title, slug or URL can never become markup. Dateline refuses to build without it.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# --- URLs: one folder per page, so links are clean on any static host ---------
ARTICLE_URL = "releases/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "releases/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_SAVE_AS = "releases/index.html"
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_SAVE_AS = ""  # the archive page has year navigation instead
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
# Drafts and embargoed releases are removed before writing; these stay empty
# so nothing could ever be written for them even if that failed.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "tags", "search", "404"]

# --- feeds -----------------------------------------------------------------
FEED_DOMAIN = "http://localhost:8000"  # local previews; publishconf.py sets the public address
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

# --- theme and plugins ------------------------------------------------------
THEME = "theme"
# The theme's files are written by the plugin under content-hashed names (search/assets.py),
# so a deploy never mixes versions; nothing is copied under its own name.
THEME_STATIC_PATHS = []
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["dateline", "pelican.plugins.sitemap"]
# Content pages only: the not-found page and the search page are not for search engines.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^search/$"],
    "priorities": {"articles": 0.7, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
}
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache"  # Pelican content cache and the Whoosh index

# Dateline's own settings (defaults in plugins/dateline/settings.py).
DATELINE = {
    "issuer": "issuer.yaml",  # in the content folder
    "search_index": "search-index",  # in CACHE_PATH
}

RELATIVE_URLS = False
