//! Numbers in nested lists, read before the `type` beside them says how deep they go:
//! GeoJSON `coordinates` (a leg's path) and TopoJSON `arcs` (the basemap's countries). Serde's
//! own ways (`untagged`, adjacent tags, `flatten`) buffer the whole value first, which costs the
//! map's wasm kilobytes and the basemap's decoding time.

use serde::Deserialize;

/// Coordinates before their geometry's `type` is known: numbers in nested lists.
pub enum Nested {
    Number(f64),
    List(Vec<Nested>),
}

impl Nested {
    /// The items, if this is a list.
    pub fn list(self) -> Option<Vec<Nested>> {
        match self {
            Nested::List(l) => Some(l),
            Nested::Number(_) => None,
        }
    }

    /// A list of positions, each a list of numbers.
    pub fn positions(self) -> Option<Vec<Vec<f64>>> {
        let number = |n: Nested| match n {
            Nested::Number(x) => Some(x),
            Nested::List(_) => None,
        };
        self.list()?.into_iter().map(|p| p.list()?.into_iter().map(number).collect()).collect()
    }

    /// A list of lists of positions (a MultiLineString's lines, a MultiPolygon's polygons).
    pub fn position_lists(self) -> Option<Vec<Vec<Vec<f64>>>> {
        self.list()?.into_iter().map(Nested::positions).collect()
    }
}

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Nested;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // Worded as serde words a number ("f64"): the every-problem reader says "is not
                // a number" and repairs it with one.
                f.write_str("f64 or a list of them")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Nested, E> {
                Ok(Nested::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Nested, E> {
                Ok(Nested::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Nested, E> {
                Ok(Nested::Number(v as f64))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Nested::List(items))
            }
        }
        d.deserialize_any(V)
    }
}
