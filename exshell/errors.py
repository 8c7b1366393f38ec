"""Error records and the one table of error ids and message texts.

Every error exshell shows is an ``ErrorRecord``: an id (PowerShell's or
Exchange's FullyQualifiedErrorId head), a message built from ``MESSAGES``, a
category, the command and the source extent it points at.  Rendering (the
Exchange-era NormalView layout or ConciseView) is done by
exshell/host/errorview.py; nothing here prints.

Exceptions carry records across the engine:

    PSRuntimeError            any error record in flight (terminating when raised)
     +- ParseError            one or more parse errors; ``incomplete`` tells the
     |                        console to read another line instead of failing
     +- ParameterBindingError binder errors (NamedParameterNotFound, MissingArgument ...)
     +- CommandNotFoundError  unknown command
    FlowControl               break/continue/return/exit signals (not errors)

Message texts are facts taken from PowerShell's resource tables
(powershell_language.md section 4); ``{0}``... are filled with ``str.format``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from exshell.language.ast import Extent

# id -> template.  Parser ids first, then binder, then runtime/type conversion.
MESSAGES: dict[str, str] = {
    # ---- parser (ParserStrings)
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "MissingEndCurlyBrace": "Missing closing '}}' in statement block or type definition.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndSquareBracket": "Missing ']' at end of attribute or type literal.",
    "MissingArgument": "Missing argument in parameter list.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
    "BadNumericConstant": "The numeric constant {0} is not valid.",
    "IncompleteString": "Incomplete string token.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    "UnrecognizedToken": "Unrecognized token in source text.",
    "SplattingNotPermitted": (
        "The splatting operator '@' cannot be used to reference variables in an expression. "
        "'@{0}' can be used only as an argument to a command. To reference variables in an "
        "expression use '${0}'."
    ),
    "SplattingNotPermittedInArgumentList": (
        "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments."
    ),
    "InvalidVariableReference": (
        "Variable reference is not valid. '$' was not followed by a valid variable name "
        "character. Consider using ${{}} to delimit the name."
    ),
    "InvalidVariableReferenceWithDrive": (
        "Variable reference is not valid. ':' was not followed by a valid variable name "
        "character. Consider using ${{}} to delimit the name."
    ),
    "UnexpectedCharactersAfterHereStringHeader": (
        "No characters are allowed after a here-string header but before the end of the line."
    ),
    "WhitespaceBeforeHereStringFooter": (
        "White space is not allowed before the string terminator."
    ),
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingVariableNameAfterForeach": "Missing variable name after foreach.",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "MissingForeachStatementBody": "Missing statement body in foreach loop.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{{' in switch statement.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "MissingTypename": "Type name is missing.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "InvalidNullConditional": "Invalid null-conditional operator.",
    "EmptyParameterList": "Missing closing ')' in parameter list.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "NestingTooDeep": "The script nests brackets or strings too deeply to be parsed.",
    "ScriptTooLarge": "The script has more than {0} tokens; it is too large to be parsed.",
    "InvalidLeftHandSide": (
        "The assignment expression is not valid. The input to an assignment operator must be "
        "an object that is able to accept assignments, such as a variable or a property."
    ),
    "OperatorRequiresVariableOrProperty": "The '{0}' operator works only on variables or on properties.",
    # ---- command discovery and binding (DiscoveryExceptions, ParameterBinderStrings)
    "CommandNotFoundException": (
        "The term '{0}' is not recognized as the name of a cmdlet, function, script file, or "
        "operable program. Check the spelling of the name, or if a path was included, verify "
        "that the path is correct and try again."
    ),
    "NamedParameterNotFound": "A parameter cannot be found that matches parameter name '{1}'.",
    "AmbiguousParameter": (
        "Parameter cannot be processed because the parameter name '{1}' is ambiguous. "
        "Possible matches include:{6}."
    ),
    "MissingArgument.Binder": (
        "Missing an argument for parameter '{1}'. Specify a parameter of type '{2}' and try again."
    ),
    "PositionalParameterNotFound": "A positional parameter cannot be found that accepts argument '{1}'.",
    "CannotConvertArgument": "Cannot convert '{6}' to the type '{2}' required by parameter '{1}'. {7}",
    "CannotConvertArgumentNoMessage": "Cannot bind parameter '{1}'. {6}",
    "AmbiguousParameterSet": (
        "Parameter set cannot be resolved using the specified named parameters. One or more "
        "parameters issued cannot be used together or an insufficient number of parameters "
        "were provided."
    ),
    "MissingMandatoryParameter": (
        "Cannot process command because of one or more missing mandatory parameters:{1}."
    ),
    "ParameterAlreadyBound": (
        "Cannot bind parameter because parameter '{1}' is specified more than once. To provide "
        "multiple values to parameters that can accept multiple values, use the array syntax. "
        "For example, \"-parameter value1,value2,value3\"."
    ),
    "ParameterArgumentTransformationError": "Cannot process argument transformation on parameter '{1}'. {6}",
    "ParameterArgumentValidationError": "Cannot validate argument on parameter '{1}'. {6}",
    "ParameterArgumentValidationErrorNullNotAllowed": (
        "Cannot bind argument to parameter '{1}' because it is null."
    ),
    "ParameterArgumentValidationErrorEmptyStringNotAllowed": (
        "Cannot bind argument to parameter '{1}' because it is an empty string."
    ),
    "InputObjectNotBound": (
        "The input object cannot be bound to any parameters for the command either because the "
        "command does not take pipeline input or the input and its properties do not match any "
        "of the parameters that take pipeline input."
    ),
    "ValidateSetFailure": (
        'The argument "{0}" does not belong to the set "{1}" specified by the ValidateSet '
        "attribute. Supply an argument that is in the set and then try the command again."
    ),
    # ---- command processor (exshell/binder/processor.py)
    "ActionPreferenceStop": (
        "The running command stopped because the preference variable \"{0}\" or common "
        "parameter is set to Stop: {1}"
    ),
    "ConfirmNotPossible": (
        "This action needs confirmation, but the session is not interactive and cannot ask: "
        "{0} Add -Confirm:$false to proceed or -WhatIf to preview."
    ),
    "CmdletInternalError": "{0}",
    # ---- conversions (ExtendedTypeSystem)
    "InvalidCastExceptionForBooleanArgumentValue": (
        'Cannot convert value "{0}" to type "{1}". Boolean parameters accept only Boolean '
        "values and numbers, such as $True, $False, 1 or 0."
    ),
    "InvalidCastExceptionWithInnerException": 'Cannot convert value "{0}" to type "{1}". Error: "{2}"',
    "InvalidCastFromNull": 'Cannot convert null to type "{0}".',
    "InvalidCastException": 'Cannot convert the "{0}" value of type "{1}" to type "{2}".',
    "EnumNotMatched": (
        "Unable to match the identifier name {0} to a valid enumerator name. Specify one of the "
        "following enumerator names and try again:\n{1}"
    ),
    # ---- runtime
    "VariableIsUndefined": "The variable '${0}' cannot be retrieved because it has not been set.",
    "MethodNotFound": "Method invocation failed because [{0}] does not contain a method named '{1}'.",
    "InvokeMethodOnNull": "You cannot call a method on a null-valued expression.",
    "NullArray": "Cannot index into a null array.",
    "RuntimeException.DivideByZero": "Attempted to divide by zero.",
    "TypeNotFound": "Unable to find type [{0}].",
    "PropertyNotFound": "The property '{0}' cannot be found on this object. Verify that the property exists and can be set.",
    "ScriptHalted": "{0}",
    # ---- evaluator runtime (exshell/language)
    "ComparisonFailure": 'Could not compare "{0}" to "{1}". Error: "{2}"',
    "InvalidRegularExpression": "The regular expression pattern {0} is not valid.",
    "CallDepthOverflow": "The script failed due to call depth overflow.",
    "AddHashTableToNonHashTable": "A hash table can only be added to another hash table.",
    "IndexOutOfRange": "Index was outside the bounds of the array.",
    "CannotIndex": "Unable to index into an object of type {0}.",
    "FormatError": "Error formatting a string: {0}.",
    "MethodInvocationException": 'Exception calling "{0}" with "{1}" argument(s): "{2}"',
    "MethodCountCouldNotFindBest": 'Cannot find an overload for "{0}" and the argument count: "{1}".',
    "PropertyAssignmentNotFound": "The property '{0}' cannot be found on this object. Verify that the property exists and can be set.",
    "PropertyAssignmentException": "'{0}' is a ReadOnly property.",
    "ExceptionWhenSetting": 'Exception setting "{0}": "{1}"',
    # ---- snap-ins, modules, execution policy (the EMS script preamble)
    "AddPSSnapInRead": "The Windows PowerShell snap-in '{0}' is not installed on this machine.",
    "NoPSSnapInsFound": (
        "No Windows PowerShell snap-ins matching the pattern '{0}' were found. Check the pattern "
        "and then try the command again."
    ),
    "Modules_ModuleNotFound": (
        "The specified module '{0}' was not loaded because no valid module file was found in "
        "any module directory."
    ),
    "PlatformNotSupported": "Operation is not supported on this platform.",
    "OperatorNotSupported": "The operation '[{0}] {1} [{2}]' is not defined.",
    "FileOpenFailure": "Could not find a part of the path '{0}'.",
    "ArgumentNotScriptBlock": "The expression after '{0}' in a pipeline element produced an object that was not valid. It must result in a command name, a script block, or a CommandInfo object.",
    "RangeTooBig": "The range is too large: an array cannot hold more than 50,000,000 elements.",
    # ---- argument validation (PowerShell Metadata strings; ValidateRange)
    "ValidateRangeTooSmall": (
        "The {0} argument is less than the minimum allowed range of {1}. Supply an argument "
        "that is greater than or equal to {1} and then try the command again."
    ),
    "ValidateRangeTooBig": (
        "The {0} argument is greater than the maximum allowed range of {1}. Supply an argument "
        "that is less than or equal to {1} and then try the command again."
    ),
    "EnumAmbiguousMatch": (
        "The identifier name {0} cannot be processed due to the inability to differentiate "
        "between the following enumerator names: {1}. Try a more specific identifier name."
    ),
    # ---- .NET parse failures used by exshell/types (inner messages of ConversionError)
    "TimeSpanFormat": "String was not recognized as a valid TimeSpan.",
    "TimeSpanOverflow": (
        "The TimeSpan could not be parsed because at least one of the numeric components is "
        "out of range or contains too many digits."
    ),
    "InvalidIPAddress": "An invalid IP address was specified.",
    "InvalidGuid": "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
    "InvalidUri": "Invalid URI: The format of the URI could not be determined.",
    "CultureNotSupported": "Culture name '{0}' is not supported.",
    # ---- Exchange data types (exshell/types; inner messages of ConversionError, Exchange style)
    "InvalidByteQuantifiedSize": (
        "The value \"{0}\" isn't a valid size. Enter a number with an optional unit of B, KB, "
        "MB, GB or TB, for example 20MB or \"20 MB\"."
    ),
    "InvalidAddressSpace": (
        "The address space \"{0}\" isn't valid. Use the form [type:]address space[;cost], for "
        "example \"SMTP:*.contoso.com;5\"."
    ),
    "InvalidAddressSpaceTypeEmpty": "The address space \"{0}\" isn't valid. The address space type can't be empty.",
    "InvalidSmtpAddressSpace": (
        "The SMTP address space \"{0}\" isn't valid. Enter a domain name such as contoso.com, "
        "\"*\", or a wildcard that covers whole labels such as *.contoso.com."
    ),
    "InvalidAddressSpaceCost": (
        "The address space cost \"{0}\" isn't valid. The cost must be an integer from 1 through 100."
    ),
    "AddressSpaceCostRequired": (
        "The address space \"{0}\" contains a semicolon (;), so its cost must be given "
        "explicitly, for example \"{0};1\"."
    ),
    "InvalidX400AddressSpace": (
        "The X.400 address space \"{0}\" isn't valid. Use RFC 1685 attributes separated by "
        "semicolons, for example c=US;a=Fabrikam;p=Contoso."
    ),
    "InvalidFqdn": "\"{0}\" isn't a valid fully qualified domain name (FQDN).",
    "InvalidSmartHost": (
        "\"{0}\" isn't a valid smart host. Enter a fully qualified domain name such as "
        "mail.contoso.com, or an IP address such as 192.168.1.10 or [192.168.1.10]."
    ),
    "InvalidIPRange": (
        "\"{0}\" isn't a valid IP address range. Enter a single address (192.168.1.10), a range "
        "(192.168.1.10-192.168.1.20) or a CIDR block (192.168.1.0/24)."
    ),
    "IPRangeReversed": (
        "The IP address range \"{0}\" isn't valid because its start address is greater than its "
        "end address."
    ),
    "IPRangeFamilyMismatch": "The IP address range \"{0}\" mixes IPv4 and IPv6 addresses.",
    "InvalidIPBinding": (
        "\"{0}\" isn't a valid IP binding. Enter an IP address and a port separated by a colon, "
        "for example 10.1.1.1:25, 0.0.0.0:25 or [::]:25."
    ),
    "InvalidIPBindingPort": "The port \"{0}\" isn't valid. The port must be an integer from 1 through 65535.",
    "InvalidSmtpAddress": (
        "\"{0}\" isn't a valid SMTP address. Use the form user@domain, for example kim@contoso.com."
    ),
    "InvalidSmtpDomain": "\"{0}\" isn't a valid SMTP domain name.",
    "InvalidSmtpDomainWildcard": (
        "\"{0}\" isn't a valid SMTP domain. A wildcard is allowed only as \"*\" or as the whole "
        "left-most label, as in *.contoso.com."
    ),
    "InvalidX509Identifier": (
        "\"{0}\" isn't a valid certificate identifier. Use <I>issuer<S>subject or <S>subject."
    ),
    "ValueAlreadyPresent": "The value \"{0}\" is already present in the collection.",
    "UnknownMultiValuedOperation": (
        "The operation \"{0}\" isn't valid for a multivalued property. Use \"{1}\" to add values "
        "and \"{2}\" to remove values."
    ),
    "InvalidIdentity": "The identity \"{0}\" isn't valid. An identity can't be empty.",
    "InvalidQueueIdentity": (
        "\"{0}\" isn't a valid queue identity. Use Server\\Queue, for example "
        "Mailbox01\\contoso.com, Mailbox01\\Submission or Mailbox01\\1234."
    ),
    "InvalidMessageIdentity": (
        "\"{0}\" isn't a valid message identity. Use Server\\Queue\\MessageId, for example "
        "Mailbox01\\contoso.com\\1234."
    ),
    "InvalidLocalLongFullPath": (
        "\"{0}\" isn't a valid local path. Enter a full path that starts with a drive letter, "
        "for example C:\\Logs, or an absolute path such as /var/log/exshell."
    ),
    "InvalidProductKey": (
        "\"{0}\" isn't a valid product key. A product key has five groups of five letters or "
        "digits separated by hyphens."
    ),
    "InvalidSortOrderEntry": (
        "\"{0}\" isn't a valid sort order. Use a property name preceded by + (ascending) or "
        "- (descending), for example -MessageCount."
    ),
}


def message(error_id: str, *args: Any) -> str:
    """The text for ``error_id`` with positional arguments filled in."""
    template = MESSAGES[error_id]
    if args:
        return template.format(*args)
    # Templates without arguments still carry str.format's doubled braces.
    return template.replace("{{", "{").replace("}}", "}")


@dataclass
class ErrorRecord:
    """One error, as PowerShell's ErrorRecord: enough to render both error views.

    ``fully_qualified_error_id`` is ``ErrorId`` or ``ErrorId,CommandTypeName``.
    ``category_info`` fields follow ``{category}: ({target_name}:{target_type})
    [{activity}], {reason}``.  ``hints`` are exshell's own extra lines (did you
    mean, version notes, paste damage); they print after the message on their
    own lines so scripts matching PowerShell's message keep working.
    """

    message: str
    error_id: str
    category: str = "NotSpecified"
    target_object: Any = None
    target_name: str = ""
    target_type: str = ""
    activity: str = ""
    reason: str = "RuntimeException"
    command_type_name: str = ""
    extent: Optional[Extent] = None
    hints: list[str] = field(default_factory=list)
    exception_type: str = "System.Management.Automation.RuntimeException"
    is_parse_error: bool = False
    # .NET type of the exception this one wraps ("System.DivideByZeroException" for 1/0);
    # catch [T] looks at it first, as PowerShell does with RuntimeException.InnerException
    inner_exception_type: str = ""
    # The caller a record is attributed to (Write-Error inside a function or script):
    # None = not attributed; otherwise the views print it before the message instead
    # of the activity ('' = top level: the activity stays), and command_type_name
    # already holds the caller's FQID suffix (possibly none).
    invocation_name: Optional[str] = None

    @property
    def fully_qualified_error_id(self) -> str:
        if self.command_type_name:
            return f"{self.error_id},{self.command_type_name}"
        return self.error_id

    @property
    def category_info(self) -> str:
        return (
            f"{self.category}: ({self.target_name}:{self.target_type}) "
            f"[{self.activity}], {self.reason}"
        )

    def __str__(self) -> str:  # what "$_" or "$Error[0]" show in a string
        return self.message


class PSRuntimeError(Exception):
    """An error record travelling as an exception (terminating when raised)."""

    def __init__(self, record: ErrorRecord):
        super().__init__(record.message)
        self.record = record


class ParseError(PSRuntimeError):
    """Parse errors of one input.  ``errors`` holds every record found (at least one);
    ``incomplete`` is True when more input could complete the text (open quote,
    brace, parenthesis, trailing pipe or backtick), which the console uses to
    prompt for a continuation line."""

    def __init__(self, errors: list[ErrorRecord], incomplete: bool = False):
        super().__init__(errors[0])
        self.errors = errors
        self.incomplete = incomplete


class ParameterBindingError(PSRuntimeError):
    pass


class CommandNotFoundError(PSRuntimeError):
    pass


def parse_error(error_id: str, extent: Extent, *args: Any) -> ErrorRecord:
    return ErrorRecord(
        message=message(error_id, *args),
        error_id=error_id,
        category="ParserError",
        reason="ParentContainsErrorRecordException",
        extent=extent,
        exception_type="System.Management.Automation.ParseException",
        is_parse_error=True,
    )


def binding_error(
    error_id: str,
    command_name: str,
    command_type_name: str,
    extent: Optional[Extent],
    *args: Any,
    category: str = "InvalidArgument",
) -> ErrorRecord:
    """A ParameterBindingException record; ``args`` fill {0}... as PowerShell's
    ParameterBinderStrings do ({0} command, {1} parameter, {2} type, {6}+ extras)."""
    return ErrorRecord(
        message=message(error_id, *args),
        error_id=error_id.split(".")[0],
        category=category,
        activity=command_name,
        reason="ParameterBindingException",
        command_type_name=command_type_name,
        extent=extent,
        exception_type="System.Management.Automation.ParameterBindingException",
    )


class FlowControl(Exception):
    """Base of break/continue/return/exit: control flow, never shown to users."""


class BreakSignal(FlowControl):
    def __init__(self, label: Optional[str] = None):
        self.label = label


class ContinueSignal(FlowControl):
    def __init__(self, label: Optional[str] = None):
        self.label = label


class ReturnSignal(FlowControl):
    pass


class ExitSignal(FlowControl):
    def __init__(self, code: int = 0):
        self.code = code


class StopUpstreamSignal(FlowControl):
    """PowerShell's StopUpstreamCommandsException: a command that needs no more input
    (Select-Object -First) raises it with its own processor as ``source``; the pipeline
    holding that processor stops the commands before it (their end blocks do not run),
    ends ``source`` and the commands after it normally, and nothing is reported."""

    def __init__(self, source: Any):
        self.source = source
