"""A person's reminder settings and their private calendar feed."""
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from requests_app import calendar_feed, services
from requests_app.forms import NotificationSettingsForm
from requests_app.models import NotificationSettings


def _settings(user) -> NotificationSettings:
    return NotificationSettings.objects.get_or_create(user=user)[0]


@login_required
def notification_settings(request):
    current = _settings(request.user)
    form = NotificationSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your reminder settings are saved.")
        return redirect("requests_app:notification_settings")
    feed_url = request.build_absolute_uri(reverse("requests_app:calendar_feed", args=[current.calendar_token]))
    return render(request, "requests_app/notification_settings.html", {
        **admin.site.each_context(request), "form": form, "feed_url": feed_url, "title": "Reminders and calendar",
        "has_email": bool(request.user.email)})


@login_required
@require_POST
def calendar_regenerate(request):
    services.calendar_address_renew(notification_settings=_settings(request.user))
    messages.success(request, "Your calendar has a new address; the old one no longer works.")
    return redirect("requests_app:notification_settings")


def calendar(request, token: str):
    """The feed: no login (calendar apps cannot log in), so the secret URL is the key."""
    found = NotificationSettings.objects.select_related("user").filter(calendar_token=token).first()
    if found is None or not found.user.is_active:
        raise Http404("No such calendar.")
    body = calendar_feed.feed(user=found.user, today=services.london_today())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="foi-deadlines.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
