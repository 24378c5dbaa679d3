"""Celery tasks: thin wrappers over services, ids in and nothing out."""
from celery import shared_task

from requests_app import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def parse_reply(reply_id: int) -> None:
    services.reply_parse(reply_id=reply_id)
