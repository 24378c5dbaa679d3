"""Forms of the request page: record a reply, attach files, ask for a review, complain."""
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from requests_app.forms import MultipleFileField, check_upload_size
from requests_app.models import Reply
from requests_app.models.review import Regulator

# What forces send: letters, spreadsheets, documents, web pages, e-mails, and zips of them.
ALLOWED = {".pdf": b"%PDF", ".xlsx": b"PK", ".docx": b"PK", ".ods": b"PK", ".zip": b"PK",
           ".xls": b"\xd0\xcf\x11\xe0", ".doc": b"\xd0\xcf\x11\xe0", ".csv": None, ".txt": None, ".html": None,
           ".htm": None, ".eml": None, ".odt": b"PK"}


def check_upload_type(upload) -> None:
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError(f"{upload.name}: this type of file is not accepted (PDF, XLSX, XLS, ODS, CSV, DOCX, "
                              "HTML, e-mail, text or zip).")
    magic = ALLOWED[suffix]
    if magic:
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise ValidationError(f"{upload.name} is not really a {suffix[1:].upper()} file (its contents say otherwise).")


class UploadsField(MultipleFileField):
    def clean(self, data, initial=None):
        uploads = super().clean(data, initial)
        for upload in uploads:
            check_upload_size(upload)
            check_upload_type(upload)
        return uploads


def _date_input():
    return forms.DateInput(attrs={"type": "date"})


class PageReplyForm(forms.ModelForm):
    attachments = UploadsField(required=False, label="Attach files",
                               help_text="The letter and its annexes, kept as received and read for tables.")

    class Meta:
        model = Reply
        fields = ["kind", "letter_date", "received_date", "outcome", "authority_reference", "body",
                  "requester_answered_on", "fee_paid_on", "extended_to"]
        widgets = {f: _date_input() for f in ["letter_date", "received_date", "requester_answered_on",
                                              "fee_paid_on", "extended_to"]}

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.request = request

    def clean(self):
        data = super().clean()
        letter, sent = data.get("letter_date"), self.instance.request.sent_date
        if letter and sent and letter < sent:
            self.add_error("letter_date", f"A reply cannot be dated before the request was sent ({sent:%-d %b %Y}).")
        if letter and data.get("received_date") and data["received_date"] < letter:
            self.add_error("received_date", "A reply cannot reach you before the date on the letter.")
        twin = self.instance.request.replies.filter(kind=data.get("kind"), letter_date=letter,
                                                    body=data.get("body", "")).first()
        if letter and twin:
            raise ValidationError(f"This reply is recorded already ({twin}); open it on the request page "
                                  "instead of recording it twice.")
        return data


class AttachFilesForm(forms.Form):
    reply = forms.ModelChoiceField(queryset=Reply.objects.none(), label="To the reply")
    files = UploadsField(label="Files")

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].queryset = request.replies.all()


def _not_future(day):
    if day and day > timezone.localdate():
        raise ValidationError("That date is in the future.")
    return day


class ReviewForm(forms.Form):
    requested_on = forms.DateField(label="Sent on", initial=timezone.localdate, widget=_date_input())
    letter = forms.CharField(label="Your letter (edit it, send it, then record it here)", widget=forms.Textarea)

    def clean_requested_on(self):
        return _not_future(self.cleaned_data["requested_on"])


class EscalationForm(ReviewForm):
    body = forms.ChoiceField(label="To", choices=Regulator.choices[:2])
