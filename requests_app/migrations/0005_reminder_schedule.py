"""The reminder schedule, as django-celery-beat rows so staff can see and change it in the admin."""
from django.db import migrations

SWEEP = "Reminders: daily sweep and digests"
OWED = "Reminders: send digests still owed"


def create(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    Interval = apps.get_model("django_celery_beat", "IntervalSchedule")
    Task = apps.get_model("django_celery_beat", "PeriodicTask")
    seven_am, _ = Crontab.objects.get_or_create(minute="0", hour="7", day_of_week="*", day_of_month="*",
                                                month_of_year="*", timezone="Europe/London")
    quarter, _ = Interval.objects.get_or_create(every=15, period="minutes")
    Task.objects.get_or_create(name=SWEEP, defaults={
        "task": "requests_app.tasks.sweep_reminders", "crontab": seven_am,
        "description": "Finds every deadline event due today (and any missed while the worker was down) "
                       "and e-mails each person one digest."})
    Task.objects.get_or_create(name=OWED, defaults={
        "task": "requests_app.tasks.send_owed_digests", "interval": quarter,
        "description": "Re-sends digests the mail server has not yet accepted (after an outage)."})


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=[SWEEP, OWED]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("requests_app", "0004_reminders"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create, remove)]
