from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from requests_app import selectors, services
from requests_app.forms import (
    AcknowledgementForm, AttachmentForm, BatchForm, FOIRequestForm, MarkSentForm, ReplyForm,
)
from requests_app.models import (
    Attachment, Authority, Batch, Escalation, ExtraNonWorkingDay, FOIRequest, InternalReview, Reply, RequestEvent, Team,
)
from requests_app.models.request import CLOSED_STATES
from requests_app.presentation import change_summary, deadline_rows, due_badge, tables_html
from requests_app.questions import split_questions


class FoiMedia:
    css = {"all": ["foitracker/admin.css"]}


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "nation", "kind", "default_regime", "foi_email", "open_requests"]
    list_filter = ["nation", "kind", "default_regime"]
    search_fields = ["name", "slug", "foi_email"]
    ordering = ["name"]  # the list and the autocomplete (its pages need an order)
    prepopulated_fields = {"slug": ["name"]}
    actions = ["send_batch"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            n_open=Count("requests", filter=~Q(requests__status__in=CLOSED_STATES)))

    @admin.display(description="open requests", ordering="n_open")
    def open_requests(self, obj):
        return obj.n_open

    @admin.action(description="Send one request to the selected authorities (new batch)")
    def send_batch(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:requests_app_batch_add')}?authorities={ids}")


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for reference: computed or audited, never edited inline."""

    classes = ["foi-untitled-rows"]
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class BatchRequestInline(ReadOnlyInline):
    model = FOIRequest
    fields = ["link", "status", "sent_date", "response_due", "due_status"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("authority")

    @admin.display(description="authority")
    def link(self, obj):
        url = reverse("admin:requests_app_foirequest_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.authority.name)

    @admin.display(description="due")
    def due_status(self, obj):
        return due_badge(obj, timezone.localdate())


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "created_at", "n_requests"]
    search_fields = ["title", "text"]
    date_hierarchy = "created_at"

    class Media(FoiMedia):
        pass

    def get_queryset(self, request):
        qs = super().get_queryset(request).annotate(n=Count("requests"))
        return qs if request.user.is_superuser else qs.filter(owner=request.user)

    @admin.display(description="requests", ordering="n")
    def n_requests(self, obj):
        return obj.n

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = type("BatchForm", (BatchForm,), {"owner": request.user})
            kwargs["fields"] = ["title", "text", "authorities", "regime", "sent_date", "team"]
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["title", "text", "authorities", "regime", "sent_date", "team"] if obj is None else [
            "title", "text", "owner", "team"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "team" and not request.user.is_superuser:
            kwargs["queryset"] = request.user.foi_teams.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ["owner"] if obj else []

    def get_inlines(self, request, obj):
        return [BatchRequestInline] if obj else []

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if request.GET.get("authorities"):
            initial["authorities"] = [pk for pk in request.GET["authorities"].split(",") if pk.isdigit()]
        return initial

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        batch = services.batch_create(
            owner=request.user, authorities=form.cleaned_data["authorities"], title=obj.title, text=obj.text,
            regime=form.cleaned_data["regime"], sent_date=form.cleaned_data["sent_date"], team=obj.team)
        obj.pk, obj.owner, obj.created_at = batch.pk, batch.owner, batch.created_at
        self.message_user(request, f"Logged {batch.requests.count()} requests in this batch, with their deadlines.")

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)


class ReplyInline(admin.StackedInline):
    model = Reply
    form = ReplyForm
    extra = 0
    show_change_link = True
    fields = [("kind", "letter_date", "received_date"), ("outcome", "authority_reference"), "exemptions",
              ("requester_answered_on", "fee_paid_on", "extended_to"), "body", "attachment_list", "new_attachments",
              "parsed_tables"]
    readonly_fields = ["attachment_list", "parsed_tables"]

    @admin.display(description="tables found")
    def parsed_tables(self, obj):
        return tables_html(list(obj.tables.all())) if obj.pk else "Parsed when the reply is saved."

    @admin.display(description="attachments")
    def attachment_list(self, obj):
        if not obj.pk:
            return "none yet"
        items = format_html_join(", ", '<a href="{}">{}</a>{}', (
            (reverse("requests_app:attachment", args=[a.pk]), a, f" (not parsed: {a.parse_error})" if a.parse_error else "")
            for a in obj.attachments.all()))
        json_link = format_html(' · <a href="{}">parsed reply as JSON</a>', reverse("requests_app:reply_json", args=[obj.pk]))
        return format_html("{}{}", items or "none", json_link)


class InternalReviewInline(admin.TabularInline):
    model = InternalReview
    extra = 0


class EscalationInline(admin.TabularInline):
    model = Escalation
    extra = 0


class RequestEventInline(ReadOnlyInline):
    model = RequestEvent
    fields = ["at", "actor", "kind", "message", "change_list"]
    verbose_name_plural = "audit trail"

    @admin.display(description="changes")
    def change_list(self, obj):
        return change_summary(obj.changes)


class OverdueFilter(admin.SimpleListFilter):
    title = "deadline"
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("very_overdue", "Very overdue"), ("week", "Due in the next 7 days")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "very_overdue":
            return queryset.very_overdue_on(today)
        if self.value() == "week":
            return queryset.due_between(today, today + timezone.timedelta(days=7))
        return queryset


@admin.register(FOIRequest)
class FOIRequestAdmin(admin.ModelAdmin):
    form = FOIRequestForm
    list_display = ["title", "authority", "status", "sent_date", "due", "days_left_display", "batch"]
    list_filter = ["status", OverdueFilter, "authority__nation", "regime",
                   ("authority", admin.RelatedOnlyFieldListFilter), ("batch", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["authority", "batch"]
    search_fields = ["title", "text", "authority__name", "authority_reference"]
    date_hierarchy = "sent_date"
    autocomplete_fields = ["authority"]
    inlines = [ReplyInline, InternalReviewInline, EscalationInline, RequestEventInline]
    actions = ["mark_sent", "record_acknowledgement"]
    readonly_fields = ["owner", "question_list", "deadline_table"]
    fieldsets = [
        (None, {"fields": ["authority", "title", "text", "question_list", "regime", "batch", "owner"]}),
        ("Sharing", {"fields": ["team", "public"]}),
        ("Progress", {"fields": ["status", ("sent_date", "received_date"), "authority_reference"]}),
        ("Deadlines", {"fields": ["deadline_table"],
                       "description": "Computed from the dates above and the replies below; never typed in."}),
    ]

    class Media(FoiMedia):
        pass

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "batch" and not request.user.is_superuser:
            kwargs["queryset"] = Batch.objects.filter(owner=request.user)
        if db_field.name == "team" and not request.user.is_superuser:
            kwargs["queryset"] = request.user.foi_teams.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="due", ordering="response_due")
    def due(self, obj):
        return obj.due

    @admin.display(description="days left")
    def days_left_display(self, obj):
        return due_badge(obj, timezone.localdate())

    @admin.display(description="numbered questions")
    def question_list(self, obj):
        if not obj.questions:
            return "No numbered questions found in the text."
        items = format_html_join("", "<li><strong>{}.</strong> {}</li>", ((q["number"], q["text"]) for q in obj.questions))
        return format_html('<ol class="foi-questions">{}</ol>', items)

    @admin.display(description="dates and rules")
    def deadline_table(self, obj):
        if not obj.pk:
            return "Computed when the request is saved."
        rows = deadline_rows(selectors.request_deadlines(obj), obj.effective_regime, timezone.localdate())
        body = format_html_join("", '<tr><th>{}</th><td>{}</td><td>{}</td><td class="rule">{}</td></tr>', rows)
        return format_html('<table class="foi-deadlines"><thead><tr><th>Deadline</th><th>Date</th><th>When</th>'
                           '<th>Rule</th></tr></thead><tbody>{}</tbody></table>', body)

    def save_model(self, request, obj, form, change):
        obj.questions = split_questions(obj.text)
        obj.regime = obj.regime or obj.authority.default_regime
        if not change:
            obj.owner = request.user
            obj.received_date = obj.received_date or obj.sent_date
            obj.save()
            services.request_logged(request=obj, actor=request.user)
            return
        new_status = obj.status
        obj.status = form.initial.get("status", obj.status)
        obj.save()
        services.request_fields_changed(request=obj, changed=form.changed_data, initial=form.initial, actor=request.user)
        try:
            services.request_transition(request=obj, to=new_status, actor=request.user)
        except ValidationError as exc:
            self.message_user(request, exc.messages[0], messages.ERROR)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Reply:
            for reply_form in formset.forms:
                uploads = getattr(reply_form, "cleaned_data", {}).get("new_attachments")
                if uploads and reply_form.instance.pk:
                    services.reply_attach_files(reply=reply_form.instance, uploads=uploads)
            touched = {f.instance.pk: f.instance for f in formset.forms
                       if f.instance.pk and (f.has_changed() or getattr(f, "cleaned_data", {}).get("new_attachments"))}
            for reply in formset.new_objects + [r for r, _ in formset.changed_objects]:
                warning = services.reply_recorded(reply=reply, actor=request.user)
                if warning:
                    self.message_user(request, warning, messages.WARNING)
            for reply in touched.values():
                services.reply_parse_later(reply=reply)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.deadlines_recompute(requests=[form.instance], actor=request.user, reason="request edited")

    def _with_form(self, request, queryset, form_class, action, title, intro, submit_label, apply):
        form = form_class(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, errors = 0, []
            for obj in queryset:
                try:
                    apply(obj, form.cleaned_data)
                    done += 1
                except ValidationError as exc:
                    errors.append(f"{obj}: {exc.messages[0]}")
            if done:
                self.message_user(request, f"{title}: {done} request(s) updated.")
            for error in errors:
                self.message_user(request, error, messages.ERROR)
            return None
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "queryset": queryset, "action": action, "title": title, "intro": intro,
                   "submit_label": submit_label, "action_checkbox_name": ACTION_CHECKBOX_NAME}
        return TemplateResponse(request, "admin/requests_app/action_form.html", context)

    @admin.action(description="Mark selected requests as sent")
    def mark_sent(self, request, queryset):
        return self._with_form(
            request, queryset, MarkSentForm, "mark_sent", "Mark as sent",
            "The 20 working days count from the date the authority receives the request.", "Mark as sent",
            lambda obj, data: services.request_mark_sent(request=obj, sent_date=data["sent_date"], actor=request.user))

    @admin.action(description="Record the authority's acknowledgement")
    def record_acknowledgement(self, request, queryset):
        return self._with_form(
            request, queryset, AcknowledgementForm, "record_acknowledgement", "Record acknowledgement",
            "The acknowledgement fixes the date the authority received the request, which moves its deadlines.",
            "Record acknowledgement",
            lambda obj, data: services.request_record_acknowledgement(
                request=obj, received_date=data["received_date"], reference=data["reference"], actor=request.user))


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    fields = ["download", "file", "content_type", "size", "sha256", "parse_status", "parse_error"]
    readonly_fields = ["download", "content_type", "size", "sha256", "parse_status", "parse_error"]
    extra = 1

    @admin.display(description="attachment")
    def download(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("requests_app:attachment", args=[obj.pk]), obj)


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    form = ReplyForm
    list_display = ["__str__", "request", "kind", "outcome", "letter_date"]
    list_filter = ["kind", "outcome"]
    list_select_related = ["request", "request__authority"]
    search_fields = ["body", "authority_reference", "request__title"]
    autocomplete_fields = ["request"]
    inlines = [AttachmentInline]
    readonly_fields = ["parsed_tables"]
    actions = ["parse_again"]

    @admin.display(description="tables found")
    def parsed_tables(self, obj):
        return tables_html(list(obj.tables.all())) if obj.pk else "Parsed when the reply is saved."

    @admin.action(description="Parse again (after a parser fix)")
    def parse_again(self, request, queryset):
        for reply in queryset:
            services.reply_parse_later(reply=reply)
        self.message_user(request, f"Parsing {queryset.count()} reply(ies) again; tables are replaced when done.")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(request__owner=request.user)

    def delete_model(self, request, obj):
        request_id = obj.request_id
        super().delete_model(request, obj)
        services.replies_deleted(request_ids=[request_id], actor=request.user)

    def delete_queryset(self, request, queryset):
        request_ids = list(queryset.values_list("request_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        services.replies_deleted(request_ids=request_ids, actor=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "request":
            kwargs["queryset"] = FOIRequest.objects.for_user(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Attachment:
            return super().save_formset(request, form, formset, change)
        for obj in formset.save(commit=False):
            obj.reply = form.instance
            services.attachment_store(attachment=obj, upload=obj.file)
        for obj in formset.deleted_objects:
            obj.delete()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("new_attachments"):
            services.reply_attach_files(reply=form.instance, uploads=form.cleaned_data["new_attachments"])
        warning = services.reply_recorded(reply=form.instance, actor=request.user)
        if warning:
            self.message_user(request, warning, messages.WARNING)
        moved_from = form.initial.get("request") if change and "request" in form.changed_data else None
        if moved_from:  # the request it left keeps no clock or first answer from it
            services.replies_deleted(request_ids=[moved_from], actor=request.user)
        services.reply_parse_later(reply=form.instance)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "member_count"]
    search_fields = ["name", "members__username"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        teams = super().get_queryset(request).annotate(member_total=Count("members"))
        return teams if request.user.is_superuser else teams.filter(members=request.user)

    @admin.display(description="members", ordering="member_total")
    def member_count(self, obj):
        return obj.member_total


@admin.register(ExtraNonWorkingDay)
class ExtraNonWorkingDayAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "applies_to_uk", "applies_to_scotland", "source_url"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._recompute(request, [obj.date, form.initial.get("date") if change else None])  # a moved day: both

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._recompute(request, [obj.date])

    def delete_queryset(self, request, queryset):
        days = list(queryset.values_list("date", flat=True))
        super().delete_queryset(request, queryset)
        self._recompute(request, days)

    def _recompute(self, request, days):
        seen, changed = services.extra_day_saved(day=days, actor=request.user)
        self.message_user(request, f"Recomputed the deadlines of {seen} request(s) open or with a date since; "
                                   f"{changed} changed.")
from requests_app import admin_reminders  # noqa: E402,F401  (registers the reminder admin)
