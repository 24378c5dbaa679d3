"""A real Celery worker on Redis sending to a real SMTP server on loopback (aiosmtpd).

The worker runs as a subprocess with its own SQLite database file, so it shares nothing with
the test process but the broker and the SMTP port. Skipped, with a message, without Redis.
"""
import email
import os
import socket
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)
REDIS_DB = 13


def _listening(address) -> bool:
    try:
        with socket.create_connection(address, timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _listening(REDIS), reason="Redis is not running on 127.0.0.1:6379 "
                                "(start redis-server to run the real-worker reminder tests)")

WORLD = """
from datetime import date
from django.contrib.auth import get_user_model
from requests_app import services
from requests_app.models import Authority, FOIRequest
for name in ("ann", "bob", "cat"):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw-not-used-1234")
    request = FOIRequest.objects.create(owner=user, authority=Authority.objects.get(name="Bedfordshire Police"),
                                        title=f"Stop and search ({name})", text="1: How many?", status="draft")
    services.request_mark_sent(request=request, sent_date=date(2019, 8, 19))
"""


class Inbox:
    """An SMTP server that keeps what it accepts; it can be stopped and started on the same port."""

    def __init__(self, port: int):
        self.port, self.messages, self.controller = port, [], None
        self.stop_after_first = False
        self._lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.stop_after_first and self.messages:
            # The mail server goes down mid-sweep: this sender is turned away as servers do when
            # shutting down, and the port then stops listening.
            self.stop_after_first = False
            threading.Thread(target=self.stop).start()
            return "421 4.3.2 Service shutting down"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        with self._lock:
            if self.controller:
                self.controller.stop()
                self.controller = None

    def recipients(self) -> list[str]:
        return sorted(str(m["To"]) for m in self.messages)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(self.messages) >= count, f"only {self.recipients()} arrived within {timeout} s"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def world(tmp_path):
    import redis

    redis.Redis(*REDIS, db=REDIS_DB).flushdb()
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "FOITRACKER_VAR_DIR": str(tmp_path),
           "CELERY_BROKER_URL": f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}", "EMAIL_URL": f"smtp://127.0.0.1:{port}",
           "FOITRACKER_REMINDER_RETRY_BACKOFF": "1", "DJANGO_SETTINGS_MODULE": "foitracker.settings",
           "CELERY_TASK_ALWAYS_EAGER": "false",
           # a queue of this run's own: a worker left over from another run on the broker takes nothing
           "CELERY_TASK_DEFAULT_QUEUE": f"foitracker-test-{port}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=300)
    subprocess.run([*manage, "shell", "-c", WORLD], env=env, cwd=ROOT, check=True, timeout=120)
    log = tmp_path / "worker.log"
    with open(log, "w") as out:
        worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "foitracker", "worker", "--pool=solo",
                                   "--loglevel=INFO", "--without-mingle", "--without-gossip", "-n", f"test{port}@%h"],
                                  env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text() and time.monotonic() < deadline:
            assert worker.poll() is None, log.read_text()
            time.sleep(0.2)
        inbox = Inbox(port)
        inbox.start()
        yield inbox, env, log
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        inbox.stop()


def _send(env, task: str, *args):
    from celery import Celery

    app = Celery(broker=env["CELERY_BROKER_URL"])
    app.send_task(task, args=list(args), serializer="json", queue=env["CELERY_TASK_DEFAULT_QUEUE"])
    app.close()


def test_worker_sends_one_digest_per_person_once(world):
    inbox, env, log = world
    _send(env, "requests_app.tasks.sweep_reminders", "2019-09-17")
    inbox.wait_for(3)
    _send(env, "requests_app.tasks.sweep_reminders", "2019-09-17")  # beat firing twice, or a retried task
    _send(env, "requests_app.tasks.send_owed_digests")
    time.sleep(4)
    assert inbox.recipients() == ["ann@example.org", "bob@example.org", "cat@example.org"], log.read_text()[-3000:]
    message = inbox.messages[0]
    assert message["Subject"] == "1 FOI deadline today"
    assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}


def test_mail_server_down_mid_sweep_then_back_every_digest_arrives_once(world):
    inbox, env, log = world
    inbox.stop_after_first = True
    _send(env, "requests_app.tasks.sweep_reminders", "2019-09-17")
    inbox.wait_for(1)
    time.sleep(3)  # the server is down: the worker's sends are refused and retried with back-off
    assert len(inbox.messages) == 1
    assert "Retry in" in log.read_text() and inbox.controller is None
    inbox.start()
    inbox.wait_for(3)
    _send(env, "requests_app.tasks.send_owed_digests")
    time.sleep(4)
    assert inbox.recipients() == ["ann@example.org", "bob@example.org", "cat@example.org"], log.read_text()[-3000:]
    digests = [m["X-Foitracker-Digest"] for m in inbox.messages]
    assert len(set(digests)) == 3
