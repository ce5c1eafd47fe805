"""Plain Pelican 4.12 on the same releases: the baseline Dateline is measured against.

Pelican's default theme, the kept pelican-yaml-metadata plugin to read the
YAML front matter, the same URLs and feeds. No validation, extraction,
disclaimers, register or search. Paths are set by the benchmark.
"""

TIMEZONE = "America/Toronto"
SITENAME = "Plain Pelican baseline"
SITEURL = ""
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = ["pages"]
IGNORE_FILES = [".#*", "issuer.yaml"]
ARTICLE_URL = "releases/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "releases/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
DEFAULT_PAGINATION = 20
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
PLUGINS = ["pelican.plugins.yaml_metadata"]  # YAML front matter, as a plain user would read it
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
