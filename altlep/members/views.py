"""Pages for joining, profiles, the members directory and organisations.

Views parse input, ask rules.py, call one service or selector, and render.
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods

from altlep.core.client_ip import client_ip
from altlep.core.form_errors import form_errors_from
from altlep.members import selectors, services
from altlep.members.forms import (
    LoginForm,
    MemberSearchForm,
    NewOrganisationForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
    RegistrationForm,
    SectorOverrideForm,
)
from altlep.members.models import Organisation, User
from altlep.members.selectors import OrganisationFilters
from altlep.members.throttling import THROTTLED_MESSAGE, form_throttled

PAGE_SIZE = 25


def _send_confirmation(request: HttpRequest, user: User) -> None:
    token = services.confirmation_token(user)
    url = request.build_absolute_uri(reverse("members:confirm", args=[token]))
    services.confirmation_email_send(user=user, confirm_url=url)


def _tell_owner(request: HttpRequest, member: User) -> None:
    confirm = services.confirmation_token(member)
    services.registration_attempt_notify(
        member=member,
        login_url=request.build_absolute_uri(reverse("members:login")),
        reset_url=request.build_absolute_uri(reverse("members:password_reset")),
        confirm_url=request.build_absolute_uri(reverse("members:confirm", args=[confirm])),
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form_throttled(
        request, form="register", email=request.POST.get("email", "")
    ):
        form.add_error(None, THROTTLED_MESSAGE)
        return render(request, "members/register.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.member_register(
                email=data["email"],
                display_name=data["display_name"],
                password=data["password1"],
                postcode=data["postcode"],
                interests=data["interests"],
                visibility=data["visibility"],
            )
        except services.AlreadyRegistered as known:
            # Answer exactly as for a new address; only the owner learns, by email.
            _tell_owner(request, known.member)
        except ValidationError as error:
            form_errors_from(form, error)
            return render(request, "members/register.html", {"form": form})
        else:
            _send_confirmation(request, user)
        email = services.normalised_email(data["email"])
        return render(request, "members/registered.html", {"email": email})
    return render(request, "members/register.html", {"form": form})


def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.member_confirm_email(token=token)
    except services.ConfirmationError as error:
        return render(request, "members/confirm_failed.html", {"reason": str(error)}, status=400)
    messages.success(request, "Your email address is confirmed. Welcome! You can now log in.")
    return redirect("members:login")


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "members/login.html"

    def form_invalid(self, form):
        unconfirmed = getattr(form, "unconfirmed_user", None)
        if unconfirmed is not None:
            _send_confirmation(self.request, unconfirmed)
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; throttled per visitor address and per email address, so that
    nobody can flood an owner's inbox (whose earlier links keep working)."""

    template_name = "members/password_reset.html"
    email_template_name = "members/password_reset_email.txt"
    subject_template_name = "members/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_done")

    def post(self, request, *args, **kwargs):
        if form_throttled(request, form="password-reset", email=request.POST.get("email", "")):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, THROTTLED_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from an emailed link. Opening the link proves the account is
    yours, so it is also the way back in when failed logins have paused it: the pause is
    lifted and you are logged in."""

    template_name = "members/password_reset_confirm.html"
    success_url = reverse_lazy("members:password_reset_complete")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.member_login_unblock(member=form.user, address=client_ip(self.request))
        return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    member = request.user
    if not request.user.has_perm("members.change_member", member):
        raise PermissionDenied
    initial = {
        "display_name": member.display_name,
        "postcode": member.postcode,
        "interests": member.interests,
        "visibility": member.visibility,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update_profile(actor=request.user, member=member, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("members:profile")
    return render(
        request,
        "members/profile.html",
        {"form": form, "affiliations": selectors.member_affiliations(member)},
    )


def member_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("members.view_member_directory"):
        raise PermissionDenied
    form = MemberSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(
        selectors.member_directory(viewer=request.user, query=query), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "members/member_list.html", {"form": form, "page": page})


def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(User.objects.confirmed(), pk=pk)
    if not request.user.has_perm("members.view_member", member):
        # Hidden members are indistinguishable from absent ones.
        return render(request, "404.html", status=404)
    return render(
        request,
        "members/member_detail.html",
        {"member": member, "affiliations": selectors.member_affiliations(member)},
    )


def organisation_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("members.view_organisation"):
        raise PermissionDenied
    form = OrganisationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = OrganisationFilters(
        query=data.get("q", ""),
        size_band=data.get("size_band", ""),
        sector=data.get("sector", ""),
        sic_section=data.get("sic_section", ""),
        in_area=data.get("in_area", ""),
    )
    page = Paginator(selectors.organisation_directory(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {"form": form, "page": page, "query_string": query_without_page.urlencode()}
    template = (
        "members/_organisation_results.html" if request.htmx else "members/organisation_list.html"
    )
    return render(request, template, context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.view_organisation", organisation):
        raise PermissionDenied
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "in_area": selectors.organisation_in_area(organisation),
            "people": selectors.organisation_people(organisation=organisation, viewer=request.user),
            "can_edit": request.user.has_perm("members.change_organisation", organisation),
            "can_override": request.user.has_perm("members.override_sector", organisation),
            "sector_form": SectorOverrideForm(
                initial={"sector": organisation.sector if organisation.sector_overridden else ""}
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("members.add_organisation"):
        raise PermissionDenied("Confirm your email address before listing an organisation.")
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                actor=request.user, details=form.details(), role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, f"{organisation.name} is now listed.")
            return redirect(organisation)
    return render(request, "members/organisation_form.html", {"form": form, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.change_organisation", organisation):
        raise PermissionDenied
    form = OrganisationForm(
        request.POST or None, initial=OrganisationForm.initial_from(organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user, organisation=organisation, details=form.details()
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(organisation)
    return render(
        request,
        "members/organisation_form.html",
        {"form": form, "organisation": organisation, "creating": False},
    )


@login_required
@require_http_methods(["POST"])
def organisation_sector(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.override_sector", organisation):
        raise PermissionDenied
    form = SectorOverrideForm(request.POST)
    if form.is_valid():
        services.organisation_set_sector(
            actor=request.user,
            organisation=organisation,
            sector=form.cleaned_data["sector"] or None,
        )
        messages.success(request, "Sector updated.")
    return redirect(organisation)
