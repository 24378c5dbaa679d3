"""Writes. Every change to a request's clock goes through deadlines_recompute()."""
from requests_app.services.replies import (  # noqa: F401
    attachment_store, reply_attach_files, reply_parse, reply_parse_later,
)
from requests_app.services.requests import (  # noqa: F401
    InvalidTransition, batch_create, deadlines_recompute, extra_day_saved, replies_deleted, reply_recorded, reply_status,
    request_fields_changed, request_logged, request_mark_sent, request_received_corrected,
    request_record_acknowledgement, request_transition,
)
from requests_app.services.reminders import (  # noqa: F401
    calendar_address_renew, digest_preview, digest_send, digests_owed, london_today, reminders_sweep,
)
from requests_app.services.actions import (  # noqa: F401
    escalation_submit, files_add, reply_add, review_request,
)
