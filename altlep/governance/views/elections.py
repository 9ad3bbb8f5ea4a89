"""Elections: calling, standing, ranked ballots, counting and the count sheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.governance.forms import BallotForm, ElectionForm, NominationForm
from altlep.governance.models import Election
from altlep.governance.selectors import registers
from altlep.governance.selectors.elections import count_sheet
from altlep.governance.services import elections as services
from altlep.governance.views import refuse, show_refusal


def election_list(request):
    return render(
        request,
        "governance/election_list.html",
        {
            "elections": registers.election_list(),
            "can_create": request.user.has_perm("governance.create_election"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def election_create(request):
    if not request.user.has_perm("governance.create_election"):
        raise PermissionDenied("Only officers call elections.")
    form = ElectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            election = services.election_create(actor=request.user, **form.cleaned_data)
            return redirect(election)
        except ValidationError as error:
            show_refusal(request, form, error)
    return render(request, "governance/form.html", {"form": form, "heading": "Call an election"})


def election_detail(request, slug: str):
    election = get_object_or_404(Election, slug=slug)
    user = request.user
    return render(
        request,
        "governance/election.html",
        {
            "election": election,
            "nominations": election.nominations.select_related("member"),
            "can_stand": user.has_perm("governance.stand_in_election", election),
            "can_vote": user.has_perm("governance.vote_in_election", election),
            "can_run": user.has_perm("governance.run_election", election),
            "nomination_form": NominationForm(),
            "sheet": count_sheet(election=election)
            if user.has_perm("governance.view_election_result", election)
            else None,
        },
    )


@login_required
@require_POST
def nominate(request, slug: str):
    election = get_object_or_404(Election, slug=slug)
    form = NominationForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Write a statement for the voters.")
        services.nomination_submit(
            actor=request.user, election=election, statement=form.cleaned_data["statement"]
        )
        messages.success(request, "You are standing in this election.")
    except ValidationError as error:
        refuse(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect(election)


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, slug: str):
    election = get_object_or_404(Election, slug=slug)
    if not request.user.has_perm("governance.vote_in_election", election):
        raise PermissionDenied("Voting is open to confirmed members while the vote is open.")
    nominations = list(election.nominations.select_related("member"))
    form = BallotForm(request.POST or None, nominations=nominations)
    if request.method == "POST":
        try:
            services.ballot_cast(actor=request.user, election=election, ranks=form.ranks())
            messages.success(request, "Your ballot has been cast. Thank you for voting.")
            return redirect(election)
        except ValidationError as error:
            form.is_valid()
            show_refusal(request, form, error)
    return render(
        request,
        "governance/ballot.html",
        {"election": election, "form": form, "nominations": nominations},
    )


@login_required
@require_POST
def advance(request, slug: str):
    election = get_object_or_404(Election, slug=slug)
    if not request.user.has_perm("governance.run_election", election):
        raise PermissionDenied("Only officers run elections.")
    try:
        if election.status == "nominations":
            services.election_open_voting(actor=request.user, election=election)
            messages.success(request, "Voting is open.")
        else:
            result = services.election_count(actor=request.user, election=election)
            messages.success(request, f"Counted: elected {', '.join(result.elected)}.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(election)
