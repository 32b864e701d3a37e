#!/usr/bin/env python3
"""The obvious pandas script, as scripts/bench.sh runs it next to `ntm score`: read a survey,
count for each commune the criterion verdict columns (TC1, TC2, …) that say "Đạt", write a CSV
of commune ids and counts.

    python3 scripts/pandas_count.py communes.csv counts.csv
"""

import sys

import pandas as pd

survey = pd.read_csv(sys.argv[1])
criteria = [c for c in survey.columns if c.startswith("TC") and c[2:].isdigit()]
counts = survey[["commune_id"]].copy()
counts["criteria_met"] = (survey[criteria] == "Đạt").sum(axis=1)
counts.to_csv(sys.argv[2], index=False)
