//! Reading plain decimals (`-12`, `0.125`, `3.`): the numbers our own code formats and water
//! reports carry. Exact, and without `str::parse::<f64>`, whose algorithm brings ~10 KB of
//! incompressible power-of-five tables into every wasm bundle that calls it.

/// `[+-]digits[.digits]` (at least one digit) as the nearest `f64`, as `str::parse` gives it;
/// `None` for anything else, and beyond 15 significant digits or 22 decimals, which no value
/// we read has. Exact because both the digits and the power of ten are exact `f64`s, and one
/// division rounds once (IEEE 754 division is correctly rounded).
pub fn parse_plain_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut digits: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if digits >= 1 << 53 || fraction.len() > 22 {
        return None;
    }
    let mut scale = 1.0_f64;
    for _ in 0..fraction.len() {
        scale *= 10.0;
    }
    let value = digits as f64 / scale;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::parse_plain_decimal;
    use crate::rng::SplitMix64;

    #[test]
    fn agrees_with_the_standard_parser_on_plain_decimals() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..200_000 {
            let whole = rng.below(10_000_000);
            let decimals = rng.below(9);
            let fraction = rng.below(1_000_000_000) % 10usize.pow(decimals as u32);
            let text = match decimals {
                0 => format!("{whole}"),
                d => format!("{whole}.{fraction:0d$}"),
            };
            let text = if rng.below(2) == 0 {
                format!("-{text}")
            } else {
                text
            };
            assert_eq!(
                parse_plain_decimal(&text),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        for s in [
            "0",
            "-0",
            "+1",
            "3.",
            ".5",
            "0.1",
            "1.000333",
            "9007199254740991",
            "0.0000000000000000000001",
        ] {
            assert_eq!(parse_plain_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for s in [
            "",
            "-",
            ".",
            "+.",
            "1e5",
            "inf",
            "NaN",
            "1.2.3",
            "1-2",
            " 1",
            "1,5",
            "١",
            "9007199254740992",
            "0.00000000000000000000001",
        ] {
            assert_eq!(parse_plain_decimal(s), None, "{s:?}");
        }
    }
}
