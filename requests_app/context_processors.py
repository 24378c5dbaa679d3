"""What every page's header links to, reversed once per URL prefix and urlconf rather than
with eight {% url %} tags on every page (0.3 ms of a 10 ms list page, bench/pages_bench.py)."""
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

_NAV = {"dashboard": "pages:dashboard", "requests": "pages:requests", "forces": "pages:forces",
        "batches": "pages:batches", "reminders": "requests_app:notification_settings", "admin": "admin:index",
        "logout": "logout", "login": "login"}


def nav(request) -> dict:
    return {"nav_urls": _reversed(get_script_prefix(), get_urlconf())}


@lru_cache(maxsize=16)
def _reversed(prefix: str, urlconf) -> dict[str, str]:
    return {key: reverse(name, urlconf=urlconf) for key, name in _NAV.items()}
