"""E-mail replies (.eml): the body as source "body", attachments handed back to the caller.

A reply often comes as multipart/alternative: the plain part is kept for the facts, and
the HTML part's tables are used only when the plain part has lost them.
Forwarded messages (message/rfc822 parts) add their own body and attachments.
"""
from __future__ import annotations

import email
import email.policy
import mimetypes
import re
from datetime import date
from email.utils import parsedate_to_datetime
from email.message import EmailMessage
from pathlib import PurePosixPath, PureWindowsPath

from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock

_BODY = "body"


def read_eml(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this is for the truly broken
        raise ParseError(f"unreadable e-mail: {exc}") from None
    blocks: list[TextBlock | Grid] = []
    attachments: list[tuple[str, bytes]] = []
    warnings: list[str] = []
    forwarded: list[EmailMessage] = []
    _walk(message, blocks, attachments, warnings, limits, depth=0, forwarded=forwarded)
    subject = " ".join(str(message.get("Subject", "")).split()) or None
    sent = _sent(message)
    if subject and FORWARD_SUBJECT.match(subject):  # "Fwd:" with the reply attached: the reply's own date
        sent = next((d for d in map(_sent, forwarded) if d), sent)
    return Extracted(blocks=tuple(blocks), attachments=tuple(attachments), warnings=tuple(warnings),
                     sent=sent, subject=subject)


FORWARD_SUBJECT = re.compile(r"^\s*(?:fw|fwd)\s*:", re.IGNORECASE)  # "Fwd: ...", "FW: ..."


def _sent(message: EmailMessage) -> date | None:
    """The Date header's day, as the sender's clock gave it; None when absent or unreadable."""
    try:
        stamp = message["Date"]
        moment = getattr(stamp, "datetime", None) or (parsedate_to_datetime(str(stamp)) if stamp else None)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.date() if moment else None


def _walk(message: EmailMessage, blocks: list, attachments: list, warnings: list, limits: Limits, depth: int,
          source: str = _BODY, forwarded: list | None = None) -> None:
    blocks.extend(_body(message, limits, source))
    if not message.is_multipart() and message.get_content_maintype() not in ("text", "multipart"):
        attachments.append((_filename(message, len(attachments)), _payload(message)))
        return
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            if depth + 1 > limits.max_depth:
                warnings.append(f"forwarded messages nested more than {limits.max_depth} deep were not opened")
                continue
            inner = part.get_content()
            if isinstance(inner, EmailMessage):  # attached as a file: its tables say so; forwarded inline: "body"
                if forwarded is not None:
                    forwarded.append(inner)
                _walk(inner, blocks, attachments, warnings, limits, depth + 1, part.get_filename() or source, forwarded)
        elif not _is_inline_image(part):
            attachments.append((_filename(part, len(attachments)), _payload(part)))


def _body(message: EmailMessage, limits: Limits, source: str = _BODY) -> list[TextBlock | Grid]:
    from requests_app.parsing.html import read_html
    from requests_app.parsing.text import find_grids

    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    plain_text = _text(plain) if plain is not None else ""
    if not plain_text.strip() and html is not None:
        return list(read_html(_text(html), source, limits, source=source).blocks)
    if html is not None:  # the plain part is made from the HTML by the sender's mail program, tables mangled
        from_html = list(read_html(_text(html), source, limits, source=source).blocks)
        if any(isinstance(b, Grid) for b in from_html):
            return from_html
    blocks: list[TextBlock | Grid] = [TextBlock(plain_text, source)] if plain_text.strip() else []
    if html is not None and not find_grids(plain_text, source):
        blocks.extend(b for b in read_html(_text(html), source, limits, source=source).blocks if isinstance(b, Grid))
    return blocks


def _text(part: EmailMessage) -> str:
    """The part's text; an unknown or lying charset falls back to Windows-1252."""
    try:
        content = part.get_content()
        if isinstance(content, str) and "\ufffd" not in content:
            return content
    except (LookupError, UnicodeError, AssertionError):
        pass
    raw = part.get_payload(decode=True) or b""  # (get_content() replaces what its charset cannot decode)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _payload(part: EmailMessage) -> bytes:
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    return str(part.get_payload()).encode("utf-8")


def _filename(part: EmailMessage, index: int) -> str:
    """The attachment's own name without any folders, or a made-up one from its type."""
    name = part.get_filename() or ""
    name = PurePosixPath(PureWindowsPath(name).name).name.strip()
    if name:
        return name
    extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    return f"attachment-{index + 1}{extension}"


def _is_inline_image(part: EmailMessage) -> bool:
    """Logos and signature images embedded in the HTML body, not attachments anyone sent."""
    return part.get_content_maintype() == "image" and (
        part.get_content_disposition() == "inline" or bool(part.get("Content-ID")))
