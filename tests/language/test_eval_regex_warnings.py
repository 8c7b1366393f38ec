"""Python's regex warnings and error texts must not leak as if they were exshell's."""
from exshell.session import Session, SessionOptions


def run(text):
    session = Session(options=SessionOptions(non_interactive=True))
    return session.run(text)


def test_nested_set_syntax_prints_no_python_warning(capfd):
    outputs, had_error = run('"x" -match "[[:alpha:]]"')
    assert outputs == [False]
    assert "FutureWarning" not in capfd.readouterr().err


def test_unsupported_pattern_is_an_invalid_regular_expression_record(capfd):
    outputs, had_error = run('"ab" -match "(?<=a|bc)b"')
    assert had_error
    err = capfd.readouterr().err
    assert "The regular expression pattern (?<=a|bc)b is not valid." in err
    assert "regular expression engine cannot use this pattern" in err
