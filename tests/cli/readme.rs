//! The documents keep their promises: the README's two set-up commands, and a list of unverified
//! values in docs/criteria-sets.md that names everything the built-in sets mark unverified.

use ntm::criteria::{BUILTIN_SETS, CriteriaSet};

use crate::util::repo;

fn readme() -> String {
    std::fs::read_to_string(repo("README.md")).unwrap()
}

fn criteria_sets() -> String {
    std::fs::read_to_string(repo("docs/criteria-sets.md")).unwrap()
}

#[test]
fn the_set_up_commands_are_there() {
    let readme = readme();
    assert!(readme.contains(
        "cargo run --release -- score examples/tinh-mau-2022.csv --criteria vn-commune-2021-2025"
    ));
    assert!(readme.contains("\ncargo test "));
    let ci = std::fs::read_to_string(repo(".ci/run")).unwrap();
    assert!(ci.contains("\ncargo test\n"));
}

#[test]
fn the_unverified_list_names_every_unverified_item() {
    let doc = criteria_sets();
    let section = doc
        .split("## Unverified values")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    for builtin in BUILTIN_SETS {
        let set = CriteriaSet::from_yaml(builtin.yaml, builtin.id).unwrap();
        assert!(doc.contains(&format!("`{}`", set.id)));
        for tier in &set.tiers {
            for criterion in &tier.criteria {
                let name = criterion.name.en.as_str();
                if criterion.indicators.is_empty() {
                    assert!(
                        section.contains(&format!("{} {name}", criterion.number)),
                        "verdict-only criterion {} {name} missing",
                        criterion.number
                    );
                } else if !criterion.indicators_complete {
                    assert!(
                        section.contains(&format!("{} (", criterion.number)),
                        "partial criterion {} missing",
                        criterion.number
                    );
                }
            }
        }
        for (_, _, indicator) in set.indicators().filter(|(_, _, i)| !i.verified) {
            assert!(
                section.contains(&indicator.id),
                "indicator {} missing",
                indicator.id
            );
        }
        for u in set.unverified() {
            assert!(
                section.contains(&u.indicator.id),
                "threshold of {} missing",
                u.indicator.id
            );
        }
    }
}

#[test]
fn the_readme_links_every_page_under_docs() {
    let readme = readme();
    for entry in std::fs::read_dir(repo("docs")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if std::path::Path::new(&name).extension() == Some("md".as_ref()) {
            assert!(
                readme.contains(&format!("](docs/{name})")),
                "README does not link docs/{name}"
            );
        }
    }
}
