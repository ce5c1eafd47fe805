"""Dateline: a Pelican plugin for investor-relations press releases.

Importing the package stays cheap (the CLI, importer and tests use its parts
without Pelican running); the plugin's modules load when Pelican registers it.
"""


def register():
    """Register the plugin callbacks: one handler per signal (`pipeline.py` names the order)."""
    from pelican import signals

    from dateline.build.pipeline import HANDLERS

    for signal_name, handler in HANDLERS.items():
        getattr(signals, signal_name).connect(handler)
