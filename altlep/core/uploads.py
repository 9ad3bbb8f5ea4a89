"""The upload rules every app's file fields use, in one place.

A file people upload is later opened by others from the site's own origin, so an HTML or SVG
file would run its script as whoever opens it. Uploads are therefore limited to the types a
paper needs (documents, spreadsheets, slides, text and photographs), each recognised by its
content and not only its extension, and are served back as attachments with `nosniff`
(`altlep.core.views.media_file`). A new file field is an `UploadField` (model) or an
`UploadFormField` (form) and inherits both.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.doc, .xls, .ppt)
ZIP = b"PK\x03\x04"
TEXT_SAMPLE = 1024 * 1024


@dataclass(frozen=True)
class Kind:
    """A file type a paper may be: what it is served as, and how its content is recognised."""

    content_type: str
    magic: bytes = b""  # the bytes it starts with, for binary formats
    zip_member: str = ""  # a file an Office Open XML package must contain
    odf_mimetype: str = ""  # the `mimetype` entry an OpenDocument package starts with
    text: bool = False


def _odf(kind: str) -> Kind:
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    return Kind(mimetype, magic=ZIP, odf_mimetype=mimetype)


OOXML = "application/vnd.openxmlformats-officedocument"
KINDS: dict[str, Kind] = {
    ".pdf": Kind("application/pdf", magic=b"%PDF-"),
    ".docx": Kind(f"{OOXML}.wordprocessingml.document", magic=ZIP, zip_member="word/"),
    ".xlsx": Kind(f"{OOXML}.spreadsheetml.sheet", magic=ZIP, zip_member="xl/"),
    ".pptx": Kind(f"{OOXML}.presentationml.presentation", magic=ZIP, zip_member="ppt/"),
    ".odt": _odf("text"),
    ".ods": _odf("spreadsheet"),
    ".odp": _odf("presentation"),
    ".doc": Kind("application/msword", magic=OLE),
    ".xls": Kind("application/vnd.ms-excel", magic=OLE),
    ".ppt": Kind("application/vnd.ms-powerpoint", magic=OLE),
    ".rtf": Kind("application/rtf", magic=b"{\\rtf"),
    ".txt": Kind("text/plain", text=True),
    ".csv": Kind("text/csv", text=True),
    ".png": Kind("image/png", magic=b"\x89PNG\r\n\x1a\n"),
    ".jpg": Kind("image/jpeg", magic=b"\xff\xd8\xff"),
    ".jpeg": Kind("image/jpeg", magic=b"\xff\xd8\xff"),
}
ALLOWED_EXTENSIONS = sorted(KINDS)
# What a browser is told about a stored file whose type is not (or no longer) allowed.
UNKNOWN_TYPE = "application/octet-stream"
# Text that starts like markup is refused even with a .txt name: browsers that sniff would
# render it, and no paper needs it.
MARKUP_STARTS = ("<",)


def max_bytes() -> int:
    return getattr(settings, "ALTLEP_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)


def content_type_for(name: str) -> str:
    """The type a stored file is served as: its allowed kind's, or an opaque download."""
    kind = KINDS.get(PurePosixPath(name).suffix.lower())
    return kind.content_type if kind else UNKNOWN_TYPE


def _read_start(file, size: int) -> bytes:
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data if isinstance(data, bytes) else data.encode()


def _zip_names(file) -> list[str]:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
            mimetype = package.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return []
    finally:
        file.seek(0)
    return [*names, f"mimetype:{mimetype.decode('ascii', 'replace')}"]


def _matches(kind: Kind, file) -> bool:
    start = _read_start(file, TEXT_SAMPLE if kind.text else 64)
    if kind.text:
        try:
            text = start.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            # A sample cut inside a multi-byte character is still text.
            if error.start < len(start) - 4:
                return False
            text = start[: error.start].decode("utf-8-sig")
        return "\x00" not in text and not text.lstrip().startswith(MARKUP_STARTS)
    if not start.startswith(kind.magic):
        return False
    if kind.zip_member or kind.odf_mimetype:
        names = _zip_names(file)
        if kind.odf_mimetype:
            return f"mimetype:{kind.odf_mimetype}" in names
        return any(n.startswith(kind.zip_member) for n in names)
    return True


def check_upload(file) -> None:
    """Refuse a file that is too large, of a type a paper does not need, or whose content is
    not what its name says. Raises ValidationError with a message for the person uploading."""
    name = PurePosixPath(getattr(file, "name", "") or "").name
    suffix = PurePosixPath(name).suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        allowed = ", ".join(ALLOWED_EXTENSIONS)
        raise ValidationError(
            f"“{name}” is not a type of file we accept. Upload one of: {allowed}.",
            code="file_type",
        )
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            f"“{name}” is larger than {max_bytes() // (1024 * 1024)} MB.", code="file_size"
        )
    if not _matches(kind, file):
        raise ValidationError(
            f"“{name}” does not contain what a {suffix} file should: check that it is the "
            "right file and that it was saved in that format.",
            code="file_content",
        )


@deconstructible
class UploadValidator:
    """`check_upload` as a field validator (so forms, the admin and model checks all use it)."""

    def __call__(self, file) -> None:
        check_upload(file)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator)

    def __hash__(self) -> int:
        return hash(UploadValidator)


class UploadFormField(forms.FileField):
    """A form's file field for papers and documents: the allowed types, checked by content."""

    default_validators = [UploadValidator()]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault(
            "help_text",
            f"PDF, Office or OpenDocument files, text or photographs; "
            f"at most {max_bytes() // (1024 * 1024)} MB.",
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)
        return attrs


class UploadField(models.FileField):
    """A model's file field for uploads people will open: validated like `UploadFormField`.

    The record that holds a file decides who may download it: a model whose uploads are not
    for everyone names a django-rules permission in `download_permission`, asked of the record.
    """

    default_validators = [UploadValidator()]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadFormField, **kwargs})


def upload_owner(path: str) -> models.Model | None:
    """The record whose `UploadField` holds this stored path, or None for a file nobody owns."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, UploadField):
                owner = model._default_manager.filter(**{field.name: path}).first()
                if owner is not None:
                    return owner
    return None


def may_download(user, path: str) -> bool:
    """Whether `user` may download the stored file at `path`: only files a record holds, and
    only where that record's `download_permission` (if any) grants it."""
    owner = upload_owner(path)
    if owner is None:
        return False
    permission = getattr(owner, "download_permission", None)
    return permission is None or user.has_perm(permission, owner)
