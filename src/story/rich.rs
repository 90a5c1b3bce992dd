//! Rich text: paragraphs of runs, each plain or marked with emphasis, strong or a link. It is
//! what a card keeps of an editor's HTML ([`crate::import`]), held as data and drawn as DOM
//! nodes, so story text is never parsed as HTML in the reader's browser.

use serde::{Deserialize, Serialize};

/// Paragraphs of runs. In JSON: `[["Plain, ", {"text": "stressed", "em": true}], ["Second"]]`.
pub type RichText = Vec<Paragraph>;

/// One paragraph: runs in reading order. A `"\n"` inside a run is a line break.
pub type Paragraph = Vec<Run>;

/// A piece of text: a plain string, or an object with marks.
// Read by hand (`RunVisitor`) rather than with serde's `untagged`: that buffers each run first
// (serde's `Content`, in the map's wasm for this type alone), and when neither shape fits it
// says only "data did not match any variant", so an editor never learnt which field was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Run {
    Plain(String),
    Marked(Marked),
}

/// What serde says a run should be; the every-problem reader words it as "a string".
const RUN_EXPECTED: &str = "a string, or an object with text";

impl<'de> Deserialize<'de> for Run {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RunVisitor)
    }
}

/// Reads a run: a string is plain text; an object is read as [`Marked`], so its own problems
/// (an unknown field, a missing `text`) are reported at their place.
struct RunVisitor;

impl<'de> serde::de::Visitor<'de> for RunVisitor {
    type Value = Run;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(RUN_EXPECTED)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Run, E> {
        Ok(Run::Plain(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Run, E> {
        Ok(Run::Plain(v))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Run, A::Error> {
        Marked::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Run::Marked)
    }
}

/// Text with emphasis, strong importance and/or a link (http or https only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Marked {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Run {
    /// A run with these marks: plain when it has none, so stories stay short.
    ///
    /// ```
    /// use tripmap::story::Run;
    /// assert_eq!(Run::new("a", false, false, None), Run::Plain("a".into()));
    /// assert_eq!(serde_json::to_string(&Run::new("b", true, false, None)).unwrap(), r#"{"text":"b","em":true}"#);
    /// ```
    pub fn new(text: &str, em: bool, strong: bool, href: Option<&str>) -> Run {
        if !em && !strong && href.is_none() {
            Run::Plain(text.to_string())
        } else {
            Run::Marked(Marked { text: text.to_string(), em, strong, href: href.map(str::to_string) })
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Run::Plain(t) => t,
            Run::Marked(m) => &m.text,
        }
    }

    pub fn em(&self) -> bool {
        matches!(self, Run::Marked(m) if m.em)
    }

    pub fn strong(&self) -> bool {
        matches!(self, Run::Marked(m) if m.strong)
    }

    pub fn href(&self) -> Option<&str> {
        match self {
            Run::Marked(m) => m.href.as_deref(),
            Run::Plain(_) => None,
        }
    }

    /// True when `other` has the same marks, so the two can be one run.
    fn same_marks(&self, other: &Run) -> bool {
        self.em() == other.em() && self.strong() == other.strong() && self.href() == other.href()
    }
}

/// Appends `run` to `paragraph`, merging it into the last run when their marks match.
pub fn push_run(paragraph: &mut Paragraph, run: Run) {
    if run.text().is_empty() {
        return;
    }
    match paragraph.last_mut() {
        Some(last) if last.same_marks(&run) => match last {
            Run::Plain(t) => t.push_str(run.text()),
            Run::Marked(m) => m.text.push_str(run.text()),
        },
        _ => paragraph.push(run),
    }
}

/// The text without marks, paragraphs separated by a blank line.
///
/// ```
/// use tripmap::story::{plain_text, Run};
/// let text = vec![vec![Run::Plain("One ".into()), Run::new("two", true, false, None)], vec![Run::Plain("Three".into())]];
/// assert_eq!(plain_text(&text), "One two\n\nThree");
/// ```
pub fn plain_text(text: &RichText) -> String {
    text.iter().map(|p| p.iter().map(Run::text).collect::<String>()).collect::<Vec<_>>().join("\n\n")
}
