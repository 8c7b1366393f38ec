"""AddressSpace: one entry of a connector's AddressSpaces, ``[type:]space[;cost]``.

Contract:
  * ``AddressSpace.convert(value)`` parses ``contoso.com``, ``*.contoso.com;5``,
    ``SMTP:*;10``, ``X400:c=US;a=Fabrikam;P=Contoso;5``, ``FAX:anything;3``.
    The type defaults to SMTP and the cost to 1; the cost runs 1-100.
      - SMTP spaces are DNS names (smtp.is_domain_name), ``*``, ``*.domain``
        (a wildcard only as the whole left-most label) or ``--`` (Edge: every
        accepted domain).  ``*contoso.com``, ``contoso.*``, ``a.*.com`` fail.
      - X400 spaces are RFC 1685 attribute lists ``key=value;...``.
      - any other type takes free text.
      - a non-SMTP space containing ``;`` must end with an explicit cost.
  * Display ``SMTP:*.contoso.com;5`` (type and cost always shown); SMTP and
    X400 type names are upper-cased, others kept as written.
  * ``address_type``, ``address``, ``cost``, ``include_subdomains``,
    ``domain``; ``match_rank(domain)`` / ``matches(domain)`` for routing:
    higher ranks are more specific (exact name > longer wildcard suffix > ``*``).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from exshell.types.common import equals_text, fail, reject_null, text_of
from exshell.types.smtp import domain_matches, is_domain_name

SMTP = "SMTP"
X400 = "X400"
MIN_COST, MAX_COST, DEFAULT_COST = 1, 100, 1
ALL_ACCEPTED_DOMAINS = "--"  # Edge-only SMTP space

# RFC 1685 attribute keywords (case-insensitive); DDA takes a type suffix (dda:type).
_X400_KEYS = {"c", "a", "admd", "p", "prmd", "o", "ou", "ou1", "ou2", "ou3", "ou4",
              "s", "g", "i", "q", "cn", "pn", "x121", "n-id", "t-ty", "t-id", "ua-id"}
_COST = re.compile(r"^\s*\d+\s*$")


class AddressSpace:
    """An immutable address-space entry."""

    dotnet_name = "Microsoft.Exchange.Data.AddressSpace"
    reference_name = "AddressSpace"

    __slots__ = ("address_type", "address", "cost")

    def __init__(self, address_type: str, address: str, cost: int):
        object.__setattr__(self, "address_type", address_type)
        object.__setattr__(self, "address", address)
        object.__setattr__(self, "cost", cost)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("AddressSpace values are immutable")

    # -- construction
    @classmethod
    def convert(cls, value: Any) -> "AddressSpace":
        if isinstance(value, AddressSpace):
            return value
        if value is None:
            reject_null(cls.dotnet_name)
        return cls.parse(text_of(value, cls.dotnet_name))

    @classmethod
    def of(cls, address: str, address_type: str = SMTP, cost: int = DEFAULT_COST) -> "AddressSpace":
        """Build from parts, with the same checks as parsing."""
        return cls.parse(f"{address_type}:{address};{cost}")

    @classmethod
    def parse(cls, text: str) -> "AddressSpace":
        original = text.strip()
        address_type, colon, rest = original.partition(":")
        if not colon:
            address_type, rest = SMTP, original
        address_type = address_type.strip()
        if not address_type:
            fail("InvalidAddressSpaceTypeEmpty", original)
        if address_type.upper() in (SMTP, X400):
            address_type = address_type.upper()
        address, cost = _split_cost(address_type, rest, original)
        if not address:
            fail("InvalidAddressSpace", original)
        if address_type == SMTP:
            _check_smtp_space(address, original)
        elif address_type == X400:
            _check_x400_space(address, original)
        return cls(address_type, address, cost)

    # -- reading
    @property
    def is_smtp(self) -> bool:
        return self.address_type == SMTP

    @property
    def include_subdomains(self) -> bool:
        """An SMTP wildcard space (``*`` or ``*.domain``)."""
        return self.is_smtp and self.address.startswith("*")

    @property
    def domain(self) -> str:
        """The SMTP domain without its wildcard ('' for ``*``)."""
        if not self.is_smtp or self.address == "*":
            return ""
        return self.address[2:] if self.address.startswith("*.") else self.address

    def match_rank(self, domain: str, address_type: str = SMTP) -> Optional[tuple[int, int]]:
        """How specifically this space covers ``domain``; None when it does not.

        (2, n) exact name, (1, n) wildcard ``*.x`` with n = len(x), (0, 0) ``*``.
        ``--`` is resolved against accepted domains by the caller, so it never
        matches here.
        """
        if address_type.upper() != self.address_type.upper() or not self.is_smtp:
            return None
        if self.address == ALL_ACCEPTED_DOMAINS:
            return None
        if not domain_matches(self.domain, self.include_subdomains, domain):
            return None
        if not self.include_subdomains:
            return (2, len(self.domain))
        return (1, len(self.domain)) if self.domain else (0, 0)

    def matches(self, domain: str, address_type: str = SMTP) -> bool:
        return self.match_rank(domain, address_type) is not None

    def ps_properties(self) -> dict[str, Any]:
        return {"Type": self.address_type, "Address": self.address, "Cost": self.cost,
                "IncludeSubDomains": self.include_subdomains}

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]

    def to_json(self) -> str:
        return str(self)

    # -- display and identity
    def __str__(self) -> str:
        return f"{self.address_type}:{self.address};{self.cost}"

    def __repr__(self) -> str:
        return f"AddressSpace({str(self)!r})"

    def _key(self) -> tuple[str, str, int]:
        return (self.address_type.upper(), self.address.lower(), self.cost)

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, AddressSpace):
            return self._key() == other._key()
        return equals_text(self, other)

    def __hash__(self) -> int:
        return hash(self._key())


def _split_cost(address_type: str, rest: str, original: str) -> tuple[str, int]:
    """Separate ``space;cost``; a non-SMTP space with ';' must end with its cost."""
    if ";" not in rest:
        return rest.strip(), DEFAULT_COST
    address, _, cost_text = rest.rpartition(";")
    if not _COST.match(cost_text):
        if address_type != SMTP:
            fail("AddressSpaceCostRequired", original)
        fail("InvalidAddressSpaceCost", cost_text.strip())
    cost = int(cost_text)
    if not MIN_COST <= cost <= MAX_COST:
        fail("InvalidAddressSpaceCost", cost_text.strip())
    return address.strip(), cost


def _check_smtp_space(address: str, original: str) -> None:
    if address in ("*", ALL_ACCEPTED_DOMAINS):
        return
    domain = address[2:] if address.startswith("*.") else address
    if "*" in domain or not is_domain_name(domain):
        fail("InvalidSmtpAddressSpace", address)


def _check_x400_space(address: str, original: str) -> None:
    for attribute in address.split(";"):
        key, equals, value = attribute.partition("=")
        key = key.strip().lower()
        if key.startswith("dda:") and len(key) > 4:
            key = "dda"
        if not equals or not value or (key not in _X400_KEYS and key != "dda"):
            fail("InvalidX400AddressSpace", address)
