#!/usr/bin/env python3
"""Deterministic inputs of the cold-start benchmark (bench/cold/run.sh), written into DIR:
  draft-50mb.md   the Paris negotiating text of 23 Oct 2015 (tests/data/drafts) repeated, blank line between copies,
                  to at least 50,000,000 characters (as bench/Parley.Benchmarks' DraftCorpus.Repeat);
  acled-200k.csv  the shared 1,000-row ACLED sample (tests/data/acled) repeated 200 times, copy k's event_id_cnty
                  suffixed "-k" (as AcledWorkload.Text): 200,000 rows, about 100 MB.
Usage: make-inputs.py REPO DIR"""
import os
import sys

repo, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

draft = os.path.join(out, "draft-50mb.md")
if not os.path.exists(draft):
    with open(os.path.join(repo, "tests/data/drafts/cop21-2015-10-23.md"), encoding="utf-8", newline="") as f:
        text = f.read()
    parts, size = [], 0
    while size < 50_000_000:
        parts.append(text + "\n\n")
        size += len(text) + 2
    with open(draft + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))
    os.replace(draft + ".tmp", draft)

acled = os.path.join(out, "acled-200k.csv")
if not os.path.exists(acled):
    with open(os.path.join(repo, "tests/data/acled/acled-ukraine-sample.csv"), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header, rows = lines[0], [l for l in lines[1:] if l]
    with open(acled + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for copy in range(200):
            for line in rows:
                # event_id_cnty is the third column and never quoted in the sample.
                first = line.index(",", line.index(",") + 1)
                second = line.index(",", first + 1)
                f.write(line[:second] + "-" + str(copy) + line[second:] + "\n")
    os.replace(acled + ".tmp", acled)
