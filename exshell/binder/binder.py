"""PowerShell parameter binding: command-line arguments, then pipeline input.

``bind_arguments(metadata, elements, session, invocation, check_mode=False)``
binds what was written after the command name, in PowerShell's order:

  1. pairing: ``-Name value`` (switches never take the next element; a
     non-switch followed by a known parameter or by nothing is MissingArgument;
     an unknown ``-word`` after it is its value; ``--`` ends parameters);
  2. named arguments (explicit ones first, then splatted ones, which lose to an
     explicit binding instead of clashing with it);
  3. positional arguments by ``Position`` among the parameter sets still possible;
     leftovers go to a ValueFromRemainingArguments parameter, to ``$args`` of a
     simple function, or fail with PositionalParameterNotFound;
  4. parameter-set resolution (unresolved while pipeline input may still decide);
  5. mandatory parameters: prompt on an interactive host, else
     MissingMandatoryParameter.  Parameters pipeline input can fill are not
     reported while input is expected.

``bind_pipeline_input(metadata, result, input_object)`` binds one pipeline
object on top of a command-line result in four passes (ByValue, ByPropertyName,
without then with coercion) and returns a new ``BindResult`` for that object.

Binding is pure: it reads the session only to decide whether prompting is
possible, and prompting (I/O) lives in exshell/binder/prompt.py.  In
``check_mode`` nothing is prompted and arguments that are not literals
(``literal=False``) are bound without being converted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from exshell import errors
from exshell.binder.coercion import accepts_without_coercion, convert_argument
from exshell.cmdlets.base import ALL_SETS
from exshell.invocation import NO_ARGUMENT, ArgumentElement, ParameterElement
from exshell.language import conversions
from exshell.language.values import ArgumentNumber, SwitchParameter


@dataclass
class BindResult:
    """What binding produced.

    ``bound``: canonical name -> converted value (common parameters included);
    ``unbound_args``: leftovers for ``$args`` of simple functions;
    ``parameter_set``: the resolved set, None while pipeline input may decide;
    ``candidate_sets``: sets still consistent with what is bound;
    ``unconverted``: names bound without conversion (check mode, non-literal);
    ``pipeline_bound``: names bound from the current pipeline object.
    """

    bound: dict[str, Any] = field(default_factory=dict)
    unbound_args: list = field(default_factory=list)
    parameter_set: Optional[str] = None
    candidate_sets: list[str] = field(default_factory=list)
    unconverted: set[str] = field(default_factory=set)
    pipeline_bound: set[str] = field(default_factory=set)
    extents: dict[str, Any] = field(default_factory=dict)
    invocation: Any = None
    check_mode: bool = False

    def copy(self) -> "BindResult":
        return BindResult(dict(self.bound), list(self.unbound_args), self.parameter_set,
                          list(self.candidate_sets), set(self.unconverted), set(),
                          dict(self.extents), self.invocation, self.check_mode)


class _Pending:
    """A named argument after pairing, before conversion (a plain class: cheaper
    to define at import than a slotted dataclass)."""

    __slots__ = ("parameter", "value", "extent", "literal", "splatted", "parameter_extent")

    def __init__(self, parameter: Any, value: Any, extent: Any, literal: bool, splatted: bool,
                 parameter_extent: Any):
        self.parameter = parameter
        self.value = value
        self.extent = extent                      # the value: conversion errors underline it
        self.literal = literal
        self.splatted = splatted
        self.parameter_extent = parameter_extent  # the -Name token: ParameterAlreadyBound


class _UnknownName:
    """An argument of a simple function that goes straight to ``$args``."""

    __slots__ = ("argument",)

    def __init__(self, argument: ArgumentElement):
        self.argument = argument


def _is_end_of_parameters(element: ParameterElement) -> bool:
    return element.text == "--" or (element.name == "-" and element.argument is NO_ARGUMENT)


# ----------------------------------------------------------------- pairing

def _pair(metadata: Any, elements: list, result: BindResult
          ) -> tuple[list[_Pending], list]:
    named: list[_Pending] = []
    positional: list = []   # ArgumentElement or _UnknownName
    simple_function = not metadata.is_advanced
    index = 0
    count = len(elements)
    parameters_ended = False
    while index < count:
        element = elements[index]
        index += 1
        if isinstance(element, ArgumentElement):
            positional.append(element)
            continue
        if parameters_ended:
            positional.append(_as_argument(element))
            continue
        if _is_end_of_parameters(element):
            parameters_ended = True
            continue
        if simple_function:
            parameter, _ = metadata.match(element.name)
            if parameter is None:
                # a simple function hands an unknown -word (and a value attached to
                # it with ':') to $args; it never fills a positional parameter
                positional.append(_UnknownName(_as_argument(element)))
                if element.argument is not NO_ARGUMENT:
                    positional.append(_UnknownName(ArgumentElement(
                        element.argument, element.argument_extent, element.splatted,
                        element.literal)))
                continue
        else:
            parameter = metadata.lookup(element.name, element.extent)
        if parameter.is_switch:
            value = SwitchParameter(True) if element.argument is NO_ARGUMENT else element.argument
            named.append(_Pending(parameter, value, element.argument_extent or element.extent,
                                  element.literal, element.splatted, element.extent))
            continue
        if element.argument is not NO_ARGUMENT:
            named.append(_Pending(parameter, element.argument,
                                  element.argument_extent or element.extent,
                                  element.literal, element.splatted, element.extent))
            continue
        following = elements[index] if index < count else None
        if following is None or (isinstance(following, ParameterElement)
                                 and _names_a_parameter(metadata, following)):
            raise metadata.binding_error("MissingArgument.Binder", element.extent,
                                         parameter.name, parameter.type_name)
        index += 1
        if isinstance(following, ParameterElement):
            value, value_extent, literal = following.text or "-" + following.name, \
                following.extent, following.literal
        else:
            value, value_extent, literal = following.value, following.extent, following.literal
        named.append(_Pending(parameter, value, value_extent or element.extent, literal,
                              element.splatted, element.extent))
    return named, positional


def _names_a_parameter(metadata: Any, element: ParameterElement) -> bool:
    if _is_end_of_parameters(element):
        return False
    parameter, candidates = metadata.match(element.name)
    return parameter is not None or bool(candidates)


def _as_argument(element: ParameterElement) -> ArgumentElement:
    text = element.text or "-" + element.name
    if element.argument is not NO_ARGUMENT and text.endswith(":"):
        text = text[:-1]
    return ArgumentElement(text, element.extent, element.splatted, element.literal)


# ----------------------------------------------------------- binding steps

class _Binder:
    def __init__(self, metadata: Any, result: BindResult, check_mode: bool):
        self.metadata = metadata
        self.result = result
        self.check_mode = check_mode
        self.positional_arguments: dict[str, ArgumentElement] = {}

    def bind(self, parameter: Any, value: Any, extent: Any, literal: bool = True) -> None:
        if self.check_mode and not literal:
            self.result.bound[parameter.name] = value
            self.result.unconverted.add(parameter.name)
        else:
            self.result.bound[parameter.name] = convert_argument(self.metadata, parameter, value,
                                                                 extent)
        self.result.extents[parameter.name] = extent
        self.narrow(parameter, extent)

    def narrow(self, parameter: Any, extent: Any) -> None:
        if parameter.in_all_sets:
            return
        remaining = [s for s in self.result.candidate_sets if s in parameter.sets]
        if not remaining:
            raise self.metadata.binding_error("AmbiguousParameterSet", _command_extent(
                self.result.invocation, extent), category="InvalidArgument")
        self.result.candidate_sets = remaining

    def bind_named(self, pending: list[_Pending]) -> None:
        explicit_names: set[str] = set()
        for item in sorted(pending, key=lambda p: p.splatted):
            name = item.parameter.name
            if name in self.result.bound:
                if item.splatted and name in explicit_names:
                    continue  # an explicit argument wins over a splatted one
                raise self.metadata.binding_error("ParameterAlreadyBound", item.parameter_extent,
                                                  name,
                                                  item.parameter.type_name)
            if not item.splatted:
                explicit_names.add(name)
            self.bind(item.parameter, item.value, item.extent, item.literal)

    def bind_positional(self, arguments: list) -> None:
        metadata = self.metadata
        last_position = 0
        leftovers: list[ArgumentElement] = []
        for argument in arguments:
            if isinstance(argument, _UnknownName):
                leftovers.append(argument.argument)
                continue
            choice = self._next_positional(last_position)
            if choice is None:
                leftovers.append(argument)
                continue
            position, parameters = choice
            last_position = position
            self._bind_one_of(parameters, argument)
        if not leftovers:
            return
        remaining = self._remaining_parameter()
        if remaining is not None:
            # a remaining-arguments parameter that took the first positional value
            # also takes the rest (Write-Host a b c: -Object gets all three)
            earlier = self.positional_arguments.get(remaining.name)
            if earlier is not None:
                leftovers.insert(0, earlier)
                del self.result.bound[remaining.name]
            values = [a.value for a in leftovers]
            literal = all(a.literal for a in leftovers)
            self.bind(remaining, values, leftovers[0].extent, literal)
            return
        if not metadata.is_advanced:
            self.result.unbound_args.extend(a.value for a in leftovers)
            return
        # PowerShell underlines the whole command here (`cd C:\Program Files` -> char:1)
        first = leftovers[0]
        raise metadata.binding_error("PositionalParameterNotFound",
                                     _command_extent(self.result.invocation, first.extent),
                                     _argument_text(first.value))

    def _next_positional(self, after: int) -> Optional[tuple[int, list]]:
        best: Optional[int] = None
        found: list = []
        bound = self.result.bound
        for set_name in self.result.candidate_sets:
            for position, parameter in self.metadata.set_facts(set_name).positional:
                if position <= after or parameter.name in bound:
                    continue
                if best is None or position < best:
                    best, found = position, [parameter]
                elif position == best and parameter not in found:
                    found.append(parameter)
                break  # the set's list is sorted: its first usable entry is its best
        return (best, found) if best is not None else None

    def _bind_one_of(self, parameters: list, argument: ArgumentElement) -> None:
        if len(parameters) > 1:
            # PowerShell first tries the parameters the value fits without conversion
            # (a script block goes to -FilterScript, not to a [string] -Property),
            # then the default set's
            default = self.metadata.default_set
            value = argument.value
            parameters = sorted(parameters, key=lambda p: (
                0 if accepts_without_coercion(p.type, value) and p.type is not object else 1,
                0 if default in p.sets else 1))
        failure: Optional[errors.ParameterBindingError] = None
        for parameter in parameters:
            try:
                self.bind(parameter, argument.value, argument.extent, argument.literal)
                self.positional_arguments[parameter.name] = argument
                return
            except errors.ParameterBindingError as error:
                failure = failure or error
        assert failure is not None
        raise failure

    def _remaining_parameter(self) -> Optional[Any]:
        for parameter in self.metadata.parameters.values():
            if not parameter.remaining or not any(
                    parameter.facts(s) is not None for s in self.result.candidate_sets):
                continue
            if parameter.name not in self.result.bound or \
                    parameter.name in self.positional_arguments:
                return parameter
        return None


def _argument_text(value: Any) -> str:
    if isinstance(value, ArgumentNumber):
        return value.text
    if isinstance(value, list):
        return conversions.type_name(value)
    return conversions.to_string(value)


def _command_extent(invocation: Any, fallback: Any) -> Any:
    return getattr(invocation, "extent", None) or fallback


# -------------------------------------------------- sets and mandatory check

def _mandatory_missing(metadata: Any, result: BindResult, set_name: str,
                       expecting_input: bool) -> list:
    bound = result.bound
    return [parameter for parameter, from_pipeline in metadata.set_facts(set_name).mandatory
            if parameter.name not in bound and not (expecting_input and from_pipeline)]


def resolve_parameter_set(metadata: Any, result: BindResult, expecting_input: bool) -> None:
    """Pick ``result.parameter_set`` from the candidates (None while input may decide)."""
    candidates = result.candidate_sets
    if metadata.parameter_sets == [ALL_SETS]:
        result.parameter_set = ALL_SETS
        return
    if len(candidates) == 1:
        result.parameter_set = candidates[0]
        return
    satisfied = [s for s in candidates
                 if not _mandatory_missing(metadata, result, s, expecting_input)]
    if expecting_input:
        result.parameter_set = None
        if len(satisfied) == 1 and not _any_pipeline_set(metadata, candidates):
            result.parameter_set = satisfied[0]
        return
    # PowerShell takes the default set whenever it is still possible (its missing
    # mandatory parameters are then prompted for or reported); only without it
    # does the one set whose mandatory parameters are all bound win
    default = metadata.default_set
    if default in candidates:
        result.parameter_set = default
        return
    if len(satisfied) == 1:
        result.parameter_set = satisfied[0]
        return
    raise metadata.binding_error("AmbiguousParameterSet",
                                 getattr(result.invocation, "extent", None))


def _any_pipeline_set(metadata: Any, candidates: list) -> bool:
    return any(p.takes_pipeline_in(s) for p in metadata.parameters.values() for s in candidates)


def missing_mandatory(metadata: Any, result: BindResult, expecting_input: bool) -> list:
    """Mandatory parameters still missing (in every candidate set when unresolved)."""
    if result.parameter_set is not None:
        return _mandatory_missing(metadata, result, result.parameter_set, expecting_input)
    per_set = [_mandatory_missing(metadata, result, s, expecting_input)
               for s in result.candidate_sets]
    if not per_set:
        return []
    common = set.intersection(*(set(p.name for p in group) for group in per_set))
    return [p for p in per_set[0] if p.name in common]


def _missing_error(metadata: Any, result: BindResult, missing: list) -> errors.ParameterBindingError:
    listing = "".join(" " + p.name for p in missing)
    error = metadata.binding_error("MissingMandatoryParameter",
                                   getattr(result.invocation, "extent", None), listing)
    return error


def _can_prompt(session: Any, check_mode: bool) -> bool:
    if check_mode or session is None:
        return False
    host = getattr(session, "host", None)
    options = getattr(session, "options", None)
    return bool(getattr(host, "interactive", False)) and not bool(
        getattr(options, "non_interactive", False))


# ------------------------------------------------------------- public API

def bind_arguments(metadata: Any, elements: list, session: Any, invocation: Any, *,
                   check_mode: bool = False) -> BindResult:
    """Bind command-line elements; see the module docstring."""
    result = BindResult(candidate_sets=list(metadata.parameter_sets), invocation=invocation,
                        check_mode=check_mode)
    binder = _Binder(metadata, result, check_mode)
    named, positional = _pair(metadata, elements, result)
    binder.bind_named(named)
    binder.bind_positional(positional)
    expecting_input = bool(getattr(invocation, "expecting_input", False))
    resolve_parameter_set(metadata, result, expecting_input)
    missing = missing_mandatory(metadata, result, expecting_input)
    if missing:
        if not _can_prompt(session, check_mode):
            raise _missing_error(metadata, result, missing)
        from exshell.binder.prompt import prompt_for_missing

        prompt_for_missing(metadata, result, missing, session, invocation,
                           lambda parameter, value: binder.bind(parameter, value, None))
        resolve_parameter_set(metadata, result, expecting_input)
    return result


def bind_pipeline_input(metadata: Any, result: BindResult, input_object: Any) -> BindResult:
    """Bind one pipeline object on top of ``result``; InputObjectNotBound if nothing takes it."""
    attempt = result.copy()
    binder = _Binder(metadata, attempt, False)
    rejections: list[errors.ParameterBindingError] = []
    takers = len(metadata.pipeline_takers(attempt.candidate_sets))
    for by_name, coerce in _PIPELINE_PASSES:
        _pipeline_pass(metadata, binder, attempt, input_object, by_name, coerce, rejections)
        if len(attempt.pipeline_bound) == takers:
            break   # every parameter that could take this object has it
    if not attempt.pipeline_bound:
        # a value of the right shape that validation refused ($null to a mandatory
        # parameter...) is reported as such; a value of no usable type is "not bound"
        validation = [e for e in rejections
                      if e.record.error_id.startswith("ParameterArgumentValidation")]
        if validation:
            raise validation[0]
        raise _not_bound_error(metadata, result, input_object)
    resolve_parameter_set(metadata, attempt, False)
    missing = missing_mandatory(metadata, attempt, False)
    if missing:
        raise _missing_error(metadata, attempt, missing)
    return attempt


# PowerShell's order: ByValue, then ByPropertyName, first without type coercion
_PIPELINE_PASSES = ((False, False), (True, False), (False, True), (True, True))


def _pipeline_pass(metadata: Any, binder: _Binder, attempt: BindResult, input_object: Any,
                   by_name: bool, coerce: bool, rejections: list) -> None:
    takers_of = attempt.candidate_sets
    for parameter, value_sets, name_sets in metadata.pipeline_takers(takers_of):
        sets = name_sets if by_name else value_sets
        if not sets or parameter.name in attempt.bound:
            continue
        if attempt.candidate_sets is not takers_of:
            # an earlier binding in this pass narrowed the candidates
            sets = [s for s in sets if s in attempt.candidate_sets]
            if not sets:
                continue
        if by_name:
            found, value = _property_value(input_object, parameter)
            if not found:
                continue
        else:
            value = input_object
        if not coerce and not accepts_without_coercion(parameter.type, value):
            continue
        saved = attempt.candidate_sets
        try:
            binder.bind(parameter, value, None)
        except errors.ParameterBindingError as rejection:
            rejections.append(rejection)
            attempt.candidate_sets = saved
            attempt.bound.pop(parameter.name, None)
            continue
        attempt.candidate_sets = [s for s in attempt.candidate_sets if s in sets] or \
            attempt.candidate_sets
        attempt.pipeline_bound.add(parameter.name)


def _property_value(input_object: Any, parameter: Any) -> tuple[bool, Any]:
    """(found, value) of the input's property named like the parameter or an alias."""
    properties: Any = None
    getter = getattr(input_object, "ps_properties", None)
    if callable(getter):
        properties = getter()
    elif isinstance(input_object, dict):
        properties = input_object
    if properties is None:
        return False, None
    for name in (parameter.name, *parameter.aliases):
        if name in properties:
            return True, properties[name]
        lowered = name.lower()
        for key in properties:
            if isinstance(key, str) and key.lower() == lowered:
                return True, properties[key]
    return False, None


def _not_bound_error(metadata: Any, result: BindResult, input_object: Any
                     ) -> errors.ParameterBindingError:
    error = metadata.binding_error("InputObjectNotBound",
                                   getattr(result.invocation, "extent", None))
    record = error.record
    record.target_object = input_object
    record.target_name = conversions.to_string(input_object)
    record.target_type = conversions.short_type_name(input_object) if input_object is not None \
        else ""
    return error
