"""Build hook: copy the top-level grammar/ folder into the wheel.

The design card keeps the Lark grammar at grammar/ beside the package.  An
installed exshell has no checkout around it, so the build copies the .lark
files into exshell/grammar/, where exshell.language.parser looks first.
"""
from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithGrammar(build_py):
    def run(self):
        super().run()
        source = Path(__file__).parent / "grammar"
        target = Path(self.build_lib) / "exshell" / "grammar"
        target.mkdir(parents=True, exist_ok=True)
        for lark_file in source.glob("*.lark"):
            shutil.copy2(lark_file, target / lark_file.name)


setup(cmdclass={"build_py": BuildWithGrammar})
