#!/usr/bin/env python3
"""Writes the Berlin scenario grown to N statements and M positions, under another id, for the load benchmark.

grow.py SOURCE.yaml ID STATEMENTS POSITIONS > grown.yaml
The added statements are shared, signed by Ukraine or Russia in turn; the added positions move Ukraine's and Russia's
stances on the NATO issue back and forth over the three weeks of the talks, so the status has history to look through.
"""
import sys

source, new_id, statements, positions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
out = []
for line in open(source, encoding="utf-8"):
    if line.startswith("  id: berlin-2025"):
        line = f"  id: {new_id}\n"
    out.append(line)
    if line.startswith("statements:"):
        for k in range(statements):
            day = 21 + k % 25
            month, day = (11, day) if day <= 30 else (12, day - 30)
            party = "ua" if k % 2 == 0 else "ru"
            out.append(f"  - {{id: load-{k}, at: 2025-{month:02d}-{day:02d}, signatories: [{party}], text: Load statement {k}.}}\n")
    if line.startswith("positions:"):
        for k in range(positions):
            day = 21 + k % 25
            month, day = (11, day) if day <= 30 else (12, day - 30)
            party = "ua" if k % 2 == 0 else "ru"
            stance = "acceptable" if k % 4 < 2 else "unacceptable"
            out.append(f"  - {{party: {party}, issue: nato, valid_from: 2025-{month:02d}-{day:02d}T{k % 24:02d}:00:00Z, "
                       f"stances: {{membership-path: {stance}}}}}\n")
sys.stdout.write("".join(out))
