"""Dandelion (蒲公英): the publishing system of Hainan's Dandelion anti-drug lecture group.

Data flows one way::

    load YAML (yamlload) → validate into a typed model (model, validate)
    → check the whole project (checks) → renderers (site, kits, exports) → guarded writer (writer)

``loader.load_project`` runs the first three steps and returns the project together with every
diagnostic it found; ``build.build`` is the whole recipe. Nothing in this package imports the CLI.
"""

__version__ = "0.1.0"
