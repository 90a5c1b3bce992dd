//! The browser's `Intl` for locales the native formatter does not write ("es-CO",
//! "ar-u-nu-latn"), behind [`crate::format::Locale::Intl`]: every locale's conventions without
//! shipping locale data in the wasm; and the engine's own number writing ([`shortest`]), which
//! keeps core's float printing out of the wasm. A wasm-only leaf: nothing else calls the browser
//! for text, and it knows nothing of the native formatter (`None` when `Intl` fails; the caller
//! falls back).

use crate::story::DateRange;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

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

fn locales(tag: &str) -> Array {
    Array::of1(&JsValue::from_str(tag))
}

/// `tag` as `Intl` spells it ("en_US" → "en-US"), or `fallback` when `Intl` rejects it.
/// `Intl` throws a RangeError on a malformed tag; thrown through the wasm, that would stop a
/// map half-drawn, and CMSes do write `lang="en_US"`.
pub fn accepted(tag: &str, fallback: &str) -> String {
    let tag = tag.replace('_', "-");
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).unwrap_or(JsValue::UNDEFINED);
    let canonical = Reflect::get(&intl, &JsValue::from_str("getCanonicalLocales"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&JsValue::UNDEFINED, &JsValue::from_str(&tag)).ok())
        .and_then(|list| Array::from(&list).get(0).as_string());
    canonical.unwrap_or_else(|| fallback.to_string())
}

/// A day or a span of days (`formatRange` says the shared parts once).
pub fn date_range(tag: &str, range: DateRange) -> Option<String> {
    let fmt = cached(tag, "date", || {
        Intl::DateTimeFormat::new(&locales(tag), &options(&[("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]))
    });
    let date = |d: crate::story::Date| {
        js_sys::Date::new(&JsValue::from_f64(js_sys::Date::utc(d.year as f64, d.month as f64 - 1.0) + (d.day as f64 - 1.0) * 86_400_000.0))
    };
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
        call("format", &[&a])
    } else {
        call("formatRange", &[&a, &b])
    }
}

/// A whole number with the locale's digits and grouping.
pub fn number(tag: &str, n: u64) -> Option<String> {
    let fmt = cached(tag, "number", || Intl::NumberFormat::new(&locales(tag), &options(&[("maximumFractionDigits", "0")])));
    fmt.format().call1(&fmt, &JsValue::from_f64(n as f64)).ok().and_then(|v| v.as_string())
}

/// A distance in kilometres in the locale's words.
pub fn km(tag: &str, km: u64) -> Option<String> {
    let fmt = cached(tag, "km", || {
        Intl::NumberFormat::new(&locales(tag), &options(&[("style", "unit"), ("unit", "kilometer"), ("unitDisplay", "short"), ("maximumFractionDigits", "0")]))
    });
    fmt.format().call1(&fmt, &JsValue::from_f64(km as f64)).ok().and_then(|v| v.as_string())
}

/// `v` as the engine writes a number (`Number.prototype.toString`), for [`crate::format::shortest`].
pub fn shortest(v: f64) -> String {
    js_sys::Number::from(v).to_string_with_radix(10).map(String::from).unwrap_or_default()
}
