"""Meetings: the list, a meeting's page, scheduling and running it, and the iCalendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.governance.forms import (
    AgendaItemForm,
    AttendanceForm,
    MeetingForm,
    MinutesForm,
    PaperForm,
)
from altlep.governance.models import Group, Meeting
from altlep.governance.selectors import registers
from altlep.governance.selectors.calendar import meetings_ical
from altlep.governance.services import meetings as services
from altlep.governance.views import refuse, show_refusal


def meeting_list(request):
    return render(
        request,
        "governance/meeting_list.html",
        {
            "meetings": registers.meeting_list(),
            "can_schedule": request.user.has_perm("governance.schedule_meeting"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    group = None
    if request.GET.get("group"):
        group = get_object_or_404(Group, slug=request.GET["group"])
    if not request.user.has_perm("governance.schedule_meeting", group):
        raise PermissionDenied("Officers schedule board meetings; convenors their group's.")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(
                actor=request.user, group=group, **form.cleaned_data
            )
            messages.success(request, "The meeting is scheduled.")
            return redirect(meeting)
        except ValidationError as error:
            show_refusal(request, form, error)
    heading = f"Schedule a meeting of {group}" if group else "Schedule a board meeting"
    return render(request, "governance/form.html", {"form": form, "heading": heading})


def meeting_detail(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    user = request.user
    context = registers.meeting_detail(
        meeting=meeting, show_private=user.has_perm("governance.view_private_items"), viewer=user
    )
    can_manage = user.has_perm("governance.manage_meeting", meeting)
    context.update(
        can_manage=can_manage,
        can_record=user.has_perm("governance.record_decision", meeting) and not meeting.group_id,
        can_declare=user.has_perm("governance.declare_interest"),
    )
    if can_manage:
        context.update(
            item_form=AgendaItemForm(),
            paper_form=PaperForm(),
            minutes_form=MinutesForm(initial={"minutes": meeting.minutes}),
            attendance_form=AttendanceForm(members=registers.meeting_members(meeting=meeting)),
        )
    return render(request, "governance/meeting.html", context)


def _managed(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if not request.user.has_perm("governance.manage_meeting", meeting):
        raise PermissionDenied("Only the meeting's organisers may change it.")
    return meeting


@login_required
@require_POST
def item_add(request, pk: int):
    meeting = _managed(request, pk)
    form = AgendaItemForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Give the item a title.")
        services.agenda_item_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        messages.success(request, "Item added to the agenda.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(meeting)


@login_required
@require_POST
def paper_add(request, pk: int):
    meeting = _managed(request, pk)
    form = PaperForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError([f"{k}: {' '.join(v)}" for k, v in form.errors.items()])
        services.paper_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        messages.success(request, "Paper added.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(meeting)


@login_required
@require_POST
def attendance(request, pk: int):
    meeting = _managed(request, pk)
    form = AttendanceForm(request.POST, members=registers.meeting_members(meeting=meeting))
    try:
        if not form.is_valid():
            raise ValidationError("Choose an attendance status for each member.")
        services.attendance_record(actor=request.user, meeting=meeting, statuses=form.statuses())
        messages.success(request, "Attendance recorded.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(meeting)


@login_required
@require_POST
def minutes(request, pk: int):
    meeting = _managed(request, pk)
    form = MinutesForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Write the minutes.")
        services.minutes_publish(
            actor=request.user, meeting=meeting, minutes=form.cleaned_data["minutes"]
        )
        messages.success(request, "Minutes published.")
    except ValidationError as error:
        refuse(request, error)
    return redirect(meeting)


def meetings_ics(request):
    response = HttpResponse(
        meetings_ical(base_url=request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
