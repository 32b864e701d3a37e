//! Reading the project's YAML files (criteria sets, targets) the same way: serde-saphyr with a
//! budget against alias bombs and deep nesting, errors rendered once with file, line and a
//! snippet, and maps whose entries keep their order and their lines.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::msg::{Msg, YamlKind};

/// Parses `yaml` into `T`; `origin` names the file and `kind` the kind of file in errors.
pub fn parse<T: DeserializeOwned>(yaml: &str, origin: &str, kind: YamlKind) -> Result<T> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_nodes: 1_000_000,
        },
    };
    serde_saphyr::from_str_with_options(yaml, options).map_err(|err| {
        let rendered = err.render_with_options(serde_saphyr::render_options! {
            source_name: Some(origin),
        });
        let rendered = rendered.trim_end();
        Error::usage(Msg::Yaml {
            file: origin.to_owned(),
            line: err.location().map(|at| at.line()),
            kind,
            rendered: rendered
                .strip_prefix("error: ")
                .unwrap_or(rendered)
                .to_owned(),
        })
    })
}

/// A YAML map read as its entries in file order, so that keys can carry their own line
/// (`OrderedMap<Spanned<String>, V>`) and order is kept for reports.
#[derive(Debug)]
pub struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<K, V> {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<OrderedMap<K, V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}
