"""Every Python example of the README runs and prints what the README says it prints."""
import contextlib
import io
import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("### Python\n"):README.index("## Records\n")]
EXAMPLES = re.findall(r"```python\n(.*?)```", SECTION, re.S)


def test_the_section_has_its_three_examples():
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize("code", EXAMPLES, ids=["one text", "a batch", "spaCy component"])
def test_python_example(code):
    expected = "".join(line[2:] + "\n" for line in code.splitlines() if line.startswith("# "))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue() == expected
