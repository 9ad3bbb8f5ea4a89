"""`altlep notify send`: --json output, --dry-run that sends and records nothing."""

import json

import pytest
from click.testing import CliRunner
from django.core import mail

from altlep.cli import main
from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import Digest, DigestChange
from altlep.notify.services import follow_add
from tests.factories import UserFactory
from tests.notify.factories import an_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=UserFactory(), idea=idea, body="Something new.")


def run(*args: str):
    return CliRunner().invoke(main, ["notify", "send", *args])


def test_dry_run_says_who_would_hear_and_sends_nothing(follower, news):
    result = run("--dry-run", "--json")
    assert result.exit_code == 0, result.output
    outcome = json.loads(result.output)
    assert outcome["dry_run"] is True
    assert outcome["digests_to_send"] == [{"email": follower.email, "changes": 1}]
    assert mail.outbox == [] and not Digest.objects.exists() and not DigestChange.objects.exists()


def test_send_emails_and_reports_in_json(follower, news):
    outcome = json.loads(run("--json").output)
    assert outcome["digests_sent"] == [{"email": follower.email, "changes": 1}]
    assert outcome["members_due"] == 1 and outcome["failed"] == []
    assert len(mail.outbox) == 1


def test_send_in_words_then_again_finds_nothing_new(follower, news):
    first = run()
    assert first.exit_code == 0, first.output
    assert "Sent 1 digest(s)" in first.output and follower.email in first.output
    second = run()
    assert "Sent 0 digest(s)" in second.output
    assert len(mail.outbox) == 1


def test_a_mail_server_that_refuses_is_reported_and_nothing_is_recorded(follower, news, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # the discard port: nothing listens
    result = run("--json")
    assert result.exit_code == 1
    outcome = json.loads(result.output)
    assert outcome["failed"][0]["email"] == follower.email
    assert not Digest.objects.exists() and not DigestChange.objects.exists()


def test_notify_is_listed_among_the_commands():
    assert "notify" in CliRunner().invoke(main, ["--help"]).output
