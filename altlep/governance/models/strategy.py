"""The partnership's published strategy and priority sectors, edited by officers."""

from django.db import models


class Strategy(models.Model):
    title = models.CharField(max_length=200, default="Our strategy")
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title


class PrioritySector(models.Model):
    name = models.CharField(max_length=200)
    why = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name
