from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "altlep.commissioning"
    label = "commissioning"
    verbose_name = "Participatory commissioning"
