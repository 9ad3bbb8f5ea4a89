"""The strategy and priority sectors page, and its officer editing form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from altlep.governance.forms import StrategyForm
from altlep.governance.selectors import registers
from altlep.governance.services.strategy import strategy_update
from altlep.governance.views import show_refusal


def strategy(request):
    context = registers.strategy_page()
    context["can_edit"] = request.user.has_perm("governance.edit_strategy")
    return render(request, "governance/strategy.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def strategy_edit(request):
    if not request.user.has_perm("governance.edit_strategy"):
        raise PermissionDenied("Only officers edit the strategy.")
    page = registers.strategy_page()
    initial = {}
    if page["strategy"]:
        initial = {
            "title": page["strategy"].title,
            "body": page["strategy"].body,
            "sectors": "\n".join(f"{s.name}: {s.why}" for s in page["sectors"]),
        }
    form = StrategyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            strategy_update(
                actor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                sectors=form.sector_pairs(),
            )
            messages.success(request, "The strategy is published.")
            return redirect("governance:strategy")
        except ValidationError as error:
            show_refusal(request, form, error)
    return render(request, "governance/form.html", {"form": form, "heading": "Edit the strategy"})
