"""SMTP types: domains, domains with subdomains, addresses, certificate identifiers."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.types.smtp import (
    SmtpAddress, SmtpDomain, SmtpDomainWithSubdomains, SmtpX509Identifier, is_domain_name,
)


@pytest.mark.parametrize("text, valid", [
    ("contoso.com", True), ("a.b.c.contoso.com", True), ("localhost", True), ("3com.com", True),
    ("xn--bcher-kva.example", True), ("-bad.com", False), ("bad-.com", False), ("a..b", False),
    ("", False), ("a" * 64 + ".com", False), ("under_score.com", False), ("contoso.com.", False),
])
def test_domain_shape(text, valid):
    assert is_domain_name(text) is valid


@pytest.mark.parametrize("type_, given", [
    (SmtpDomain, "contoso.com"),
    (SmtpDomainWithSubdomains, "contoso.com"),
    (SmtpDomainWithSubdomains, "*.contoso.com"),
    (SmtpDomainWithSubdomains, "*"),
    (SmtpAddress, "kim@contoso.com"),
    (SmtpAddress, "first.last+tag@mail.contoso.com"),
    (SmtpAddress, '"odd person"@contoso.com'),
    (SmtpAddress, "postmaster@[10.0.0.1]"),
    (SmtpX509Identifier, "<I>CN=Contoso CA<S>CN=mail.contoso.com"),
    (SmtpX509Identifier, "<S>CN=mail.contoso.com"),
])
def test_accepted_and_round_trip(type_, given):
    value = type_.convert(given)
    assert str(value) == given
    assert type_.convert(str(value)) == value


@pytest.mark.parametrize("type_, bad, text", [
    (SmtpDomain, "*.contoso.com", '"*.contoso.com" isn\'t a valid SMTP domain name.'),
    (SmtpDomain, "contoso..com", '"contoso..com" isn\'t a valid SMTP domain name.'),
    (SmtpDomainWithSubdomains, "*contoso.com",
     '"*contoso.com" isn\'t a valid SMTP domain. A wildcard is allowed only as "*" or as the whole '
     'left-most label, as in *.contoso.com.'),
    (SmtpDomainWithSubdomains, "contoso.*",
     '"contoso.*" isn\'t a valid SMTP domain. A wildcard is allowed only as "*" or as the whole '
     'left-most label, as in *.contoso.com.'),
    (SmtpAddress, "kim", '"kim" isn\'t a valid SMTP address. Use the form user@domain, for example kim@contoso.com.'),
    (SmtpAddress, "kim@", '"kim@" isn\'t a valid SMTP address. Use the form user@domain, for example kim@contoso.com.'),
    (SmtpAddress, "k..m@contoso.com", '"k..m@contoso.com" isn\'t a valid SMTP address. Use the form user@domain, for example kim@contoso.com.'),
    (SmtpAddress, "kim@contoso com", '"kim@contoso com" isn\'t a valid SMTP address. Use the form user@domain, for example kim@contoso.com.'),
    (SmtpX509Identifier, "CN=mail", '"CN=mail" isn\'t a valid certificate identifier. Use <I>issuer<S>subject or <S>subject.'),
])
def test_rejected(type_, bad, text):
    with pytest.raises(ConversionError) as caught:
        type_.convert(bad)
    assert str(caught.value) == text


@pytest.mark.parametrize("pattern, domain, expected", [
    ("contoso.com", "contoso.com", True),
    ("contoso.com", "sub.contoso.com", False),
    ("*.contoso.com", "contoso.com", True),
    ("*.contoso.com", "a.b.contoso.com", True),
    ("*.contoso.com", "notcontoso.com", False),
    ("*", "example.org", True),
])
def test_subdomain_matching(pattern, domain, expected):
    assert SmtpDomainWithSubdomains.convert(pattern).matches(domain) is expected


def test_parts_and_case_insensitive_equality():
    address = SmtpAddress.convert("Kim@Contoso.com")
    assert (address.local, address.domain) == ("Kim", "Contoso.com")
    assert address == SmtpAddress.convert("kim@contoso.com")
    wildcard = SmtpDomainWithSubdomains.convert("*.contoso.com")
    assert wildcard.include_subdomains and wildcard.domain == "contoso.com"
    identifier = SmtpX509Identifier.convert("<I>CN=CA<S>CN=host")
    assert (identifier.issuer, identifier.subject) == ("CN=CA", "CN=host")
