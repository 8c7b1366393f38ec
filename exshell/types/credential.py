"""SecureString and PSCredential: secrets that never print.

Contract:
  * ``SecureString(text)`` keeps the text privately; ``str()`` is
    ``System.Security.SecureString`` (as PowerShell shows it) and ``repr`` never
    contains the text; ``len()``/``Length`` give its length; ``reveal()`` is the
    one way back to the text (for ConvertFrom-SecureString style needs).
  * ``PSCredential(user_name, password)`` with ``password`` a SecureString (a str
    is wrapped); ``ps_properties()`` shows UserName and Password, the password as
    ``System.Security.SecureString``; ``get_network_credential_password()``
    hands the plain password to the delivery engine (SMTP AUTH);
    ``GetNetworkCredential()`` (a script method) gives a ``NetworkCredential``
    with UserName, Domain and the plain Password.
  * ``PSCredential.convert(value)`` accepts a PSCredential (and $null); other
    values fail with .NET's InvalidCastException text, as a
    ``[PSCredential]`` parameter does without an interactive credential prompt.
"""
from __future__ import annotations

from typing import Any

from exshell.types.common import cast_failure

SECURE_STRING_NAME = "System.Security.SecureString"


class SecureString:
    """System.Security.SecureString."""

    dotnet_name = SECURE_STRING_NAME
    reference_name = "SecureString"

    __slots__ = ("__secret",)

    def __init__(self, text: str = ""):
        object.__setattr__(self, "_SecureString__secret", str(text))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("SecureString values are immutable")

    @classmethod
    def convert(cls, value: Any) -> "SecureString":
        if isinstance(value, SecureString) or value is None:
            return value
        cast_failure(value, SECURE_STRING_NAME)

    def reveal(self) -> str:
        """The protected text; only for code that must hand it to a protocol."""
        return self.__secret

    @property
    def Length(self) -> int:  # noqa: N802 - the .NET property name
        return len(self.__secret)

    def __len__(self) -> int:
        return len(self.__secret)

    def __str__(self) -> str:
        return SECURE_STRING_NAME

    def __repr__(self) -> str:
        return f"<{SECURE_STRING_NAME}>"

    def __eq__(self, other: Any) -> bool:
        # .NET compares SecureString by reference; so do we.
        return self is other

    def __hash__(self) -> int:
        return id(self)

    def ps_properties(self) -> dict[str, Any]:
        return {"Length": len(self.__secret)}

    def ps_type_names(self) -> list[str]:
        return [SECURE_STRING_NAME, "System.Object"]


class PSCredential:
    """System.Management.Automation.PSCredential."""

    dotnet_name = "System.Management.Automation.PSCredential"
    reference_name = "PSCredential"

    __slots__ = ("user_name", "password")

    def __init__(self, user_name: str, password: SecureString | str):
        if not isinstance(password, SecureString):
            password = SecureString(password)
        object.__setattr__(self, "user_name", str(user_name))
        object.__setattr__(self, "password", password)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PSCredential values are immutable")

    @classmethod
    def convert(cls, value: Any) -> "PSCredential":
        if isinstance(value, PSCredential) or value is None:
            return value
        cast_failure(value, cls.dotnet_name)

    @property
    def UserName(self) -> str:  # noqa: N802 - the .NET property name
        return self.user_name

    @property
    def Password(self) -> SecureString:  # noqa: N802 - the .NET property name
        return self.password

    def get_network_credential_password(self) -> str:
        """The plain password (GetNetworkCredential().Password) for SMTP AUTH."""
        return self.password.reveal()

    def ps_methods(self) -> dict[str, Any]:
        return {"GetNetworkCredential": lambda: NetworkCredential(self)}

    def ps_properties(self) -> dict[str, Any]:
        return {"UserName": self.user_name, "Password": self.password}

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]

    def __str__(self) -> str:
        return self.dotnet_name

    def __repr__(self) -> str:
        return f"PSCredential(user_name={self.user_name!r}, password=<{SECURE_STRING_NAME}>)"

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, PSCredential):
            return (self.user_name == other.user_name
                    and self.password.reveal() == other.password.reveal())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("PSCredential", self.user_name))


class NetworkCredential:
    """System.Net.NetworkCredential, what ``$cred.GetNetworkCredential()`` returns: the
    user name split at a backslash into Domain and UserName, and the plain Password
    (scripts ask for it on purpose; the default view shows only UserName and Domain)."""

    dotnet_name = "System.Net.NetworkCredential"
    __slots__ = ("credential",)

    def __init__(self, credential: PSCredential):
        object.__setattr__(self, "credential", credential)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("NetworkCredential values are immutable")

    def _parts(self) -> tuple[str, str]:
        domain, backslash, user = self.credential.user_name.partition("\\")
        return (domain, user) if backslash else ("", domain)

    def ps_properties(self) -> dict[str, Any]:
        domain, user = self._parts()
        return {"UserName": user, "Password": self.credential.password.reveal(),
                "SecurePassword": self.credential.password, "Domain": domain}

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]

    def __str__(self) -> str:
        return self.dotnet_name

    def __repr__(self) -> str:
        return f"NetworkCredential(user_name={self.credential.user_name!r})"
