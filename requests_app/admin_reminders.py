"""Admin for reminders: people's settings, a preview of their next digest, and the outbox."""
from datetime import date

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from requests_app import services
from requests_app.models import Digest, NotificationSettings, Reminder, SweepRun

User = get_user_model()


def _preview_link(user_id: int):
    return format_html('<a href="{}">Preview next digest</a>', reverse("admin:reminders_preview", args=[user_id]))


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "enabled", "lead_days", "next_digest"]
    list_filter = ["enabled"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]

    @admin.display(description="Next digest")
    def next_digest(self, obj):
        return _preview_link(obj.user_id)

    def get_urls(self):
        return [path("preview/<int:user_id>/", self.admin_site.admin_view(self.preview), name="reminders_preview"),
                *super().get_urls()]

    def preview(self, request, user_id: int):
        """Staff only: what this person's next digest would say, sending and recording nothing."""
        person = get_object_or_404(User, pk=user_id)
        day = request.GET.get("date")
        try:
            today = date.fromisoformat(day) if day else services.london_today()
        except ValueError:
            messages.error(request, f"'{day}' is not a date (YYYY-MM-DD); showing today.")
            today = services.london_today()
        events, subject, html = services.digest_preview(user=person, today=today)
        return TemplateResponse(request, "admin/requests_app/digest_preview.html", {
            **self.admin_site.each_context(request), "title": f"Next digest for {person}", "person": person,
            "events": events, "subject": subject, "html": html, "today": today, "opts": self.model._meta})


class ReminderInline(admin.TabularInline):
    model = Reminder
    fields = ["event", "request", "batch", "lead_days", "due_date", "sent_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["id", "recipient", "status", "subject", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status"]
    search_fields = ["recipient__username", "recipient__email", "subject"]
    readonly_fields = ["recipient", "status", "subject", "attempts", "created_at", "claimed_at", "sent_at", "last_error"]
    inlines = [ReminderInline]

    def has_add_permission(self, request):
        return False


@admin.register(SweepRun)
class SweepRunAdmin(admin.ModelAdmin):
    list_display = ["run_on", "since", "reminders", "digests", "finished_at"]
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False


class ReminderUserAdmin(UserAdmin):
    list_display = [*UserAdmin.list_display, "next_digest"]

    @admin.display(description="Next digest")
    def next_digest(self, obj):
        return _preview_link(obj.pk)


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, ReminderUserAdmin)
