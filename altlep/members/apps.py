from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "altlep.members"
    label = "members"
    verbose_name = "Members and organisations"
