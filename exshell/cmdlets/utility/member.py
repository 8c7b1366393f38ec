"""Get-Member: the properties and methods of pipeline objects, per type; Add-Member:
note properties added to objects.

Contract: for each distinct type name among the input objects (first seen
first), writes MemberDefinition objects (TypeName, Name, MemberType,
Definition), which show as PowerShell's ``TypeName: X`` header followed by the
``Name MemberType Definition`` table.  Members come from what the shell knows
about a value: the properties of objects (``ps_properties()``; NoteProperty
for custom objects, Property otherwise) and the methods the language
implements for strings, arrays, hashtables, dates and numbers.

Add-Member sets a property of a custom object, or (any other object) records a note
property in exshell.language.values' note table, which property access and the
formatter read; NoteProperty and ScriptProperty (computed with $this) members.
"""
from __future__ import annotations

from typing import Any

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.errors import ErrorRecord
from exshell.host.format import Column, object_properties, register_view, type_names
from exshell.language.values import Hashtable, PSObject, ScriptBlock, SwitchParameter

MEMBER_TYPE = "Microsoft.PowerShell.Commands.MemberDefinition"
register_view(MEMBER_TYPE, table=[Column("Name"), Column("MemberType"), Column("Definition")],
              group_by="TypeName", autosize=True)

# C#-style short names PowerShell uses in member definitions.
_SHORT = {"System.String": "string", "System.Int32": "int", "System.Int64": "long",
          "System.Boolean": "bool", "System.Double": "double", "System.Decimal": "decimal",
          "System.Object": "System.Object", "System.Char": "char", "System.Byte": "byte"}

_OBJECT_METHODS = [("Equals", "bool Equals(System.Object obj)"), ("GetHashCode", "int GetHashCode()"),
                   ("GetType", "type GetType()"), ("ToString", "string ToString()")]

_STRING_METHODS = [
    ("Clone", "System.Object Clone()"), ("CompareTo", "int CompareTo(System.Object value)"),
    ("Contains", "bool Contains(string value)"), ("EndsWith", "bool EndsWith(string value)"),
    ("Equals", "bool Equals(System.Object obj)"), ("GetHashCode", "int GetHashCode()"),
    ("GetType", "type GetType()"), ("IndexOf", "int IndexOf(string value)"),
    ("Insert", "string Insert(int startIndex, string value)"),
    ("LastIndexOf", "int LastIndexOf(string value)"), ("PadLeft", "string PadLeft(int totalWidth)"),
    ("PadRight", "string PadRight(int totalWidth)"), ("Remove", "string Remove(int startIndex)"),
    ("Replace", "string Replace(string oldValue, string newValue)"),
    ("Split", "string[] Split(Params char[] separator)"),
    ("StartsWith", "bool StartsWith(string value)"), ("Substring", "string Substring(int startIndex)"),
    ("ToCharArray", "char[] ToCharArray()"), ("ToLower", "string ToLower()"),
    ("ToString", "string ToString()"), ("ToUpper", "string ToUpper()"), ("Trim", "string Trim()"),
    ("TrimEnd", "string TrimEnd(Params char[] trimChars)"),
    ("TrimStart", "string TrimStart(Params char[] trimChars)"),
]
_HASHTABLE_METHODS = [("Add", "void Add(System.Object key, System.Object value)"),
                      ("Clear", "void Clear()"), ("Clone", "System.Object Clone()"),
                      ("ContainsKey", "bool ContainsKey(System.Object key)"),
                      ("ContainsValue", "bool ContainsValue(System.Object value)"),
                      *_OBJECT_METHODS, ("Remove", "void Remove(System.Object key)")]
_DATE_METHODS = [("AddDays", "datetime AddDays(double value)"),
                 ("AddHours", "datetime AddHours(double value)"),
                 ("AddMinutes", "datetime AddMinutes(double value)"),
                 ("AddMonths", "datetime AddMonths(int months)"),
                 ("AddSeconds", "datetime AddSeconds(double value)"),
                 ("AddYears", "datetime AddYears(int value)"), *_OBJECT_METHODS,
                 ("ToShortDateString", "string ToShortDateString()"),
                 ("ToUniversalTime", "datetime ToUniversalTime()")]
_DATE_PROPERTIES = ["Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Millisecond", "Minute",
                    "Month", "Second", "Ticks", "TimeOfDay", "Year"]
_DATE_PROPERTY_TYPES = {"Date": "datetime", "DayOfWeek": "System.DayOfWeek", "Ticks": "long",
                        "TimeOfDay": "timespan"}


def _short(type_name: str) -> str:
    return _SHORT.get(type_name, type_name)


def _value_type(value: Any) -> str:
    """The value's .NET type as member definitions write it: generics without the
    arity mark (``MultiValuedProperty[...AddressSpace]``, not ``MultiValuedProperty`1[...]``)."""
    import re
    from exshell.language.conversions import type_name
    return "System.Object" if value is None else re.sub(r"`\d+", "", type_name(value))


def members_of(value: Any) -> list[tuple[str, str, str]]:
    """(Name, MemberType, Definition) rows, sorted as PowerShell sorts them."""
    from datetime import datetime
    from exshell.language.conversions import to_string
    rows: list[tuple[str, str, str]] = []
    if isinstance(value, str):
        rows += [(n, "Method", d) for n, d in _STRING_METHODS]
        rows += [("Chars", "ParameterizedProperty", "char Chars(int index) {get;}"),
                 ("Length", "Property", "int Length {get;}")]
    elif isinstance(value, Hashtable):
        rows += [(n, "Method", d) for n, d in _HASHTABLE_METHODS]
        rows += [("Count", "Property", "int Count {get;}"),
                 ("Keys", "Property", "System.Collections.ICollection Keys {get;}"),
                 ("Values", "Property", "System.Collections.ICollection Values {get;}")]
    elif isinstance(value, datetime):
        rows += [(n, "Method", d) for n, d in _DATE_METHODS]
        rows += [(n, "Property", f"{_DATE_PROPERTY_TYPES.get(n, 'int')} {n} {{get;}}")
                 for n in _DATE_PROPERTIES]
    else:
        rows += [(n, "Method", d) for n, d in _OBJECT_METHODS]
        note = isinstance(value, PSObject)
        for name, item in object_properties(value):
            if note:
                shown = "null" if item is None else to_string(item)
                rows.append((name, "NoteProperty", f"{_short(_value_type(item))} {name}={shown}"))
            else:
                rows.append((name, "Property", f"{_value_type(item)} {name} {{get;set;}}"))
    return sorted(rows, key=lambda row: (row[1], row[0].lower()))


@cmdlet("Get-Member", default_set="Default",
        command_type_name="Microsoft.PowerShell.Commands.GetMemberCommand",
        synopsis="Lists the properties and methods of the objects in the pipeline.",
        examples=[("Get-SendConnector | Get-Member", "The properties a Send connector has."),
                  ("Get-ReceiveConnector | Get-Member -MemberType Property -Name *Auth*",
                   "Only the authentication properties.")])
class GetMember(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="The object whose members to list.")
    Name = Param(ArrayOf(str), position=1, wildcards=True, help="Member names to keep (wildcards allowed).")
    MemberType = Param(ArrayOf(str), aliases=["Type"],
                       values=["AliasProperty", "CodeProperty", "Property", "NoteProperty",
                               "ScriptProperty", "Properties", "PropertySet", "Method",
                               "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                               "MemberSet", "Event", "Dynamic", "All"],
                       help="Member kinds to keep.")
    View = Param(str, values=["Extended", "Adapted", "Base", "All"],
                 help="Accepted for compatibility; all members are listed.")
    Static = Param(SwitchParameter, help="Lists static members (none are listed).")
    Force = Param(SwitchParameter, help="Accepted for compatibility.")

    def begin(self) -> None:
        self._seen: set[str] = set()
        self._any = False

    def process(self) -> None:
        value = self.InputObject
        if value is None:
            return
        self._any = True
        names = type_names(value)
        type_name = names[0] if names else "System.Object"
        if type_name in self._seen:
            return
        self._seen.add(type_name)
        if self.Static:
            return
        for name, member_type, definition in self._filtered(members_of(value)):
            self.write_object(PSObject([("TypeName", type_name), ("Name", name),
                                        ("MemberType", member_type), ("Definition", definition)],
                                       [MEMBER_TYPE, "System.Object"]))

    def _filtered(self, rows: list) -> list:
        from exshell.language.regex import wildcard_to_regex
        patterns = [wildcard_to_regex(n) for n in self.Name or []]
        kinds = {k.lower() for k in self.MemberType or []}
        if "properties" in kinds:
            kinds |= {"property", "noteproperty", "aliasproperty", "scriptproperty",
                      "codeproperty", "parameterizedproperty"}
        if "methods" in kinds:
            kinds |= {"method", "scriptmethod", "codemethod"}
        kept = []
        for row in rows:
            if patterns and not any(p.match(row[0]) for p in patterns):
                continue
            if kinds and "all" not in kinds and row[1].lower() not in kinds:
                continue
            kept.append(row)
        return kept

    def end(self) -> None:
        if not self._any:
            self.write_error(ErrorRecord(
                message="You must specify an object for the Get-Member cmdlet.",
                error_id="NoObjectInGetMember", category="CloseError", activity="Get-Member",
                reason="InvalidOperationException",
                command_type_name="Microsoft.PowerShell.Commands.GetMemberCommand",
                exception_type="System.InvalidOperationException"))


# ----------------------------------------------------------------- Add-Member

# PSMemberTypes names (the values -MemberType accepts); exshell adds NoteProperty and
# ScriptProperty members.
MEMBER_TYPES = ["AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty",
                "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods",
                "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All"]
_IMMUTABLE = (str, int, float, bool)


@cmdlet("Add-Member", default_set="TypeNameSet",
        command_type_name="Microsoft.PowerShell.Commands.AddMemberCommand",
        synopsis="Adds note or script properties to an object (custom objects, Exchange objects, hashtables).",
        examples=[("$report | Add-Member -NotePropertyName Checked -NotePropertyValue (Get-Date)",
                   "Adds a Checked property to an existing object."),
                  ("Get-SendConnector | ForEach-Object { $_ | Add-Member NoteProperty Site 'HQ' -PassThru }",
                   "Passes each connector on with an extra Site property.")])
class AddMember(Cmdlet):
    InputObject = Param(object, mandatory=True, from_pipeline=True, help="The object to extend.")
    MemberType = Param(str, sets={"MemberSet": ParamSet(mandatory=True, position=1)}, aliases=["Type"],
                       values=MEMBER_TYPES, help="The kind of member: NoteProperty or ScriptProperty.")
    Name = Param(str, sets={"MemberSet": ParamSet(mandatory=True, position=2)},
                 help="The new member's name.")
    Value = Param(object, sets={"MemberSet": ParamSet(position=3)}, help="The new property's value.")
    SecondValue = Param(object, sets={"MemberSet": ParamSet(position=4)},
                        help="Only meaningful for member types exshell does not add.")
    NotePropertyName = Param(str, sets={"NotePropertySingleMemberSet": ParamSet(mandatory=True, position=1)},
                             help="The new note property's name.")
    NotePropertyValue = Param(object, sets={"NotePropertySingleMemberSet": ParamSet(mandatory=True, position=2)},
                              help="The new note property's value.")
    NotePropertyMembers = Param(Hashtable, sets={"NotePropertyMultiMemberSet": ParamSet(mandatory=True,
                                                                                     position=1)},
                                help="Several note properties at once: name = value pairs.")
    TypeName = Param(str, sets={"TypeNameSet": ParamSet(mandatory=True), "MemberSet": ParamSet(),
                                "NotePropertySingleMemberSet": ParamSet(),
                                "NotePropertyMultiMemberSet": ParamSet()},
                     help="A type name to put first in the object's type names.")
    Force = Param(SwitchParameter, help="Replaces a member that already exists.")
    PassThru = Param(SwitchParameter, help="Writes the extended object to the pipeline.")

    def process(self) -> None:
        target = self.InputObject
        if self.parameter_set == "MemberSet":
            kind = self.MemberType.lower()
            if kind not in ("noteproperty", "scriptproperty"):
                self.throw_terminating_error(self._failure(
                    f"exshell can add only NoteProperty and ScriptProperty members, not {self.MemberType}.",
                    "MemberTypeNotSupported", "NotImplemented", "NotSupportedException"))
                return
            value = self.Value
            if kind == "scriptproperty":
                if not isinstance(value, ScriptBlock):
                    self.throw_terminating_error(self._failure(
                        "The Value of a ScriptProperty must be a script block, such as { $this.Name }.",
                        "ScriptPropertyNeedsScriptBlock", "InvalidArgument", "ArgumentException"))
                    return
                from exshell.language.values import ScriptProperty
                value = ScriptProperty(value)
            members = [(self.Name, value)]
        elif self.parameter_set == "NotePropertySingleMemberSet":
            members = [(self.NotePropertyName, self.NotePropertyValue)]
        elif self.parameter_set == "NotePropertyMultiMemberSet":
            members = [(str(key), value) for key, value in self.NotePropertyMembers.items()]
        else:
            members = []
        if isinstance(target, _IMMUTABLE) and not isinstance(target, PSObject):
            self.throw_terminating_error(self._failure(
                "exshell cannot add members to a string, number or Boolean value; "
                "make an object with [pscustomobject]@{...} instead.",
                "CannotAddMemberToValue", "NotImplemented", "NotSupportedException"))
            return
        for name, value in members:
            if self._exists(target, name) and not self.Force:
                self.write_error(self._failure(
                    f'Cannot add a member with the name "{name}" because a member with that name '
                    "already exists. To overwrite the member anyway, add the Force parameter to "
                    "your command.", "MemberAlreadyExists", "InvalidOperation", "InvalidOperationException"))
                return
            if isinstance(target, PSObject):
                target.set(name, value)
            else:
                from exshell.language.values import add_note_property
                add_note_property(target, name, value)
        if self.TypeName and isinstance(target, PSObject):
            target.type_names = [self.TypeName] + [n for n in target.type_names if n != self.TypeName]
        if self.PassThru:
            self.write_object(target)

    @staticmethod
    def _exists(target: Any, name: str) -> bool:
        lowered = name.lower()
        return any(key.lower() == lowered for key, _ in object_properties(target))

    def _failure(self, text: str, error_id: str, category: str, reason: str) -> ErrorRecord:
        return ErrorRecord(message=text, error_id=error_id, category=category,
                           target_object=self.InputObject, activity="Add-Member", reason=reason,
                           command_type_name="Microsoft.PowerShell.Commands.AddMemberCommand",
                           exception_type=f"System.{reason}")
