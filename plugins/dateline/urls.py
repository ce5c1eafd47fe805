"""A release's or page's URL, worked out once per build.

Pelican computes `content.url` afresh on every access (a settings lookup, a format and a
relative-path computation: about 60 µs). The plugin reads each release's URL a dozen times
(register rows, search documents, page keys), which cost seconds at 10,000 releases. URLs
are final once the article generator has finished, which is before any of those reads.
"""


def url_of(content) -> str:
    """content.url, computed on first use and kept on the object."""
    known = content.__dict__.get("_dateline_url")
    if known is None:
        known = content.__dict__["_dateline_url"] = content.url
    return known
