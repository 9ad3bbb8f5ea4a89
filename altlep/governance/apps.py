from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "altlep.governance"
    label = "governance"
    verbose_name = "Governance and transparency"
