from django.conf import settings
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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
