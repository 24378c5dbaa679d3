from django.urls import path

from requests_app import views

app_name = "requests_app"
urlpatterns = [
    path("tables/<int:pk>.csv", views.table_csv, name="table_csv"),
    path("tables/<int:pk>.xlsx", views.table_xlsx, name="table_xlsx"),
    path("replies/<int:pk>/parsed.json", views.reply_json, name="reply_json"),
    path("attachments/<int:pk>", views.attachment, name="attachment"),
]
