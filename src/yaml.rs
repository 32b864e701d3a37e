//! Reading the project's YAML files (criteria sets, targets) the same way: serde-saphyr with a
//! budget against alias bombs and deep nesting, errors rendered once with file, line and a
//! snippet, and maps whose entries keep their order and their lines.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::msg::{Msg, YamlKind};

mod ordered_map;
pub use ordered_map::OrderedMap;

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
