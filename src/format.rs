//! The one formatter of dates, numbers and distances, for the static map made at build time and
//! the live map alike ([`Locale`]). The interface languages (English, Spanish, Arabic) are
//! written natively ([`Format`]), as Chromium's `Intl` writes them: natively there is no `Intl`,
//! and in the browser `Intl`'s first formatter costs a locale-data load. Any other locale, in the
//! browser, goes to `Intl` (`ui::intl`), which knows every locale without shipping data.

use crate::i18n::base_lang;
use crate::story::{Date, DateRange};

const MONTHS_EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_ES: [&str; 12] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const MONTHS_AR: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

/// Which digits a map writes numbers with (`data-digits`), parsed once at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    /// The locale's own.
    #[default]
    Locale,
    /// 0–9.
    Latin,
    /// ٠–٩.
    Arabic,
}

impl Digits {
    /// `"latin"` or `"arabic"` (any case); anything else is the locale's own.
    pub fn parse(s: &str) -> Digits {
        match s.trim().to_ascii_lowercase().as_str() {
            "latin" => Digits::Latin,
            "arabic" => Digits::Arabic,
            _ => Digits::Locale,
        }
    }

    /// The Unicode locale extension that asks `Intl` for these digits.
    #[cfg(all(target_arch = "wasm32", not(lean)))]
    fn extension(self) -> &'static str {
        match self {
            Digits::Locale => "",
            Digits::Latin => "-u-nu-latn",
            Digits::Arabic => "-u-nu-arab",
        }
    }
}

/// Where a map's dates and numbers are written: natively ([`Format`]), or in the browser by
/// `Intl` for a tag it accepted ("es-CO", "ar-u-nu-latn"). The lean map module writes them as
/// the static map it takes over was written: natively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locale {
    Native(Format),
    #[cfg(all(target_arch = "wasm32", not(lean)))]
    Intl(String),
}

impl Locale {
    /// The locale for a page's language `tag` with `digits`, `interface` being the language the
    /// interface speaks. The bare interface languages are written natively; in the browser any
    /// other tag goes to `Intl` (or to `interface`, which `Intl` always accepts, when it rejects
    /// the tag); natively every tag is written as its interface language.
    ///
    /// ```
    /// use tripmap::format::{Digits, Format, Locale};
    /// assert_eq!(Locale::for_tag("es", "es", Digits::Locale), Locale::Native(Format::Es));
    /// assert_eq!(Locale::for_tag("es-CO", "es", Digits::Locale).km(4_239), "4239 km");
    /// ```
    pub fn for_tag(tag: &str, interface: &str, digits: Digits) -> Locale {
        let tag = tag.trim();
        #[cfg(all(target_arch = "wasm32", not(lean)))]
        if !(digits == Digits::Locale && matches!(tag, "en" | "es" | "ar")) {
            let ext = digits.extension();
            return Locale::Intl(crate::intl::accepted(&format!("{tag}{ext}"), &format!("{interface}{ext}")));
        }
        #[cfg(any(not(target_arch = "wasm32"), lean))]
        let _ = (tag, digits); // no Intl natively, nor in the lean map module (it writes as the static map it takes over)
        Locale::Native(Format::for_lang(interface))
    }

    /// "October 3 – 4, 2022" in the locale's words; a single day when start and end agree.
    pub fn date_range(&self, range: DateRange) -> String {
        match self {
            Locale::Native(f) => f.date_range(range),
            #[cfg(all(target_arch = "wasm32", not(lean)))]
            Locale::Intl(tag) => crate::intl::date_range(tag, range).unwrap_or_else(|| Format::En.date_range(range)),
        }
    }

    /// A whole number with the locale's digits and grouping.
    pub fn number(&self, n: u64) -> String {
        match self {
            Locale::Native(f) => f.number(n),
            #[cfg(all(target_arch = "wasm32", not(lean)))]
            Locale::Intl(tag) => crate::intl::number(tag, n).unwrap_or_else(|| Format::En.number(n)),
        }
    }

    /// A distance in kilometres: "4,239 km", "4239 km", "٤٬٢٣٩ كم".
    pub fn km(&self, km: u64) -> String {
        match self {
            Locale::Native(f) => f.km(km),
            #[cfg(all(target_arch = "wasm32", not(lean)))]
            Locale::Intl(tag) => crate::intl::km(tag, km).unwrap_or_else(|| Format::En.km(km)),
        }
    }
}

/// Formats for one interface language (any other language is written as English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    En,
    Es,
    Ar,
}

impl Format {
    /// The format for a language tag ("es-CO" → Spanish; English for any other).
    pub fn for_lang(lang: &str) -> Format {
        match base_lang(lang).as_str() {
            "es" => Format::Es,
            "ar" => Format::Ar,
            _ => Format::En,
        }
    }

    /// A day or a span of days, the shared parts said once, as `Intl.DateTimeFormat`'s
    /// `formatRange` does with day, long month and year.
    ///
    /// ```
    /// use tripmap::format::Format;
    /// use tripmap::story::{Date, DateRange};
    /// let r = DateRange { start: Date::parse("2022-10-03").unwrap(), end: Date::parse("2022-10-04").unwrap() };
    /// assert_eq!(Format::En.date_range(r), "October 3 – 4, 2022");
    /// assert_eq!(Format::Es.date_range(r), "3–4 de octubre de 2022");
    /// ```
    pub fn date_range(self, r: DateRange) -> String {
        let (a, b) = (r.start, r.end);
        let one = |d: Date| self.date(d);
        if a == b {
            return one(a);
        }
        let same_year = a.year == b.year;
        let same_month = same_year && a.month == b.month;
        match self {
            Format::En if same_month => format!("{} {} – {}, {}", month(self, a), a.day, b.day, a.year),
            Format::En if same_year => format!("{} {} – {} {}, {}", month(self, a), a.day, month(self, b), b.day, a.year),
            Format::En => format!("{} – {}", one(a), one(b)),
            Format::Es if same_month => format!("{}–{} de {} de {}", a.day, b.day, month(self, a), a.year),
            Format::Es if same_year => format!("{} de {} – {} de {} de {}", a.day, month(self, a), b.day, month(self, b), a.year),
            Format::Ar if same_month => format!("{}–{} {} {}", a.day, b.day, month(self, a), a.year),
            Format::Ar if same_year => format!("{} {} – {} {} {}", a.day, month(self, a), b.day, month(self, b), a.year),
            Format::Es | Format::Ar => format!("{} – {}", one(a), one(b)),
        }
    }

    fn date(self, d: Date) -> String {
        match self {
            Format::En => format!("{} {}, {}", month(self, d), d.day, d.year),
            Format::Es => format!("{} de {} de {}", d.day, month(self, d), d.year),
            Format::Ar => format!("{} {} {}", d.day, month(self, d), d.year),
        }
    }

    /// A whole number with the language's grouping ("4,239"; Spanish groups from five digits:
    /// "4239", "12.345").
    ///
    /// ```
    /// use tripmap::format::Format;
    /// assert_eq!(Format::En.number(12_345), "12,345");
    /// assert_eq!(Format::Es.number(4_239), "4239");
    /// ```
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let sep = match self {
            Format::Es if digits.len() <= 4 => return digits,
            Format::Es => '.',
            Format::En | Format::Ar => ',',
        };
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    }

    /// A distance: "4,239 km", "4,239 كم".
    pub fn km(self, km: u64) -> String {
        let unit = if self == Format::Ar { "كم" } else { "km" };
        format!("{} {unit}", self.number(km))
    }
}

fn month(f: Format, d: Date) -> &'static str {
    let names = match f {
        Format::En => &MONTHS_EN,
        Format::Es => &MONTHS_ES,
        Format::Ar => &MONTHS_AR,
    };
    names[usize::from(d.month.clamp(1, 12)) - 1]
}

/// `v` with exactly `places` decimals (at most 9), as `format!("{v:.places$}")` writes it, for
/// attributes and styles (a zoom's transform). By integer arithmetic: the map's wasm carries
/// none of core's float printing (its shortest and exact algorithms and their tables: 24 KB of
/// the wasm, 8.5 KB brotli). A half rounds away from zero; `-0` is written `0`; past 1.8e19 the
/// value saturates.
///
/// ```
/// use tripmap::format::fixed;
/// assert_eq!(fixed(1.5, 2), "1.50");
/// assert_eq!(fixed(-12.345678, 5), "-12.34568");
/// assert_eq!(fixed(-0.001, 2), "0.00");
/// assert_eq!(fixed(2.5, 0), "3");
/// ```
pub fn fixed(v: f64, places: u32) -> String {
    decimals(v, places, false)
}

/// `v` rounded to `places` decimals (at most 9), without trailing zeros: `756` for a whole
/// number of pixels, `756.5` for a half.
///
/// ```
/// assert_eq!(tripmap::format::decimal(756.0, 2), "756");
/// assert_eq!(tripmap::format::decimal(756.7999877929688, 2), "756.8");
/// ```
pub fn decimal(v: f64, places: u32) -> String {
    decimals(v, places, true)
}

fn decimals(v: f64, places: u32, trim: bool) -> String {
    use std::fmt::Write;
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let places = places.min(9);
    let scale = 10u64.pow(places);
    // The whole part as an integer: exact below 2^64, saturating past it (an attribute's pixels
    // and zooms are far below; u128 would bring its own division and printing). The fraction,
    // scaled and rounded, may carry into it.
    let (whole, fraction) = (v.abs().trunc(), v.abs().fract());
    let mut int = whole as u64;
    let mut frac = (fraction * scale as f64).round() as u64;
    if frac == scale {
        (int, frac) = (int.saturating_add(1), 0);
    }
    let mut width = places as usize;
    while trim && width > 0 && frac.is_multiple_of(10) {
        (frac, width) = (frac / 10, width - 1);
    }
    let mut s = String::new();
    if v < 0.0 && (int > 0 || frac > 0) {
        s.push('-');
    }
    let _ = write!(s, "{int}");
    if width > 0 {
        let _ = write!(s, ".{frac:0width$}");
    }
    s
}

/// A number from a story as a message quotes it: as short as it reads back (`95`, `95.5`). In
/// the browser the engine's own `Number.prototype.toString` writes it, which keeps core's float
/// printing out of the wasm; natively Rust's `Display` (the two differ only past 1e21 and below
/// 1e-6, where JavaScript writes an exponent).
///
/// ```
/// assert_eq!(tripmap::format::shortest(95.0), "95");
/// assert_eq!(tripmap::format::shortest(-90.25), "-90.25");
/// ```
pub fn shortest(v: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return crate::intl::shortest(v);
    #[cfg(not(target_arch = "wasm32"))]
    v.to_string()
}

/// A decimal number written in an attribute or a style (`data-fit`, a custom property), read as
/// JSON reads one (natively by serde_json, in the browser by its own `JSON.parse`, so the wasm
/// carries no float parser: core's `str::parse::<f64>` is about 5 KB), but for what CSS also
/// writes: a leading `+`, or no `0` before the point (a minifier writes `0.45` as `.45`).
///
/// ```
/// assert_eq!(tripmap::format::read_number(" 0.45 "), Some(0.45));
/// assert_eq!(tripmap::format::read_number(".45"), Some(0.45));
/// assert_eq!(tripmap::format::read_number("-.5"), Some(-0.5));
/// assert_eq!(tripmap::format::read_number("+2"), Some(2.0));
/// assert_eq!(tripmap::format::read_number("-12"), Some(-12.0));
/// assert_eq!(tripmap::format::read_number("1e3"), Some(1000.0));
/// assert_eq!(tripmap::format::read_number("auto"), None);
/// ```
pub fn read_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(s)),
    };
    let json = if digits.starts_with('.') { format!("{sign}0{digits}") } else { format!("{sign}{digits}") };
    #[cfg(target_arch = "wasm32")]
    return crate::js_json::read(&json).ok().map(|(n, _)| n);
    #[cfg(not(target_arch = "wasm32"))]
    serde_json::from_str(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fixed` against core's `{:.N}` over a sweep of values, signs and places: equal but at a
    /// tie (core rounds the exact binary value half to even), and then one unit apart at most;
    /// `decimal` is `fixed` without trailing zeros.
    #[test]
    fn fixed_writes_what_core_writes() {
        let mut v = 1e-7_f64;
        while v < 1e12 {
            for x in [v, -v, v * 3.7, -v * 0.61, v + 0.5] {
                for places in 0..=9 {
                    let (ours, core) = (fixed(x, places), format!("{x:.*}", places as usize));
                    // core writes a negative value that rounds to zero as `-0.00`; `fixed` as `0.00`.
                    let core = if core.trim_start_matches(['-', '0', '.']).is_empty() { core.trim_start_matches('-').to_string() } else { core };
                    if ours != core {
                        let (a, b): (f64, f64) = (ours.parse().unwrap(), core.parse().unwrap());
                        assert!((a - b).abs() <= 1.01 * 10f64.powi(-(places as i32)), "{x} .{places}: {ours} vs {core}");
                    }
                    assert_eq!(
                        decimal(x, places),
                        if ours.contains('.') { ours.trim_end_matches('0').trim_end_matches('.').to_string() } else { ours.clone() }
                    );
                }
            }
            v *= 1.37;
        }
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(fixed(0.999_999, 2), "1.00");
        assert_eq!(fixed(1e18, 1), "1000000000000000000.0");
    }

    fn range(s: &str) -> DateRange {
        let (a, b) = s.split_once('/').unwrap_or((s, s));
        DateRange { start: Date::parse(a).unwrap(), end: Date::parse(b).unwrap() }
    }

    /// Pinned to what Chromium 156's `Intl` writes for the same dates (Node 20's ICU puts thin spaces
    /// round the English dash).
    #[test]
    fn dates_read_as_intl_writes_them() {
        let cases = [
            ("2022-10-03", ["October 3, 2022", "3 de octubre de 2022", "3 أكتوبر 2022"]),
            ("2022-10-03/2022-10-04", ["October 3 – 4, 2022", "3–4 de octubre de 2022", "3–4 أكتوبر 2022"]),
            ("2022-10-03/2022-11-02", ["October 3 – November 2, 2022", "3 de octubre – 2 de noviembre de 2022", "3 أكتوبر – 2 نوفمبر 2022"]),
            ("2022-10-03/2023-01-02", ["October 3, 2022 – January 2, 2023", "3 de octubre de 2022 – 2 de enero de 2023", "3 أكتوبر 2022 – 2 يناير 2023"]),
        ];
        for (r, [en, es, ar]) in cases {
            assert_eq!(Format::En.date_range(range(r)), en, "{r}");
            assert_eq!(Format::Es.date_range(range(r)), es, "{r}");
            assert_eq!(Format::Ar.date_range(range(r)), ar, "{r}");
        }
    }

    #[test]
    fn distances_read_as_intl_writes_them() {
        assert_eq!(Format::En.km(4_239), "4,239 km");
        assert_eq!(Format::Es.km(4_239), "4239 km");
        assert_eq!(Format::Es.km(12_345), "12.345 km");
        assert_eq!(Format::Ar.km(4_239), "4,239 كم");
        assert_eq!(Format::En.km(12), "12 km");
        assert_eq!(Format::for_lang("es-CO"), Format::Es);
        assert_eq!(Format::for_lang("fr"), Format::En);
    }
}
