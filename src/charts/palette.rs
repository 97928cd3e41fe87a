//! The one Rust table of chart colours. The canvas needs RGB values, not the CSS custom
//! properties of the page, so the level and class colours are read from the engines' own
//! tables ([`Level::colour_hex`], [`WaterClass::colour`]) and parsed here: there is no second
//! copy of a hex code to drift.

use cc_core::air::Level;
use cc_core::water::WaterClass;
use plotters::style::RGBColor;

/// Text and axis ink: dark grey, 12.6:1 on white.
pub const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Secondary text (legends, "no data"): 5.7:1 on white.
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
/// Mesh lines and the outline of empty slots.
pub const GRID: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);
/// The city line: dark navy, readable over every light level band.
pub const CITY: RGBColor = RGBColor(0x0B, 0x3C, 0x6E);
/// The station line: near-black, told apart from the city by its dashes and triangles too.
pub const STATION: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Bar and cell outline, so that the light yellow of level 2 has an edge on white.
pub const EDGE: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Opacity of background level or class bands: light, so lines and text stay readable.
pub const BAND_ALPHA: f64 = 0.22;

/// Parses `#RRGGBB`; a malformed code gives mid grey rather than a panic (the tables are
/// constants, a test checks every entry parses).
pub fn hex(code: &str) -> RGBColor {
    let digits = code.trim_start_matches('#');
    let byte = |i: usize| {
        digits
            .get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
    };
    match (digits.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => RGBColor(r, g, b),
        _ => RGBColor(0x80, 0x80, 0x80),
    }
}

/// Screen colour of an AQI level (HJ 633 表2: #00E400 … #7E0023).
pub fn level_colour(level: Level) -> RGBColor {
    hex(level.colour_hex())
}

/// Swatch colour of a water class (Ⅰ #CCFFFF … 劣Ⅴ #FF0000).
pub fn class_colour(class: WaterClass) -> RGBColor {
    hex(class.colour())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_entry_parses() {
        let grey = RGBColor(0x80, 0x80, 0x80);
        for l in Level::ALL {
            assert_ne!(level_colour(l), grey, "{l:?}");
        }
        for c in WaterClass::ALL {
            assert_ne!(class_colour(c), grey, "{c:?}");
        }
        assert_eq!(level_colour(Level::L1), RGBColor(0, 0xE4, 0));
        assert_eq!(hex("#12"), grey);
        assert_eq!(hex("#GG0000"), grey);
    }
}
