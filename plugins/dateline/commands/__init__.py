"""The `dateline` command line: argument parsing and dispatch (`cli.py`), `dateline check`'s report
and `dateline extract`. Nothing below imports these.
"""
