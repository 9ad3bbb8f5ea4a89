"""Putting a service's ValidationError onto the form that collected the input."""

from django import forms
from django.core.exceptions import ValidationError


def form_errors_from(form: forms.Form, error: ValidationError) -> None:
    """Attach each field's messages to that field; anything else to the form as a whole."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
