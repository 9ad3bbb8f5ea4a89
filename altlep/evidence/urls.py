"""Evidence URLs."""

app_name = "evidence"
urlpatterns: list = []
