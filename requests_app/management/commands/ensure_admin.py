import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Create the first admin login if there is none: from DJANGO_SUPERUSER_USERNAME / "
            "DJANGO_SUPERUSER_PASSWORD / DJANGO_SUPERUSER_EMAIL, or generated and printed once.")

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin login already exists (reset it with `manage.py changepassword`).")
            return
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username, os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password)
        if generated:
            self.stdout.write(self.style.SUCCESS(
                f"Admin login created. Username: {username}  Password: {password}\n"
                "This password is shown once: note it now."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Admin login '{username}' created from DJANGO_SUPERUSER_*."))
