//! Rich text: paragraphs of runs, each plain or marked with emphasis, strong or a link. It is
//! what a card keeps of an editor's HTML ([`crate::import`]), held as data and drawn as DOM
//! nodes, so story text is never parsed as HTML in the reader's browser.

use serde::{Deserialize, Serialize};

/// Paragraphs of runs. In JSON: `[["Plain, ", {"text": "stressed", "em": true}], ["Second"]]`.
pub type RichText = Vec<Paragraph>;

/// One paragraph: runs in reading order. A `"\n"` inside a run is a line break.
pub type Paragraph = Vec<Run>;

/// A piece of text: a plain string, or an object with marks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Run {
    Plain(String),
    Marked(Marked),
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
