from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminDateWidget, FilteredSelectMultiple
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from requests_app.models import (
    Attachment, Authority, Batch, FOIRequest, NotificationSettings, Regime, Reply, ReminderEvent, Status,
)
from requests_app.models.reminder import validate_lead_days
from requests_app.models.request import TRANSITIONS


class WrappedSelectFilter(FilteredSelectMultiple):
    """The admin's two-box selector, wrapped like a related field so its label stays on the left."""

    template_name = "requests_app/widgets/select_filter.html"


class BatchForm(forms.ModelForm):
    """Send one request text to many authorities at once."""

    authorities = forms.ModelMultipleChoiceField(
        queryset=Authority.objects.all(), widget=WrappedSelectFilter("authorities", is_stacked=False),
        help_text="Each authority gets its own request, with its own deadlines.")
    regime = forms.ChoiceField(
        choices=[("", "Each authority's default (FOISA for Police Scotland, FOIA otherwise)"), *Regime.choices],
        required=False)
    sent_date = forms.DateField(
        required=False, widget=AdminDateWidget,
        help_text="Leave blank to keep the requests as drafts. Deadlines count from this date.")

    owner = None  # set by the admin to the logged-in user
    DUPLICATE_WINDOW = timedelta(hours=1)

    class Meta:
        model = Batch
        fields = ["title", "text", "team"]

    def clean(self):
        data = super().clean()
        earlier = Batch.objects.filter(
            owner=self.owner, title=data.get("title"), text=data.get("text"),
            created_at__gte=timezone.now() - self.DUPLICATE_WINDOW).first()
        if self.owner is not None and earlier:
            raise ValidationError(
                f"You logged this batch already at {timezone.localtime(earlier.created_at):%H:%M} "
                f"(batch #{earlier.pk}); open it instead of logging it twice.")
        return data

    def clean_sent_date(self):
        sent = self.cleaned_data.get("sent_date")
        if sent and sent > timezone.localdate():
            raise ValidationError("A request cannot have been sent in the future.")
        return sent


class FOIRequestForm(forms.ModelForm):
    class Meta:
        model = FOIRequest
        fields = "__all__"

    def clean_status(self):
        new = self.cleaned_data["status"]
        old = self.instance.status if self.instance.pk else Status.DRAFT
        if new != old and new not in TRANSITIONS[old]:
            allowed = ", ".join(Status(s).label for s in TRANSITIONS[old]) or "none (it is closed)"
            raise ValidationError(
                f"A request cannot go from '{Status(old).label}' to '{Status(new).label}'. Allowed: {allowed}.")
        return new

    def clean(self):
        data = super().clean()
        sent, received = data.get("sent_date"), data.get("received_date")
        if sent and received and received < sent:
            self.add_error("received_date", "The authority cannot receive a request before it was sent.")
        if sent and sent > timezone.localdate():
            self.add_error("sent_date", "A request cannot have been sent in the future.")
        if data.get("status") not in (None, Status.DRAFT, Status.WITHDRAWN) and not sent:
            self.add_error("sent_date", "Give the date the request was sent.")
        if sent and self.instance.pk:
            early = self.instance.replies.filter(letter_date__lt=sent).first()
            if early:
                self.add_error("sent_date", f"A reply is dated {early.letter_date:%d %b %Y}, before this sent date.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django docs, 'Uploading multiple files')."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(d, initial) for d in data] if isinstance(data, (list, tuple)) else [single(data, initial)]
        return [f for f in files if f]


def check_upload_size(upload) -> None:
    limit = settings.FOITRACKER_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(f"{upload.name} is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}.")


class ReplyForm(forms.ModelForm):
    new_attachments = MultipleFileField(
        required=False, label="attach files",
        help_text="The letter and its annexes (PDF, spreadsheets, documents), kept as received.")

    class Meta:
        model = Reply
        fields = "__all__"

    def clean_new_attachments(self):
        uploads = self.cleaned_data.get("new_attachments") or []
        for upload in uploads:
            check_upload_size(upload)
        return uploads

    def clean(self):
        data = super().clean()
        request = data.get("request") or getattr(self.instance, "request", None)
        letter = data.get("letter_date")
        sent = getattr(request, "sent_date", None) if request else None
        if letter and sent and letter < sent:
            self.add_error("letter_date", f"A reply cannot be dated before the request was sent ({sent:%d %b %Y}).")
        received = data.get("received_date")
        if letter and received and received < letter:
            self.add_error("received_date", "A reply cannot reach you before the date on the letter.")
        return data


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file"]
        widgets = {"file": forms.FileInput}  # no public media link: files download through the owner check

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload:
            check_upload_size(upload)
        return upload


class MarkSentForm(forms.Form):
    sent_date = forms.DateField(initial=timezone.localdate, widget=AdminDateWidget)

    def clean_sent_date(self):
        sent = self.cleaned_data["sent_date"]
        if sent > timezone.localdate():
            raise ValidationError("A request cannot have been sent in the future.")
        return sent


class AcknowledgementForm(forms.Form):
    received_date = forms.DateField(
        widget=AdminDateWidget, label="Received by the authority on",
        help_text="As the acknowledgement states. The 20 working days count from this date.")
    reference = forms.CharField(required=False, max_length=100, label="Authority's reference")


class NotificationSettingsForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label="Tell me about", choices=ReminderEvent.choices, widget=forms.CheckboxSelectMultiple, required=False)

    class Meta:
        model = NotificationSettings
        fields = ["enabled", "lead_days", "events"]

    def clean_lead_days(self):
        validate_lead_days(self.cleaned_data["lead_days"])
        days = sorted({int(p) for p in self.cleaned_data["lead_days"].split(",") if p.strip()}, reverse=True)
        return ", ".join(str(d) for d in days)
