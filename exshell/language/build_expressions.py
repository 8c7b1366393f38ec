"""Expression callbacks of the AST builder, and the helpers every callback uses.

Contract: ``ExpressionBuilder`` is the base class of build.AstBuilder (see
that module for how Lark calls it).  It holds the extent helpers, the binary
operator arrangement (one precedence table: ``_PRECEDENCE``) and one method
per expression rule alias of grammar/powershell.lark.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from exshell.language import ast
from exshell.language.lexer_literals import fit_integer
from exshell.language.tokens import Tok
from exshell.language.values import Int64

# Binary precedence, higher binds tighter (powershell_language.md section 2).
_PRECEDENCE = {
    "OP_LOGIC": 1, "OP_BITWISE": 2, "OP_COMPARE": 3, "OP_SPLITJOIN": 3, "PLUS": 4, "MINUS": 4,
    "STAR": 5, "SLASH": 5, "PERCENT": 5, "OP_FORMAT": 6, "DOTDOT": 7, "COMMA": 8,
}


class _Chain(list):
    """operand, operator, operand, ... as read; arranged by ``AstBuilder._arrange``."""

    __slots__ = ()


_UNARY_NAMES = {
    "OP_NOT": "not", "BANG": "!", "MINUS": "-", "PLUS": "+", "OP_BNOT": "bnot", "COMMA": ",",
    "PLUSPLUS": "++", "MINUSMINUS": "--",
}


class Block(list):
    """The statements of a ``{ }`` block; remembers where its ``}`` ends."""

    __slots__ = ("end_pos",)


def _start(item: Any) -> int:
    if isinstance(item, Tok):
        return item.start_pos
    if isinstance(item, ast.Ast):
        return item.extent.start
    if isinstance(item, list) and item:
        return _start(item[0])
    if isinstance(item, tuple) and item:
        return _start(item[0])
    return -1


def end_of(item: Any) -> int:
    if isinstance(item, Tok):
        return item.end_pos
    if type(item) is Block:
        return item.end_pos
    if isinstance(item, ast.Ast):
        return item.extent.end
    if isinstance(item, list) and item:
        return end_of(item[-1])
    if isinstance(item, tuple) and item:
        return end_of(item[-1])
    return -1


class ExpressionBuilder:
    source: ast.Source
    errors: list[tuple[str, int, int, tuple[Any, ...]]]

    # ----------------------------------------------------------- helpers

    def _extent(self, first: Any, last: Any = None) -> ast.Extent:
        # Fast path: a token or node at each end (the common case).
        kind = type(first)
        if kind is Tok:
            start = first.start_pos
        elif isinstance(first, ast.Ast):
            start = first.extent.start
        else:
            start = _start(first)
        if last is None:
            last = first
        kind = type(last)
        if kind is Tok:
            end = last.end_pos
        elif isinstance(last, ast.Ast):
            end = last.extent.end
        else:
            end = end_of(last)
        if start >= 0 and end >= start:
            return ast.Extent(self.source, start, end)
        return self._extent_slow(first, last)

    def _extent_slow(self, first: Any, last: Any) -> ast.Extent:
        start = _start(first)
        end = end_of(last)
        if start < 0:
            start = end if end >= 0 else 0
        if end < start:
            end = start
        return ast.Extent(self.source, start, end)

    def _span(self, children: list[Any]) -> ast.Extent:
        present = [c for c in children if _start(c) >= 0]
        if not present:
            return ast.Extent(self.source, 0, 0)
        return self._extent(present[0], present[-1])

    def _error(self, error_id: str, start: int, end: int, *args: Any) -> None:
        self.errors.append((error_id, start, end, args))

    # ----------------------------------------------------------- expressions

    def expression(self, children: list[Any]) -> ast.ExpressionAst:
        chain = children[0]
        if type(chain) is not _Chain:
            return chain
        return self._arrange(chain)

    def chain(self, children: list[Any]) -> "_Chain":
        head, operator, operand = children
        if type(head) is _Chain:
            head.append(operator)
            head.append(operand)
            return head
        return _Chain((head, operator, operand))

    def binary_operator(self, children: list[Any]) -> Tok:
        return children[0]

    def _arrange(self, chain: "_Chain") -> ast.ExpressionAst:
        """Operator-precedence arrangement of a flat chain (all left-associative).

        Iterative on purpose: a chain of any length needs constant stack.
        """
        operands = [chain[0]]
        operators: list[Tok] = []
        arrays: set[int] = set()

        def reduce_top() -> None:
            operator = operators.pop()
            right = operands.pop()
            left = operands.pop()
            if operator.type == "COMMA":
                if id(left) in arrays:
                    left.elements.append(right)
                    left.extent = self._extent(left, right)
                    operands.append(left)
                    return
                array = ast.ArrayLiteralAst(self._extent(left, right), [left, right])
                arrays.add(id(array))
                operands.append(array)
                return
            operands.append(ast.BinaryExpressionAst(self._extent(left, right), operator.payload,
                                                    left, right))

        for index in range(1, len(chain), 2):
            operator = chain[index]
            precedence = _PRECEDENCE[operator.type]
            while operators and _PRECEDENCE[operators[-1].type] >= precedence:
                reduce_top()
            operators.append(operator)
            operands.append(chain[index + 1])
        while operators:
            reduce_top()
        return operands[0]

    def unary(self, children: list[Any]) -> ast.ExpressionAst:
        operator, operand = children
        name = _UNARY_NAMES.get(operator.type) or operator.payload
        if name == "++" or name == "--":
            self._check_step_operand(operator, operand)
        if name == "-" and isinstance(operand, ast.ConstantExpressionAst) \
                and operand.extent.start == operator.end_pos:
            folded = _negate(operand.value)
            if folded is not None:
                return ast.ConstantExpressionAst(self._extent(operator, operand), folded,
                                                 "-" + operand.text)
        return ast.UnaryExpressionAst(self._extent(operator, operand), name, operand)

    def postfix_unary(self, children: list[Any]) -> ast.UnaryExpressionAst:
        operand, operator = children
        self._check_step_operand(operator, operand)
        return ast.UnaryExpressionAst(self._extent(operand, operator), "post" + operator.payload,
                                      operand)

    def _check_step_operand(self, operator: Tok, operand: ast.ExpressionAst) -> None:
        if not isinstance(operand, _PLACES):
            self.errors.append(("OperatorRequiresVariableOrProperty", operand.extent.start,
                                operand.extent.end, (operator.payload,)))

    def convert(self, children: list[Any]) -> ast.ConvertExpressionAst:
        type_token, operand = children
        return ast.ConvertExpressionAst(self._extent(type_token, operand), type_token.payload,
                                        operand)

    def member(self, children: list[Any]) -> ast.MemberExpressionAst:
        target, operator, name = children
        return ast.MemberExpressionAst(self._extent(target, name[1]), target, name[0],
                                       static=operator.type == "COLONCOLON")

    def invoke_member(self, children: list[Any]) -> ast.InvokeMemberExpressionAst:
        target, operator, name, _open, arguments, close = children
        return ast.InvokeMemberExpressionAst(self._extent(target, close), target, name[0],
                                             arguments, static=operator.type == "COLONCOLON")

    def member_word(self, children: list[Any]) -> tuple[str, Tok]:
        return children[0].payload, children[0]

    def member_expression(self, children: list[Any]) -> tuple[ast.ExpressionAst, Tok]:
        token = children[0]
        if token.type == "VARIABLE":
            return self.variable(children), token
        if token.type == "STRING":
            return token.payload[0], token
        return self.expandable_string(children), token

    def member_paren(self, children: list[Any]) -> tuple[ast.ExpressionAst, Tok]:
        return self.paren(children), children[-1]

    def call_arguments(self, children: list[Any]) -> list[ast.ExpressionAst]:
        if not children:
            return []
        if isinstance(children[0], list):
            if len(children) > 1:
                children[0].append(children[-1])
            return children[0]
        return [children[0]]

    def index(self, children: list[Any]) -> ast.IndexExpressionAst:
        target, _open, index, close = children
        return ast.IndexExpressionAst(self._extent(target, close), target, index)

    def variable(self, children: list[Any]) -> ast.VariableExpressionAst:
        token = children[0]
        return ast.VariableExpressionAst(self._extent(token), token.payload)

    def number(self, children: list[Any]) -> ast.ConstantExpressionAst:
        token = children[0]
        return ast.ConstantExpressionAst(self._extent(token), token.payload, token.value)

    def string(self, children: list[Any]) -> ast.StringConstantAst:
        token = children[0]
        value, kind = token.payload
        return ast.StringConstantAst(self._extent(token), value, kind)

    def expandable_string(self, children: list[Any]) -> ast.ExpandableStringAst:
        token = children[0]
        parts, kind = token.payload
        return ast.ExpandableStringAst(self._extent(token), parts, kind)

    def type_literal(self, children: list[Any]) -> ast.TypeExpressionAst:
        token = children[0]
        return ast.TypeExpressionAst(self._extent(token), token.payload)

    def paren(self, children: list[Any]) -> ast.ParenExpressionAst:
        return ast.ParenExpressionAst(self._extent(children[0], children[2]), children[1])

    def sub_expression(self, children: list[Any]) -> ast.SubExpressionAst:
        return ast.SubExpressionAst(self._extent(children[0], children[2]), children[1])

    def array_expression(self, children: list[Any]) -> ast.ArrayExpressionAst:
        return ast.ArrayExpressionAst(self._extent(children[0], children[2]), children[1])

    def script_block(self, children: list[Any]) -> ast.ScriptBlockExpressionAst:
        opener, body, close = children
        body.extent = self._extent(opener, close)
        return ast.ScriptBlockExpressionAst(body.extent, body)

    def hashtable(self, children: list[Any]) -> ast.HashtableAst:
        opener, pairs, close = children
        seen: set[Any] = set()
        for key, _value in pairs:
            folded = _constant_key(key)
            if folded is None:
                continue
            if folded in seen:
                self._error("DuplicateKeyInHashLiteral", key.extent.start, key.extent.end,
                            key.extent.text if not isinstance(key, ast.StringConstantAst)
                            else key.value)
            seen.add(folded)
        return ast.HashtableAst(self._extent(opener, close), pairs)

    def hash_body(self, children: list[Any]) -> list[tuple]:
        for child in children:
            if isinstance(child, list):
                return child
        return []

    def hash_entries(self, children: list[Any]) -> list[tuple]:
        if len(children) == 1:
            return [children[0]]
        children[0].append(children[-1])
        return children[0]

    def hash_entry(self, children: list[Any]) -> tuple[ast.ExpressionAst, ast.StatementAst]:
        return children[0], children[2]

    def bare_key(self, children: list[Any]) -> ast.StringConstantAst:
        token = children[0]
        return ast.StringConstantAst(self._extent(token), token.payload, "bare")


# Expressions that name a place a value can be stored in.
_PLACES = (ast.VariableExpressionAst, ast.MemberExpressionAst, ast.IndexExpressionAst)


def is_assignable(node: ast.ExpressionAst) -> bool:
    """A valid assignment target: a variable, property or element, optionally
    type-constrained (``[int]$x``)."""
    if isinstance(node, ast.ConvertExpressionAst):
        node = node.operand
    if isinstance(node, ast.VariableExpressionAst):
        return not node.splatted
    return isinstance(node, _PLACES)


def _constant_key(key: ast.ExpressionAst) -> Any:
    if isinstance(key, ast.StringConstantAst):
        return ("s", key.value.lower())
    if isinstance(key, ast.ConstantExpressionAst):
        return ("n", key.value)
    return None


def _negate(value: Any) -> Any:
    """-literal typed as PowerShell types the signed literal; None to keep the unary."""
    if isinstance(value, bool):
        return None
    if type(value) is int or type(value) is Int64:
        return fit_integer(-int(value))
    if isinstance(value, (float, Decimal)):
        return -value
    return None
