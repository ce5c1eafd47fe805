"""YAML for front matter and issuer.yaml, bounded: aliases are refused before anything expands.

An alias (`*name`) lets a few lines stand for a structure of billions of items (the
"billion laughs": nine levels of nine aliases). PyYAML builds it as shared objects, but
every walk over it (a field check, a line map, a message) expands it: 56 s and 3 GB for
one release, out of memory for issuer.yaml. We refuse aliases instead of counting them:
a release's front matter has nothing to share, issuer.yaml is short, and a value
written out again keeps its own line for messages. The check reads parser events (no
node is built) and only when the text holds a `*` at all. libyaml already refuses
nesting deeper than 1,000 levels; a `RecursionError` from the pure-Python parser is
turned into the same kind of error.
"""

from __future__ import annotations

import yaml

from dateline.errors import field_name

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_CLoader):
    """Safe YAML (libyaml when present: ten times faster) that leaves timestamps as text,
    so a date checker can give a clear message for a bad one."""


FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class AliasRefused(yaml.YAMLError):
    """An alias or merge key (`*name`, `<<: *name`) in a file where Dateline reads none."""

    def __init__(self, mark, name: str):
        super().__init__(name)
        self.problem_mark = mark
        self.problem = (f"expected each value written out, found the alias *{field_name(name)} "
                        "(aliases are not read: write the value again)")


def load(text: str, loader_class=FrontMatterLoader):
    """(root node, Python value) of one YAML document; raises yaml.YAMLError or ValueError."""
    refuse_aliases(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except RecursionError:
        raise yaml.YAMLError("nesting too deep") from None
    finally:
        loader.dispose()


def refuse_aliases(text: str, loader_class=FrontMatterLoader) -> None:
    """Raise AliasRefused at the first alias, reading events only (nothing is expanded)."""
    if "*" not in text:
        return  # no alias can be written without one
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise AliasRefused(event.start_mark, event.anchor)
    finally:
        loader.dispose()
