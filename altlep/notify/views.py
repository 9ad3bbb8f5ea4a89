"""Follow and stop following, the email settings page, and the unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from altlep.notify import selectors, services
from altlep.notify.forms import FollowForm, FrequencyForm
from altlep.notify.models import Follow
from altlep.notify.templatetags.notify_tags import follow_context


def _thing(kind: str, pk: int):
    return get_object_or_404(Follow._meta.get_field(kind).related_model, pk=pk)


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        # A POST-only address still answers a visitor who arrives here with a page that explains.
        return render(request, "notify/follow_explained.html")
    if not request.user.is_authenticated:
        return redirect_to_login(_back(request, "/"))
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise Http404("Nothing to follow here.")
    thing = _thing(form.cleaned_data["kind"], form.cleaned_data["pk"])
    if form.cleaned_data["action"] == "follow":
        services.follow_add(actor=request.user, thing=thing)
        done = f"You follow “{thing}”: what changes comes in your email digest."
    else:
        services.follow_remove(actor=request.user, thing=thing)
        done = f"You no longer follow “{thing}”."
    if request.htmx:
        context = follow_context(request.user, thing, form.cleaned_data.get("next", ""))
        return render(request, "notify/follow_button.html", {**context, "announce": done})
    messages.success(request, done)
    return redirect(_back(request, thing.get_absolute_url()))


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    member = request.user
    form = FrequencyForm(
        request.POST or None, initial={"frequency": selectors.frequency_of(member=member)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.digest_frequency_set(
                actor=request.user, member=member, frequency=form.cleaned_data["frequency"]
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, "Saved: your email choice is changed.")
            return redirect("notify:settings")
    follows = selectors.follows_of(member=member)
    return render(request, "notify/settings.html", {"form": form, "follows": follows})


@csrf_exempt  # the signed token is the proof; mail clients' one-click unsubscribe POSTs here
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        # Confirm first: link scanners in mail systems fetch links without anyone clicking.
        return render(request, "notify/unsubscribe.html", {"token": token})
    try:
        member = services.digest_unsubscribe(token=token)
    except ValidationError as error:
        return render(
            request,
            "notify/unsubscribe.html",
            {"token": token, "error": error.messages[0]},
            status=400,
        )
    return render(request, "notify/unsubscribed.html", {"member": member})
