"""The signed token in every digest's unsubscribe link: it names the member, nothing else."""

from django.core import signing

SALT = "altlep.notify.unsubscribe"


def unsubscribe_token(member_pk: int) -> str:
    # No expiry: an unsubscribe link in an old email must still work.
    return signing.dumps(member_pk, salt=SALT)


def member_pk_from(token: str) -> int | None:
    """The member a token was made for, or None if it was not made here or was altered."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
