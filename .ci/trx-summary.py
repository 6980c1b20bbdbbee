#!/usr/bin/env python3
"""Sum the test counters of every .trx file under a folder.

Prints one line per test run (assembly), the names of skipped and failed tests, and last the
closing line "N passed, N failed" (with ", N skipped" when any test was skipped).

Exit code: 0 when at least one test ran and none failed, 1 otherwise.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
# Outcomes that mean "the test did not pass" in a VSTest .trx file.
FAILING = ("failed", "error", "timeout", "aborted", "passedButRunAborted", "disconnected")


def main() -> int:
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "TestResults")
    files = sorted(folder.rglob("*.trx"))
    passed = failed = skipped = 0
    skipped_names: list[str] = []
    failed_names: list[str] = []

    for trx in files:
        root = ET.parse(trx).getroot()
        counters = root.find(f"{NS}ResultSummary/{NS}Counters")
        if counters is None:
            print(f"  {trx.name}: no counters (test run did not finish?)")
            failed += 1
            continue

        def count(name: str) -> int:
            return int(counters.get(name, "0"))

        run_passed = count("passed")
        run_failed = sum(count(name) for name in FAILING)
        run_skipped = count("notExecuted") + count("inconclusive")
        passed += run_passed
        failed += run_failed
        skipped += run_skipped

        storage = ""
        definition = root.find(f"{NS}TestDefinitions/{NS}UnitTest")
        if definition is not None:
            storage = pathlib.Path(definition.get("storage", "")).name
        label = storage or trx.name
        print(f"  {label}: {run_passed} passed, {run_failed} failed, {run_skipped} skipped")

        for result in root.iter(f"{NS}UnitTestResult"):
            outcome = result.get("outcome", "")
            name = result.get("testName", "?")
            if outcome in ("NotExecuted", "Inconclusive"):
                skipped_names.append(name)
            elif outcome not in ("Passed",):
                failed_names.append(f"{name} ({outcome})")

    if not files:
        print(f"  no .trx files under {folder}")

    for name in failed_names:
        print(f"  FAILED: {name}")
    if skipped:
        print(f"  {skipped} test(s) were SKIPPED:")
        for name in skipped_names:
            print(f"    skipped: {name}")

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 0 if passed + failed > 0 and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
