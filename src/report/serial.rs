//! The JSON shape of a [`Report`] (see [`crate::render::json`]): the report
//! types derive `Serialize`; this module holds the few pieces whose shape
//! differs from the Rust type. A number is `{"exact": "p/q" | "n" | null,
//! "float": f64}`; named values are an object in order; a report's
//! [`Report::data`] goes at the top level of its object.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::{Data, Report};
use crate::scalar::Scalar;

/// A number in the JSON contract, `{"exact": …, "float": …}`.
pub fn number<S: Serializer>(v: &Scalar, s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_struct("Number", 2)?;
    m.serialize_field("exact", &v.exact_string())?;
    m.serialize_field("float", &v.to_f64())?;
    m.end()
}

/// A number that may be absent (`null`).
pub fn number_opt<S: Serializer>(v: &Option<Scalar>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

/// A [`Scalar`] seen through [`number`].
pub struct Number<'a>(pub &'a Scalar);

impl Serialize for Number<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        number(self.0, s)
    }
}

/// Named numbers as one object, `{"x": {"exact": …}, …}`, in order.
pub fn named<S: Serializer>(pairs: &[(String, Scalar)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        m.serialize_entry(k, &Number(v))?;
    }
    m.end()
}

/// Named numbers through [`named`].
pub struct Named<'a>(pub &'a [(String, Scalar)]);

impl Serialize for Named<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        named(self.0, s)
    }
}

/// Typed results as one object, in order: each number with its kind,
/// `{"df/dx": {"exact": …, "float": …, "kind": "gradient"}, …}`.
pub struct Typed<'a>(pub &'a [super::Named]);

impl Serialize for Typed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct One<'a>(&'a super::Named);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_struct("Result", 3)?;
                m.serialize_field("exact", &self.0.value.exact_string())?;
                m.serialize_field("float", &self.0.value.to_f64())?;
                m.serialize_field("kind", self.0.kind.name())?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for r in self.0 {
            m.serialize_entry(&r.name, &One(r))?;
        }
        m.end()
    }
}

/// `(key, value)` pairs as one object, in order.
pub fn pairs<S: Serializer, T: Serialize>(kv: &[(String, T)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(kv.len()))?;
    for (k, v) in kv {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

/// A paragraph or heading: `{"text": …}` after the block's `type`.
pub fn text<S: Serializer>(t: &str, s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_struct("Text", 1)?;
    m.serialize_field("text", t)?;
    m.end()
}

/// Words whose numbers are not written in yet: JSON serializes a report
/// after [`super::Report::spelled`] has written them at the renderer's
/// digits, so this refuses, as an unspelled formula does.
pub fn unspelled<S: Serializer>(_: &super::Sentence, _: S) -> Result<S::Ok, S::Error> {
    Err(serde::ser::Error::custom(
        "numbers among words are written in (Report::spelled) before they are serialized",
    ))
}

/// Labelled points of a heat map, `[{"label", "x", "y"}, …]`.
pub fn marks<S: Serializer>(marks: &[(String, f64, f64)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Mark<'a> {
        label: &'a str,
        x: f64,
        y: f64,
    }
    s.collect_seq(marks.iter().map(|(label, x, y)| Mark {
        label,
        x: *x,
        y: *y,
    }))
}

impl Serialize for Data {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Data::Num(v) => number(v, s),
            Data::Text(t) => s.serialize_str(t),
            Data::List(v) => s.collect_seq(v),
            Data::Map(kv) => pairs(kv, s),
            Data::Null => s.serialize_unit(),
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("title_zh", &self.title_zh)?;
        m.serialize_entry("sources", &self.sources)?;
        m.serialize_entry("inputs", &Named(&self.inputs))?;
        m.serialize_entry("results", &Typed(&self.results))?;
        m.serialize_entry("blocks", &self.blocks)?;
        for (k, d) in &self.data {
            m.serialize_entry(k, d)?;
        }
        m.end()
    }
}
