from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "foitracker"
admin.site.site_title = "foitracker"
admin.site.index_title = "FOI requests, deadlines and replies"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("requests_app.urls")),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
# Uploaded replies are never served as public media: requests_app's attachment view checks the owner.
