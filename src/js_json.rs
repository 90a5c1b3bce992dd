//! (wasm32 only) JSON read by the browser: `JSON.parse` makes the value, and a small serde
//! `Deserializer` walks it into the types. The map's wasm then carries no JSON text reader of
//! its own (serde_json's, with its struct reads, was about 15 KB of its brotli-compressed wasm).
//!
//! Not serde-wasm-bindgen's deserializer: it reads a struct by asking the object for the
//! fields it knows, so a misspelt field goes unseen and `deny_unknown_fields` never fires
//! (serde-wasm-bindgen issue 39). This one hands every struct all its object's entries, so
//! serde refuses an unknown field as serde_json does. `JSON.parse` keeps the last of a key
//! written twice; [`read_story`] counts the keys the text spells and the walk met, and refuses
//! the story when they differ, as serde_json refuses a duplicate field.

#[cfg(feature = "standalone")]
use crate::basemap::{Basemap, Topology};
#[cfg(feature = "standalone")]
use crate::story::{validate, Problem, Story};
use js_sys::{Array, Object};
#[cfg(feature = "standalone")]
use js_sys::{Float64Array, Reflect};
use serde::de::{self, DeserializeOwned, Visitor};
use std::cell::Cell;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// The quick read of a story's JSON in the browser, as [`Story::read_quick`] natively: `None`
/// when the typed read refuses it (broken JSON, a wrong type, an unknown field, a duplicate key:
/// only the checker module can word that), else the story or what validation found.
#[cfg(feature = "standalone")]
pub fn read_story(json: &str) -> Option<Result<Story, Vec<Problem>>> {
    let (story, keys_met) = read::<Story>(json).ok()?;
    if keys_met != crate::story::keys_written(json) {
        return None;
    }
    Some(validate(&story).map(|()| story))
}

/// The basemap's TopoJSON (as fetched) decoded: `Err` carries the browser's reason.
#[cfg(feature = "standalone")]
pub fn read_basemap(json: &str) -> Result<Basemap, String> {
    let value = parse(json)?;
    // The arcs, most of the file, are pairs of integers: copied out flat in one go, since a walk
    // would ask the browser about each number (it took twice as long).
    let key = JsValue::from_str("arcs");
    let arcs: Array = Reflect::get(&value, &key).ok().filter(Array::is_array).ok_or("no arcs")?.unchecked_into();
    let lengths: Vec<u32> = arcs.iter().map(|a| a.unchecked_into::<Array>().length()).collect();
    let mut flat = Float64Array::new(&arcs.flat(2)).to_vec().into_iter().map(|n| n as i64);
    let _ = Reflect::set(&value, &key, &Array::new());
    let mut topology: Topology = walk(value).map_err(|_| "not a TopoJSON topology")?.0;
    topology.arcs = lengths.iter().map(|&n| (0..n).map(|_| [flat.next().unwrap_or(0), flat.next().unwrap_or(0)]).collect()).collect();
    Basemap::from_topology(topology)
}

/// `T` from JSON text, and how many object entries the walk met. `Err`: the browser's
/// `SyntaxError`, or a value of another shape than `T` (not worded: the checker words it).
pub fn read<T: DeserializeOwned>(json: &str) -> Result<(T, usize), String> {
    walk(parse(json)?).map_err(|_| String::from(NOT_THE_SHAPE))
}

/// The browser's `JSON.parse`; `Err`: its `SyntaxError`'s message.
fn parse(json: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(json).map_err(|e| String::from(e.unchecked_into::<js_sys::Error>().message()))
}

/// `T` from a parsed value, and how many object entries the walk met.
fn walk<T: DeserializeOwned>(value: JsValue) -> Result<(T, usize), Error> {
    let keys = Cell::new(0);
    let t = T::deserialize(Value { value, keys: &keys })?;
    Ok((t, keys.get()))
}

/// What [`read`] and [`Error`] say of a value the typed read refused.
const NOT_THE_SHAPE: &str = "not the shape expected";

/// A value the typed read refused. Its reason is not kept: worded problems are the checker's
/// job, and serde's messages would be code for words nobody reads.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_THE_SHAPE)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

/// One value of the parsed tree, and the count of object entries met so far.
struct Value<'k> {
    value: JsValue,
    keys: &'k Cell<usize>,
}

impl<'k> Value<'k> {
    fn of(&self, value: JsValue) -> Value<'k> {
        Value { value, keys: self.keys }
    }

    fn items(self) -> Result<Items<'k>, Error> {
        if !Array::is_array(&self.value) {
            return Err(Error);
        }
        let array: Array = self.value.clone().unchecked_into();
        Ok(Items { len: array.length(), array, next: 0, parent: self })
    }

    fn entries(self) -> Result<Entries<'k>, Error> {
        if !self.value.is_object() || Array::is_array(&self.value) {
            return Err(Error);
        }
        let entries = Object::entries(self.value.unchecked_ref());
        Ok(Entries { len: entries.length(), entries, next: 0, value: None, parent: self })
    }
}

/// Largest integer an f64 holds exactly: beyond it a number is read as a float.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// JSON has one number type; serde's integer fields want integers, as serde_json gives them for
/// numbers written without a fraction.
fn number<'de, V: Visitor<'de>>(n: f64, visitor: V) -> Result<V::Value, Error> {
    match n {
        n if n.fract() == 0.0 && n.abs() < EXACT && n >= 0.0 => visitor.visit_u64(n as u64),
        n if n.fract() == 0.0 && n.abs() < EXACT => visitor.visit_i64(n as i64),
        n => visitor.visit_f64(n),
    }
}

/// Each typed read asks for the one shape it takes (a struct an object, a list an array), so
/// only that branch of a type's visitor is built: `deserialize_any`, which offers every shape,
/// is for what says its shape itself (translations, GeoJSON positions, untagged enums).
impl<'de> de::Deserializer<'de> for Value<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Numbers and arrays first: the basemap is thousands of them, and each test is a call
        // out to the browser.
        let v = &self.value;
        if let Some(n) = v.as_f64() {
            number(n, visitor)
        } else if Array::is_array(v) {
            visitor.visit_seq(self.items()?)
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if v.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else {
            visitor.visit_map(self.entries()?)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self.entries()?)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self.entries()?)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(self.items()?)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(self.items()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.value.as_string().ok_or(Error)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.value.as_f64().ok_or(Error)?, visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(self.value.as_bool().ok_or(Error)?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.value.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unit variants only, written as their name (the story's enums are all of that kind).
    fn deserialize_enum<V: Visitor<'de>>(self, _: &'static str, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.value.as_string() {
            Some(name) => visitor.visit_enum(de::IntoDeserializer::<Error>::into_deserializer(name)),
            None => Err(de::Error::custom("")),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u128 f32 char bytes byte_buf unit unit_struct tuple_struct
        ignored_any
    }
}

/// An array's items, in order.
struct Items<'k> {
    array: Array,
    next: u32,
    len: u32,
    parent: Value<'k>,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(self.parent.of(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

/// An object's entries (`Object.entries`: its own keys, in the order written), every one
/// counted.
struct Entries<'k> {
    entries: Array,
    next: u32,
    len: u32,
    value: Option<JsValue>,
    parent: Value<'k>,
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let entry: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.parent.keys.set(self.parent.keys.get() + 1);
        self.value = Some(entry.get(1));
        seed.deserialize(self.parent.of(entry.get(0))).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self.value.take().unwrap_or(JsValue::NULL);
        seed.deserialize(self.parent.of(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}
