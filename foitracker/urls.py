from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "foitracker"
admin.site.site_title = "foitracker"
admin.site.index_title = "FOI requests, deadlines and replies"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("requests_app.urls")),
    path("", include("requests_app.urls_pages")),
]
# Uploaded replies are never served as public media: requests_app's attachment view checks the owner.
