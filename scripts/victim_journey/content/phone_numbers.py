"""Which phone numbers content may publish: a UK number a reader can dial.

The shape of a number is checked, not whether it exists: every number still needs its
source. A full number starts with 0 (or +44) and has 10 or 11 digits, and its second digit
is not 0 (`00` starts an international call, and `0000 000 000` is nobody's number).
Short numbers are the few that are not written that way: 999 and 112 for emergencies,
101, 105, 111 and 119, the 116 numbers for helplines (116 123), and 18000 and 18001, the
Relay UK prefixes for text calls. A few freephone numbers are shorter than the usual
10 digits (0800 + 4 digits, such as Childline's 0800 1111).
"""

from __future__ import annotations

import re

SHORT_NUMBERS = frozenset({"999", "112", "101", "105", "111", "119", "18000", "18001"})
_HELPLINE_116 = re.compile(r"^116[0-9]{3}$")
_FULL_NUMBER = re.compile(r"^0[1-9][0-9]{8,9}$")
_SHORT_FREEPHONE = re.compile(r"^0800[0-9]{4}$")


def phone_number_problem(number: str) -> str | None:
    """Why `number` (digits and spaces, as published) is not a number to publish, or
    None if it is one."""
    digits = number.replace(" ", "")
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    if (digits in SHORT_NUMBERS or _HELPLINE_116.match(digits) or _FULL_NUMBER.match(digits)
            or _SHORT_FREEPHONE.match(digits)):
        return None
    if digits.startswith("+"):
        return (f"'{number}' is not a UK number; the site lists numbers readers in England "
                "and Wales can call, starting with 0 or +44")
    return (f"'{number}' is not a UK phone number: a full number starts with 0 (not 00) "
            "and has 10 or 11 digits (or is 0800 and 4 more); a short number must be "
            "one of 999, 112, 101, 105, 111, 119, 18000, 18001 or a 116 helpline such "
            "as 116 123")
