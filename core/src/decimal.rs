//! Reading plain decimals (`-12`, `0.125`, `3.`): the numbers our own code formats and water
//! reports carry; and writing a number with a fixed count of decimals. Both exact, and without
//! `str::parse::<f64>` or `f64`'s `Display`, whose algorithms bring large, incompressible tables
//! into every wasm bundle that calls them (README "Performance" has the sizes).

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

/// `value` with `decimals` digits after the point, exactly as `format!("{value:.decimals$}")`
/// writes it: the exact binary value rounded to the nearest, a tie to the even last digit; `-`
/// for any negative value, `-0.0` included; `NaN`, `inf`, `-inf`. For what the site shows (an
/// AQI share, a distance, a concentration); not for hot loops.
pub fn fixed(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let mut out = String::from(if value.is_sign_negative() { "-" } else { "" });
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // value = mantissa × 2^exponent, exactly.
    let bits = value.to_bits();
    let stored = (bits >> 52 & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = match stored {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, stored - 1075),
    };
    // The digits are round(mantissa × 10^decimals × 2^exponent), in 32-bit limbs.
    let mut n = Big(vec![mantissa as u32, (mantissa >> 32) as u32]);
    for _ in 0..decimals {
        n.mul_small(10);
    }
    if exponent >= 0 {
        n.shl(exponent as usize);
    } else {
        n.shr_rounded_even(exponent.unsigned_abs() as usize);
    }
    let digits = n.into_decimal();
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, part) = digits.split_at(digits.len() - decimals);
    out.push_str(whole);
    if decimals > 0 {
        out.push('.');
        out.push_str(part);
    }
    out
}

/// `value` with at most `decimals` decimals: [`fixed`] without trailing zeros, and `0` for a
/// negative value that rounds to zero.
pub fn trimmed(value: f64, decimals: usize) -> String {
    let s = fixed(value, decimals);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// An unsigned integer in little-endian 32-bit limbs.
struct Big(Vec<u32>);

impl Big {
    fn mul_small(&mut self, by: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(by) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn shl(&mut self, by: usize) {
        let (limbs, bits) = (by / 32, by % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let x = *limb;
                *limb = x << bits | carry;
                carry = x >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn bit(&self, i: usize) -> bool {
        self.0.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    /// Divides by 2^by, rounding to the nearest and a tie to even.
    fn shr_rounded_even(&mut self, by: usize) {
        let half = by > 0 && self.bit(by - 1);
        let below_half = (0..by.saturating_sub(1)).any(|i| self.bit(i));
        let (limbs, bits) = (by / 32, by % 32);
        let mut q: Vec<u32> = self.0.iter().skip(limbs).copied().collect();
        if bits > 0 {
            for i in 0..q.len() {
                let next = q.get(i + 1).copied().unwrap_or(0);
                q[i] = q[i] >> bits | next << (32 - bits);
            }
        }
        self.0 = q;
        let odd = self.bit(0);
        if half && (below_half || odd) {
            self.add_one();
        }
    }

    fn add_one(&mut self) {
        for limb in &mut self.0 {
            let (x, overflow) = limb.overflowing_add(1);
            *limb = x;
            if !overflow {
                return;
            }
        }
        self.0.push(1);
    }

    /// The decimal digits, without leading zeros ("0" for zero).
    fn into_decimal(mut self) -> String {
        let mut groups = Vec::new();
        while self.0.iter().any(|&l| l != 0) {
            let mut rest = 0u64;
            for limb in self.0.iter_mut().rev() {
                let x = rest << 32 | u64::from(*limb);
                *limb = (x / 1_000_000_000) as u32;
                rest = x % 1_000_000_000;
            }
            groups.push(rest as u32);
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
        }
        let mut s = String::new();
        for (i, g) in groups.iter().rev().enumerate() {
            let text = g.to_string();
            if i > 0 {
                s.push_str(&"000000000"[text.len()..]);
            }
            s.push_str(&text);
        }
        if s.is_empty() {
            s.push('0');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::{fixed, parse_plain_decimal, trimmed};
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

    /// Every kind of `f64`: any bit pattern, decimals of every size, exact ties and their
    /// neighbours, against the standard library's formatting.
    #[test]
    fn fixed_agrees_with_the_standard_formatting() {
        let specials = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            0.125,
            0.375,
            0.05,
            0.15,
            0.25,
            0.35,
            1.005,
            2.675,
            9.995,
            99.95,
            0.045,
            1e21,
            1e-7,
            123456789.125,
            4.35,
            62.5,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ];
        for v in specials {
            for d in 0..8 {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} with {d}");
            }
        }
        let mut rng = SplitMix64::new(11);
        for i in 0..300_000 {
            let r = rng.next_u64();
            let v = match i % 3 {
                0 => f64::from_bits(r),
                1 => (r % 2_000_000) as f64 / [1.0, 10.0, 100.0, 1000.0, 8.0, 16.0][rng.below(6)],
                _ => -((r % 100_000) as f64 * 0.001 + rng.below(1000) as f64),
            };
            let d = rng.below(7);
            assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} with {d}");
        }
    }

    #[test]
    fn trimmed_drops_trailing_zeros_and_a_negative_zero_only() {
        let cases = [
            (1.80, 2, "1.8"),
            (2.0, 3, "2"),
            (0.05, 1, "0.1"),
            (0.25, 1, "0.2"),
            (-1.25, 1, "-1.2"),
            (43.880_000_1, 6, "43.88"),
            (125.0, 0, "125"),
            (100.0, 2, "100"),
            (100.5, 0, "100"),
            (-0.000_1, 2, "0"),
            (-0.0, 3, "0"),
            (-0.5, 0, "0"),
            (-0.6, 0, "-1"),
            (0.000_000_01, 8, "0.00000001"),
        ];
        for (value, decimals, want) in cases {
            assert_eq!(trimmed(value, decimals), want, "{value} with {decimals}");
        }
    }
}
