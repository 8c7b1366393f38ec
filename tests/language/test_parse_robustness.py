"""No input makes the parser crash or hang: deep nesting, random bytes, NUL,
lone surrogates and very long lines end in an AST or a clean ParseError."""
from __future__ import annotations

import random
import time

import pytest

from exshell.errors import ParseError
from exshell.language.parser import parse

_PIECES = list("abc$@(){}[]'\"`#<>|&;,.:-+*/%!=?\n\r\t 0123456789xXeEkKmMbB\\\u2013\u201c\u2019\x00\ud800") + [
    "if", "else", "foreach", "function", "param", "-eq", "@'", "@\"", "\"@", "'@", "$(", "<#",
    "#>", "::", "..", "2>&1", "switch", "{ ", "try", "catch",
]


def parse_or_error(text: str):
    try:
        return parse(text)
    except ParseError as error:
        record = error.errors[0]
        assert record.message and record.extent is not None
        assert record.extent.start_line >= 1
        return error


def test_random_token_soup_never_crashes():
    generator = random.Random(20260527)
    for _ in range(3000):
        text = "".join(generator.choice(_PIECES) for _ in range(generator.randint(0, 20)))
        parse_or_error(text)


def test_random_bytes_never_crash():
    generator = random.Random(7)
    for _ in range(200):
        text = bytes(generator.randrange(256) for _ in range(200)).decode("latin-1")
        parse_or_error(text)


def test_ten_thousand_nested_parentheses_is_a_clean_error():
    result = parse_or_error("(" * 10_000 + "1" + ")" * 10_000)
    assert isinstance(result, ParseError)
    assert result.errors[0].error_id == "NestingTooDeep"


def test_deep_but_reasonable_nesting_parses():
    script = parse("(" * 100 + "1" + ")" * 100)
    assert script.end


def test_nested_string_subexpressions_are_bounded():
    result = parse_or_error('"$(' * 500 + "1" + ')"' * 500)
    assert isinstance(result, ParseError)


@pytest.mark.parametrize("text", ["echo a\x00b", "\x00", "echo \ud800", "'\udfff'", "$\ud800"])
def test_nul_and_lone_surrogates(text):
    parse_or_error(text)


def test_long_chain_of_operators_builds_without_recursion():
    node = parse("1" + " + 1" * 5000).end[0].elements[0].expression
    depth = 0
    while hasattr(node, "left"):
        node = node.left
        depth += 1
    assert depth == 5000


def test_huge_single_line_is_linear():
    started = time.perf_counter()
    parse("'" + "x" * 5_000_000 + "'")
    parse_or_error('"' + "y" * 5_000_000)
    parse("Get-X " + "a" * 2_000_000)
    assert time.perf_counter() - started < 20


def test_parse_leaves_the_garbage_collector_as_it_found_it():
    import gc

    assert gc.isenabled()
    parse("1 + 1")
    parse_or_error("1 +")
    assert gc.isenabled()


def test_parses_from_several_threads_agree():
    import threading

    results: list[str] = []

    def work() -> None:
        for _ in range(50):
            results.append(parse("Get-X -A 1,2 | ? { $_ }").end[0].extent.text)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["Get-X -A 1,2 | ? { $_ }"] * 200


@pytest.mark.parametrize("text", [
    "1+" * 600_000 + "1",
    '"' + "$x" * 1_100_000 + '"',
])
def test_token_flood_is_refused_promptly(text):
    started = time.perf_counter()
    result = parse_or_error(text)
    assert isinstance(result, ParseError)
    assert result.errors[0].error_id == "ScriptTooLarge"
    assert time.perf_counter() - started < 60
