"""The corpus generator: fictional releases for demos, tests and benchmarks (`dateline generate`).

Tooling, not the plugin: it lives beside `dateline` so that editing it never
invalidates a build's cache or loads with Pelican. `generator` writes the
releases (composing each from `draft`, `topics`, `facts` and `sections`, rendering it with
`render`); `model` holds the data model and lexicon, `issuers` the fictional companies and
their issuer.yaml, `words` the vocabulary.
"""
