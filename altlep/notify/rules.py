"""Who may follow what and change whose digest. The only place these decisions are made.

Unsubscribing from an email needs no permission: the signed token in the link is the proof.
"""

import rules

from altlep.members.rules import is_confirmed_member, is_self


@rules.predicate
def thing_is_public(user, thing) -> bool:
    """Anything on a public page can be followed; an idea a moderator hid cannot."""
    return thing is not None and not getattr(thing, "hidden", False)


rules.add_perm("notify.follow", is_confirmed_member & thing_is_public)
# Anyone signed in may stop following (their own follows only: the service takes the actor's).
rules.add_perm("notify.unfollow", rules.is_authenticated)
rules.add_perm("notify.change_digest", is_self)
