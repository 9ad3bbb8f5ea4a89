from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "altlep.evidence"
    label = "evidence"
    verbose_name = "Evidence: money flows and the local economy"
