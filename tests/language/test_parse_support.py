"""A compact text rendering of parsed ASTs, so parser tests read as tables.

``shape(text)`` parses ``text`` and renders the script's statements:

    bareword a        'single'        "double"        @'here'@  @"here"@
    #5 (Int32)  #10:Int64  #0.5:float  #1:Decimal     $var  @splat
    expand("a " $x)   [int] (type literal)   cast[int](x)
    (+ l r) binary    (-u x) unary (op then 'u')   [a, b] array literal
    paren(...)  $(...)  @(...)  @{k=v; ...}  {script block}
    t.m  t::m  t.m(args)  t[i]
    cmd(name elements...)  &cmd(...)  .cmd(...)   -Name  -Name:value
    a | b (pipeline)   statements joined by '; '
"""
from __future__ import annotations

from typing import Any

from exshell.language import ast
from exshell.language.parser import parse

_STRING_FORMS = {
    "bare": "{}", "single": "'{}'", "double": '"{}"', "here_single": "@'{}'@",
    "here_double": '@"{}"@',
}


def shape(text: str) -> str:
    return render(parse(text).end)


def render(node: Any) -> str:
    if node is None:
        return "None"
    if isinstance(node, list):
        return "; ".join(render(item) for item in node)
    renderer = _RENDERERS.get(type(node))
    if renderer is None:
        raise AssertionError(f"no rendering for {type(node).__name__}")
    return renderer(node)


def _constant(node: ast.ConstantExpressionAst) -> str:
    value = node.value
    suffix = "" if type(value) is int else f":{type(value).__name__}"
    return f"#{value}{suffix}"


def _expandable(node: ast.ExpandableStringAst) -> str:
    pieces = [repr(p).replace("'", '"') if isinstance(p, str) else render(p) for p in node.parts]
    return f"expand({' '.join(pieces)})"


def _redirections(redirections: list) -> str:
    out = []
    for redirection in redirections:
        if isinstance(redirection, ast.MergingRedirectionAst):
            out.append(f" {redirection.from_stream}>&{redirection.to_stream}")
        else:
            arrow = ">>" if redirection.append else ">"
            out.append(f" {redirection.stream}{arrow}{render(redirection.target)}")
    return "".join(out)


def _command(node: ast.CommandAst) -> str:
    prefix = node.invocation_operator or ""
    return f"{prefix}cmd({' '.join(render(e) for e in node.elements)}){_redirections(node.redirections)}"


def _parameter(node: ast.CommandParameterAst) -> str:
    if node.argument is None:
        return f"-{node.name}"
    return f"-{node.name}:{render(node.argument)}"


def _script_block(node: ast.ScriptBlockAst) -> str:
    parts = []
    for attribute in node.attributes:
        parts.append(_attribute(attribute))
    if node.params is not None:
        parts.append(f"param({', '.join(_param(p) for p in node.params)})")
    for name in ("begin", "process"):
        body = getattr(node, name)
        if body is not None:
            parts.append(f"{name}{{{render(body)}}}")
    if node.begin is not None or node.process is not None:
        if node.end is not None:
            parts.append(f"end{{{render(node.end)}}}")
    elif node.end:
        parts.append(render(node.end))
    return " ".join(parts)


def _attribute(node: ast.AttributeAst) -> str:
    args = [render(a) for a in node.positional_args]
    args += [name if value is None else f"{name}={render(value)}"
             for name, value in node.named_args.items()]
    return f"[{node.type_name}({', '.join(args)})]"


def _param(node: ast.ParameterAst) -> str:
    text = "".join(_attribute(a) for a in node.attributes)
    if node.type_name:
        text += f"[{node.type_name}]"
    text += f"${node.name}"
    if node.default is not None:
        text += f"={render(node.default)}"
    return text


def _if(node: ast.IfStatementAst) -> str:
    parts = []
    for index, (condition, body) in enumerate(node.clauses):
        keyword = "if" if index == 0 else "elseif"
        parts.append(f"{keyword}({render(condition)}){{{render(body)}}}")
    if node.else_body is not None:
        parts.append(f"else{{{render(node.else_body)}}}")
    return " ".join(parts)


def _label(node: Any) -> str:
    return f":{node.label} " if node.label else ""


def _switch(node: ast.SwitchStatementAst) -> str:
    flags = "".join(f" -{f}" for f in sorted(node.flags))
    clauses = [f"{render(c.condition)}{{{render(c.body)}}}" for c in node.clauses]
    if node.default is not None:
        clauses.append(f"default{{{render(node.default)}}}")
    return f"{_label(node)}switch{flags}({render(node.value)}){{{' '.join(clauses)}}}"


def _try(node: ast.TryStatementAst) -> str:
    text = f"try{{{render(node.body)}}}"
    for clause in node.catches:
        types = "".join(f"[{t}]" for t in clause.type_names)
        text += f" catch{types}{{{render(clause.body)}}}"
    if node.finally_body is not None:
        text += f" finally{{{render(node.finally_body)}}}"
    return text


def _flow(keyword: str):
    def render_flow(node: Any) -> str:
        argument = getattr(node, "pipeline", None)
        if argument is None:
            argument = getattr(node, "label", None)
            return keyword if argument is None else f"{keyword} {argument}"
        return f"{keyword} {render(argument)}"
    return render_flow


_RENDERERS = {
    ast.StringConstantAst: lambda n: _STRING_FORMS[n.kind].format(n.value),
    ast.ConstantExpressionAst: _constant,
    ast.VariableExpressionAst: lambda n: ("@" if n.splatted else "$") + n.name,
    ast.ExpandableStringAst: _expandable,
    ast.TypeExpressionAst: lambda n: f"[{n.type_name}]",
    ast.ConvertExpressionAst: lambda n: f"cast[{n.type_name}]({render(n.operand)})",
    ast.BinaryExpressionAst: lambda n: f"({n.operator} {render(n.left)} {render(n.right)})",
    ast.UnaryExpressionAst: lambda n: f"({n.operator}u {render(n.operand)})",
    ast.ArrayLiteralAst: lambda n: f"[{', '.join(render(e) for e in n.elements)}]",
    ast.ArrayExpressionAst: lambda n: f"@({render(n.statements)})",
    ast.SubExpressionAst: lambda n: f"$({render(n.statements)})",
    ast.ParenExpressionAst: lambda n: f"paren({render(n.pipeline)})",
    ast.HashtableAst: lambda n: "@{" + "; ".join(f"{render(k)}={render(v)}" for k, v in n.pairs) + "}",
    ast.ScriptBlockExpressionAst: lambda n: "{" + _script_block(n.script_block) + "}",
    ast.MemberExpressionAst: lambda n: render(n.target) + ("::" if n.static else ".")
    + (n.member if isinstance(n.member, str) else render(n.member)),
    ast.InvokeMemberExpressionAst: lambda n: render(n.target) + ("::" if n.static else ".")
    + (n.member if isinstance(n.member, str) else render(n.member))
    + f"({', '.join(render(a) for a in n.arguments)})",
    ast.IndexExpressionAst: lambda n: f"{render(n.target)}[{render(n.index)}]",
    ast.PipelineAst: lambda n: " | ".join(render(e) for e in n.elements),
    ast.CommandExpressionAst: lambda n: render(n.expression) + _redirections(n.redirections),
    ast.CommandAst: _command,
    ast.CommandParameterAst: _parameter,
    ast.AssignmentStatementAst: lambda n: f"{render(n.target)} {n.operator} {render(n.value)}",
    ast.IfStatementAst: _if,
    ast.ForEachStatementAst: lambda n: f"{_label(n)}foreach({render(n.variable)} in "
    f"{render(n.iterable)}){{{render(n.body)}}}",
    ast.ForStatementAst: lambda n: f"{_label(n)}for({render(n.initializer)}; "
    f"{render(n.condition)}; {render(n.iterator)}){{{render(n.body)}}}",
    ast.WhileStatementAst: lambda n: f"{_label(n)}while({render(n.condition)}){{{render(n.body)}}}",
    ast.DoStatementAst: lambda n: f"{_label(n)}do{{{render(n.body)}}}"
    f"{'until' if n.until else 'while'}({render(n.condition)})",
    ast.SwitchStatementAst: _switch,
    ast.FunctionDefinitionAst: lambda n: f"{'filter' if n.is_filter else 'function'} {n.name}"
    f"{{{_script_block(n.body)}}}",
    ast.TryStatementAst: _try,
    ast.ThrowStatementAst: _flow("throw"),
    ast.ReturnStatementAst: _flow("return"),
    ast.ExitStatementAst: _flow("exit"),
    ast.BreakStatementAst: _flow("break"),
    ast.ContinueStatementAst: _flow("continue"),
}


def test_shape_renders_a_small_script():
    assert shape("$a = 1; Get-X -Y:2 | Out-Null") == "$a = #1; cmd(Get-X -Y:#2) | cmd(Out-Null)"
