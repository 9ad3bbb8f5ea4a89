"""The `altlep` command line, run through click's CliRunner."""

import pytest
from click.testing import CliRunner

from altlep.cli import main
from altlep.members.models import User


@pytest.mark.django_db(transaction=True)
def test_altlep_demo_loads_the_partnership_and_prints_the_demo_accounts():
    result = CliRunner().invoke(main, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "officer@demo.altlep.org" in result.output
    assert "altlep-demo-2026" in result.output
    assert User.objects.filter(email="owner@demo.altlep.org", email_confirmed=True).exists()


def test_altlep_lists_its_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "serve", "areas", "pb", "stv", "manage"):
        assert command in result.output
