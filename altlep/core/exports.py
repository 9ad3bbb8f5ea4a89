"""Downloads the site offers: CSV responses written by the one safe writer."""

from typing import Any

from django.http import HttpResponse

from altlep import safe_csv


def csv_response(rows: list[dict[str, Any]], filename: str) -> HttpResponse:
    """A CSV attachment of rows of one shape, formula-like cells neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    safe_csv.write_dicts(response, rows)
    return response
