from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "altlep.notify"
    label = "notify"
    verbose_name = "Follows and digests"
