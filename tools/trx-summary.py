#!/usr/bin/env python3
"""Sum the test counters of every .trx file under a folder.

Prints one line per test run (assembly), the names of skipped and failed tests, and last the
closing line "N passed, N failed" (with ", N skipped" when any test was skipped).

Exit code: 0 when at least one test ran and none failed, 1 otherwise.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
# Outcomes that mean "the test did not pass" in a VSTest .trx file.
FAILING = ("failed", "error", "timeout", "aborted", "passedButRunAborted", "disconnected")
# Result outcomes of tests that did not run (xunit's Skip is "NotExecuted").
SKIPPED = ("NotExecuted", "Inconclusive", "NotRunnable", "Pending")


def assembly_of(root: ET.Element) -> str:
    """The test assembly's file name, from the test definitions or, for an empty or crashed run, the messages."""
    method = root.find(f"{NS}TestDefinitions/{NS}UnitTest/{NS}TestMethod")
    if method is not None and method.get("codeBase"):
        return pathlib.Path(method.get("codeBase", "")).name
    texts = [element.text or "" for element in root.iter(f"{NS}Text")]
    texts += [element.text or "" for element in root.iter(f"{NS}StdOut")]
    for text in texts:
        match = re.search(r"([^\s'/\\]+\.dll)", text)
        if match:
            return match.group(1)
    return ""


def run_errors(root: ET.Element) -> str:
    for info in root.iter(f"{NS}RunInfo"):
        if info.get("outcome") == "Error":
            text = info.findtext(f"{NS}Text", default="").strip()
            return " ".join(text.split())[:400]
    return "see the test log above"


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

        # Count the individual results: VSTest's Counters leave skipped tests out of notExecuted.
        run_passed = run_failed = run_skipped = 0
        for result in root.iter(f"{NS}UnitTestResult"):
            outcome = result.get("outcome", "")
            name = result.get("testName", "?")
            if outcome == "Passed":
                run_passed += 1
            elif outcome in SKIPPED:
                run_skipped += 1
                skipped_names.append(name)
            else:
                run_failed += 1
                failed_names.append(f"{name} ({outcome})")

        # A run that recorded failures without results (e.g. a crash mid-run) still counts.
        counted_failures = sum(int(counters.get(name, "0")) for name in FAILING)
        run_failed = max(run_failed, counted_failures)
        passed += run_passed
        failed += run_failed
        skipped += run_skipped

        label = assembly_of(root) or trx.name
        if trx.parent != folder:
            label = f"{trx.parent.name}: {label}"  # one folder per database
        summary = root.find(f"{NS}ResultSummary")
        run_outcome = summary.get("outcome", "") if summary is not None else ""
        note = ""
        if run_outcome in ("Failed", "Error", "Aborted", "Timeout") and run_failed == 0:
            # The test host crashed or the run was aborted with no test marked failed: count it as one failure.
            run_failed = 1
            failed += 1
            failed_names.append(f"{label}: test run {run_outcome.lower()}: {run_errors(root)}")
            note = f" (test run {run_outcome.lower()})"
        elif run_passed + run_failed + run_skipped == 0:
            note = " (no tests)"
        print(f"  {label}: {run_passed} passed, {run_failed} failed, {run_skipped} skipped{note}")

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
