"""SecureString and PSCredential never show the secret."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.types.credential import PSCredential, SecureString


def test_secure_string_hides_its_text():
    secret = SecureString("P@ssw0rd")
    assert str(secret) == "System.Security.SecureString"
    assert "P@ssw0rd" not in repr(secret)
    assert len(secret) == 8 and secret.Length == 8
    assert secret.reveal() == "P@ssw0rd"
    assert secret.ps_properties() == {"Length": 8}


def test_credential_properties_and_password_for_delivery():
    credential = PSCredential("contoso\\relay", SecureString("pw"))
    properties = credential.ps_properties()
    assert properties["UserName"] == "contoso\\relay"
    assert str(properties["Password"]) == "System.Security.SecureString"
    assert credential.get_network_credential_password() == "pw"
    assert "pw" not in repr(credential) and "pw" not in str(credential)
    assert credential.UserName == "contoso\\relay"


def test_plain_password_is_wrapped():
    credential = PSCredential("u", "secret")
    assert isinstance(credential.password, SecureString)
    assert credential == PSCredential("u", SecureString("secret"))


def test_convert_accepts_credentials_only():
    credential = PSCredential("u", "p")
    assert PSCredential.convert(credential) is credential
    assert PSCredential.convert(None) is None
    with pytest.raises(ConversionError) as caught:
        PSCredential.convert("admin")
    assert str(caught.value) == (
        'Cannot convert the "admin" value of type "System.String" to type '
        '"System.Management.Automation.PSCredential".')
    with pytest.raises(ConversionError, match='to type "System.Security.SecureString"'):
        SecureString.convert("pw")


def test_immutable():
    with pytest.raises(AttributeError):
        PSCredential("u", "p").user_name = "x"
