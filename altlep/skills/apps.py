from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "altlep.skills"
    label = "skills"
    verbose_name = "Apprenticeships"
    default_auto_field = "django.db.models.BigAutoField"
