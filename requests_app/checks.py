"""System checks: misconfiguration fails at start-up, not at the first deadline."""
from django.conf import settings
from django.core.checks import Error, register

from requests_app import deadlines


@register()
def check_holiday_calendar(app_configs, **kwargs):
    errors = []
    # 19 September 2022 (state funeral) must be a non-working day: proves the
    # installed `holidays` package has the UK one-off days the deadlines rely on.
    from datetime import date

    if deadlines.is_working_day(date(2022, 9, 19)):
        errors.append(Error("The installed 'holidays' package lacks UK one-off bank holidays.",
                            hint="Install the version pinned in requirements.txt.", id="foitracker.E001"))
    if settings.TIME_ZONE != "Europe/London":
        errors.append(Error("TIME_ZONE must be Europe/London: FOI receipt dates are UK dates.",
                            id="foitracker.E002"))
    return errors
