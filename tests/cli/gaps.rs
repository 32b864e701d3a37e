//! `ntm gaps`: what each commune lacks for its next tier, worst first.

use serde::Deserialize;

use crate::util::{data, expected, ntm};

/// One commune's record in `ntm gaps -f json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    commune_id: String,
    #[allow(dead_code)]
    commune: String,
    #[allow(dead_code)]
    district: String,
    tier: String,
    next_tier: String,
    gaps: Vec<Gap>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Gap {
    criterion: String,
    indicator: Option<String>,
    verdict: String,
    value: Option<f64>,
    threshold: Option<f64>,
    comparison: Option<String>,
    shortfall: Option<f64>,
}

fn gaps(format: &str) -> crate::util::Run {
    ntm(&[
        "gaps",
        "--lang",
        "vi",
        &data("communes.csv"),
        "-c",
        &data("mini-set.yaml"),
        "-f",
        format,
    ])
}

#[test]
fn every_format_matches_its_golden_file() {
    for format in ["csv", "json", "ndjson", "table"] {
        let run = gaps(format);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(run.stdout, expected(&format!("gaps.{format}")), "{format}");
    }
}

#[test]
fn measured_gaps_name_value_threshold_and_shortfall() {
    let communes: Vec<Record> = serde_json::from_str(&gaps("json").stdout).unwrap();
    let a1 = &communes[0];
    assert_eq!(
        (a1.tier.as_str(), a1.next_tier.as_str()),
        ("standard", "advanced")
    );
    assert_eq!(
        a1.gaps,
        [Gap {
            criterion: "1".into(),
            indicator: Some("1.1".into()),
            verdict: "not_met".into(),
            value: Some(55.0),
            threshold: Some(60.0),
            comparison: Some(">=".into()),
            shortfall: Some(5.0),
        }]
    );
    // the model income level is 110 % of the advanced level: 66
    let a2 = &communes[1];
    assert_eq!(a2.next_tier, "model");
    assert_eq!(a2.gaps[0].threshold, Some(66.0));
    assert_eq!(a2.gaps[0].shortfall, Some(5.5));
    // worst first: 4.1 is 20 % over its ceiling, 2.1 is 0.1 % under its floor
    let a4 = &communes[3];
    let order: Vec<_> = a4
        .gaps
        .iter()
        .map(|g| {
            (
                g.criterion.as_str(),
                g.indicator.as_deref(),
                g.verdict.as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("4", Some("4.1"), "not_met"),
            ("2", Some("2.1"), "not_met"),
            ("3", None, "not_met")
        ]
    );
    // verdict-only gaps have no indicator, value or shortfall
    let a5 = &communes[4];
    assert!(a5.gaps.iter().all(|g| g.indicator.is_none()
        && g.value.is_none()
        && g.shortfall.is_none()
        && g.verdict == "not_assessed"));
    assert!(communes.iter().all(|c| c.commune_id != "model"));
}
