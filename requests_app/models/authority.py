from django.db import models


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    UK_WIDE = "uk", "UK-wide"


class Regime(models.TextChoices):
    FOIA = "foia", "FOIA 2000"
    EIR = "eir", "EIR 2004"
    FOISA = "foisa", "FOISA 2002 (Scotland)"
    EISR = "eisr", "EIRs 2004 (Scotland)"


class AuthorityKind(models.TextChoices):
    TERRITORIAL_POLICE = "territorial_police", "Territorial police force"
    SPECIAL_POLICE = "special_police", "National special police force"
    OTHER = "other", "Other public authority"


class Authority(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=AuthorityKind.choices, default=AuthorityKind.OTHER)
    nation = models.CharField(max_length=32, choices=Nation.choices)
    default_regime = models.CharField(
        max_length=8, choices=Regime.choices, default=Regime.FOIA,
        help_text="FOISA for Scottish public authorities (Police Scotland); FOIA for the rest.",
    )
    foi_email = models.EmailField("FOI e-mail", blank=True, help_text="Where FOI requests go. Leave blank unless known for certain.")
    website = models.URLField(blank=True)
    disclosure_log_url = models.URLField("disclosure log URL", blank=True)
    review_window_working_days = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text="Only if this authority's letters set their own FOIA internal-review window in working days. "
                  "Blank: two calendar months from the reply (FOIA); EIR and FOISA use their statutory 40 working days.",
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"

    def __str__(self) -> str:
        return self.name
