"""exshell: a PowerShell-compatible shell for Exchange 2010 transport management.

Data flows one way: text -> grammar/ (Lark) -> exshell.language (AST, evaluator,
pipelines) -> exshell.cmdlets via exshell.binder -> exshell.store -> exshell.transport.
exshell.host holds the console, the script runner and output formatting.
Importing this package loads nothing heavy.
"""
__version__ = "0.1.0"
