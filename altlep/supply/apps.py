from django.apps import AppConfig


class SupplyConfig(AppConfig):
    name = "altlep.supply"
    label = "supply"
    verbose_name = "Local supply"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from altlep.supply import rules  # noqa: F401  (registers the permissions)
