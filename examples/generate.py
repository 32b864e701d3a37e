#!/usr/bin/env python3
"""Synthetic survey data for ntm: the shipped example files, and rows for benchmarks.

Every value is invented. The province is modelled on a Northern Midlands and Mountains province
at the end of 2022, with the band counts a real provincial report gave for that date: 17 communes
at 19 criteria, 3 at 15-18, 50 at 10-14, 68 at 5-9 and 1 under 5. Of the 17 standard communes,
four are advanced and one of them is a model commune. Run it again to get the same file: the
random generator is seeded.

    python3 examples/generate.py > examples/tinh-mau-2022.csv
    python3 examples/generate.py 2026 > examples/tinh-mau-2026.csv
    python3 examples/generate.py previous > examples/tinh-mau-2022-thang-11.csv

The third file is the same province a month earlier: a dozen communes had not yet met a
criterion they meet now, and three still met one they have since lost — what `ntm diff` and
`ntm report --previous` show. The second file is the same kind of province, 40 communes after the 2025 merger, assessed in 2026
against the ten criteria of 2026–2030 by verdict only (their indicator table is not known).

    python3 examples/generate.py bench 300000 [--seed S] > communes.csv

writes that many synthetic communes of vn-commune-2021-2025 for benchmarks (scripts/bench.sh):
unique ids, communes in all seven regions and the years 2022–2025, every indicator and verdict
column filled as a province fills them — measured values around the set's thresholds, written
with a decimal point or comma and sometimes a percent sign; Đạt, Không đạt, Cơ bản đạt or blank
verdicts. The same count and seed give the same file (seed 1 unless told).
"""

import csv
import random
import sys

rng = random.Random(2022)

DISTRICTS = [
    "Hòa An", "Hà Quảng", "Nguyên Bình", "Bảo Lạc", "Bảo Lâm",
    "Trùng Khánh", "Hạ Lang", "Quảng Hòa", "Thạch An",
]
FIRST = ["An", "Bình", "Cao", "Đức", "Hồng", "Hưng", "Kim", "Minh", "Ngọc", "Phúc",
         "Quang", "Tân", "Thái", "Thanh", "Trung", "Vĩnh", "Xuân", "Yên"]
SECOND = ["Lạc", "Long", "Phong", "Thịnh", "Sơn", "Hà", "Tiến", "Lợi", "Hòa", "Thành",
          "Khê", "Lâm", "Quý", "Đạo", "Việt", "Xuyên"]

# (count, fewest, most criteria met), as the 2022 report gave them
BANDS = [(17, 19, 19), (3, 15, 18), (50, 10, 14), (68, 5, 9), (1, 4, 4)]

# How readily each criterion is met: planning, irrigation, electricity, commerce, information,
# education and security are met almost everywhere; income, poverty and environment rarely.
EASE = {1: 9, 2: 4, 3: 9, 4: 9, 5: 4, 6: 5, 7: 9, 8: 9, 9: 5, 10: 1.2, 11: 1, 12: 4,
        13: 4, 14: 9, 15: 5, 16: 5, 17: 1.2, 18: 5, 19: 9}

# criteria judged from indicator columns (their lists are complete); the rest by TC<n>
BY_INDICATORS = {2, 3, 10}


def pick_met(k):
    pool = list(EASE)
    met = set()
    while len(met) < k:
        weights = [EASE[c] for c in pool]
        c = rng.choices(pool, weights)[0]
        met.add(c)
        pool.remove(c)
    return met


def pct(lo, hi, comma=True):
    v = round(rng.uniform(lo, hi), 1)
    s = f"{v:g}"
    if comma and rng.random() < 0.5:
        s = s.replace(".", ",")
    if rng.random() < 0.3:
        s += "%"
    return s


def main(previous=False):
    names = rng.sample([f"{a} {b}" for a in FIRST for b in SECOND], 139)
    targets = []
    for count, lo, hi in BANDS:
        targets += [rng.randint(lo, hi) for _ in range(count)]
    rng.shuffle(targets)
    # the standard communes carry the 16 hamlets recognised standard
    standard_hamlets = [1] * 16 + [0]
    rng.shuffle(standard_hamlets)

    # of the standard communes, four are advanced and one of those is a model commune
    standard_ids = [i for i, k in enumerate(targets) if k == 19]
    advanced = set(rng.sample(standard_ids, 4))
    model = set(rng.sample(sorted(advanced), 1))

    header = ["commune_id", "commune", "district", "province", "region", "dbkk_atk", "year",
              "hamlets", "hamlets_standard", "hamlets_model", "2.1", "2.2", "2.3", "2.4", "3.1",
              "3.2", "8.1", "8.2", "8.3", "8.4", "10", "15.3"]
    header += [f"TC{n}" for n in range(1, 20)]
    header += ["NC16.1"] + [f"NC{n}" for n in range(1, 20)]
    header += ["smart_hamlets", "outstanding_field", "outstanding_field_met", "KM2", "KM3", "KM4"]
    rows = []
    for i, (name, k) in enumerate(zip(names, targets)):
        met = pick_met(k)
        row = {h: "" for h in header}
        row["commune_id"] = f"X{i + 1:03d}"
        row["commune"] = f"Xã {name}"
        row["district"] = DISTRICTS[i % len(DISTRICTS)]
        row["province"] = "Tỉnh mẫu"
        row["region"] = "TDMNPB"
        row["dbkk_atk"] = "x" if rng.random() < 0.3 else ""
        row["year"] = "2022"
        hamlets = rng.randint(6, 20)
        row["hamlets"] = str(hamlets)
        row["hamlets_standard"] = str(standard_hamlets.pop()) if k == 19 else "0"
        row["hamlets_model"] = str(rng.randint(1, 2)) if i in model else ""

        # criterion 2: 2.1 at 100 %, 2.2 >= 80, 2.3 >= 50, 2.4 >= 70 when met
        roads = {"2.1": "100", "2.2": pct(80, 100), "2.3": pct(50, 95), "2.4": pct(70, 100)}
        if rng.random() < 0.15:
            roads["2.2"] = "80"  # exactly at the threshold
        if 2 not in met:
            short = rng.choice(["2.1", "2.2", "2.3", "2.4"])
            roads[short] = {"2.1": pct(60, 99.9), "2.2": pct(30, 79.9),
                            "2.3": pct(10, 49.9), "2.4": pct(20, 69.9)}[short]
        row.update(roads)

        # criterion 3: 3.1 >= 80 % and 3.2 met
        row["3.1"] = pct(80, 98)
        row["3.2"] = "Đạt"
        if 3 not in met:
            if rng.random() < 0.5:
                row["3.1"] = pct(55, 79.9)
            else:
                row["3.2"] = "Không đạt"

        # criterion 10: income in 2022, >= 39 million dong in this region
        income = round(rng.uniform(39, 52), 1) if 10 in met else round(rng.uniform(14, 38.9), 1)
        if 10 in met and rng.random() < 0.1:
            income = 39.0
        row["10"] = f"{income:g}".replace(".", ",")

        # criterion 8: four yes/no indicators, all met when the criterion is
        for ind in ["8.1", "8.2", "8.3", "8.4"]:
            row[ind] = "Có"
        if 8 not in met:
            row[rng.choice(["8.1", "8.3", "8.4"])] = "Không"

        # indicators recorded alongside the verdict of partial criteria
        row["15.3"] = pct(12, 23.9) if 15 in met else pct(14, 32)
        # access to law (18.4) is an indicator of 2024 on (QĐ 211): in 2022 it shows only in
        # the verdict of criterion 18
        access_to_law = 18 in met or rng.random() < 0.5

        for n in range(1, 20):
            if n in BY_INDICATORS or n == 8:
                continue
            if n in met:
                row[f"TC{n}"] = "Đạt"
            else:
                r = rng.random()
                row[f"TC{n}"] = "Cơ bản đạt" if r < 0.15 else ("" if r < 0.18 else "Không đạt")
        # a verdict column never contradicts the indicators of a partial criterion
        if not access_to_law:
            row["TC18"] = "Không đạt"
        stunting = float(row["15.3"].rstrip("%").replace(",", "."))
        if stunting > 24 and row["TC15"]:
            row["TC15"] = "Không đạt"
        # the advanced tier is assessed only for standard communes
        if k == 19:
            for n in range(1, 20):
                row[f"NC{n}"] = "Đạt"
            row["NC16.1"] = "Đạt"
            if i not in advanced:
                for n in rng.sample(range(1, 20), rng.randint(1, 4)):
                    row[f"NC{n}"] = rng.choice(["Không đạt", "Không đạt", "Cơ bản đạt", ""])
                if row["NC16"] == "Không đạt":
                    row["NC16.1"] = rng.choice(["Đạt", "Không đạt"])
        if i in model:
            row["smart_hamlets"] = "1"
            row["outstanding_field"] = "Du lịch"
            row["outstanding_field_met"] = "Đạt"
            row["KM2"] = "Đạt"
        elif i in advanced:
            row["smart_hamlets"] = "0"
            row["KM2"] = rng.choice(["Đạt", "Không đạt"])
        rows.append(row)
    if previous:
        month = random.Random(1122)
        verdict_only = [n for n in range(1, 20) if n not in BY_INDICATORS and n != 8]
        for row in month.sample(rows, 12):
            met = [n for n in verdict_only if row[f"TC{n}"] == "Đạt"]
            row[f"TC{month.choice(met)}"] = "Không đạt"
        for row in month.sample(rows, 3):
            unmet = [n for n in verdict_only if row[f"TC{n}"] == "Không đạt"]
            if unmet:
                row[f"TC{month.choice(unmet)}"] = "Đạt"
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    for row in rows:
        out.writerow([row[h] for h in header])


def main_2026():
    """40 merged communes, groups 1–3, verdicts for the ten criteria and the modern tier."""
    names = rng.sample([f"{a} {b}" for a in FIRST for b in SECOND], 40)
    header = ["commune_id", "commune", "province", "group", "year", "hamlets",
              "hamlets_standard"] + [f"TC{n}" for n in range(1, 11)] + ["HD1"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    ease = {1: 9, 2: 4, 3: 1.5, 4: 4, 5: 5, 6: 1.2, 7: 3, 8: 2, 9: 6, 10: 8}
    for i, name in enumerate(names):
        group = rng.choices(["1", "2", "3"], [1, 4, 5])[0]
        k = min(10, max(2, round(rng.gauss(7.5 if group != "3" else 5.5, 2))))
        pool, met = list(ease), set()
        while len(met) < k:
            c = rng.choices(pool, [ease[c] for c in pool])[0]
            met.add(c)
            pool.remove(c)
        row = [f"M{i + 1:03d}", f"Xã {name}", "Tỉnh mẫu", group, "2026"]
        hamlets = rng.randint(12, 35)
        row += [str(hamlets), str(rng.randint(0, hamlets // 3))]
        for n in range(1, 11):
            if n in met:
                row.append("Đạt")
            else:
                r = rng.random()
                row.append("Cơ bản đạt" if r < 0.2 else ("" if r < 0.25 else "Không đạt"))
        row.append(("Đạt" if rng.random() < 0.4 else "Không đạt") if k == 10 else "")
        out.writerow(row)


# vn-commune-2021-2025 as scripts/bench.sh feeds it to ntm: its columns in the order of
# `ntm template`, leaving out the text ones.
BENCH_REGIONS = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"]
BENCH_YEARS = ["2022", "2023", "2024", "2025"]
# measured indicators: (is a percentage, the level values fall around in each region: the
# set's level, or a plausible one where the set gives none)
BENCH_MEASURED = {
    "2.1": (True, [100] * 7),
    "2.2": (True, [80, 50, 50, 50, 50, 50, 50]),
    "2.3": (True, [50] * 7),
    "2.4": (True, [70, 50, 50, 50, 50, 50, 50]),
    "3.1": (True, [80] * 7),
    "10": (False, [39, 50, 50, 50, 50, 50, 50]),
    "11": (True, [5] * 7),
    "15.3": (True, [24, 16.5, 25, 22, 26.5, 14.5, 19]),
    "17.1": (True, [80] * 7),
}
BENCH_HEADER = (
    ["commune_id", "commune", "district", "province", "region", "dbkk_atk", "year", "hamlets",
     "hamlets_standard", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "8.1", "8.2", "8.3", "8.4",
     "10", "11", "13.1", "15.3", "15.4", "17.1", "18.4", "NC16.1", "smart_hamlets",
     "outstanding_field_met"]
    + [f"TC{n}" for n in range(1, 20)]
    + [f"NC{n}" for n in range(1, 20)]
    + ["KM2", "KM3", "KM4"]
)
# verdicts drawn one in a hundred: 70 met, 20 not met, 7 basically met, 3 not assessed
BENCH_VERDICTS = ["Đạt"] * 70 + ["Không đạt"] * 20 + ["Cơ bản đạt"] * 7 + [""] * 3
BENCH_YES_NO = ["Đạt"] * 7 + ["Không đạt"] * 3


def bench(n, seed):
    """`n` synthetic communes of vn-commune-2021-2025, deterministic from `seed`."""
    rng = random.Random(seed)
    first_verdict = BENCH_HEADER.index("TC1")
    measured = {BENCH_HEADER.index(c): m for c, m in BENCH_MEASURED.items()}
    smart_hamlets = BENCH_HEADER.index("smart_hamlets")
    # per indicator column: None for a yes/no one, "count" for a number of hamlets, else measured
    cells = []
    for i in range(BENCH_HEADER.index("2.1"), first_verdict):
        cells.append("count" if i == smart_hamlets else measured.get(i))
    verdicts = len(BENCH_HEADER) - first_verdict
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(BENCH_HEADER)
    for i in range(n):
        region = rng.randrange(7)
        hamlets = rng.randint(5, 34)
        row = [f"C{i + 1:07d}", f"Xã Số {i + 1}", f"Huyện {i % 701 + 1}", f"Tỉnh {i % 34 + 1}",
               BENCH_REGIONS[region], "x" if rng.random() < 0.1 else "",
               rng.choice(BENCH_YEARS), str(hamlets), str(rng.randint(0, hamlets))]
        for cell in cells:
            if cell is None:
                row.append(rng.choice(BENCH_YES_NO))
                continue
            if cell == "count":
                row.append(str(rng.randint(0, 2)))
                continue
            percent, around = cell
            value = around[region] * (0.8 + 0.4 * rng.random())
            if percent:
                value = min(value, 100.0)
            text = f"{value:.1f}"
            r = rng.random()
            if r < 0.5:
                text = text.replace(".", ",")
            if percent and r > 0.8:
                text += "%"
            row.append(text)
        row += rng.choices(BENCH_VERDICTS, k=verdicts)
        out.writerow(row)


def bench_arguments(args):
    """`N [--seed S]` as (N, S), or exits with a usage message."""
    usage = "usage: python3 examples/generate.py bench N [--seed S]"
    try:
        if len(args) == 1:
            return int(args[0]), 1
        if len(args) == 3 and args[1] == "--seed":
            return int(args[0]), int(args[2])
    except ValueError:
        pass
    sys.exit(usage)


if __name__ == "__main__":
    if sys.argv[1:2] == ["bench"]:
        bench(*bench_arguments(sys.argv[2:]))
    elif sys.argv[1:] == ["2026"]:
        main_2026()
    elif sys.argv[1:] == ["previous"]:
        main(previous=True)
    else:
        main()
