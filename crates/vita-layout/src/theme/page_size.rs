//! Page sizes as written in layout files — `"a4"`, `"letter"`, `"210mm x 297mm"` — read into
//! points when the file is loaded, so a size that is no size is an error at its place.

use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize, Serializer};

use super::Length;

/// A page size: what the file says and what it comes to in points.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSize {
    /// As written (`"a4"`, `"8.5in x 11in"`), for messages and for writing the layout back.
    written: String,
    /// Width in points.
    width: f32,
    /// Height in points.
    height: f32,
}

impl PageSize {
    /// A4, 210 × 297 mm.
    pub fn a4() -> PageSize {
        PageSize {
            written: "a4".into(),
            width: 595.276,
            height: 841.89,
        }
    }

    /// `"a4"`, `"letter"` (any case), or `"WIDTH x HEIGHT"` with units other than em; `None`
    /// for anything else. Sizes are not range-checked here (see `ranges`).
    pub fn parse(text: &str) -> Option<PageSize> {
        let (width, height) = match text.trim().to_ascii_lowercase().as_str() {
            "a4" => (595.276, 841.89),
            "letter" => (612.0, 792.0),
            custom => {
                let (w, h) = custom.split_once('x')?;
                let w = Length::parse(w).filter(|l| matches!(l, Length::Pt(_)))?;
                let h = Length::parse(h).filter(|l| matches!(l, Length::Pt(_)))?;
                (w.resolve(0.0), h.resolve(0.0))
            }
        };
        Some(PageSize {
            written: text.to_string(),
            width,
            height,
        })
    }

    /// Width and height in points.
    pub fn points(&self) -> (f32, f32) {
        (self.width, self.height)
    }

    /// The size as written.
    pub fn as_written(&self) -> &str {
        &self.written
    }
}

impl Default for PageSize {
    fn default() -> PageSize {
        PageSize::a4()
    }
}

impl std::fmt::Display for PageSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.written)
    }
}

impl Serialize for PageSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.written)
    }
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PageSize::parse(&text)
            .ok_or_else(|| D::Error::custom(format!("\"{text}\" is no page size")))
    }
}

/// Any number, as `Length::parse` reads it.
#[cfg(feature = "schema")]
const NUMBER: &str = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(pt|mm|cm|in)";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PageSize {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PageSize".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let pattern =
            format!(r"^\s*([aA]4|[lL][eE][tT][tT][eE][rR]|{NUMBER}\s*[xX]\s*{NUMBER})\s*$");
        schemars::json_schema!({
            "description": "\"a4\", \"letter\", or \"WIDTH x HEIGHT\" with units other than em (\"210mm x 297mm\").",
            "type": "string",
            "pattern": pattern
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_custom_sizes_read_into_points() {
        assert_eq!(PageSize::parse("A4").unwrap().points(), (595.276, 841.89));
        assert_eq!(PageSize::parse("letter").unwrap().points(), (612.0, 792.0));
        let (w, h) = PageSize::parse("210mm x 297mm").unwrap().points();
        assert!((w - 595.276).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        assert_eq!(
            PageSize::parse("8.5in x 11in").unwrap().points(),
            (612.0, 792.0)
        );
        for bad in ["a44", "tabloid", "1em x 2em", "210mm", ""] {
            assert_eq!(PageSize::parse(bad), None, "{bad}");
        }
    }
}
