"""The ballot: works without JavaScript; the service enforces every rule."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from altlep.commissioning.models import BallotType, Round
from altlep.commissioning.selectors import ballots as ballot_selectors
from altlep.commissioning.services.ballots import ballot_cast

_POINTS_FIELD = re.compile(r"^points_(\d+)$")


def _choices_from(request: HttpRequest, round_: Round) -> dict[int, int]:
    """Read the submitted choices; anything malformed is a tampered form."""
    try:
        if round_.ballot_type == BallotType.APPROVAL:
            return {int(pk): 1 for pk in request.POST.getlist("projects")}
        choices = {}
        for key, value in request.POST.items():
            match = _POINTS_FIELD.match(key)
            if match and value.strip():
                choices[int(match.group(1))] = int(value)
        return choices
    except ValueError as error:
        raise ValidationError("Points must be whole numbers.") from error


@require_http_methods(["GET", "POST"])
def ballot(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    existing = ballot_selectors.ballot_of(round_=round_, voter=request.user)
    error = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            ballot_obj, created = ballot_cast(
                round_=round_,
                voter=request.user,
                choices=_choices_from(request, round_),
                age_confirmed=request.POST.get("age_confirmed") == "yes",
            )
        except PermissionDenied as denied:
            return render(
                request,
                "commissioning/ballot_closed.html",
                {"round": round_, "reason": str(denied)},
                status=403,
            )
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            messages.success(
                request, "Your ballot is cast." if created else "Your ballot has been changed."
            )
            return redirect("commissioning:receipt", slug=round_.slug)
    can_vote = request.user.has_perm("commissioning.vote", round_)
    return render(
        request,
        "commissioning/ballot.html",
        {
            "round": round_,
            "can_vote": can_vote,
            "existing": existing,
            "error": error,
            "lines": ballot_selectors.ballot_lines(round_=round_, ballot=existing),
            "submitted": request.POST if request.method == "POST" else None,
        },
        status=400 if error else 200,
    )


@login_required
def receipt(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    existing = ballot_selectors.ballot_of(round_=round_, voter=request.user)
    if existing is None:
        return redirect("commissioning:ballot", slug=slug)
    lines = [
        line
        for line in ballot_selectors.ballot_lines(round_=round_, ballot=existing)
        if line.points
    ]
    return render(
        request,
        "commissioning/receipt.html",
        {
            "round": round_,
            "ballot": existing,
            "lines": lines,
            "can_change": request.user.has_perm("commissioning.vote", round_),
        },
    )
