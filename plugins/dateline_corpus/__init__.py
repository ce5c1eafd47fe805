"""The corpus generator: fictional releases for demos, tests and benchmarks (`dateline generate`).

Tooling, not the plugin: it lives beside `dateline` so that editing it never
invalidates a build's cache or loads with Pelican. `generator` writes the
releases, `words` holds their vocabulary.
"""
