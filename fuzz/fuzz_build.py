"""Coverage-guided fuzzing of the parse-and-build path with atheris (longer, on demand).

    pip install atheris
    python fuzz/fuzz_build.py -runs=200000        # or -max_total_time=600

It drives the same property test that CI runs a fixed number of times
(tests/test_properties.py::test_fuzz_any_bytes_never_crash_the_pipeline)
through hypothesis' fuzzing entry point, so a crash found here is reported as
a hypothesis example that the test suite can keep.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports():
    from test_properties import test_fuzz_any_bytes_never_crash_the_pipeline

if __name__ == "__main__":
    atheris.Setup(sys.argv, test_fuzz_any_bytes_never_crash_the_pipeline.hypothesis.fuzz_one_input)
    atheris.Fuzz()
