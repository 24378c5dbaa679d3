from django.apps import AppConfig


class RequestsAppConfig(AppConfig):
    name = "requests_app"
    verbose_name = "FOI requests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from requests_app import checks  # noqa: F401  (registers system checks)
        from requests_app.models import Authority
        from requests_app.selectors.menus import authority_menu_forget

        for signal in (post_save, post_delete):  # the filter's cached authority menu
            signal.connect(authority_menu_forget, sender=Authority, dispatch_uid=f"authority-menu-{signal}")
