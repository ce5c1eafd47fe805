"""The Pelican settings every Dateline site shares, for sites made by `dateline init`.

A site started with `dateline init` imports these (`from dateline.sitedefaults import *`)
and sets only what is its own (SITENAME, TIMEZONE, ...), so a later Dateline version brings
its URL, feed and theme settings with it. This repository's own pelicanconf.py spells the
same values out; tests/test_init.py holds the two equal, so they cannot drift.
"""

import dateline_theme

DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"

# --- content ----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["downloads"]
IGNORE_FILES = [".#*", "issuer.yaml", ".DS_Store", "Thumbs.db", "desktop.ini", "*~"]
FILENAME_METADATA = ""
DEFAULT_CATEGORY = "releases"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_PAGINATION = 20
# Every list is paged as folders (/page/2/, /releases/2024/page/2/), at most this many a page.
PAGINATED_TEMPLATES = {"index": None, "tag": None, "year_archive": 50, "grants": 100,
                       "milestones": 100}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SUMMARY_MAX_LENGTH = 40
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}},
    "output_format": "html5",
}
# Dateline refuses to build without autoescape (see settings.require_autoescape).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# --- URLs: one folder per page ------------------------------------------------
ARTICLE_URL = "releases/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "releases/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_SAVE_AS = "releases/index.html"
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "tags", "search", "404"]

# --- feeds -----------------------------------------------------------------
FEED_DOMAIN = "http://localhost:8000"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

# --- theme and plugins: from the installed package ----------------------------
THEME = dateline_theme.PATH
THEME_STATIC_PATHS = []
PLUGIN_PATHS = []
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
CACHE_PATH = ".cache"

RELATIVE_URLS = False
