"""Sector and reference groups: list, page, joining, accepting, documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.governance.forms import DocumentForm, GroupForm, JoinForm
from altlep.governance.models import Group, GroupMembership
from altlep.governance.selectors import registers
from altlep.governance.services import groups as services
from altlep.governance.views import refuse, show_refusal


def group_list(request):
    return render(
        request,
        "governance/group_list.html",
        {
            "groups": registers.group_list(viewer=request.user),
            "can_create": request.user.has_perm("governance.create_group"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    if not request.user.has_perm("governance.create_group"):
        raise PermissionDenied("Only officers set up groups.")
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(actor=request.user, **form.cleaned_data)
            return redirect(group)
        except ValidationError as error:
            show_refusal(request, form, error)
    return render(request, "governance/form.html", {"form": form, "heading": "Set up a group"})


def group_detail(request, slug: str):
    group = get_object_or_404(Group, slug=slug)
    user = request.user
    context = registers.group_detail(group=group, viewer=user)
    context.update(
        membership=registers.membership_of(group=group, member=user),
        can_join=user.has_perm("governance.join_group", group),
        can_accept=user.has_perm("governance.accept_group_member", group),
        can_add_document=user.has_perm("governance.add_group_document", group),
        can_schedule=user.has_perm("governance.schedule_meeting", group),
        join_form=JoinForm(),
        document_form=DocumentForm(),
    )
    return render(request, "governance/group.html", context)


@login_required
@require_POST
def join(request, slug: str):
    group = get_object_or_404(Group, slug=slug)
    form = JoinForm(request.POST)
    try:
        form.is_valid()
        services.group_join_ask(actor=request.user, group=group, **form.cleaned_data)
        messages.success(request, "You have asked to join; the convenor will reply.")
    except ValidationError as error:
        refuse(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect(group)


@login_required
@require_POST
def accept(request, slug: str, pk: int):
    membership = get_object_or_404(GroupMembership, pk=pk, group__slug=slug)
    if not request.user.has_perm("governance.accept_group_member", membership):
        raise PermissionDenied("Only the group's convenor accepts members.")
    try:
        services.group_member_accept(actor=request.user, membership=membership)
        messages.success(request, f"{membership.member} has joined the group.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(membership.group)


@login_required
@require_POST
def document_add(request, slug: str):
    group = get_object_or_404(Group, slug=slug)
    if not request.user.has_perm("governance.add_group_document", group):
        raise PermissionDenied("Only the convenor adds documents.")
    form = DocumentForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError([f"{k}: {' '.join(v)}" for k, v in form.errors.items()])
        services.group_document_add(actor=request.user, group=group, **form.cleaned_data)
        messages.success(request, "Document added.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(group)
