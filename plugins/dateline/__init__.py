"""Dateline: a Pelican plugin for investor-relations press releases."""
