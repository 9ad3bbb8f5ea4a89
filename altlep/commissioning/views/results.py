"""Counting, publishing and showing results; exporting and importing pabulib files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms import ImportForm
from altlep.commissioning.models import Round
from altlep.commissioning.selectors import results as result_selectors
from altlep.commissioning.services import pabulib
from altlep.commissioning.services import results as result_services

MAX_IMPORT_BYTES = 50 * 1024 * 1024


@login_required
@require_POST
def count(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.count_round", round_):
        raise PermissionDenied("The round can be counted by an officer once its vote has closed.")
    try:
        result_services.round_count(actor=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(round_)
    messages.success(request, "Counted. Check the result, then publish it.")
    return redirect("commissioning:results", slug=slug)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.publish_results", round_):
        raise PermissionDenied("Only an officer can publish a counted result, once.")
    result_services.results_publish(actor=request.user, round_=round_)
    messages.success(request, "The results are published.")
    return redirect("commissioning:results", slug=slug)


def results(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    result = result_selectors.result_of(round_)
    if result is None or not request.user.has_perm("commissioning.view_results", round_):
        raise Http404("No published results for this round yet.")
    lines = result_selectors.result_lines(round_, result)
    bars = result_selectors.budget_bars(round_, lines)
    official = result_selectors.official_comparison(result, lines)
    greedy_only = [line for line in lines if line.greedy_selected and not line.selected]
    mes_only = [line for line in lines if line.selected and not line.greedy_selected]
    return render(
        request,
        "commissioning/results.html",
        {
            "round": round_,
            "result": result,
            "lines": lines,
            "bars": bars,
            "greedy_only": greedy_only,
            "official": official,
            "mes_only": mes_only,
            "spent_pence": sum(line.net_cost_pence for line in lines if line.selected),
            "can_publish": request.user.has_perm("commissioning.publish_results", round_),
            "can_export": request.user.has_perm("commissioning.export_ballots", round_),
        },
    )


def export_pabulib(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.export_ballots", round_):
        raise PermissionDenied("Ballots are published with the results.")
    response = HttpResponse(
        pabulib.round_election_text(round_), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{round_.slug}.pb"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def round_import(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.import_round"):
        raise PermissionDenied("Only partnership officers import rounds.")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", "The file is larger than 50 MB.")
        else:
            try:
                text = upload.read().decode("utf-8-sig")
                round_ = result_services.round_import_and_count(
                    actor=request.user,
                    text=text,
                    source_name=upload.name,
                    title=form.cleaned_data["title"] or None,
                )
            except UnicodeDecodeError:
                form.add_error("file", f"{upload.name} is not UTF-8 text.")
            except ValidationError as error:
                form.add_error("file", error.messages)
            else:
                messages.success(request, f"Imported and counted {round_.title}.")
                return redirect("commissioning:results", slug=round_.slug)
    return render(request, "commissioning/round_import.html", {"form": form})
