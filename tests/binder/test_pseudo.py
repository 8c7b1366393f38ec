"""The --check view of a command: literal arguments become values, everything else is marked unknown."""
from __future__ import annotations

import pytest

from exshell.binder import pseudo
from exshell.invocation import NO_ARGUMENT, ArgumentElement, ParameterElement
from exshell.language import ast
from exshell.language.values import ArgumentNumber, Hashtable, OrderedHashtable

SOURCE = ast.Source("x" * 200)


def ext(start=0, end=1):
    return ast.Extent(SOURCE, start, end)


def s(value, kind="bare"):
    return ast.StringConstantAst(ext(), value, kind)


def num(value, text):
    return ast.ConstantExpressionAst(ext(), value, text)


def var(name, splatted=False):
    return ast.VariableExpressionAst(ext(), name, splatted)


def stmt(expression):
    return ast.PipelineAst(ext(), [ast.CommandExpressionAst(ext(), expression)])


def command(*elements):
    return ast.CommandAst(ext(), [s("New-Thing"), *elements])


@pytest.mark.parametrize("expression, expected", [
    (s("*.contoso.com"), "*.contoso.com"),
    (s("Subsidiary Send Connector", "double"), "Subsidiary Send Connector"),
    (var("false"), False),
    (var("TRUE"), True),
    (var("null"), None),
    (ast.ArrayLiteralAst(ext(), [s("a;5", "double"), s("b;8", "double")]), ["a;5", "b;8"]),
    (ast.ArrayExpressionAst(ext(), [stmt(s("a", "single")), stmt(ast.ArrayLiteralAst(ext(), [s("b"), s("c")]))]),
     ["a", "b", "c"]),
    (ast.ParenExpressionAst(ext(), stmt(s("p", "single"))), "p"),
])
def test_literals_become_values(expression, expected):
    value, is_literal = pseudo.literal_value(expression)
    assert is_literal is True
    assert value == expected


def test_numbers_keep_their_text_as_arguments_and_in_argument_lists():
    value, is_literal = pseudo.literal_value(num(20971520, "20MB"))
    assert is_literal and isinstance(value, ArgumentNumber) and value.text == "20MB"
    values, is_literal = pseudo.literal_value(ast.ArrayLiteralAst(ext(), [num(1, "1"), num(2, "0x2")]))
    assert is_literal and values == [1, 2] and values[1].text == "0x2"
    table = ast.HashtableAst(ext(), [(s("Port"), stmt(num(25, "25")))])
    inner, _ = pseudo.literal_value(table)
    assert type(inner["Port"]) is int


def test_hashtables_of_literals_become_hashtables():
    table = ast.HashtableAst(ext(), [(s("Add"), stmt(ast.ArrayLiteralAst(ext(), [s("a", "double"), s("b", "double")]))),
                                     (s("remove"), stmt(s("c", "double")))])
    value, is_literal = pseudo.literal_value(table)
    assert is_literal and isinstance(value, Hashtable)
    assert value["ADD"] == ["a", "b"] and value["Remove"] == "c"
    ordered, is_literal = pseudo.literal_value(ast.ConvertExpressionAst(ext(), "ordered", table))
    assert is_literal and isinstance(ordered, OrderedHashtable)


@pytest.mark.parametrize("expression", [
    var("CredentialObject"),
    ast.ExpandableStringAst(ext(), ["a", var("x")]),
    ast.ScriptBlockExpressionAst(ext(), ast.ScriptBlockAst(ext())),
    ast.ArrayLiteralAst(ext(), [s("a"), var("x")]),
    ast.HashtableAst(ext(), [(s("Add"), stmt(var("x")))]),
    ast.SubExpressionAst(ext(), [stmt(s("a"))]),
    ast.MemberExpressionAst(ext(), var("x"), "Name"),
    ast.ConvertExpressionAst(ext(), "int", s("5")),
])
def test_non_literals_are_marked_unknown(expression):
    _, is_literal = pseudo.literal_value(expression)
    assert is_literal is False


def test_command_elements_keep_order_and_pair_nothing():
    name = ast.CommandParameterAst(ext(3, 8), "Name", None, "-Name")
    colon = ast.CommandParameterAst(ext(10, 22), "Confirm", var("false"), "-Confirm:")
    dynamic = ast.CommandParameterAst(ext(23, 30), "Credential", var("cred"), "-Credential:")
    elements = pseudo.command_elements(command(name, s("x"), colon, num(25, "25"), dynamic))
    assert [type(e) for e in elements] == [ParameterElement, ArgumentElement, ParameterElement,
                                           ArgumentElement, ParameterElement]
    assert elements[0].name == "Name" and elements[0].argument is NO_ARGUMENT
    assert elements[0].extent == ext(3, 8)
    assert elements[1].value == "x" and elements[1].literal
    assert elements[2].argument is False and elements[2].literal
    assert elements[3].value.text == "25"
    assert elements[4].literal is False


def test_splatting_a_variable_makes_the_arguments_unknowable():
    assert pseudo.command_elements(command(var("params", splatted=True))) is None


def test_walk_finds_functions_defined_anywhere():
    inner = ast.FunctionDefinitionAst(ext(), "Inner-Helper", ast.ScriptBlockAst(ext()))
    outer_body = ast.ScriptBlockAst(ext(), end=[inner])
    outer = ast.FunctionDefinitionAst(ext(), "Outer", outer_body)
    branch = ast.IfStatementAst(ext(), [(stmt(var("true")), [outer])])
    script = ast.ScriptBlockAst(ext(), end=[branch])
    assert pseudo.defined_function_names(script) == {"outer", "inner-helper"}
    assert sum(1 for node in pseudo.walk(script) if isinstance(node, ast.VariableExpressionAst)) == 1


def test_bind_command_binds_in_check_mode_and_raises_binding_errors():
    from exshell.binder.metadata import CommandMetadata
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet
    from exshell.errors import ParameterBindingError

    @cmdlet("Test-Pseudo")
    class TestPseudo(Cmdlet):
        Name = Param(str, mandatory=True, position=1, from_pipeline=True)
        Count = Param(int)

    meta = CommandMetadata.from_cmdlet(TestPseudo)
    good = command(s("a"), ast.CommandParameterAst(ext(), "Count", None, "-Count"), var("n"))
    result = pseudo.bind_command(good, meta)
    assert result.bound["Name"] == "a" and "Count" in result.unconverted
    missing = command(ast.CommandParameterAst(ext(), "Count", None, "-Count"), num(2, "2"))
    assert pseudo.bind_command(missing, meta, pipeline_position=2, pipeline_length=2).bound["Count"] == 2
    with pytest.raises(ParameterBindingError) as failure:
        pseudo.bind_command(missing, meta)
    assert failure.value.record.error_id == "MissingMandatoryParameter"
    assert pseudo.bind_command(command(var("p", splatted=True)), meta) is None
