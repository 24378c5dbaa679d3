"""Reply parsing: bytes or a path in, a ParsedReply out (shared/spec/parsed-reply.md).

Pure: no Django, no settings, no clock. The parse_reply command, the service that
stores a reply and the JSON download all call parse_bytes() / parse_path().
Its hot modules may run compiled by Cython from these same sources (see speedups.py).
"""
from __future__ import annotations

from requests_app.parsing import speedups as _speedups

# The compiled modules first when they were built from these sources (speedups.py), else the .py files.
__path__ = _speedups.search_path(__path__)

from requests_app.parsing.model import (  # noqa: F401, E402  (the package's public names)
    SCHEMA, Extracted, Facts, Grid, Limits, ParsedReply, ParseError, Row, Table, TextBlock,
)
from requests_app.parsing.reply import combine, parse_bytes, parse_path, parse_text  # noqa: F401, E402
