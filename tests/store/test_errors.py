"""Store errors as records: CategoryInfo names the target and its .NET type."""
from __future__ import annotations

import pytest

from exshell.store.errors import NotFound, ValidationError
from exshell.store.models import SendConnector


@pytest.mark.parametrize("target, shown", [
    ("nope", "(nope:String)"),
    (25, "(25:Int32)"),
    (True, "(True:Boolean)"),
    (None, "(:)"),
])
def test_category_info_names_the_target_type(target, shown):
    record = NotFound("not there", target=target).to_record("Task", None, "Get-SendConnector")
    assert record.category_info == f"ObjectNotFound: {shown} [Get-SendConnector], ManagementObjectNotFoundException"


def test_an_exchange_object_target_shows_its_exchange_type():
    connector = SendConnector(Name="Out", AddressSpaces=["contoso.com"])
    record = ValidationError("bad", "Rule", target=connector).record
    assert record.category_info == ("InvalidArgument: (Out:SmtpSendConnectorConfig) [], "
                                    "DataValidationException")
