"""The directory of every UK police force: 43 territorial forces of England and Wales,
Police Scotland, PSNI, and the three national special forces.

FOI e-mail addresses are filled only where known for certain (from the seed replies);
the rest are left for the admin to complete.
"""
from django.db import migrations
from django.utils.text import slugify

ENGLAND = [
    ("Avon and Somerset Constabulary", "https://www.avonandsomerset.police.uk"),
    ("Bedfordshire Police", "https://www.bedfordshire.police.uk"),
    ("Cambridgeshire Constabulary", "https://www.cambs.police.uk"),
    ("Cheshire Constabulary", "https://www.cheshire.police.uk"),
    ("City of London Police", "https://www.cityoflondon.police.uk"),
    ("Cleveland Police", "https://www.cleveland.police.uk"),
    ("Cumbria Constabulary", "https://www.cumbria.police.uk"),
    ("Derbyshire Constabulary", "https://www.derbyshire.police.uk"),
    ("Devon and Cornwall Police", "https://www.devon-cornwall.police.uk"),
    ("Dorset Police", "https://www.dorset.police.uk"),
    ("Durham Constabulary", "https://www.durham.police.uk"),
    ("Essex Police", "https://www.essex.police.uk"),
    ("Gloucestershire Constabulary", "https://www.gloucestershire.police.uk"),
    ("Greater Manchester Police", "https://www.gmp.police.uk"),
    ("Hampshire and Isle of Wight Constabulary", "https://www.hampshire.police.uk"),
    ("Hertfordshire Constabulary", "https://www.herts.police.uk"),
    ("Humberside Police", "https://www.humberside.police.uk"),
    ("Kent Police", "https://www.kent.police.uk"),
    ("Lancashire Constabulary", "https://www.lancashire.police.uk"),
    ("Leicestershire Police", "https://www.leics.police.uk"),
    ("Lincolnshire Police", "https://www.lincs.police.uk"),
    ("Merseyside Police", "https://www.merseyside.police.uk"),
    ("Metropolitan Police Service", "https://www.met.police.uk"),
    ("Norfolk Constabulary", "https://www.norfolk.police.uk"),
    ("North Yorkshire Police", "https://www.northyorkshire.police.uk"),
    ("Northamptonshire Police", "https://www.northants.police.uk"),
    ("Northumbria Police", "https://www.northumbria.police.uk"),
    ("Nottinghamshire Police", "https://www.nottinghamshire.police.uk"),
    ("South Yorkshire Police", "https://www.southyorks.police.uk"),
    ("Staffordshire Police", "https://www.staffordshire.police.uk"),
    ("Suffolk Constabulary", "https://www.suffolk.police.uk"),
    ("Surrey Police", "https://www.surrey.police.uk"),
    ("Sussex Police", "https://www.sussex.police.uk"),
    ("Thames Valley Police", "https://www.thamesvalley.police.uk"),
    ("Warwickshire Police", "https://www.warwickshire.police.uk"),
    ("West Mercia Police", "https://www.westmercia.police.uk"),
    ("West Midlands Police", "https://www.west-midlands.police.uk"),
    ("West Yorkshire Police", "https://www.westyorkshire.police.uk"),
    ("Wiltshire Police", "https://www.wiltshire.police.uk"),
]
WALES = [
    ("Dyfed-Powys Police", "https://www.dyfed-powys.police.uk"),
    ("Gwent Police", "https://www.gwent.police.uk"),
    ("North Wales Police", "https://www.northwales.police.uk"),
    ("South Wales Police", "https://www.south-wales.police.uk"),
]
# (name, nation, regime, kind, website)
OTHERS = [
    ("Police Scotland", "scotland", "foisa", "territorial_police", "https://www.scotland.police.uk"),
    ("Police Service of Northern Ireland", "northern_ireland", "foia", "territorial_police", "https://www.psni.police.uk"),
    ("British Transport Police", "uk", "foia", "special_police", "https://www.btp.police.uk"),
    ("Ministry of Defence Police", "uk", "foia", "special_police",
     "https://www.gov.uk/government/organisations/ministry-of-defence-police"),
    ("Civil Nuclear Constabulary", "uk", "foia", "special_police",
     "https://www.gov.uk/government/organisations/civil-nuclear-constabulary"),
]
# Known for certain: printed on the forces' own FOI replies (shared/seeds).
FOI_EMAILS = {
    "Bedfordshire Police": "foi@bedfordshire.pnn.police.uk",
    "Hertfordshire Constabulary": "foi@herts.pnn.police.uk",
}


def forces():
    for name, site in ENGLAND:
        yield name, "england", "foia", "territorial_police", site
    for name, site in WALES:
        yield name, "wales", "foia", "territorial_police", site
    yield from OTHERS


def load(apps, schema_editor):
    Authority = apps.get_model("requests_app", "Authority")
    for name, nation, regime, kind, site in forces():
        Authority.objects.update_or_create(
            name=name,
            defaults={"slug": slugify(name), "nation": nation, "default_regime": regime, "kind": kind,
                      "website": site, "foi_email": FOI_EMAILS.get(name, "")},
        )


def unload(apps, schema_editor):
    Authority = apps.get_model("requests_app", "Authority")
    Authority.objects.filter(name__in=[f[0] for f in forces()], requests__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("requests_app", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
