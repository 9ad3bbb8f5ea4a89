"""Who may define sectors and import official statistics. The only place these are decided."""

import rules

from altlep.core.rules import is_officer

rules.add_perm("evidence.view_sector", rules.always_allow)
rules.add_perm("evidence.define_sector", is_officer)
rules.add_perm("evidence.import_statistics", is_officer)
