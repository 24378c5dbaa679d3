from django.urls import path

from requests_app import views_pages as pages, views_request as one

app_name = "pages"
urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("requests/", pages.requests_list, name="requests"),
    path("requests/export.<str:fmt>", pages.requests_export, name="requests_export"),
    path("requests/<int:pk>/", one.request_page, name="request"),
    path("requests/<int:pk>/reply", one.reply_new, name="reply_new"),
    path("requests/<int:pk>/files", one.files_new, name="files_new"),
    path("requests/<int:pk>/review", one.review_new, name="review_new"),
    path("requests/<int:pk>/escalate", one.escalate_new, name="escalate_new"),
    path("forces/", pages.forces, name="forces"),
    path("forces/<slug:slug>/", pages.force_page, name="force"),
    path("batches/", pages.batches, name="batches"),
    path("batches/<int:pk>/", pages.batch_page, name="batch"),
    path("batches/<int:pk>/dataset.<str:fmt>", pages.batch_dataset, name="batch_dataset"),
]
