"""Builds exshell.language.ast nodes while Lark's LALR parser reduces rules.

Contract: ``AstBuilder`` is passed once as Lark's inline ``transformer``; each
method is named by a rule alias in grammar/powershell.lark and receives the
rule's children (``tokens.Tok`` objects, AST nodes, lists, or None for
separators) and returns the node.  ``parser.parse`` sets ``source`` (for
extents) and ``errors`` (semantic parse errors found while building, e.g. a
duplicate hashtable key: reported together after the parse) before each run.
Methods are pure apart from appending to ``errors``; nothing here recurses,
so any nesting depth the parser accepts builds in constant stack.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.language import ast
from exshell.language.build_expressions import Block, ExpressionBuilder, end_of, is_assignable
from exshell.language.tokens import Tok


class AstBuilder(ExpressionBuilder):
    """Lark callbacks, one per rule alias (see the module docstring)."""

    def __init__(self) -> None:
        self.source = ast.Source("")
        self.errors: list[tuple[str, int, int, tuple[Any, ...]]] = []

    # ----------------------------------------------------------- script blocks

    def start(self, children: list[Any]) -> ast.ScriptBlockAst:
        return children[0]

    def body_plain(self, children: list[Any]) -> ast.ScriptBlockAst:
        statements = children[0]
        return ast.ScriptBlockAst(self._span(statements), end=statements)

    def body_param(self, children: list[Any]) -> ast.ScriptBlockAst:
        attributes, params, extent = children[1]
        statements = children[2]
        return ast.ScriptBlockAst(self._extent(extent, statements or extent), params=params,
                                  end=statements, attributes=attributes)

    def body_named(self, children: list[Any]) -> ast.ScriptBlockAst:
        return self._named(children, None)

    def body_param_named(self, children: list[Any]) -> ast.ScriptBlockAst:
        return self._named(children, children[1])

    def _named(self, children: list[Any], param_block: Optional[tuple]) -> ast.ScriptBlockAst:
        block = ast.ScriptBlockAst(self._span([c for c in children if isinstance(c, tuple)]))
        if param_block is not None:
            block.attributes, block.params, _ = param_block
        for item in children:
            if isinstance(item, tuple) and len(item) == 3 and isinstance(item[0], str):
                kind, statements, token = item
                setattr(block, kind, statements)
        return block

    def named_block(self, children: list[Any]) -> tuple[str, list, Tok]:
        token = children[0]
        return token.type.lower(), children[1], token

    def param_block(self, children: list[Any]) -> tuple[list, list, ast.Extent]:
        attributes, keyword, _open, params, close = children
        first = attributes[0] if attributes else keyword
        return attributes, params, self._extent(first, close)

    def attributes(self, children: list[Any]) -> list[ast.AttributeAst]:
        if not children:
            return []
        children[0].append(children[1])
        return children[0]

    def parameters(self, children: list[Any]) -> list[ast.ParameterAst]:
        # [] / [parameter] / [list] / [list, COMMA, parameter]
        if not children:
            return []
        head = children[0]
        if not isinstance(head, list):
            return [head]
        if len(children) > 1:
            head.append(children[-1])
        return head

    def parameter(self, children: list[Any]) -> ast.ParameterAst:
        decorations, variable = children[0], children[1]
        default = children[3] if len(children) > 3 else None
        attributes = [d for d in decorations if isinstance(d, ast.AttributeAst)]
        types = [d for d in decorations if isinstance(d, Tok)]
        first = decorations[0] if decorations else variable
        return ast.ParameterAst(
            self._extent(first, default or variable), variable.payload,
            type_name=types[-1].payload if types else None, default=default,
            attributes=attributes)

    def decorations(self, children: list[Any]) -> list[Any]:
        if not children:
            return []
        children[0].append(children[1])
        return children[0]

    def attribute(self, children: list[Any]) -> ast.AttributeAst:
        opener, arguments, _close, bracket = children
        node = ast.AttributeAst(self._extent(opener, bracket), opener.payload)
        for argument in arguments:
            if argument[0] == "named":
                node.named_args[argument[1]] = argument[2]
            else:
                node.positional_args.append(argument[1])
        return node

    def attribute_args(self, children: list[Any]) -> list[tuple]:
        if not children:
            return []
        if isinstance(children[0], list):
            if len(children) > 1:
                children[0].append(children[-1])
            return children[0]
        return [children[0]]

    def attribute_positional(self, children: list[Any]) -> tuple:
        return ("positional", children[0])

    def attribute_named(self, children: list[Any]) -> tuple:
        value = children[2] if len(children) > 2 else None
        return ("named", children[0].payload, value)

    # ----------------------------------------------------------- statement lists

    def statements(self, children: list[Any]) -> list[ast.StatementAst]:
        for child in children:
            if isinstance(child, list):
                return child
        return []

    def statement_seq(self, children: list[Any]) -> list[ast.StatementAst]:
        if len(children) == 1:
            return [children[0]]
        children[0].append(children[-1])
        return children[0]

    def nothing(self, children: list[Any]) -> None:
        return None

    def block(self, children: list[Any]) -> list[ast.StatementAst]:
        statements = Block(children[1])
        statements.end_pos = children[2].end_pos
        return statements

    def optional(self, children: list[Any]) -> Any:
        return children[0] if children else None

    # ----------------------------------------------------------- statements

    def labelled(self, children: list[Any]) -> ast.StatementAst:
        label, loop = children
        loop.label = label.payload
        loop.extent = self._extent(label, loop)
        return loop

    def assignment(self, children: list[Any]) -> ast.AssignmentStatementAst:
        target, operator, value = children
        symbol = operator.payload or operator.value
        targets = target.elements if isinstance(target, ast.ArrayLiteralAst) and symbol == "=" \
            else [target]
        for item in targets:
            if not is_assignable(item):
                self._error("InvalidLeftHandSide", item.extent.start, item.extent.end)
                break
        return ast.AssignmentStatementAst(self._extent(target, value), target, symbol, value)

    def if_statement(self, children: list[Any]) -> ast.IfStatementAst:
        clauses = [(children[2], children[4])] + children[5]
        else_body = children[7] if len(children) > 6 else None
        last = children[-1] if children[-1] else children[3]
        end = end_of(last) if isinstance(last, list) and last else -1
        node = ast.IfStatementAst(self._extent(children[0], children[3]), clauses, else_body)
        node.extent = ast.Extent(self.source, children[0].start_pos,
                                 max(end, self._last_end(children)))
        return node

    def _last_end(self, children: list[Any]) -> int:
        return max((end_of(c) for c in children), default=-1)

    def clauses(self, children: list[Any]) -> list[Any]:
        if not children:
            return []
        head = children[0]
        if children[1].type == "ELSEIF":
            head.append((children[3], children[5]))
        else:
            types, body = children[2], children[3]
            head.append(ast.CatchClauseAst(self._extent(children[1], body or children[1]),
                                           types, body))
        return head

    def foreach_statement(self, children: list[Any]) -> ast.ForEachStatementAst:
        variable = children[2]
        var = ast.VariableExpressionAst(self._extent(variable), variable.payload)
        return ast.ForEachStatementAst(self._extent(children[0], children[6]), var,
                                       children[4], children[6])

    def for_statement(self, children: list[Any]) -> ast.ForStatementAst:
        return ast.ForStatementAst(self._extent(children[0], children[8]), children[2],
                                   children[4], children[6], children[8])

    def while_statement(self, children: list[Any]) -> ast.WhileStatementAst:
        return ast.WhileStatementAst(self._extent(children[0], children[4]), children[2],
                                     children[4])

    def do_statement(self, children: list[Any]) -> ast.DoStatementAst:
        return ast.DoStatementAst(self._extent(children[0], children[5]), children[1],
                                  children[4], until=children[2].type == "UNTIL")

    def switch_flags(self, children: list[Any]) -> set[str]:
        if not children:
            return set()
        children[0].add(children[1].payload)
        return children[0]

    def switch_body(self, children: list[Any]) -> list[ast.SwitchClauseAst]:
        if len(children) == 1:
            return []
        children[0].append(children[1])
        return children[0]

    def switch_clause(self, children: list[Any]) -> ast.SwitchClauseAst:
        condition, body = children
        return ast.SwitchClauseAst(self._extent(condition, body), condition, body)

    def switch_statement(self, children: list[Any]) -> ast.SwitchStatementAst:
        flags, value, body_clauses, close = children[1], children[3], children[6], children[7]
        clauses = []
        default = None
        for clause in body_clauses:
            condition = clause.condition
            if isinstance(condition, ast.StringConstantAst) and condition.kind == "bare" \
                    and condition.value.lower() == "default":
                default = clause.body
            else:
                clauses.append(clause)
        return ast.SwitchStatementAst(self._extent(children[0], close), value, clauses, default,
                                      flags)

    def switch_file_statement(self, children: list[Any]) -> ast.SwitchStatementAst:
        """``switch -file path { }``: the path argument becomes the switch's value."""
        keyword, flags, file_flag, path, more_flags = children[:5]
        value = ast.PipelineAst(path.extent, [ast.CommandExpressionAst(path.extent, path)])
        node = self.switch_statement([keyword, flags | more_flags | {"file"}, None, value, None, None,
                                      children[6], children[7]])
        return node

    def function_definition(self, children: list[Any]) -> ast.FunctionDefinitionAst:
        keyword, name, params, _open, body, close = children
        body.extent = self._extent(_open, close)
        if params is not None and body.params is None:
            body.params = params
        return ast.FunctionDefinitionAst(self._extent(keyword, close), name.payload, body,
                                         is_filter=keyword.type == "FILTER")

    def function_params(self, children: list[Any]) -> list[ast.ParameterAst]:
        return children[1]

    def try_statement(self, children: list[Any]) -> ast.TryStatementAst:
        keyword, body, catches = children[0], children[1], children[2]
        finally_body = children[4] if len(children) > 3 else None
        node = ast.TryStatementAst(ast.Extent(self.source, keyword.start_pos,
                                              max(keyword.end_pos, self._last_end(children))),
                                   body, catches, finally_body)
        if not catches and finally_body is None:
            self._error("MissingCatchOrFinally", body.end_pos, body.end_pos)
        return node

    def trap_statement(self, children: list[Any]) -> ast.TrapStatementAst:
        keyword, body = children[0], children[-1]
        type_name = children[1].payload if len(children) > 2 else None
        return ast.TrapStatementAst(ast.Extent(self.source, keyword.start_pos, body.end_pos),
                                    body, type_name)

    def catch_types(self, children: list[Any]) -> list[str]:
        if not children:
            return []
        if isinstance(children[0], list):
            if len(children) > 1:
                children[0].append(children[-1].payload)
            return children[0]
        return [children[0].payload]

    def flow_statement(self, children: list[Any]) -> ast.StatementAst:
        keyword = children[0]
        argument = children[1] if len(children) > 1 else None
        extent = self._extent(keyword, argument or keyword)
        kind = keyword.type
        if kind == "BREAK":
            return ast.BreakStatementAst(extent, argument.payload if argument else None)
        if kind == "CONTINUE":
            return ast.ContinueStatementAst(extent, argument.payload if argument else None)
        node_type = {"THROW": ast.ThrowStatementAst, "RETURN": ast.ReturnStatementAst,
                     "EXIT": ast.ExitStatementAst}[kind]
        return node_type(extent, argument)

    # ----------------------------------------------------------- pipelines

    def pipeline(self, children: list[Any]) -> ast.PipelineAst:
        if len(children) == 1:
            return ast.PipelineAst(self._extent(children[0]), [children[0]])
        node = children[0]
        node.elements.append(children[2])
        node.extent = self._extent(node, children[2])
        return node

    def command_expression(self, children: list[Any]) -> ast.CommandExpressionAst:
        expression = children[0]
        if len(children) == 1:
            return ast.CommandExpressionAst(expression.extent, expression, [])
        redirections = children[1]
        return ast.CommandExpressionAst(self._extent(expression, redirections), expression,
                                        redirections)

    def redirections(self, children: list[Any]) -> list[ast.RedirectionAst]:
        if len(children) == 1:
            return [children[0]]
        children[0].append(children[1])
        return children[0]

    def file_redirection(self, children: list[Any]) -> ast.FileRedirectionAst:
        operator, target = children
        stream, append = operator.payload
        return ast.FileRedirectionAst(self._extent(operator, target), stream, target, append)

    def merge_redirection(self, children: list[Any]) -> ast.MergingRedirectionAst:
        operator = children[0]
        return ast.MergingRedirectionAst(self._extent(operator), operator.payload,
                                         operator.value[-1])

    def command(self, children: list[Any]) -> ast.CommandAst:
        head = children[0]
        if head.type == "CMDNAME":
            name = self._bareword(head)
            operator = None
            rest = children[1]
        else:
            name = children[1]
            operator = "&" if head.type == "AMP" else "."
            rest = children[2]
        elements: list[ast.Ast] = [name]
        redirections: list[ast.RedirectionAst] = []
        for element in rest:
            if isinstance(element, ast.RedirectionAst):
                redirections.append(element)
            elif element is not None:
                elements.append(element)
        last = rest[-1] if rest else name
        return ast.CommandAst(self._extent(head, last), elements, operator, redirections)

    def elements(self, children: list[Any]) -> list[Any]:
        if not children:
            return []
        children[0].append(children[1])
        return children[0]

    def elements_generic(self, children: list[Any]) -> list[Any]:
        children[0].append(self._bareword(children[1]))
        return children[0]

    def elements_parameter(self, children: list[Any]) -> list[Any]:
        token = children[1]
        children[0].append(ast.CommandParameterAst(
            ast.Extent(self.source, token.start_pos, token.end_pos), token.payload, None,
            token.value))
        return children[0]

    def parameter_token(self, children: list[Any]) -> ast.CommandParameterAst:
        token = children[0]
        argument = children[1] if len(children) > 1 else None
        return ast.CommandParameterAst(self._extent(token, argument or token), token.payload,
                                       argument, token.value)

    def end_of_parameters(self, children: list[Any]) -> None:
        return None

    def splat(self, children: list[Any]) -> ast.VariableExpressionAst:
        token = children[0]
        return ast.VariableExpressionAst(self._extent(token), token.payload, splatted=True)

    def argument_list(self, children: list[Any]) -> ast.ArrayLiteralAst:
        head, _comma, item = children
        if isinstance(head, ast.ArrayLiteralAst):
            # Only this rule makes an ArrayLiteralAst in argument position (an
            # expression-mode array is always inside brackets), so extend it.
            head.elements.append(item)
            head.extent = self._extent(head, item)
            return head
        return ast.ArrayLiteralAst(self._extent(head, item), [head, item])

    def generic(self, children: list[Any]) -> ast.ExpressionAst:
        return self._bareword(children[0])

    def _bareword(self, token: Tok) -> ast.ExpressionAst:
        payload = token.payload
        if isinstance(payload, str):
            return ast.StringConstantAst(self._extent(token), payload, "bare")
        return ast.ExpandableStringAst(self._extent(token), payload, "bare")
