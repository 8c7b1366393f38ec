"""SMTP value types: domains, domains with a subdomain wildcard, addresses,
certificate identifiers; and the one place for DNS name shape rules.

Contract:
  * ``is_domain_name(text)`` / ``is_host_label(text)``: RFC 1035 shape as relaxed
    by RFC 1123 (labels of letters, digits and inner hyphens, 1-63 characters,
    a name at most 255 characters, no empty label).  Every type that holds a DNS
    name (SmtpDomain, Fqdn, AddressSpace, SmartHost) checks it here.
  * ``DomainNameValue``: base of the one-DNS-name types (SmtpDomain, Fqdn).
  * ``SmtpDomain``: ``contoso.com``.  ``SmtpDomainWithSubdomains``: ``contoso.com``,
    ``*.contoso.com`` or ``*``; ``include_subdomains``, ``domain``, ``matches()``.
  * ``SmtpAddress``: ``local@domain`` (dot-atom or quoted local part; domain name
    or bracketed IP literal); ``local``, ``domain``.
  * ``SmtpX509Identifier``: ``<I>issuer<S>subject`` or ``<S>subject``.
  * All compare case-insensitively, display as written, round-trip via str().
"""
from __future__ import annotations

import re
from typing import Any, Optional

from exshell.types.common import PatternTextValue, TextValue, fail

_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*$")
_QUOTED = re.compile(r'^"(?:[^"\\\r\n]|\\.)*"$')


def is_host_label(text: str) -> bool:
    return bool(_LABEL.match(text))


def is_domain_name(text: str) -> bool:
    """RFC 1035/1123 shaped DNS name (single labels allowed)."""
    if not text or len(text) > 255:
        return False
    return all(is_host_label(label) for label in text.split("."))


def domain_matches(pattern_domain: str, include_subdomains: bool, domain: str) -> bool:
    """Does ``domain`` fall under ``pattern_domain`` (``*`` when pattern_domain is '')?"""
    domain = domain.lower().rstrip(".")
    pattern_domain = pattern_domain.lower()
    if include_subdomains:
        return (not pattern_domain or domain == pattern_domain
                or domain.endswith("." + pattern_domain))
    return domain == pattern_domain


class DomainNameValue(TextValue):
    """Base of the types whose whole value is one DNS name (SmtpDomain, Fqdn):
    the name is kept as written and shown as the ``Domain`` property.

    Subclasses name their error in ``_INVALID`` and may narrow ``_is_valid``.
    """

    _INVALID = "InvalidSmtpDomain"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> Any:
        text = text.strip()
        if not cls._is_valid(text):
            fail(cls._INVALID, text)
        return cls(text)

    @classmethod
    def _is_valid(cls, text: str) -> bool:
        return is_domain_name(text)

    @property
    def domain(self) -> str:
        return self._text

    def ps_properties(self) -> dict[str, Any]:
        return {"Domain": self._text}


class SmtpDomain(DomainNameValue):
    """A domain name without wildcards."""

    dotnet_name = "Microsoft.Exchange.Data.SmtpDomain"
    reference_name = "SmtpDomain"
    __slots__ = ()


class SmtpDomainWithSubdomains(TextValue):
    """``contoso.com``, ``*.contoso.com`` (the domain and its subdomains) or ``*``."""

    dotnet_name = "Microsoft.Exchange.Data.SmtpDomainWithSubdomains"
    reference_name = "SmtpDomainWithSubdomains"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "SmtpDomainWithSubdomains":
        text = text.strip()
        if text == "*":
            return cls(text)
        domain = text[2:] if text.startswith("*.") else text
        if "*" in domain:
            fail("InvalidSmtpDomainWildcard", text)
        if not is_domain_name(domain):
            fail("InvalidSmtpDomain", text)
        return cls(text)

    @property
    def include_subdomains(self) -> bool:
        return self._text.startswith("*")

    @property
    def is_star(self) -> bool:
        return self._text == "*"

    @property
    def domain(self) -> str:
        """The domain part ('' for ``*``)."""
        if self._text == "*":
            return ""
        return self._text[2:] if self._text.startswith("*.") else self._text

    def matches(self, domain: str) -> bool:
        return domain_matches(self.domain, self.include_subdomains, domain)

    def ps_properties(self) -> dict[str, Any]:
        return {"Domain": self.domain, "IncludeSubDomains": self.include_subdomains}


class SmtpAddress(TextValue):
    """An RFC 5321 style mailbox ``local@domain``."""

    dotnet_name = "Microsoft.Exchange.Data.SmtpAddress"
    reference_name = "SmtpAddress"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "SmtpAddress":
        text = text.strip()
        local, at, domain = text.rpartition("@")
        if not at or not _valid_local_part(local) or not _valid_address_domain(domain):
            fail("InvalidSmtpAddress", text)
        if len(text) > 320:
            fail("InvalidSmtpAddress", text)
        return cls(text)

    @property
    def local(self) -> str:
        return self._text.rpartition("@")[0]

    @property
    def domain(self) -> str:
        return self._text.rpartition("@")[2]

    @property
    def _key(self) -> Any:
        return self._text.lower()

    def ps_properties(self) -> dict[str, Any]:
        return {"Local": self.local, "Domain": self.domain, "Length": len(self._text),
                "IsValidAddress": True}


def _valid_local_part(local: str) -> bool:
    if not local or len(local) > 64:
        return False
    return bool(_DOT_ATOM.match(local) or _QUOTED.match(local))


def _valid_address_domain(domain: str) -> bool:
    if domain.startswith("[") and domain.endswith("]"):
        import ipaddress

        literal = domain[1:-1]
        if literal.lower().startswith("ipv6:"):
            literal = literal[5:]
        try:
            ipaddress.ip_address(literal)
        except ValueError:
            return False
        return True
    return is_domain_name(domain)


class SmtpX509Identifier(PatternTextValue):
    """A certificate named by issuer and subject: ``<I>issuer<S>subject`` or ``<S>subject``."""

    dotnet_name = "Microsoft.Exchange.Data.SmtpX509Identifier"
    reference_name = "SmtpX509Identifier"
    __slots__ = ()

    _FORM = re.compile(r"^(?:<I>(?P<issuer>[^<]+))?<S>(?P<subject>[^<]+)$", re.IGNORECASE)
    _INVALID = "InvalidX509Identifier"

    @property
    def issuer(self) -> Optional[str]:
        return self._FORM.match(self._text).group("issuer")  # type: ignore[union-attr]

    @property
    def subject(self) -> str:
        return self._FORM.match(self._text).group("subject")  # type: ignore[union-attr]

    @property
    def _key(self) -> Any:
        return self._text  # distinguished names keep their case

    def ps_properties(self) -> dict[str, Any]:
        return {"CertificateIssuer": self.issuer, "CertificateSubject": self.subject}
