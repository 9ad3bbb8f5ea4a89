"""Governance URLs."""

app_name = "governance"
urlpatterns: list = []
