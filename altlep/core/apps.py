from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "altlep.core"
    label = "core"
    verbose_name = "Partnership"
