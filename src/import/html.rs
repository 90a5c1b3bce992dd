//! Editors' HTML to [`RichText`]. ammonia (a well-kept sanitizer) keeps paragraphs, line
//! breaks, emphasis and http(s) links and drops every other tag and attribute; html5ever's
//! tokenizer (ammonia's own parser) then reads ammonia's clean output into runs, and reads the
//! raw input once more to tell the editor what was dropped.

use crate::story::{is_web_url, push_run, Paragraph, RichText, Run};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Tags a card keeps as what they are.
const KEPT: [&str; 7] = ["p", "br", "em", "i", "strong", "b", "a"];
/// Tags dropped but whose text is kept as a paragraph of its own.
const BLOCKS: [&str; 13] = ["div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "ul", "ol", "section", "article"];
/// Tags dropped with everything inside them.
const WITH_CONTENT: [&str; 5] = ["script", "style", "template", "iframe", "noscript"];

/// Rich text and what was dropped to get it: `"<script> (with its content)" → 2`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cleaned {
    pub text: RichText,
    pub dropped: BTreeMap<String, usize>,
}

/// Sanitizes `html` and reads it into paragraphs of runs.
///
/// ```
/// use tripmap::import::html::clean;
/// use tripmap::story::Run;
/// let c = clean(r#"<p>Hello <em>there</em><script>alert(1)</script></p><p onclick="x()">Bye<br>now</p>"#);
/// assert_eq!(c.text, vec![
///     vec![Run::Plain("Hello ".into()), Run::new("there", true, false, None)],
///     vec![Run::Plain("Bye\nnow".into())],
/// ]);
/// assert_eq!(c.dropped["<script> (with its content)"], 1);
/// assert_eq!(c.dropped["onclick attribute"], 1);
/// ```
pub fn clean(html: &str) -> Cleaned {
    let safe = sanitizer().clean(html).to_string();
    let reader = Reader::default();
    tokenize(&safe, &reader);
    let mut state = reader.state.into_inner();
    state.end_paragraph();
    Cleaned { text: state.text, dropped: dropped(html) }
}

/// The text of `html` with every tag dropped and whitespace collapsed: for titles and headlines.
///
/// ```
/// assert_eq!(tripmap::import::html::plain("<b>Bogotá</b> &amp; <i>Lima</i>\n"), "Bogotá & Lima");
/// ```
pub fn plain(html: &str) -> String {
    crate::story::plain_text(&clean(html).text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first http(s) link in a piece of embed code (`<iframe src>`, `<a href>`, `<img src>`),
/// as StoryMapJS lets editors paste embed code where a media URL goes.
///
/// ```
/// use tripmap::import::html::first_link;
/// let code = r#"<blockquote class="twitter-tweet"><p>…</p><a href="https://twitter.com/a/status/1">Oct 3</a></blockquote>"#;
/// assert_eq!(first_link(code).as_deref(), Some("https://twitter.com/a/status/1"));
/// ```
pub fn first_link(html: &str) -> Option<String> {
    let links = Links::default();
    tokenize(html, &links);
    links.0.into_inner()
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.tags(KEPT.iter().chain(BLOCKS.iter()).copied().collect())
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None)
        .clean_content_tags(WITH_CONTENT.into_iter().collect());
    b
}

fn tokenize<S: TokenSink<Handle = ()>>(html: &str, sink: S) {
    let input = BufferQueue::default();
    input.push_back(html.into());
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tok.feed(&input);
    tok.end();
}

/// Script and style bodies are text to the tokenizer, as they are to a browser.
fn raw_kind(tag: &Tag) -> TokenSinkResult<()> {
    match (&tag.kind, &*tag.name) {
        (TagKind::StartTag, "script") => TokenSinkResult::RawData(RawKind::ScriptData),
        (TagKind::StartTag, "style" | "iframe" | "noscript" | "xmp") => TokenSinkResult::RawData(RawKind::Rawtext),
        (TagKind::StartTag, "textarea" | "title") => TokenSinkResult::RawData(RawKind::Rcdata),
        _ => TokenSinkResult::Continue,
    }
}

/// What the raw input has that the clean text does not: tags, attributes, links.
fn dropped(html: &str) -> BTreeMap<String, usize> {
    #[derive(Default)]
    struct Count(RefCell<BTreeMap<String, usize>>);
    impl TokenSink for &Count {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else { return TokenSinkResult::Continue };
            if tag.kind == TagKind::StartTag {
                let mut m = self.0.borrow_mut();
                let name = &*tag.name;
                let mut add = |what: String| *m.entry(what).or_default() += 1;
                if WITH_CONTENT.contains(&name) {
                    add(format!("<{name}> (with its content)"));
                } else if BLOCKS.contains(&name) {
                    add(format!("<{name}> (its text kept)"));
                } else if !KEPT.contains(&name) {
                    add(format!("<{name}>"));
                }
                if KEPT.contains(&name) || BLOCKS.contains(&name) {
                    for a in &tag.attrs {
                        let attr = &*a.name.local;
                        match (name, attr) {
                            ("a", "href") if is_web_url(&a.value) => {}
                            ("a", "href") => add(format!("link to \"{}\"", shorten(&a.value))),
                            _ => add(format!("{attr} attribute")),
                        }
                    }
                }
            }
            raw_kind(&tag)
        }
    }
    let count = Count::default();
    tokenize(html, &count);
    count.0.into_inner()
}

fn shorten(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Reads ammonia's output (only the tags above, links already http(s)) into paragraphs.
#[derive(Default)]
struct Reader {
    state: RefCell<ReadState>,
}

#[derive(Default)]
struct ReadState {
    text: RichText,
    paragraph: Paragraph,
    em: usize,
    strong: usize,
    href: Option<String>,
}

impl ReadState {
    fn push(&mut self, s: &str) {
        let run = Run::new(s, self.em > 0, self.strong > 0, self.href.as_deref());
        push_run(&mut self.paragraph, run);
    }

    /// Closes the paragraph: HTML whitespace collapsed, trimmed, empty ones dropped.
    fn end_paragraph(&mut self) {
        let mut out: Paragraph = Vec::new();
        let mut after_space = true; // drops leading space
        for run in std::mem::take(&mut self.paragraph) {
            let mut t = String::new();
            for c in run.text().chars() {
                if c == BR {
                    if t.ends_with(' ') {
                        t.pop();
                    }
                    t.push('\n');
                    after_space = true;
                } else if c.is_whitespace() {
                    if !after_space {
                        t.push(' ');
                        after_space = true;
                    }
                } else {
                    t.push(c);
                    after_space = false;
                }
            }
            push_run(&mut out, Run::new(&t, run.em(), run.strong(), run.href()));
        }
        // Trailing spaces and line breaks.
        while let Some(last) = out.pop() {
            let trimmed = last.text().trim_end();
            if !trimmed.is_empty() {
                out.push(Run::new(trimmed, last.em(), last.strong(), last.href()));
                break;
            }
        }
        if !out.is_empty() {
            self.text.push(out);
        }
    }
}

/// Stands for a `<br>` while reading, where source newlines are only spaces.
const BR: char = '\u{2029}';

impl TokenSink for &Reader {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(t) => s.push(&t),
            Token::TagToken(tag) => {
                let start = tag.kind == TagKind::StartTag;
                match &*tag.name {
                    "br" => s.push(&BR.to_string()),
                    "em" | "i" if start => s.em += 1,
                    "em" | "i" => s.em = s.em.saturating_sub(1),
                    "strong" | "b" if start => s.strong += 1,
                    "strong" | "b" => s.strong = s.strong.saturating_sub(1),
                    "a" if start => s.href = tag.attrs.iter().find(|a| &*a.name.local == "href").map(|a| a.value.to_string()).filter(|h| is_web_url(h)),
                    "a" => s.href = None,
                    _ => s.end_paragraph(), // p and the block tags
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The first http(s) `href` or `src` in the input.
#[derive(Default)]
struct Links(RefCell<Option<String>>);

impl TokenSink for &Links {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = &token {
            let mut found = self.0.borrow_mut();
            if found.is_none() {
                *found = tag.attrs.iter().filter(|a| matches!(&*a.name.local, "href" | "src")).map(|a| a.value.trim().to_string()).find(|v| is_web_url(v));
            }
            return raw_kind(tag);
        }
        TokenSinkResult::Continue
    }
}
