"""Options of the MkDocs plugin, as a typed config class (validated by MkDocs itself)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ExplainerConfig(Config):
    """`plugins: - explainer: {...}` in mkdocs.yml. Paths are relative to mkdocs.yml."""

    seeds_dir = c.Type(str, default="seeds")
    data_dir = c.Type(str, default="data")
    # A folder of Jinja templates that override the package's, file by file.
    templates_dir = c.Optional(c.Type(str))
    # Build the navigation (sections for weapons, actors and sources) when mkdocs.yml has none.
    navigation = c.Type(bool, default=True)
    # Render pages in a forked process while MkDocs prepares the theme (Linux, `mkdocs build`
    # only); off, everything runs in the MkDocs process. The pages are the same either way.
    background_render = c.Type(bool, default=True)
