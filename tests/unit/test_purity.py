import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["requests_app.deadlines", "requests_app.questions"])
def test_domain_module_imports_without_django(module):
    code = f"import sys, {module}; bad = [m for m in sys.modules if m.split('.')[0] == 'django']; assert not bad, bad"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
