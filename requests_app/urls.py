from django.urls import path

from requests_app import views, views_reminders

app_name = "requests_app"
urlpatterns = [
    path("tables/<int:pk>.csv", views.table_csv, name="table_csv"),
    path("tables/<int:pk>.xlsx", views.table_xlsx, name="table_xlsx"),
    path("replies/<int:pk>/parsed.json", views.reply_json, name="reply_json"),
    path("attachments/<int:pk>", views.attachment, name="attachment"),
    path("settings/reminders/", views_reminders.notification_settings, name="notification_settings"),
    path("settings/reminders/new-calendar-address", views_reminders.calendar_regenerate, name="calendar_regenerate"),
    path("calendar/<str:token>.ics", views_reminders.calendar, name="calendar_feed"),
]
