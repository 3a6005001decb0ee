#!/usr/bin/python3
"""The twelve planted bugs of issue 17, each planted alone in a scratch copy of the repository,
with the test files claimed to kill it. For every bug: apply it (one exact text replacement,
which must match once), run the killing tests, record whether they failed, restore the file.

    /usr/bin/python3 scripts/mutation/plantedBugs.py /path/to/scratch/copy   (never the worktree)

Prints one line per bug and exits 1 when a planted bug survived its tests.
"""
import re
import subprocess
import sys
import time

BUGS = [
    ("risk band B moved from 10 % to 15 %",
     "src/main/core/model/ModelArtifact.ts", "{ grade: 'B', upTo: 0.1,", "{ grade: 'B', upTo: 0.15,",
     ["tests/main/core/model/riskGrades.test.ts", "tests/main/core/scoring/scoringOracle.test.ts"]),
    ("batch reasons in reverse order",
     "src/main/core/scoring/ChunkScorer.ts",
     "for (let k = 0; k < 3; k++) row += ',' + this._reasonText(scored, r, k, true)",
     "for (let k = 0; k < 3; k++) row += ',' + this._reasonText(scored, r, 2 - k, true)",
     ["tests/main/core/scoring/scoringOracle.test.ts"]),
    ("a wrong quantile in the profile (q3 at 0.7)",
     "src/main/core/eda/profileTable.ts", "q3: quantileSorted(all, 0.75),", "q3: quantileSorted(all, 0.7),",
     ["tests/main/core/eda/profileTable.oracle.test.ts"]),
    ("a wrong quantile everywhere (position n·q instead of (n − 1)·q)",
     "src/main/core/base/stats.ts", "const pos = (n - 1) * q", "const pos = Math.min(n - 1, n * q)",
     ["tests/main/core/eda/profileTable.oracle.test.ts", "tests/main/core/ml/drift.test.ts"]),
    ("a correlation scaled by 0.9",
     "src/main/core/eda/profileTable.ts", "return sxy / Math.sqrt(sxx * syy)", "return (0.9 * sxy) / Math.sqrt(sxx * syy)",
     ["tests/main/core/eda/profileTable.oracle.test.ts"]),
    ("an off-by-one in the confusion matrix at a threshold",
     "src/main/core/ml/thresholdEvaluation.ts", "if (b >= cut) {", "if (b > cut) {",
     ["tests/main/core/ml/thresholdEvaluation.test.ts"]),
    ("PSI halved",
     "src/main/core/ml/drift.ts", "psi += (a - e) * Math.log(a / e)", "psi += ((a - e) * Math.log(a / e)) / 2",
     ["tests/main/core/ml/drift.test.ts", "tests/main/core/scoring/scoringOracle.test.ts"]),
    ("one raising reason instead of three (single applicant)",
     "src/main/core/scoring/scoreOne.ts",
     "const raising = contributions.filter((c) => c.contribution > 0).slice(0, 3)",
     "const raising = contributions.filter((c) => c.contribution > 0).slice(0, 1)",
     ["tests/main/core/scoring/scoringOracle.test.ts"]),
    ("one raising reason instead of three (batch)",
     "src/main/core/scoring/scoreApplicants.ts", "  batchReasons = 3\n", "  batchReasons = 1\n",
     ["tests/main/core/scoring/scoringOracle.test.ts"]),
    ("an age bracket moved (36-45 ends at 40)",
     "src/main/core/ml/featureEngineering.ts", "upper: [25, 35, 45, 60]", "upper: [25, 35, 40, 60]",
     ["tests/main/core/ml/featureEngineering.test.ts"]),
    ("415 turned into 400 (the catalogue)",
     "src/main/core/base/errors.ts", "    http: 415,", "    http: 400,",
     ["tests/main/http/predictStatuses.test.ts", "tests/main/core/base/classifyError.test.ts"]),
    ("415 turned into 400 (the /predict error handler)",
     "src/main/http/predictServer.ts", "if (error.statusCode === 415)", "if (error.statusCode === 400)",
     ["tests/main/http/predictStatuses.test.ts"]),
    ("the drop-file type check removed (renderer)",
     "src/renderer/src/app/useWindowDrop.ts", "if (!/\\.(csv|tsv|txt)$/i.test(file.name)) {", "if (false) {",
     ["tests/renderer/app/useWindowDrop.test.ts"]),
    ("the drop-file type check removed (main's registry)",
     "src/main/ipc/FileAccess.ts", "if (!/\\.(csv|tsv|txt)$/i.test(path)) {", "if (false) {",
     ["tests/main/ipc/FileAccess.test.ts"]),
    ("a one-valued target accepted",
     "src/main/core/data/targetClasses.ts", "  if (values.length === 1) {", "  if (values.length === -1) {",
     ["tests/main/cli/importRefusals.test.ts"]),
    ("an unknown --kind column accepted",
     "src/main/core/storage/importCsv.ts", "if (!header.includes(name))", "if (false)",
     ["tests/main/cli/importRefusals.test.ts"]),
]


def main(root):
    survived = 0
    for name, path, old, new, tests in BUGS:
        full = f"{root}/{path}"
        original = open(full, encoding="utf8").read()
        if original.count(old) != 1:
            print(f"CANNOT PLANT  {name}: the text to replace occurs {original.count(old)} times in {path}")
            survived += 1
            continue
        open(full, "w", encoding="utf8").write(original.replace(old, new))
        started = time.time()
        try:
            run = subprocess.run(["npx", "vitest", "run", *tests], cwd=root, capture_output=True, text=True)
        finally:
            open(full, "w", encoding="utf8").write(original)
        out = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout + run.stderr)
        failed = [l.split("FAIL", 1)[1].strip() for l in out.splitlines() if l.strip().startswith("FAIL ") and " > " in l]
        verdict = "KILLED " if run.returncode != 0 else "SURVIVED"
        if run.returncode == 0:
            survived += 1
        print(f"{verdict} {name} ({time.time() - started:.0f} s) by:")
        for f in dict.fromkeys(failed):
            print(f"    {f}")
        sys.stdout.flush()
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
