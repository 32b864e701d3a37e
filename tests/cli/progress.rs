//! `ntm progress`: counts by tier and band, targets with their gaps, bottlenecks, candidates,
//! and the exit status of `--check`.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::util::{ntm, ntm_with, repo};

fn progress(csv: &str, targets: Option<&str>, extra: &[&str]) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "progress".to_owned(),
        "-".to_owned(),
        "--criteria".to_owned(),
        "vn-commune-2021-2025".to_owned(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    if let Some(targets) = targets {
        let path = dir.path().join("targets.yaml");
        std::fs::write(&path, targets).unwrap();
        args.push("--targets".to_owned());
        args.push(path.to_string_lossy().into_owned());
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ntm_with(&args, Some(csv), None)
}

/// A survey with one commune per entry: (id, district, criteria met by verdict, hamlets,
/// hamlets standard), the rest of the 19 criteria not met.
fn survey(communes: &[(&str, &str, u32, u32, u32)]) -> String {
    let mut csv = String::from("commune_id,district,hamlets,hamlets_standard");
    for n in 1..=19 {
        let _ = write!(csv, ",TC{n}");
    }
    csv.push('\n');
    for (id, district, met, hamlets, standard) in communes {
        let _ = write!(csv, "{id},{district},{hamlets},{standard}");
        for n in 1..=19 {
            csv.push_str(if n <= *met {
                ",Đạt"
            } else {
                ",Không đạt"
            });
        }
        csv.push('\n');
    }
    csv
}

fn report(run: &crate::util::Run) -> Value {
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn band_counts(r: &Value) -> Vec<(String, u64)> {
    r["bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["band"].as_str().unwrap().to_owned(),
                b["communes"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn bands_at_their_edges() {
    let edges = [4, 5, 9, 10, 14, 15, 18, 19];
    let communes: Vec<_> = edges
        .iter()
        .enumerate()
        .map(|(i, met)| {
            (
                ["A", "B", "C", "D", "E", "F", "G", "H"][i],
                "X",
                *met,
                10,
                0,
            )
        })
        .collect();
    let r = report(&progress(&survey(&communes), None, &[]));
    assert_eq!(
        band_counts(&r),
        [
            ("19".to_owned(), 1),
            ("15-18".to_owned(), 2),
            ("10-14".to_owned(), 2),
            ("5-9".to_owned(), 2),
            ("<5".to_owned(), 1)
        ]
    );
    assert_eq!(r["average_criteria"], json!(11.75));
    assert_eq!(r["tiers"][1], json!({"tier": "standard", "communes": 1}));
}

#[test]
fn the_province_of_the_2022_report_is_reproduced_exactly() {
    // Seed report, end of 2022: 17 communes standard, 3 at 15–18, 50 at 10–14, 68 at 5–9,
    // 1 under 5; targets of 50 standard, 10 advanced, 5 model, none under 15 criteria.
    let run = ntm(&[
        "progress",
        &repo("examples/tinh-mau-2022.csv"),
        "--criteria",
        "vn-commune-2021-2025",
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "--format",
        "json",
        "--check",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(r["province"], "Tỉnh mẫu");
    assert_eq!(r["communes"], 139);
    assert_eq!(
        band_counts(&r),
        [
            ("19".to_owned(), 17),
            ("15-18".to_owned(), 3),
            ("10-14".to_owned(), 50),
            ("5-9".to_owned(), 68),
            ("<5".to_owned(), 1)
        ]
    );
    let target = |name: &str| {
        r["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        target("standard_communes"),
        json!({"name": "standard_communes", "required": 50, "actual": 17, "gap": 33, "met": false, "note": null})
    );
    assert_eq!(target("advanced_communes")["gap"], 6);
    assert_eq!(target("model_communes")["gap"], 4);
    // none under 15: every commune in the 10–14, 5–9 and <5 bands is still below
    assert_eq!(target("min_criteria_per_commune")["gap"], 119);
    assert_eq!(target("min_criteria_per_commune")["actual"], 4);
    // 30 % of 1783 hamlets is 535 (rounded up); 16 are standard
    assert_eq!(target("hamlet_standard_share")["gap"], 535 - 16);
    // candidates: as many as each gap needs, from the tier below
    let candidates = r["candidates"].as_array().unwrap();
    let province = |tier: &str| {
        candidates
            .iter()
            .filter(|c| c["scope"] == "province" && c["for_tier"] == tier)
            .count()
    };
    assert_eq!(province("standard"), 33);
    assert_eq!(province("advanced"), 6);
    // only 3 communes are advanced without being model
    assert_eq!(province("model"), 3);
    let lacking: Vec<u64> = candidates
        .iter()
        .filter(|c| c["scope"] == "province" && c["for_tier"] == "standard")
        .map(|c| c["lacking"].as_u64().unwrap())
        .collect();
    assert!(lacking.windows(2).all(|w| w[0] <= w[1]), "{lacking:?}");
    // the income criterion holds most communes back
    assert_eq!(r["bottlenecks"][0]["criterion"], 10);
    assert_eq!(r["bottlenecks"][0]["owner"]["vi"], "Cục Thống kê tỉnh");
}

#[test]
fn districts_with_no_commune_at_a_tier_and_targets_already_met() {
    let csv = survey(&[
        ("A", "Đông", 19, 10, 4),
        ("B", "Đông", 15, 10, 3),
        ("C", "Tây", 12, 10, 0),
    ]);
    let targets = "targets:\n  standard_communes: 1\n  min_criteria_per_commune: 12\n  hamlet_standard_share: 0.2\ndistricts:\n  Tây: { standard_communes: 0 }\n  Bắc: { standard_communes: 1 }\n";
    let run = progress(&csv, Some(targets), &["--check"]);
    let r = report(&run);
    // all province targets met, but district Bắc has no communes
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("the targets name district Bắc, which has no communes in the data")
    );
    for t in r["targets"].as_array().unwrap() {
        assert_eq!(t["met"], true, "{t}");
        assert_eq!(t["gap"], 0, "{t}");
    }
    assert_eq!(r["by"], "district");
    let tay = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["group"] == "Tây")
        .unwrap();
    assert_eq!(tay["tiers"][1], json!({"tier": "standard", "communes": 0}));
    assert_eq!(tay["targets"][0]["met"], true);
    let bac = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["group"] == "Bắc")
        .unwrap();
    assert_eq!(bac["communes"], 0);
    assert_eq!(bac["targets"][0]["gap"], 1);

    // without the empty district every target is met: --check exits 0
    let targets = "targets:\n  standard_communes: 1\ndistricts:\n  Tây: { standard_communes: 0 }\n";
    assert_eq!(progress(&csv, Some(targets), &["--check"]).code, 0);
    // grouping by province drops the district sections
    let r = report(&progress(&csv, None, &["--by", "province"]));
    assert_eq!((&r["by"], &r["groups"]), (&Value::Null, &json!([])));
}

#[test]
fn data_not_assessed_leaves_a_target_open() {
    // commune B meets 18 criteria and has one not assessed: it could be standard
    let mut csv = survey(&[("A", "Đông", 19, 10, 2), ("B", "Đông", 18, 10, 2)]);
    csv = csv.replacen("B,Đông,10,2", "B,Đông,,2", 1);
    let last = csv.rfind("Không đạt").unwrap();
    csv.replace_range(last..last + "Không đạt".len(), "");
    let targets = "targets:\n  standard_communes: 2\n  min_criteria_per_commune: 19\n  hamlet_standard_share: 0.1\n";
    let run = progress(&csv, Some(targets), &["--check"]);
    assert_eq!(run.code, 1);
    let r = report(&run);
    let t = r["targets"].as_array().unwrap();
    assert_eq!(t[0]["met"], Value::Null);
    assert_eq!(t[0]["gap"], 1);
    assert!(
        t[0]["note"]
            .as_str()
            .unwrap()
            .contains("1 more commune(s) could reach standard")
    );
    assert_eq!(t[1]["met"], Value::Null);
    assert_eq!(t[1]["actual"], 18);
    assert_eq!(t[2]["met"], Value::Null);
    assert!(
        t[2]["note"]
            .as_str()
            .unwrap()
            .contains("1 commune(s) have no hamlet count")
    );
    assert_eq!(r["bottlenecks"][0]["not_assessed"], 1);
}

#[test]
fn the_report_for_people_has_every_section() {
    let args = [
        "progress",
        &repo("examples/tinh-mau-2022.csv"),
        "--criteria",
        "vn-commune-2021-2025",
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
    ];
    let md = ntm(&[&args[..], &["--format", "markdown", "--lang", "en"]].concat());
    assert_eq!(md.code, 0, "{}", md.stderr);
    for heading in [
        "# New rural development progress — Tỉnh mẫu — targets for 2025",
        "\n## Tier\n",
        "\n## Communes by criteria met\n",
        "\n## Targets\n",
        "\n## By district\n",
        "\n## Targets — Hòa An\n",
        "\n## Criteria holding communes back\n",
        "\n## Communes closest to the next tier\n",
    ] {
        assert!(md.stdout.contains(heading), "{heading}\n{}", md.stdout);
    }
    let table = ntm(&[&args[..], &["--format", "table", "--lang", "vi"]].concat());
    assert_eq!(table.code, 0);
    assert!(table.stdout.contains("Tiêu chí còn nhiều xã chưa đạt"));
}

/// `-o FILE.xlsx` writes the progress report as a workbook: a sheet per section, numbers as
/// numbers, the same figures as the JSON.
#[test]
fn progress_as_a_workbook() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tien-do.xlsx");
    let run = ntm(&[
        "progress",
        "--lang",
        "vi",
        &repo("examples/tinh-mau-2022.csv"),
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = ntm(&[
        "progress",
        "--lang",
        "vi",
        &repo("examples/tinh-mau-2022.csv"),
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Tổng quan", "{names:?}");
    assert!(names.iter().any(|n| n == "Mục tiêu"), "{names:?}");
    let targets = book.worksheet_range("Mục tiêu").unwrap();
    let standard = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "standard_communes")
        .unwrap();
    let row = (1..targets.height())
        .find(|&r| matches!(targets.get((r, 1)), Some(Data::Float(_))))
        .unwrap();
    assert_eq!(
        targets.get((row, 1)),
        Some(&Data::Float(standard["required"].as_f64().unwrap())),
        "{:?}",
        targets.rows().nth(row)
    );

    // not to standard output, and not under another extension
    let run = ntm(&[
        "progress",
        "--lang",
        "vi",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "xlsx",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("không thể ghi tệp Excel ra màn hình (đầu ra chuẩn)"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_department_of_a_criterion_is_the_one_of_the_year_reported_on() {
    // Decree 45/2025/NĐ-CP merged the provincial departments from March 2025: a 2025 report
    // names the Department of Construction for transport, a 2024 one the Department of
    // Transport, which then still existed.
    let dir = tempfile::tempdir().unwrap();
    let owner_of_transport = |year: &str| {
        let path = dir.path().join(format!("{year}.csv"));
        std::fs::write(
            &path,
            format!("commune_id,commune,region,year,TC1,TC2,TC11,TC12\nA,Xã A,DBSH,{year},Đạt,Không đạt,Không đạt,Không đạt\n"),
        )
        .unwrap();
        let run = ntm(&[
            "progress",
            path.to_str().unwrap(),
            "--criteria",
            "vn-commune-2021-2025",
            "--format",
            "json",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let owners: Vec<String> = json["bottlenecks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| [2, 11, 12].contains(&b["criterion"].as_u64().unwrap()))
            .map(|b| b["owner"]["vi"].as_str().unwrap().to_owned())
            .collect();
        owners
    };
    assert_eq!(
        owner_of_transport("2024"),
        [
            "Sở Giao thông vận tải",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Lao động - Thương binh và Xã hội"
        ]
    );
    // not one to one: poverty went to agriculture and environment, labour to home affairs
    assert_eq!(
        owner_of_transport("2025"),
        ["Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ"]
    );
}

/// Every target row says its unit: the minimum is filled in, a share is a percentage, and what
/// is still needed is counted in communes, hamlets or criteria — in either language.
#[test]
fn every_target_states_its_unit_in_either_language() {
    let args = |lang: &'static str| {
        [
            "--lang",
            lang,
            "progress",
            "examples/tinh-mau-2022.csv",
            "-c",
            "vn-commune-2021-2025",
            "--targets",
            "examples/muc-tieu-2025.yaml",
            "--format",
            "markdown",
            "-q",
        ]
    };
    let root = std::path::PathBuf::from(repo(""));
    let vi = ntm_with(&args("vi"), None, Some(&root));
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    for row in [
        "| Không còn xã dưới 15 tiêu chí | 0 xã | 119 xã | 119 xã | ✘ chưa đạt | xã thấp nhất đạt 4 tiêu chí |",
        "| Tỷ lệ thôn đạt chuẩn | 30 % | 0,9 % | 519 thôn | ✘ chưa đạt |  |",
        "| Bình quân tiêu chí/xã | 15 tiêu chí/xã | 10,3 tiêu chí/xã | 653 tiêu chí | ✘ chưa đạt |  |",
        "| Số xã đạt chuẩn trở lên | 50 xã | 17 xã | 33 xã | ✘ chưa đạt |  |",
    ] {
        assert!(vi.stdout.contains(row), "{row}\n{}", vi.stdout);
    }
    let en = ntm_with(&args("en"), None, Some(&root));
    for row in [
        "| No commune under 15 criteria | 0 communes | 119 communes | 119 communes | ✘ not met | lowest: 4 criteria |",
        "| Share of hamlets standard | 30% | 0\\.9% | 519 hamlets | ✘ not met |  |",
        "| Model communes | 5 communes | 1 commune | 4 communes | ✘ not met |  |",
    ] {
        assert!(en.stdout.contains(row), "{row}\n{}", en.stdout);
    }
    assert!(en.stdout.contains("Hamlets standard: 16/1783 (0.9%)"));
    assert!(!en.stdout.contains("under N criteria"));
}

#[test]
fn without_the_recognition_condition_columns_a_tier_is_said_to_mean_the_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let run = |header: &str, cells: &str, lang: &str| {
        let path = dir.path().join("x.csv");
        std::fs::write(
            &path,
            format!("commune_id,commune,region,year,TC1{header}\nA,Xã A,DBSH,2024,Đạt{cells}\n"),
        )
        .unwrap();
        let run = ntm(&[
            "progress",
            path.to_str().unwrap(),
            "--criteria",
            "vn-commune-2021-2025",
            "--format",
            "markdown",
            "--lang",
            lang,
            "-q",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert!(run("", "", "vi").contains(
        "Mức đạt ở đây là đạt các tiêu chí, chưa phải được công nhận: tệp không có cột điều kiện công nhận (Không có nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới;"
    ));
    assert!(run("", "", "en").contains(
        "A tier here means meeting the criteria, not recognition: the survey has no column for the recognition conditions (No outstanding construction debt of the programme; Residents' satisfaction with the results at the required level; No complex security and order situation)"
    ));
    // with two of the three columns, only the third is named
    let some = run(",no_construction_debt,satisfaction", ",Có,Có", "en");
    assert!(
        some.contains("recognition conditions (No complex security and order situation)"),
        "{some}"
    );
    let all = run(
        ",no_construction_debt,satisfaction,security",
        ",Có,Có,Có",
        "en",
    );
    assert!(!all.contains("A tier here means"), "{all}");
}
