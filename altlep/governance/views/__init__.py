"""Governance pages, split by subject. Views parse input, call one service or selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def show_refusal(request, form, error: ValidationError) -> None:
    """Put a service's refusal on the form (field by field where it can) and as a message."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def refuse(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
