"""Writes to replies: attachments kept as received, and their parse stored as data."""
from __future__ import annotations

import hashlib
import logging
import mimetypes
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from requests_app import parsing
from requests_app.models import Attachment, ParsedTable, Reply
from requests_app.models.reply import Outcome, ParseStatus, ReplyKind
from requests_app.services.requests import reply_recorded, request_received_corrected

log = logging.getLogger(__name__)


def attachment_store(*, attachment: Attachment, upload) -> None:
    """Record an uploaded file's name, type, size and SHA-256 alongside it."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    name = os.path.basename(upload.name)
    attachment.original_name = attachment.original_name or name
    attachment.size = upload.size
    attachment.sha256 = digest.hexdigest()
    attachment.content_type = getattr(upload, "content_type", "") or mimetypes.guess_type(name)[0] or ""
    attachment.parse_status = ParseStatus.PENDING
    attachment.save()


def reply_attach_files(*, reply: Reply, uploads) -> list[Attachment]:
    stored = []
    for upload in uploads:
        attachment = Attachment(reply=reply, file=upload)
        attachment_store(attachment=attachment, upload=upload)
        stored.append(attachment)
    return stored


def reply_parse_later(*, reply: Reply) -> None:
    """Parse once the reply is committed, on a worker (eagerly in tests)."""
    from requests_app import tasks

    reply_id = reply.pk
    transaction.on_commit(lambda: tasks.parse_reply.delay(reply_id))


def _limits() -> parsing.Limits:
    return parsing.Limits(max_bytes=settings.FOITRACKER_MAX_UPLOAD_BYTES)


def _parse_attachment(attachment: Attachment) -> parsing.ParsedReply | None:
    """Parse one stored file; a failure is recorded on the attachment, never raised."""
    limits = _limits()
    try:
        with attachment.file.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
        parsed = parsing.parse_bytes(data, attachment.original_name or os.path.basename(attachment.file.name), limits)
    except parsing.ParseError as exc:
        attachment.parse_status, attachment.parse_error = ParseStatus.FAILED, str(exc)
        return None
    except OSError as exc:
        attachment.parse_status, attachment.parse_error = ParseStatus.FAILED, f"file could not be read: {exc}"
        return None
    except Exception as exc:  # a parser bug: keep the file, record why, carry on with the rest
        log.exception("parsing attachment %s failed", attachment.pk)
        attachment.parse_status, attachment.parse_error = ParseStatus.FAILED, f"parser error: {type(exc).__name__}"
        return None
    attachment.parse_status, attachment.parse_error = ParseStatus.PARSED, ""
    return parsed


def reply_parse(*, reply_id: int, actor=None) -> Reply:
    """Parse a reply's body and attachments; store its tables and offer its facts to the request.

    Facts only fill what is empty (reference, exemptions, outcome), except the date the
    authority says it received the request, which corrects the logged one and moves the
    deadlines, with an audit entry. Run again after a parser fix: tables are replaced.
    """
    reply = Reply.objects.select_related("request__authority").get(pk=reply_id)
    parts = [parsing.parse_text(reply.body)] if reply.body.strip() else []
    attachments = list(reply.attachments.all())
    parts += [p for p in (_parse_attachment(a) for a in attachments) if p is not None]
    combined = parsing.combine(f"reply-{reply.pk}", parts)
    with transaction.atomic():
        for attachment in attachments:
            attachment.save(update_fields=["parse_status", "parse_error"])
        reply.tables.all().delete()
        ParsedTable.objects.bulk_create([_table_row(reply, attachments, n, t) for n, t in enumerate(combined.tables)])
        reply.parsed = combined.as_json()
        had_outcome = bool(reply.outcome)
        _fill_reply(reply, combined.facts)
        reply.save(update_fields=["parsed", "authority_reference", "exemptions", "outcome"])
        _offer_to_request(reply, combined.facts, actor)
        if reply.outcome and not had_outcome:
            reply_recorded(reply=reply, actor=actor)  # the outcome read from the letter moves the status
    return reply


def _table_row(reply: Reply, attachments: list[Attachment], position: int, table: parsing.Table) -> ParsedTable:
    source_file = table.source.split("#", 1)[0]
    attachment = next((a for a in attachments if a.original_name == source_file), None)
    data = table.as_json()
    return ParsedTable(
        reply=reply, attachment=attachment, position=position, source=table.source[:300],
        question=table.question or "", title=(table.title or "")[:500], row_header=(table.row_header or "")[:300],
        columns=data["columns"], rows=data["rows"], totals_consistent=table.totals_consistent,
        warnings=data["warnings"])


def _fill_reply(reply: Reply, facts: parsing.Facts) -> None:
    reply.authority_reference = reply.authority_reference or (facts.reference or "")[:100]
    reply.exemptions = reply.exemptions or list(facts.exemptions)
    if reply.kind == ReplyKind.RESPONSE and not reply.outcome:
        if facts.neither_confirm_nor_deny:
            reply.outcome = Outcome.NCND
        elif facts.exemptions and not facts.information_not_held:
            reply.outcome = Outcome.REFUSED if not reply.tables.exists() else Outcome.PARTIAL
        elif facts.information_not_held:
            reply.outcome = Outcome.NOT_HELD


def _offer_to_request(reply: Reply, facts: parsing.Facts, actor) -> None:
    request = reply.request
    received = facts.request_received_date
    reference = "" if request.authority_reference else (facts.reference or "")[:100]
    if not received and not reference:
        return
    try:
        request_received_corrected(
            request=request, received_date=received or request.received_date, reference=reference, actor=actor,
            why=f"Read from the reply of {reply.letter_date:%d %b %Y}")
    except ValidationError as exc:
        log.info("reply %s: received date not applied: %s", reply.pk, exc.messages[0])
