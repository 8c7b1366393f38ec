"""Guid, Uri, CultureInfo, paths, product keys, sort orders, object parameters."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import PSObject
from exshell.types.scalars import (
    ADAcePresentationObject, CultureInfo, Guid, LocalLongFullPath, ProductKey,
    QueueViewerSortOrderEntry, Uri,
)


@pytest.mark.parametrize("type_, given, shown", [
    (Guid, "{0B8E6F59-9A6B-4E0A-9C1E-3F1F1F1F1F1F}", "0b8e6f59-9a6b-4e0a-9c1e-3f1f1f1f1f1f"),
    (Uri, "http://proxy.contoso.com:8080", "http://proxy.contoso.com:8080"),
    (CultureInfo, "EN-us", "en-US"),
    (CultureInfo, "de", "de"),
    (LocalLongFullPath, "C:\\Program Files\\Logs", "C:\\Program Files\\Logs"),
    (LocalLongFullPath, "D:\\", "D:\\"),
    (LocalLongFullPath, "/var/log/exshell", "/var/log/exshell"),
    (ProductKey, "abcde-12345-fghij-67890-klmno", "ABCDE-12345-FGHIJ-67890-KLMNO"),
    (QueueViewerSortOrderEntry, "-MessageCount", "-MessageCount"),
    (QueueViewerSortOrderEntry, "Identity", "+Identity"),
])
def test_accepted_and_round_trip(type_, given, shown):
    value = type_.convert(given)
    assert str(value) == shown
    assert type_.convert(str(value)) == value


@pytest.mark.parametrize("type_, bad, text", [
    (Guid, "not-a-guid", "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."),
    (Uri, "proxy.contoso.com", "Invalid URI: The format of the URI could not be determined."),
    (CultureInfo, "english!", "Culture name 'english!' is not supported."),
    (LocalLongFullPath, "Logs\\today", '"Logs\\today" isn\'t a valid local path. Enter a full path '
     'that starts with a drive letter, for example C:\\Logs, or an absolute path such as /var/log/exshell.'),
    (ProductKey, "12345", '"12345" isn\'t a valid product key. A product key has five groups of five '
     'letters or digits separated by hyphens.'),
    (QueueViewerSortOrderEntry, "+Message Count", '"+Message Count" isn\'t a valid sort order. Use a '
     'property name preceded by + (ascending) or - (descending), for example -MessageCount.'),
])
def test_rejected(type_, bad, text):
    with pytest.raises(ConversionError) as caught:
        type_.convert(bad)
    assert str(caught.value) == text


def test_object_parameters_pass_objects_and_reject_text():
    ace = PSObject([("User", "contoso\\kim")])
    assert ADAcePresentationObject.convert(ace) is ace
    with pytest.raises(ConversionError, match="ADAcePresentationObject"):
        ADAcePresentationObject.convert("contoso\\kim")


def test_sort_entry_parts():
    entry = QueueViewerSortOrderEntry.convert("-MessageCount")
    assert not entry.ascending and entry.property_name == "MessageCount"
