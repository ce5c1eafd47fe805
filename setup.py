"""Package layout pyproject.toml cannot say: the packages under plugins/, plus theme/ as
`dateline_theme`, so a wheel carries the templates, CSS and JS a site's pelicanconf finds
through `dateline_theme.PATH` (see README.md, "Start your own site")."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("plugins"), "dateline_theme"],
    package_dir={"": "plugins", "dateline_theme": "theme"},
)
