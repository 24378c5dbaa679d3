from datetime import date

import factory
from django.contrib.auth import get_user_model

from requests_app.models import Authority, FOIRequest, Reply, Status


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"journalist{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


def force(name: str = "Bedfordshire Police") -> Authority:
    """A force from the directory the data migration ships."""
    return Authority.objects.get(name=name)


class FOIRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FOIRequest

    owner = factory.SubFactory(UserFactory)
    authority = factory.LazyFunction(force)
    title = factory.Sequence(lambda n: f"Cyberstalking incidents {n}")
    text = "1: The total number of cyberstalking incidents per year.\n2: The outcomes."
    sent_date = date(2019, 8, 19)
    received_date = factory.LazyAttribute(lambda r: r.sent_date)
    status = factory.LazyAttribute(lambda r: Status.SENT if r.sent_date else Status.DRAFT)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    request = factory.SubFactory(FOIRequestFactory)
    kind = "response"
    letter_date = date(2019, 9, 17)
