"""Bind-time conversion of an argument to its parameter's type, with PowerShell's errors.

``convert_argument(metadata, parameter, value, extent)`` is the one place where a
value becomes a parameter's type while binding.  Plain conversions are
delegated to ``exshell.language.conversions.convert_to`` (and through it to the
Exchange types' ``convert``); this module adds what is specific to binding:

  * cmdlets: ``[bool]``/``[switch]`` take only booleans, numbers and switches
    (a string fails with CannotConvertArgument); a collection given to a
    scalar parameter that is not ``object`` or an enum fails with
    "Specified method is not supported."; other failures are
    CannotConvertArgumentNoMessage ("Cannot bind parameter 'X'. Cannot convert ...").
  * script functions: every failure is ParameterArgumentTransformationError, and
    ``[bool]`` reports InvalidCastExceptionForBooleanArgumentValue.
  * validation after conversion: null/empty for mandatory or [ValidateNotNull*]
    parameters, ValidateSet values, and ``Param.validate`` callables
    (ParameterArgumentValidationError).

``accepts_without_coercion(type, value)`` answers the first pipeline pass
("ByValue without coercion"): is the value already of the parameter's type?
"""
from __future__ import annotations

import enum
from typing import Any

from exshell import errors
from exshell.cmdlets.base import ArrayOf, ConversionError
from exshell.language import conversions
from exshell.language.values import ArgumentNumber, AutomationNull, SwitchParameter, unwrap

_BOOLEAN_TYPES = (bool, SwitchParameter)
NOT_SUPPORTED = "Specified method is not supported."


def is_collection_type(param_type: Any) -> bool:
    """Types a list may be given to: arrays, object, enums, MultiValuedProperty-like types."""
    if param_type is object or param_type is list or isinstance(param_type, ArrayOf):
        return True
    if isinstance(param_type, type) and issubclass(param_type, enum.Enum):
        return True  # PowerShell leaves lists to the enum conversion ([Flags] combine them)
    if getattr(param_type, "accepts_collection", False):
        return True
    return getattr(param_type, "reference_name", "") == "MultiValuedProperty"


def is_array_type(param_type: Any) -> bool:
    """Parameters holding several values (prompted element by element)."""
    if param_type is list or isinstance(param_type, ArrayOf):
        return True
    if getattr(param_type, "accepts_collection", False):
        return True
    return getattr(param_type, "reference_name", "") == "MultiValuedProperty"


def _plain(value: Any) -> Any:
    """ArgumentNumber -> its number, also inside a list (for ``object`` parameters)."""
    if isinstance(value, ArgumentNumber):
        return value.value
    if isinstance(value, list) and any(isinstance(item, ArgumentNumber) for item in value):
        copy = type(value).__new__(type(value))
        list.__init__(copy, (unwrap(item) for item in value))
        for slot in getattr(type(value), "__slots__", ()):
            if hasattr(value, slot):
                setattr(copy, slot, getattr(value, slot))
        return copy
    return value


def _shown(value: Any) -> str:
    if isinstance(value, ArgumentNumber):
        return value.text
    if isinstance(value, list):
        return conversions.type_name(value)
    return conversions.to_string(value)


def convert_argument(metadata: Any, parameter: Any, value: Any, extent: Any) -> Any:
    """``value`` converted for ``parameter`` of ``metadata``'s command, validated."""
    if isinstance(value, AutomationNull):
        value = None
    converted = _convert(metadata, parameter, value, extent)
    _validate(metadata, parameter, converted, extent)
    return converted


def _convert(metadata: Any, parameter: Any, value: Any, extent: Any) -> Any:
    target = parameter.type
    is_script = metadata.kind != "Cmdlet"
    if target is object:
        return _plain(value)
    if target in _BOOLEAN_TYPES:
        return _convert_boolean(metadata, parameter, value, extent, is_script)
    if value is None:
        if _is_reference_type(target):
            return None
        if not is_script and getattr(target, "convert", None) is None:
            # a .NET value type (int, double, DateTime, enum) cannot hold $null
            raise metadata.binding_error("ParameterArgumentValidationErrorNullNotAllowed",
                                         extent, parameter.name, parameter.type_name)
        return _convert_plain(metadata, parameter, value, extent, is_script)
    if not is_script and isinstance(value, list) and not is_collection_type(target):
        raise metadata.binding_error(
            "CannotConvertArgument", extent, parameter.name, parameter.type_name,
            extras=(conversions.type_name(value), NOT_SUPPORTED))
    if isinstance(target, ArrayOf) and not is_script:
        items = value if isinstance(value, list) else [value]
        element = _element_parameter(parameter, target.element)
        from exshell.language.values import TypedArray

        return TypedArray((_convert(metadata, element, item, extent) for item in items),
                          target.element)
    return _convert_plain(metadata, parameter, value, extent, is_script)


class _ElementParameter:
    """A view of an array parameter as its element type (for element-wise conversion)."""

    __slots__ = ("name", "type", "type_name")

    def __init__(self, name: str, element_type: Any):
        self.name = name
        self.type = element_type
        self.type_name = conversions.dotnet_name(element_type)


def _element_parameter(parameter: Any, element_type: Any) -> Any:
    return _ElementParameter(parameter.name, element_type)


def _is_reference_type(target: Any) -> bool:
    """Types where $null binds as $null without conversion (strings, arrays,
    hashtables, script blocks).  Exchange value types decide for themselves:
    their ``convert(None)`` gives an empty collection, None, or an error."""
    if target is str or isinstance(target, ArrayOf) or target is list:
        return True
    from exshell.language.values import Hashtable, PSObject, ScriptBlock

    return target in (Hashtable, PSObject, ScriptBlock)


def _convert_boolean(metadata: Any, parameter: Any, value: Any, extent: Any,
                     is_script: bool) -> Any:
    wanted = parameter.type
    plain = unwrap(value)
    if isinstance(plain, SwitchParameter):
        flag = bool(plain)
    elif isinstance(plain, bool):
        flag = plain
    elif isinstance(plain, (int, float)) or _is_decimal(plain):
        flag = plain != 0
    elif plain is None:
        flag = False
    else:
        dotnet = conversions.dotnet_name(wanted)
        if is_script:
            inner = errors.message("InvalidCastExceptionForBooleanArgumentValue",
                                   _shown(value), dotnet)
            raise metadata.binding_error("ParameterArgumentTransformationError", extent,
                                         parameter.name, dotnet, extras=(inner,))
        source = conversions.type_name(plain)
        trailer = NOT_SUPPORTED if isinstance(plain, list) else ""
        raise metadata.binding_error("CannotConvertArgument", extent, parameter.name, dotnet,
                                     extras=(source, trailer))
    return SwitchParameter(flag) if wanted is SwitchParameter else flag


def _is_decimal(value: Any) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)


def _convert_plain(metadata: Any, parameter: Any, value: Any, extent: Any,
                   is_script: bool) -> Any:
    target = parameter.type
    try:
        if getattr(target, "convert", None) is not None and not (
                isinstance(target, type) and issubclass(target, enum.Enum)
                and not _has_own_convert(target)):
            return target.convert(value)
        return conversions.convert_to(value, target)
    except ConversionError as failure:
        shown = failure.value_text if failure.value_text is not None else _shown(value)
        type_name = failure.type_name or conversions.dotnet_name(target)
        inner = errors.message("InvalidCastExceptionWithInnerException", shown, type_name,
                               str(failure))
    except conversions.PSInvalidCastError as failure:
        inner = failure.record.message
    except errors.PSRuntimeError:
        raise
    except (ValueError, TypeError, ArithmeticError, LookupError) as failure:
        # a value type that fails on odd input must still give a binding error
        inner = errors.message("InvalidCastExceptionWithInnerException", _shown(value),
                               conversions.dotnet_name(target), str(failure) or
                               type(failure).__name__)
    error_id = "ParameterArgumentTransformationError" if is_script else \
        "CannotConvertArgumentNoMessage"
    raise metadata.binding_error(error_id, extent, parameter.name,
                                 conversions.dotnet_name(target), extras=(inner,))


def _has_own_convert(enum_type: type) -> bool:
    return "convert" in vars(enum_type)


def _validate(metadata: Any, parameter: Any, value: Any, extent: Any) -> None:
    mandatory = parameter.mandatory_anywhere and not parameter.is_switch
    if value is None:
        # None = nothing declared: only mandatory parameters refuse; True/False decide
        if parameter.allow_null is False or (mandatory and parameter.allow_null is None):
            raise metadata.binding_error("ParameterArgumentValidationErrorNullNotAllowed", extent,
                                         parameter.name, parameter.type_name)
        return
    if isinstance(value, str) and value == "" and (
            parameter.allow_empty is False or (mandatory and parameter.allow_empty is None)):
        raise metadata.binding_error("ParameterArgumentValidationErrorEmptyStringNotAllowed",
                                     extent, parameter.name, parameter.type_name)
    if parameter.values:
        accepted = {v.lower() for v in parameter.values}
        for item in (value if isinstance(value, list) else [value]):
            text = conversions.to_string(item)
            if text.lower() not in accepted:
                inner = errors.message("ValidateSetFailure", text, ",".join(parameter.values))
                raise metadata.binding_error("ParameterArgumentValidationError", extent,
                                             parameter.name, parameter.type_name, extras=(inner,))
    if parameter.validate is not None:
        try:
            parameter.validate(value)
        except (ConversionError, ValueError, TypeError, ArithmeticError) as failure:
            raise metadata.binding_error("ParameterArgumentValidationError", extent,
                                         parameter.name, parameter.type_name,
                                         extras=(str(failure),))


def accepts_without_coercion(param_type: Any, value: Any) -> bool:
    """True when ``value`` already is of ``param_type`` (first pipeline pass)."""
    if param_type is object:
        return True
    if value is None:
        return False
    if isinstance(param_type, ArrayOf):
        items = value if isinstance(value, list) else [value]
        return all(accepts_without_coercion(param_type.element, item) for item in items)
    if param_type is list:
        return isinstance(value, list)
    if param_type is bool:
        return isinstance(value, bool)
    if param_type is int:
        return isinstance(value, int) and not isinstance(value, bool) and type(value) is int
    if isinstance(param_type, type):
        return isinstance(value, param_type)
    checker = getattr(param_type, "is_instance", None)
    if callable(checker):
        return bool(checker(value))
    return False
