"""kroniek's server: a REST API and a web UI over one store, local and read-only by default.

>>> from kroniek.serve import create_app
>>> app = create_app("kroniek.db")           # read-only
>>> app = create_app("kroniek.db", "s3cret") # writes (ingest, corrections) need the token
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
