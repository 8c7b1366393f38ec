"""AddressSpace: [type:]space[;cost], SMTP wildcard rules, X400, costs, matching."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.types.address_space import AddressSpace


@pytest.mark.parametrize("given, kind, space, cost, shown", [
    ("contoso.com", "SMTP", "contoso.com", 1, "SMTP:contoso.com;1"),
    ("*.contoso.com;5", "SMTP", "*.contoso.com", 5, "SMTP:*.contoso.com;5"),
    ("*", "SMTP", "*", 1, "SMTP:*;1"),
    ("*.com", "SMTP", "*.com", 1, "SMTP:*.com;1"),
    ("smtp:fabrikam.com;8", "SMTP", "fabrikam.com", 8, "SMTP:fabrikam.com;8"),
    ("SMTP:contoso.com", "SMTP", "contoso.com", 1, "SMTP:contoso.com;1"),
    ("--", "SMTP", "--", 1, "SMTP:--;1"),
    ("X400:c=US;a=Fabrikam;P=Contoso;5", "X400", "c=US;a=Fabrikam;P=Contoso", 5,
     "X400:c=US;a=Fabrikam;P=Contoso;5"),
    ("x400:c=US", "X400", "c=US", 1, "X400:c=US;1"),
    ("X400:o=MySite;p=MyOrg;a=adatum;c=us;1", "X400", "o=MySite;p=MyOrg;a=adatum;c=us", 1,
     "X400:o=MySite;p=MyOrg;a=adatum;c=us;1"),
    ("FAX:*", "FAX", "*", 1, "FAX:*;1"),
    ("Notes:any text here;100", "Notes", "any text here", 100, "Notes:any text here;100"),
    ("  contoso.com ; 2 ", "SMTP", "contoso.com", 2, "SMTP:contoso.com;2"),
])
def test_accepted(given, kind, space, cost, shown):
    parsed = AddressSpace.convert(given)
    assert (parsed.address_type, parsed.address, parsed.cost) == (kind, space, cost)
    assert str(parsed) == shown
    assert AddressSpace.convert(str(parsed)) == parsed


@pytest.mark.parametrize("bad", ["*contoso.com", "contoso.*", "a.*.com", "**", "con toso.com",
                                 "-contoso.com", "contoso..com", "*.", "contoso.com-"])
def test_smtp_wildcard_and_label_rules(bad):
    with pytest.raises(ConversionError) as caught:
        AddressSpace.convert(bad)
    assert str(caught.value) == (
        f'The SMTP address space "{bad}" isn\'t valid. Enter a domain name such as contoso.com, '
        '"*", or a wildcard that covers whole labels such as *.contoso.com.')


@pytest.mark.parametrize("bad, cost_text", [
    ("contoso.com;0", "0"), ("contoso.com;101", "101"), ("contoso.com;abc", "abc"),
    ("contoso.com;", ""), ("X400:c=US;0", "0")])
def test_cost_range(bad, cost_text):
    with pytest.raises(ConversionError) as caught:
        AddressSpace.convert(bad)
    assert str(caught.value) == (
        f'The address space cost "{cost_text}" isn\'t valid. The cost must be an integer from 1 '
        'through 100.')


def test_non_smtp_space_with_semicolon_needs_explicit_cost():
    with pytest.raises(ConversionError) as caught:
        AddressSpace.convert("X400:c=US;a=Fabrikam")
    assert str(caught.value) == (
        'The address space "X400:c=US;a=Fabrikam" contains a semicolon (;), so its cost must be '
        'given explicitly, for example "X400:c=US;a=Fabrikam;1".')


@pytest.mark.parametrize("bad", ["X400:contoso", "X400:zz=1;2", "X400:c=;1"])
def test_x400_attribute_rules(bad):
    with pytest.raises(ConversionError, match="isn't valid. Use RFC 1685 attributes"):
        AddressSpace.convert(bad)


def test_empty_type_and_empty_space():
    with pytest.raises(ConversionError, match="The address space type can't be empty"):
        AddressSpace.convert(":contoso.com")
    with pytest.raises(ConversionError, match='The address space "FAX:" isn\'t valid'):
        AddressSpace.convert("FAX:")


def test_equivalent_spellings_are_equal():
    spellings = ["SMTP:contoso.com;1", "contoso.com;1", "SMTP:contoso.com", "contoso.com",
                 "CONTOSO.COM"]
    assert len({AddressSpace.convert(s) for s in spellings}) == 1


@pytest.mark.parametrize("space, domain, rank", [
    ("contoso.com", "contoso.com", (2, 11)),
    ("contoso.com", "mail.contoso.com", None),
    ("*.contoso.com", "contoso.com", (1, 11)),
    ("*.contoso.com", "marketing.contoso.com", (1, 11)),
    ("*.contoso.com", "badcontoso.com", None),
    ("*", "anything.example", (0, 0)),
    ("--", "contoso.com", None),
    ("X400:c=US", "contoso.com", None),
])
def test_match_rank(space, domain, rank):
    assert AddressSpace.convert(space).match_rank(domain) == rank
    assert AddressSpace.convert(space).matches(domain) is (rank is not None)


def test_most_specific_wins_by_rank():
    spaces = [AddressSpace.convert(s) for s in ("*", "*.contoso.com;50", "marketing.contoso.com;99")]
    best = max(spaces, key=lambda s: s.match_rank("marketing.contoso.com"))
    assert best.address == "marketing.contoso.com"


def test_properties_and_of():
    wildcard = AddressSpace.of("*.contoso.com", cost=3)
    assert wildcard.include_subdomains and wildcard.domain == "contoso.com"
    assert str(wildcard) == "SMTP:*.contoso.com;3"
    assert not AddressSpace.convert("contoso.com").include_subdomains
