"""One build, start to end: `build()` (lock, recover, up to date?, Pelican, swap), the handlers
Pelican's signals reach (`pipeline.HANDLERS`), release preparation, the site record and the
dev server.
"""
