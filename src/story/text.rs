//! Story text in one language or several: `"Lima"` or `{"en": "Lima", "ar": "ليما"}`.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// A text field: one string for every language, or translations keyed by language code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl Text {
    /// The text in `lang`, else in the story's `default` language, else in any language given:
    /// a missing translation never leaves an empty box.
    ///
    /// ```
    /// use tripmap::story::Text;
    /// let t: Text = serde_json::from_str(r#"{"en": "Lima", "ar": "ليما"}"#).unwrap();
    /// assert_eq!(t.get("ar", "en"), "ليما");
    /// assert_eq!(t.get("es", "en"), "Lima");
    /// let plain: Text = serde_json::from_str(r#""Lima""#).unwrap();
    /// assert_eq!(plain.get("ar", "en"), "Lima");
    /// ```
    pub fn get<'a>(&'a self, lang: &str, default: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(m) => [lang, default]
                .iter()
                .find_map(|l| m.get(*l).filter(|s| !s.trim().is_empty()))
                .or_else(|| m.values().find(|s| !s.trim().is_empty()))
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// The text of a story already resolved to one language ([`super::Story::localized`]).
    pub fn as_str(&self) -> &str {
        self.get("", "")
    }

    /// True when there is no text in any language.
    pub fn is_empty(&self) -> bool {
        self.as_str().trim().is_empty()
    }

    /// The language codes this text has its own translation for (none for plain text).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => vec![],
            Text::Translated(m) => m.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, _)| k.as_str()).collect(),
        }
    }

    /// This text resolved to one language.
    pub fn resolve(&self, lang: &str, default: &str) -> Text {
        Text::Plain(self.get(lang, default).to_string())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Translated(m) => m.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a string, or translations like {"en": "…", "es": "…"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut m = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    m.insert(k, v);
                }
                Ok(Text::Translated(m))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text in one language, or translations keyed by language code: {\"en\": \"Lima\", \"ar\": \"ليما\"}",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$" },
                    "additionalProperties": { "type": "string" }
                }
            ]
        })
    }
}
