"""One request: its timeline, replies and tables, and the actions that move it on."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from requests_app import letters, services
from requests_app.forms_pages import AttachFilesForm, EscalationForm, PageReplyForm, ReviewForm
from requests_app.models import FOIRequest
from requests_app.models.review import Regulator
from requests_app.presentation import reply_body, table_html
from requests_app.selectors import browse


def _readable(request, pk) -> FOIRequest:
    try:
        return browse.request_detail(request.user, pk)
    except FOIRequest.DoesNotExist:
        raise Http404("No such request.") from None


def _editable(request, pk) -> FOIRequest:
    """A request the person may change: their own or their team's (a public one is read-only)."""
    foi = _readable(request, pk)
    if not FOIRequest.objects.for_user(request.user).filter(pk=foi.pk).exists():
        raise Http404("No such request.")
    return foi


def request_page(request, pk: int):
    foi = _readable(request, pk)
    today = services.london_today()
    can_edit = request.user.is_authenticated and FOIRequest.objects.for_user(request.user).filter(pk=pk).exists()
    replies = [{"reply": r, "body": reply_body(r.body), "tables": [table_html(t) for t in r.tables.all()],
                "attachments": list(r.attachments.all())} for r in foi.replies.all()]
    return render(request, "pages/request.html", {
        "title": foi.title, "nav": "requests", "foi": foi, "today": today, "can_edit": can_edit,
        "timeline": browse.timeline(foi, today), "replies": replies,
        "events": list(foi.events.all()) if can_edit else []})


def _done(request, foi, message, warning=None):
    messages.success(request, message)
    if warning:
        messages.warning(request, warning)
    return redirect("pages:request", pk=foi.pk)


@login_required
def reply_new(request, pk: int):
    foi = _editable(request, pk)
    form = PageReplyForm(request.POST or None, request.FILES or None, request=foi)
    if request.method == "POST" and form.is_valid():
        warning = services.reply_add(reply=form.save(commit=False), uploads=form.cleaned_data["attachments"],
                                     actor=request.user)
        return _done(request, foi, "Reply recorded; its files are being read for tables.", warning)
    return render(request, "pages/action.html", {
        "title": f"Record a reply: {foi.title}", "foi": foi, "form": form, "multipart": True, "submit": "Record reply"})


@login_required
def files_new(request, pk: int):
    foi = _editable(request, pk)
    form = AttachFilesForm(request.POST or None, request.FILES or None, request=foi)
    if request.method == "POST" and form.is_valid():
        services.files_add(reply=form.cleaned_data["reply"], uploads=form.cleaned_data["files"], actor=request.user)
        return _done(request, foi, f"{len(form.cleaned_data['files'])} file(s) attached; reading them for tables.")
    return render(request, "pages/action.html", {
        "title": f"Attach files: {foi.title}", "foi": foi, "form": form, "multipart": True, "submit": "Attach"})


def _letter_action(request, pk, *, form_class, draft, title, submit, save):
    foi = _editable(request, pk)
    facts = browse.letter_facts(foi, request.user)
    form = form_class(request.POST or None, initial={"letter": draft(foi, facts), "body": regulator_for(foi)})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                save(foi, form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            return _done(request, foi, f"{submit}: recorded, and its deadlines are on the timeline.")
    return render(request, "pages/action.html", {
        "title": f"{title}: {foi.title}", "foi": foi, "form": form, "submit": submit,
        "grounds": letters.review_grounds(facts)})


@login_required
def review_new(request, pk: int):
    return _letter_action(
        request, pk, form_class=ReviewForm, title="Ask for an internal review", submit="Internal review requested",
        draft=lambda foi, facts: letters.review_letter(facts),
        save=lambda foi, data: services.review_request(request=foi, requested_on=data["requested_on"],
                                                       grounds=data["letter"], actor=request.user))


@login_required
def escalate_new(request, pk: int):
    def draft(foi, facts):
        review = foi.reviews.all().last() if foi.reviews.all() else None
        return letters.complaint_letter(facts, review_requested=review.requested_on if review else None,
                                        review_answered=review.outcome_date if review else None)

    def save(foi, data):
        services.escalation_submit(request=foi, body=data["body"], submitted_on=data["requested_on"], actor=request.user)

    return _letter_action(request, pk, form_class=EscalationForm, title="Complain to the regulator",
                          submit="Complaint made", draft=draft, save=save)


def regulator_for(foi) -> str:
    return Regulator.SIC if foi.effective_regime in ("foisa", "eisr") else Regulator.ICO
