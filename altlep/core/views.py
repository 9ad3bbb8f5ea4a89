"""Home and partnership pages."""

from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from altlep.core import selectors, uploads


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_partnership"):
        raise PermissionDenied
    return render(request, "core/home.html", selectors.home_page(request))


def area(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_partnership"):
        raise PermissionDenied
    return render(request, "core/area.html", selectors.area_summary())


@require_safe
def media_file(request: HttpRequest, path: str) -> FileResponse:
    """An uploaded file, always as a download that no browser renders or runs as the site:
    an attachment, its type from the allowed list (else opaque), `nosniff`, and a sandboxing
    policy in case a browser opens it all the same."""
    try:
        # A file no record holds (or one this viewer may not see, such as a paper for a private
        # agenda item) is answered as if it did not exist, so its name tells nothing either.
        if not default_storage.exists(path) or not uploads.may_download(request.user, path):
            raise Http404("No such file.")
        handle = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, ValueError, OSError) as error:
        raise Http404("No such file.") from error
    name = path.rsplit("/", 1)[-1]
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=uploads.content_type_for(name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
