import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLDEN = ROOT / "tests" / "golden"
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds not beside the checkout")


def parse_reply(*args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", "parse_reply", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, **kwargs)


@needs_seeds
@pytest.mark.parametrize("seed", sorted(p.name for p in GOLDEN.glob("*.json")))
def test_each_seed_matches_its_golden_json_in_full(seed):
    """Golden files: every seed reply and its expected parse, compared whole, cell by cell."""
    result = parse_reply(SEEDS / seed.replace(".json", ".txt"), "--json")
    assert result.returncode == 0, result.stderr
    expected = json.loads((GOLDEN / seed).read_text())
    assert json.loads(result.stdout) == expected


def test_several_paths_give_an_array_and_a_bad_file_one_line_on_stderr(tmp_path):
    good = tmp_path / "figures.csv"
    good.write_text("Offence,2018,2019\nHarassment,3,4\nStalking,1,1\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n\x00\x01\x02 not really a pdf")
    result = parse_reply(good, empty, garbage, "--json")
    assert result.returncode == 2
    documents = json.loads(result.stdout)
    assert [d["source"] for d in documents] == ["figures.csv"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and errors[0].startswith(str(empty)) and "empty" in errors[0]
    assert errors[1].startswith(str(garbage)) and "Traceback" not in result.stderr


def test_readable_output_without_json(tmp_path):
    path = tmp_path / "reply.txt"
    path.write_text("Our Ref: FOI2024/001\n\nOffence\t2018\t2019\tTotal\nHarassment\t3\t4\t8\nTotal\t3\t4\t8\n")
    result = parse_reply(path)
    assert result.returncode == 0, result.stderr
    assert "Harassment" in result.stdout and "DO NOT ADD UP" in result.stdout
    assert "stated 8, sum 7" in result.stdout


def test_size_limit_is_a_clear_error(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" * 1000)
    result = parse_reply(path, "--max-bytes", "100")
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}: file is 4,000 bytes, over the 100-byte limit"
