"""Writes for a group's prospectus: drafting sections and initiatives (every change a
django-reversion revision and a new version number), comments, sign-off, publication, and
sending an initiative to the partnership as an idea or a board paper."""

import difflib

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import (
    AgendaItem,
    Group,
    GroupKind,
    Initiative,
    InitiativeComment,
    Prospectus,
    ProspectusSection,
    ProspectusSignoff,
    ResilienceTheme,
)
from altlep.governance.services import ensure_allowed


def _revise(*, actor, prospectus: Prospectus, comment: str) -> None:
    """Raise the version and keep the whole prospectus as one revision."""
    prospectus.version += 1
    prospectus.save(update_fields=["version"])
    reversion.set_user(actor)
    reversion.set_comment(f"v{prospectus.version}: {comment}")
    reversion.add_to_revision(prospectus)


def prospectus_start(*, actor, group: Group, title: str, summary: str = "") -> Prospectus:
    """A sector group begins its prospectus (version 1)."""
    ensure_allowed(
        actor, "edit_prospectus", group, "Only the group's members write its prospectus."
    )
    if group.kind != GroupKind.SECTOR:
        raise ValidationError("Only sector groups write a prospectus.")
    if Prospectus.objects.filter(group=group).exists():
        raise ValidationError("The group has a prospectus already.")
    if not title.strip():
        raise ValidationError({"title": "Give the prospectus a title."})
    with transaction.atomic(), reversion.create_revision():
        prospectus = Prospectus.objects.create(
            group=group, title=title.strip(), summary=summary.strip(), version=1
        )
        reversion.set_user(actor)
        reversion.set_comment("v1: started")
        reversion.add_to_revision(prospectus)
        audit_record(
            actor=actor, action="prospectus.start", instance=prospectus, after=snapshot(prospectus)
        )
    return prospectus


def section_save(
    *,
    actor,
    prospectus: Prospectus,
    title: str,
    body: str,
    section: ProspectusSection | None = None,
) -> ProspectusSection:
    """Add a section, or change one: a new version of the prospectus either way."""
    ensure_allowed(
        actor, "edit_prospectus", prospectus, "Only the group's members write its prospectus."
    )
    if not title.strip():
        raise ValidationError({"title": "Give the section a title."})
    with transaction.atomic(), reversion.create_revision():
        before = snapshot(section) if section else None
        if section is None:
            section = ProspectusSection.objects.create(
                prospectus=prospectus,
                title=title.strip(),
                body=body.strip(),
                order=prospectus.sections.count(),
            )
        else:
            section.title, section.body = title.strip(), body.strip()
            section.save()
        _revise(actor=actor, prospectus=prospectus, comment=f"section “{section.title}”")
        audit_record(
            actor=actor,
            action="prospectus.section_save",
            instance=section,
            before=before,
            after=snapshot(section),
        )
    return section


def initiative_save(
    *,
    actor,
    section: ProspectusSection,
    title: str,
    what: str,
    lead: str,
    theme: str,
    cost_pence: int | None = None,
    jobs_expected: int | None = None,
    skills_expected: str = "",
    evidence: list | None = None,
    initiative: Initiative | None = None,
) -> Initiative:
    """Add or change an initiative: what, who leads, cost, jobs and skills, resilience theme,
    the evidence it rests on."""
    prospectus = section.prospectus
    ensure_allowed(
        actor, "edit_prospectus", prospectus, "Only the group's members write its prospectus."
    )
    errors = {}
    if not title.strip():
        errors["title"] = "Give the initiative a title."
    if not what.strip():
        errors["what"] = "Say what the initiative is."
    if not lead.strip():
        errors["lead"] = "Say who leads it."
    if theme not in ResilienceTheme.values:
        errors["theme"] = "Choose the resilience theme it serves."
    if cost_pence is not None and cost_pence < 0:
        errors["cost_pence"] = "The cost cannot be negative."
    evidence = list(evidence or [])
    if any(item.group_id != prospectus.group_id for item in evidence):
        errors["evidence"] = "Cite only the group's own evidence."
    if errors:
        raise ValidationError(errors)
    fields = {
        "title": title.strip(),
        "what": what.strip(),
        "lead": lead.strip(),
        "theme": theme,
        "cost_pence": cost_pence,
        "jobs_expected": jobs_expected,
        "skills_expected": skills_expected.strip(),
    }
    with transaction.atomic(), reversion.create_revision():
        before = snapshot(initiative) if initiative else None
        if initiative is None:
            initiative = Initiative.objects.create(
                section=section, order=section.initiatives.count(), **fields
            )
        else:
            for key, value in fields.items():
                setattr(initiative, key, value)
            initiative.save()
        initiative.evidence.set(evidence)
        _revise(actor=actor, prospectus=prospectus, comment=f"initiative “{initiative.title}”")
        audit_record(
            actor=actor,
            action="prospectus.initiative_save",
            instance=initiative,
            before=before,
            after=snapshot(initiative),
        )
    return initiative


def initiative_comment(*, actor, initiative: Initiative, body: str) -> InitiativeComment:
    ensure_allowed(
        actor,
        "comment_initiative",
        initiative.section.prospectus,
        "Only the group's members comment on its initiatives.",
    )
    if not body.strip():
        raise ValidationError({"body": "Write a comment."})
    with transaction.atomic():
        comment = InitiativeComment.objects.create(
            initiative=initiative, author=actor, body=body.strip()
        )
        audit_record(
            actor=actor, action="prospectus.comment", instance=comment, after=snapshot(comment)
        )
    return comment


def prospectus_sign_off(*, actor, prospectus: Prospectus) -> ProspectusSignoff:
    """A member of the group signs off the current version."""
    ensure_allowed(
        actor, "sign_off_prospectus", prospectus, "Only the group's members sign it off."
    )
    if ProspectusSignoff.objects.filter(
        prospectus=prospectus, member=actor, version=prospectus.version
    ).exists():
        raise ValidationError(f"You have signed off version {prospectus.version} already.")
    with transaction.atomic():
        signoff = ProspectusSignoff.objects.create(
            prospectus=prospectus, member=actor, version=prospectus.version
        )
        audit_record(
            actor=actor, action="prospectus.sign_off", instance=signoff, after=snapshot(signoff)
        )
    return signoff


def still_to_sign(prospectus: Prospectus) -> list:
    """Accepted members of the group who have not signed off the current version."""
    signed = set(
        prospectus.signoffs.filter(version=prospectus.version).values_list("member", flat=True)
    )
    return [
        m.member
        for m in prospectus.group.memberships.filter(accepted=True).select_related("member")
        if m.member_id not in signed
    ]


def prospectus_publish(*, actor, prospectus: Prospectus) -> Prospectus:
    """The convenor publishes the current version once every member has signed it off."""
    ensure_allowed(
        actor, "publish_prospectus", prospectus, "Only the group's convenor publishes it."
    )
    missing = still_to_sign(prospectus)
    if missing:
        raise ValidationError(
            f"Version {prospectus.version} is not signed off yet by: "
            + ", ".join(str(m) for m in missing)
        )
    if prospectus.published_version == prospectus.version:
        raise ValidationError(f"Version {prospectus.version} is published already.")
    before = snapshot(prospectus)
    with transaction.atomic():
        prospectus.published_version = prospectus.version
        prospectus.published_at = timezone.now()
        prospectus.save(update_fields=["published_version", "published_at"])
        audit_record(
            actor=actor,
            action="prospectus.publish",
            instance=prospectus,
            before=before,
            after=snapshot(prospectus),
        )
    return prospectus


def initiative_send_as_idea(*, actor, initiative: Initiative, category: str = "Other"):
    """The convenor sends an initiative to the partnership's ideas box (or an open round's
    ideas) through the commissioning service; the initiative keeps the link and the idea
    names the initiative."""
    from altlep.commissioning.services.ideas import idea_submit

    prospectus = initiative.section.prospectus
    ensure_allowed(actor, "send_initiative", prospectus, "Only the convenor sends initiatives on.")
    if initiative.idea_id:
        raise ValidationError("This initiative has been sent as an idea already.")
    with transaction.atomic():
        idea = idea_submit(
            actor=actor,
            round_=None,
            title=initiative.title[:200],
            description=(
                f"{initiative.what}\n\nFrom the prospectus of {prospectus.group.name} "
                f"({prospectus.get_absolute_url()}), initiative led by {initiative.lead}."
            ),
            category=category,
            rough_cost_pence=initiative.cost_pence,
        )
        initiative.idea = idea
        initiative.save(update_fields=["idea"])
        audit_record(
            actor=actor,
            action="prospectus.send_as_idea",
            instance=initiative,
            after={"idea": idea.pk},
        )
    return idea


def initiative_send_as_paper(*, actor, initiative: Initiative, item: AgendaItem) -> Initiative:
    """The convenor links an initiative to a board meeting's agenda item as its paper."""
    prospectus = initiative.section.prospectus
    ensure_allowed(actor, "send_initiative", prospectus, "Only the convenor sends initiatives on.")
    if item.meeting.group_id or not item.public:
        raise ValidationError("Choose a public item on the agenda of a board meeting.")
    if item.meeting.starts_at < timezone.now():
        raise ValidationError("That meeting has already taken place.")
    with transaction.atomic():
        initiative.agenda_item = item
        initiative.save(update_fields=["agenda_item"])
        audit_record(
            actor=actor,
            action="prospectus.send_as_paper",
            instance=initiative,
            after={"agenda_item": item.pk},
        )
    return initiative


# --- reading versions back (reads, but they belong with the revisions written above) -------


def versions(prospectus: Prospectus) -> list[dict]:
    """Every version of the prospectus, oldest first: number, when, who, what changed."""
    found = Version.objects.get_for_object(prospectus).select_related("revision__user")
    out = []
    for v in found:
        out.append(
            {
                "number": v.field_dict["version"],
                "when": v.revision.date_created,
                "who": v.revision.user,
                "comment": v.revision.comment,
                "revision_id": v.revision_id,
            }
        )
    return sorted(out, key=lambda row: row["number"])


def version_text(prospectus: Prospectus, number: int) -> str:
    """The prospectus as it stood at a version, as plain text (for reading and diffing)."""
    match = next((v for v in versions(prospectus) if v["number"] == number), None)
    if match is None:
        raise ValidationError(f"There is no version {number}.")
    in_revision = list(Version.objects.filter(revision_id=match["revision_id"]))
    head = next(
        v.field_dict
        for v in in_revision
        if v.content_type.model == "prospectus" and v.object_id == str(prospectus.pk)
    )
    sections = sorted(
        (v.field_dict for v in in_revision if v.content_type.model == "prospectussection"),
        key=lambda s: (s["order"], s["id"]),
    )
    initiatives = [v.field_dict for v in in_revision if v.content_type.model == "initiative"]
    themes = dict(ResilienceTheme.choices)
    lines = [head["title"], "", head["summary"], ""]
    for section in sections:
        lines += [f"## {section['title']}", "", section["body"], ""]
        for item in sorted(
            (i for i in initiatives if i["section_id"] == section["id"]),
            key=lambda i: (i["order"], i["id"]),
        ):
            cost = (
                f"£{item['cost_pence'] / 100:,.0f}" if item["cost_pence"] is not None else "not set"
            )
            lines += [
                f"### Initiative: {item['title']}",
                item["what"],
                f"Led by: {item['lead']}",
                f"Cost: {cost}",
                f"Jobs expected: {_or_not_set(item['jobs_expected'])}",
                f"Skills expected: {item['skills_expected'] or 'not set'}",
                f"Resilience theme: {themes.get(item['theme'], item['theme'])}",
                "",
            ]
    return "\n".join(lines).strip() + "\n"


def version_diff(prospectus: Prospectus, old: int, new: int) -> list[tuple[str, str]]:
    """A line-by-line diff between two versions: (kind, line), kind one of same/added/removed."""
    before = version_text(prospectus, old).splitlines()
    after = version_text(prospectus, new).splitlines()
    out = []
    for line in difflib.ndiff(before, after):
        tag, text = line[:2], line[2:]
        if tag == "  ":
            out.append(("same", text))
        elif tag == "+ ":
            out.append(("added", text))
        elif tag == "- ":
            out.append(("removed", text))
    return out


def _or_not_set(value) -> str:
    return "not set" if value is None else str(value)
