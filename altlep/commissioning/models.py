"""Participatory commissioning: rounds with phases, ideas, projects, pledges, ballots, results
and delivery. Money is integer pence throughout."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from altlep.core import districts


class PhaseKind(models.TextChoices):
    COLLECT = "collect", "Collect ideas"
    ASSESS = "assess", "Assess ideas"
    VOTE = "vote", "Vote"
    RESULTS = "results", "Results"
    DELIVERY = "delivery", "Delivery"


PHASE_ORDER = [k.value for k in PhaseKind]
# A round takes ideas (new, or from the ideas box) while it collects or assesses them.
PHASES_TAKING_IDEAS = (PhaseKind.COLLECT, PhaseKind.ASSESS)


class BallotType(models.TextChoices):
    APPROVAL = "approval", "Approval (tick the projects you support)"
    CUMULATIVE = "cumulative", "Cumulative (share out points)"


class CountRule(models.TextChoices):
    MES = "mes", "Method of Equal Shares"
    GREEDY = "greedy", "Greedy (most votes first)"
    PHRAGMEN = "phragmen", "Sequential Phragmén"


class Completion(models.TextChoices):
    ADD1U = "add1u", "equalshares.net completion (add1u)"
    ADD1 = "add1", "pabutools add1"
    ADD1_FULL = "add1-full", "add1 without the exhaustiveness stop"
    NONE = "none", "No completion"


class TieBreak(models.TextChoices):
    LOWEST_COST = "lowest-cost", "Lowest cost, then most votes, then a recorded lot"
    LEXICOGRAPHIC = "lexicographic", "Project id (as text)"
    NUMERIC = "numeric", "Project id (as a number)"


class Round(models.Model):
    """A commissioning round: a budget the members decide how to spend."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    budget_pence = models.BigIntegerField()
    ballot_type = models.CharField(
        max_length=12, choices=BallotType.choices, default=BallotType.APPROVAL
    )
    max_choices = models.PositiveIntegerField(
        null=True, blank=True, help_text="Approval: the most projects a voter may tick."
    )
    budget_capped = models.BooleanField(
        default=False,
        help_text="Approval: the ticked projects' net costs may not exceed the budget.",
    )
    points_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Cumulative: points each voter shares out."
    )
    residents_only = models.BooleanField(
        default=False, help_text="Only members whose postcode lies in the partnership area vote."
    )
    minimum_age = models.PositiveIntegerField(
        null=True, blank=True, help_text="If set, voters confirm they are at least this old."
    )
    rule = models.CharField(max_length=10, choices=CountRule.choices, default=CountRule.MES)
    completion = models.CharField(
        max_length=10, choices=Completion.choices, default=Completion.ADD1U
    )
    ties = models.CharField(max_length=14, choices=TieBreak.choices, default=TieBreak.LOWEST_COST)
    seed = models.PositiveIntegerField(help_text="Seed of the lot that breaks remaining ties.")
    imported_from = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_pence__gt=0), name="round_budget_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commissioning:round", args=[self.slug])

    def phase_at(self, moment=None) -> "Phase | None":
        moment = moment or timezone.now()
        return self.phases.filter(starts_at__lte=moment, ends_at__gt=moment).first()

    @property
    def current_phase_kind(self) -> str | None:
        phase = self.phase_at()
        return phase.kind if phase else None


class Phase(models.Model):
    """A stretch of time during which the round allows certain things (see rules.py)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(max_length=10, choices=PhaseKind.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "kind"], name="one_phase_of_each_kind"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.starts_at:%d %b %Y} – {self.ends_at:%d %b %Y})"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "A phase must end after it starts."})


class IdeaStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    SHORTLISTED = "shortlisted", "Shortlisted"
    MERGED = "merged", "Merged into another idea"
    NOT_FEASIBLE = "not_feasible", "Not feasible"
    ON_BALLOT = "on_ballot", "On the ballot"
    FUNDED = "funded", "Funded"
    NOT_FUNDED = "not_funded", "Not funded"
    IN_DELIVERY = "in_delivery", "In delivery"
    DELIVERED = "delivered", "Delivered"
    DECLINED = "declined", "Declined"


class IdeaQuerySet(models.QuerySet):
    def visible(self) -> "IdeaQuerySet":
        """Ideas not hidden by a moderator."""
        return self.filter(hidden=False)


class Idea(models.Model):
    """Something a member thinks the partnership should commission: put to a round, or to the
    partnership-wide ideas box (no round) from which officers bring it into one."""

    round = models.ForeignKey(
        Round,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ideas",
        help_text="Empty while the idea waits in the ideas box.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas"
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    category = models.CharField(max_length=60)
    district_code = models.CharField(max_length=9, blank=True)
    rough_cost_pence = models.BigIntegerField(null=True, blank=True)
    own_contribution = models.TextField(
        blank=True, help_text="What the author would contribute themselves."
    )
    status = models.CharField(
        max_length=14, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED, db_index=True
    )
    status_reason = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_ideas"
    )
    hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)
    support_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    brought_in_at = models.DateTimeField(
        null=True, blank=True, help_text="When officers brought it from the ideas box into a round."
    )
    declined_at = models.DateTimeField(
        null=True, blank=True, help_text="When officers declined it from the ideas box."
    )

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["round", "hidden", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(brought_in_at__isnull=True) | models.Q(round__isnull=False),
                name="idea_brought_in_has_a_round",
            ),
            models.CheckConstraint(
                condition=models.Q(declined_at__isnull=True) | models.Q(round__isnull=True),
                name="idea_declined_stays_in_the_box",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # An idea from the box keeps its box address for life, so links to it never break.
        if self.from_the_box:
            return reverse("ideas:detail", args=[self.pk])
        return reverse("commissioning:idea", args=[self.pk])

    @property
    def from_the_box(self) -> bool:
        """Proposed in the ideas box: still there, declined, or brought into a round since."""
        return self.round_id is None or self.brought_in_at is not None

    @property
    def district_name(self) -> str:
        return districts.name(self.district_code)


class IdeaSupport(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "member"], name="support_an_idea_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} supports {self.idea}"


class Comment(models.Model):
    """A comment on an idea; replies go one level deep."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField()
    hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.idea}"


class ContentReport(models.Model):
    """Anyone's report that an idea or comment breaks the house rules, for moderators."""

    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.CASCADE)
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, comment__isnull=True)
                | models.Q(idea__isnull=True, comment__isnull=False),
                name="report_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"Report on {self.idea or self.comment}"


class DeliveryStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    DELAYED = "delayed", "Delayed"
    COMPLETE = "complete", "Complete"


class Project(models.Model):
    """An idea assessed and costed by officers, standing on a round's ballot."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="projects")
    idea = models.OneToOneField(
        Idea, null=True, blank=True, on_delete=models.SET_NULL, related_name="project"
    )
    ballot_id = models.CharField(
        max_length=40, help_text="The project's id on the ballot and in pabulib exports."
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    category = models.CharField(max_length=60, blank=True)
    cost_pence = models.BigIntegerField()
    feasibility_notes = models.TextField(blank=True)
    delivery_status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.NOT_STARTED
    )
    spend_to_date_pence = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["ballot_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ballot_id"], name="ballot_id_unique_in_round"
            ),
            models.CheckConstraint(
                condition=models.Q(cost_pence__gt=0), name="project_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commissioning:project", args=[self.round.slug, self.ballot_id])


class PledgeKind(models.TextChoices):
    MONEY = "money", "Money"
    HOURS = "hours", "Volunteer hours"
    MATERIALS = "materials", "Materials"
    VENUE = "venue", "A venue"


class Pledge(models.Model):
    """A member's (or organisation's) contribution toward a project: co-production."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="pledges")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=PledgeKind.choices)
    amount_pence = models.BigIntegerField(null=True, blank=True, help_text="Money pledges.")
    hours = models.PositiveIntegerField(null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)
    value_pence = models.BigIntegerField(
        null=True, blank=True, help_text="An officer's valuation of an in-kind pledge."
    )
    confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.organisation or self.member}"

    @property
    def counted_pence(self) -> int:
        """What this pledge takes off the project's cost: confirmed money, or valued in-kind."""
        if not self.confirmed:
            return 0
        if self.kind == PledgeKind.MONEY:
            return self.amount_pence or 0
        return self.value_pence or 0


class Ballot(models.Model):
    """One member's ballot in one round; editable until the vote closes."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_voter_id = models.CharField(max_length=60, blank=True)
    receipt = models.CharField(max_length=16, unique=True)
    cast_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # The database, not the view, guarantees one ballot per member per round.
            models.UniqueConstraint(
                fields=["round", "voter"],
                condition=models.Q(voter__isnull=False),
                name="one_ballot_per_member_per_round",
            )
        ]

    def __str__(self) -> str:
        return f"Ballot {self.receipt} in {self.round}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    points = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="choose_a_project_once")
        ]

    def __str__(self) -> str:
        return f"{self.points} for {self.project}"


class Result(models.Model):
    """The counted outcome of a round. Published results are never changed."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="result")
    rule = models.CharField(max_length=10)
    completion = models.CharField(max_length=10)
    ties = models.CharField(max_length=14)
    seed = models.PositiveIntegerField()
    winners = models.JSONField(help_text="Ballot ids in selection order.")
    explanation = models.JSONField(help_text="The engine's explanation of every project.")
    greedy_winners = models.JSONField(help_text="What a simple vote count would have funded.")
    official_winners = models.JSONField(
        null=True, blank=True, help_text="Imported rounds: the winners the organisers announced."
    )
    ballot_count = models.PositiveIntegerField()
    counted_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Result of {self.round}"

    @property
    def published(self) -> bool:
        return self.published_at is not None


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due = models.DateField(null=True, blank=True)
    done_at = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.title


class DeliveryUpdate(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices)
    spend_to_date_pence = models.BigIntegerField()
    posted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-posted_at", "-pk"]

    def __str__(self) -> str:
        return f"Update on {self.project} ({self.posted_at:%d %b %Y})"
