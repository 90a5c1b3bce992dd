//! What can be wrong with a story: where (its JSON path), what, and the values the message
//! names, worded in each interface language by [`ProblemStrings`].

use crate::i18n::{fill, ProblemStrings, EN_PROBLEMS};

/// One thing wrong with a story: where (a JSON path like `stops[2].lat`), what, and the values
/// the message names. Displayed in English (`tripmap check`, the console); the error panel shows
/// it in the page's language with [`Problem::display_in`].
/// Serializable so that the importer module can hand its problems to the map's error panel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: String,
    pub what: What,
    pub args: Vec<(String, String)>,
}

/// The kinds of problem, one per template of [`ProblemStrings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum What {
    Empty,
    Outside,
    LangCode,
    KeyLangCode,
    NoOwnText,
    NotWebUrl,
    NoStops,
    BadId,
    UsedTwice,
    NotADate,
    NoMonth,
    NoDay,
    BeforeDate,
    NotASource,
    NotAStop,
    ToItself,
    BrokenJson,
    /// args: field, and name when there is a likely meant one.
    UnknownField,
    MissingField,
    /// args: found, expected (number, text, list, object, string, or serde's own words).
    WrongType,
    TooMany,
    /// A story file named by the page (`data-story`) could not be loaded (arg: reason).
    NotLoaded,
    NotARoute,
    NotAColor,
    FewPositions,
    ShortPosition,
    NotATrackFile,
    /// A leg's `path` that is neither a line geometry nor a file name.
    NotAPath,
    /// A track file that does not parse (args: file, detail).
    BadTrackFile,
    /// A track file with no line in it (arg: file).
    NoTrack,
    /// Warnings: a track's end far from its leg's stop (args: km, stop).
    FarStart,
    FarEnd,
    /// args: value, expected, and name when there is a likely meant one.
    UnknownValue,
    /// A key written twice in one object (the every-problem reader finds it in the text).
    WrittenTwice,
    /// Any other serde message, as it is (arg: text).
    Other,
}

impl Problem {
    pub fn new(path: impl Into<String>, what: What, args: &[(&'static str, &str)]) -> Self {
        Problem { path: path.into(), what, args: args.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect() }
    }

    fn arg(&self, name: &str) -> &str {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// " (did you mean "lat"?)" when there is a likely meant name (arg `name`).
    fn did_you_mean(&self, t: &ProblemStrings) -> String {
        match self.arg("name") {
            "" => String::new(),
            name => fill(t.did_you_mean, &[("name", name)]),
        }
    }

    /// The message without its path, in English.
    pub fn message(&self) -> String {
        self.message_in(&EN_PROBLEMS)
    }

    /// The message without its path, in the wording `t`.
    pub fn message_in(&self, t: &ProblemStrings) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let template = match self.what {
            What::Empty => t.empty,
            What::Outside => t.outside,
            What::LangCode => t.lang_code,
            What::KeyLangCode => t.key_lang_code,
            What::NoOwnText => t.no_own_text,
            What::NotWebUrl => t.not_web_url,
            What::NoStops => t.no_stops,
            What::BadId => t.bad_id,
            What::UsedTwice => t.used_twice,
            What::NotADate => t.not_a_date,
            What::NoMonth => t.no_month,
            What::NoDay => t.no_day,
            What::BeforeDate => t.before_date,
            What::NotASource => t.not_a_source,
            What::NotAStop => t.not_a_stop,
            What::ToItself => t.to_itself,
            What::BrokenJson => t.broken_json,
            What::MissingField => t.missing_field,
            What::TooMany => t.too_many,
            What::NotLoaded => t.not_loaded,
            What::NotARoute => t.not_a_route,
            What::NotAColor => t.not_a_color,
            What::FewPositions => t.few_positions,
            What::ShortPosition => t.short_position,
            What::NotATrackFile => t.not_a_track_file,
            What::NoTrack => t.no_track,
            What::BadTrackFile => t.bad_track_file,
            What::NotAPath => t.not_a_path,
            What::FarStart => t.far_start,
            What::FarEnd => t.far_end,
            What::WrittenTwice => t.written_twice,
            What::Other => "{text}",
            What::UnknownValue => return fill(t.unknown_value, &args) + &self.did_you_mean(t),
            What::UnknownField => return fill(t.unknown_field, &args) + &self.did_you_mean(t),
            What::WrongType => {
                let word = |w: &str| match w {
                    "number" => t.a_number.to_string(),
                    "text" => t.text.to_string(),
                    "list" => t.a_list.to_string(),
                    "object" => t.an_object.to_string(),
                    "string" => t.a_string.to_string(),
                    other => other.to_string(),
                };
                let found = match self.arg("found_kind") {
                    "" => self.arg("found").to_string(),
                    kind => word(kind),
                };
                return fill(t.wrong_type, &[("found", &found), ("expected", &word(self.arg("expected")))]);
            }
        };
        fill(template, &args)
    }

    /// Path, separator and message in the wording `t`. A message that starts with the quoted
    /// value at the path reads on without a colon: `stops[3].id "lima" is used twice`.
    pub fn parts_in(&self, t: &ProblemStrings) -> (&str, &'static str, String) {
        let message = self.message_in(t);
        let sep = match (self.path.is_empty(), message.starts_with('"')) {
            (true, _) => "",
            (false, true) => " ",
            (false, false) => ": ",
        };
        (&self.path, sep, message)
    }

    /// `path: message` in the wording `t`.
    pub fn display_in(&self, t: &ProblemStrings) -> String {
        let (path, sep, message) = self.parts_in(t);
        format!("{path}{sep}{message}")
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display_in(&EN_PROBLEMS))
    }
}
