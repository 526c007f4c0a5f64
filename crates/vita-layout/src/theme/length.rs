//! Lengths and colours as written in layout files: `"18mm"`, `"1.2em"`, `"#1f4e79"`.

use serde::Deserialize;
use serde::de::{Deserializer, Error as _};

use crate::display::Color;

/// A length: absolute (stored in points) or relative to the font size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// Points (1/72 in). `pt`, `mm`, `cm` and `in` are converted to points when read.
    Pt(f32),
    /// Multiples of the current font size.
    Em(f32),
}

impl Length {
    /// The length in points for a given font size.
    pub fn resolve(self, font_size: f32) -> f32 {
        match self {
            Length::Pt(pt) => pt,
            Length::Em(em) => em * font_size,
        }
    }

    /// Parses `"12pt"`, `"18mm"`, `"1.5cm"`, `"0.5in"`, `"1.2em"`; a bare `0` is allowed.
    pub fn parse(text: &str) -> Option<Length> {
        let text = text.trim();
        let split = text
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let value: f32 = number.trim().parse().ok().filter(|v: &f32| v.is_finite())?;
        let points = match unit.trim() {
            "pt" => value,
            "mm" => value * 72.0 / 25.4,
            "cm" => value * 72.0 / 2.54,
            "in" => value * 72.0,
            "em" => return Some(Length::Em(value)),
            "" if value == 0.0 => 0.0,
            _ => return None,
        };
        Some(Length::Pt(points))
    }
}

impl serde::Serialize for Length {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Length::Pt(pt) => s.serialize_str(&format!("{pt}pt")),
            Length::Em(em) => s.serialize_str(&format!("{em}em")),
        }
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(f64),
        }
        match Raw::deserialize(d)? {
            Raw::Text(text) => Length::parse(&text).ok_or_else(|| {
                D::Error::custom(format!(
                    "invalid length '{text}': write a number with a unit: pt, mm, cm, in or em"
                ))
            }),
            Raw::Number(0.0) => Ok(Length::Pt(0.0)),
            Raw::Number(n) => Err(D::Error::custom(format!(
                "length {n} has no unit: write \"{n}pt\" (or mm, cm, in, em)"
            ))),
        }
    }
}

/// What [`Length::parse`] accepts, as a regular expression for the JSON Schema: a number with
/// a unit, or a bare zero. (The split at the first letter means no exponents.)
#[cfg(feature = "schema")]
const LENGTH_PATTERN: &str =
    r"^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(pt|mm|cm|in|em)\s*$|^\s*[+-]?(0+(\.0*)?|\.0+)\s*$";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Length {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Length".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A length with its unit: \"12pt\", \"18mm\", \"1.5cm\", \"0.5in\", \"1.2em\" (of the font size); a bare 0 is allowed.",
            "anyOf": [
                { "type": "string", "pattern": LENGTH_PATTERN },
                { "type": "number", "const": 0 }
            ]
        })
    }
}

/// A colour as the JSON Schema describes it (the layout's fields hold a [`Color`]).
#[cfg(feature = "schema")]
pub(crate) struct HexColor;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HexColor {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Color".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A colour as \"#rrggbb\" or \"#rgb\".",
            "type": "string",
            "pattern": r"^\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\s*$"
        })
    }
}

/// Parses `#rgb` or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<Color> {
    let hex = text.trim().strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] => Some(Color {
            r: r * 17,
            g: g * 17,
            b: b * 17,
        }),
        [r1, r2, g1, g2, b1, b2] => Some(Color {
            r: r1 * 16 + r2,
            g: g1 * 16 + g2,
            b: b1 * 16 + b2,
        }),
        _ => None,
    }
}

/// Serialises a colour as `#rrggbb`.
pub(crate) fn color_hex<S: serde::Serializer>(color: &Color, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("#{:02x}{:02x}{:02x}", color.r, color.g, color.b))
}

/// Deserialises a colour written as a hex string.
pub(crate) fn color<'de, D: Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
    let text = String::deserialize(d)?;
    parse_color(&text).ok_or_else(|| {
        D::Error::custom(format!("invalid colour '{text}': write it as \"#rrggbb\""))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert_to_points() {
        assert_eq!(Length::parse("12pt"), Some(Length::Pt(12.0)));
        assert_eq!(Length::parse("1in"), Some(Length::Pt(72.0)));
        let Some(Length::Pt(mm)) = Length::parse("25.4mm") else {
            panic!()
        };
        assert!((mm - 72.0).abs() < 1e-3);
        assert_eq!(Length::parse("1.5em"), Some(Length::Em(1.5)));
        assert_eq!(Length::parse("0"), Some(Length::Pt(0.0)));
        assert_eq!(Length::parse("12"), None);
        assert_eq!(Length::parse("12px"), None);
        assert_eq!(Length::parse("NaNpt"), None);
    }

    #[test]
    fn colours_parse_in_both_forms() {
        assert_eq!(
            parse_color("#fff"),
            Some(Color {
                r: 255,
                g: 255,
                b: 255
            })
        );
        assert_eq!(
            parse_color("#1f4e79"),
            Some(Color {
                r: 0x1f,
                g: 0x4e,
                b: 0x79
            })
        );
        assert_eq!(parse_color("1f4e79"), None);
        assert_eq!(parse_color("#12345"), None);
    }
}
