//! Dates, numbers and distances formatted by the browser's `Intl` for the map's locale
//! ("3–4 de octubre de 2022", "٤٬٢٣٩ كم"), so every language gets its own conventions without
//! shipping locale data in the wasm; the three interface languages, bare, are written natively
//! (`crate::format`) to the same effect without `Intl`'s start-up cost.

use crate::format::Format;
use crate::story::DateRange;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// A locale for `Intl`, e.g. "es", "ar", or "ar-u-nu-latn" for Arabic with Latin digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale(pub String);

thread_local! {
    /// `Intl` formatters by locale and kind, built once: building one costs far more than
    /// using it (the first loads locale data), and a map writes a date or a number for every
    /// stop and leg.
    static FORMATTERS: RefCell<HashMap<(String, &'static str), JsValue>> = RefCell::new(HashMap::new());
}

/// The formatter of `kind` for locale `tag`, made by `make` the first time.
fn cached<T: JsCast + Into<JsValue>>(tag: &str, kind: &'static str, make: impl FnOnce() -> T) -> T {
    FORMATTERS.with_borrow_mut(|f| f.entry((tag.to_string(), kind)).or_insert_with(|| make().into()).clone().unchecked_into())
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

impl Locale {
    /// `tag` as `Intl` spells it ("en_US" → "en-US"), or `fallback` when `Intl` rejects it.
    /// `Intl` throws a RangeError on a malformed tag; thrown through the wasm, that would stop a
    /// map half-drawn, and CMSes do write `lang="en_US"`.
    pub fn accepted(tag: &str, fallback: &str) -> Locale {
        let tag = tag.replace('_', "-");
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).unwrap_or(JsValue::UNDEFINED);
        let canonical = Reflect::get(&intl, &JsValue::from_str("getCanonicalLocales"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call1(&JsValue::UNDEFINED, &JsValue::from_str(&tag)).ok())
            .and_then(|list| Array::from(&list).get(0).as_string());
        Locale(canonical.unwrap_or_else(|| fallback.to_string()))
    }

    /// For a bare interface language ("en", "es", "ar"), the native writer, which writes what
    /// Chromium's `Intl` does (pinned in `format`'s tests and end to end): building the first
    /// `Intl.DateTimeFormat` loads locale data, 135 ms of a map's mount at 4× CPU throttling.
    /// Any other tag (a region, a digits option) goes to `Intl`, which knows it.
    fn native(&self) -> Option<Format> {
        matches!(self.0.as_str(), "en" | "es" | "ar").then(|| Format::for_lang(&self.0))
    }

    fn locales(&self) -> Array {
        Array::of1(&JsValue::from_str(&self.0))
    }

    /// "3–4 October 2022" in the locale's words; a single day when start and end agree.
    pub fn date_range(&self, range: DateRange) -> String {
        if let Some(f) = self.native() {
            return f.date_range(range);
        }
        let fmt = cached(&self.0, "date", || {
            Intl::DateTimeFormat::new(&self.locales(), &options(&[("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]))
        });
        let date = |d: crate::story::Date| js_sys::Date::new(&JsValue::from_f64(js_sys::Date::utc(d.year as f64, d.month as f64 - 1.0) + (d.day as f64 - 1.0) * 86_400_000.0));
        let (a, b) = (date(range.start), date(range.end));
        // formatRange collapses shared parts ("3–4 de octubre de 2022"); js-sys has no binding.
        let call = |name: &str, args: &[&JsValue]| -> Option<String> {
            let f: Function = Reflect::get(&fmt, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
            let r = match args {
                [x] => f.call1(&fmt, x),
                [x, y] => f.call2(&fmt, x, y),
                _ => return None,
            };
            r.ok()?.as_string()
        };
        if range.start == range.end {
            call("format", &[&a]).unwrap_or_else(|| range.to_string())
        } else {
            call("formatRange", &[&a, &b]).unwrap_or_else(|| range.to_string())
        }
    }

    /// A whole number with the locale's digits and grouping.
    pub fn number(&self, n: u64) -> String {
        if let Some(f) = self.native() {
            return f.number(n);
        }
        let fmt = cached(&self.0, "number", || Intl::NumberFormat::new(&self.locales(), &options(&[("maximumFractionDigits", "0")])));
        fmt.format().call1(&fmt, &JsValue::from_f64(n as f64)).ok().and_then(|v| v.as_string()).unwrap_or_else(|| n.to_string())
    }

    /// A distance in kilometres: "4,239 km", "4239 km", "٤٬٢٣٩ كم".
    pub fn km(&self, km: u64) -> String {
        if let Some(f) = self.native() {
            return f.km(km);
        }
        let fmt = cached(&self.0, "km", || {
            Intl::NumberFormat::new(&self.locales(), &options(&[("style", "unit"), ("unit", "kilometer"), ("unitDisplay", "short"), ("maximumFractionDigits", "0")]))
        });
        fmt.format()
            .call1(&fmt, &JsValue::from_f64(km as f64))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| crate::scene::format_km(km))
    }
}
