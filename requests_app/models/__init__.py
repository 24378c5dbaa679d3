from requests_app.models.authority import Authority, Nation, Regime
from requests_app.models.calendar import ExtraNonWorkingDay
from requests_app.models.event import RequestEvent
from requests_app.models.reply import Attachment, ParsedTable, Reply
from requests_app.models.reminder import Digest, NotificationSettings, Reminder, ReminderEvent, SweepRun
from requests_app.models.request import Batch, FOIRequest, Status
from requests_app.models.review import Escalation, InternalReview
from requests_app.models.team import Team

__all__ = [
    "Attachment", "Authority", "Batch", "Escalation", "ExtraNonWorkingDay", "FOIRequest",
    "InternalReview", "Nation", "ParsedTable", "Regime", "Reply", "RequestEvent", "Status",
    "Digest", "NotificationSettings", "Reminder", "ReminderEvent", "SweepRun", "Team",
]
