//! Numbers with a fixed count of decimals ("43.7", "1.06"), written without `format!("{:.1}")`.
//!
//! Rust's fixed-precision float formatting links its own exact-digit algorithms (Grisu with a
//! Dragon4 fallback over big integers) into every wasm bundle that uses it, several KB for a
//! percentage with one decimal (README "Performance"). The values shown here are measurements
//! and shares of at most a few thousand, so scaling to an integer and placing the point is exact
//! enough: the result is `{:.N}`'s for every value whose scaled form is not within one unit in
//! the last place of a tie, and an exact tie rounds half to even, as `{:.N}` does.

/// `x` with `places` decimals (at most 9), e.g. `fixed(43.68, 1)` = `"43.7"`. A value that rounds
/// to zero has no minus sign; NaN and the infinities are written `NaN`, `inf`, `-inf`.
pub fn fixed(x: f64, places: u8) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let places = places.min(9);
    let scale = 10u64.pow(u32::from(places));
    let scaled = (x.abs() * scale as f64).round_ties_even();
    // Beyond 2^53 an f64 holds no fraction to show: the integer digits are all there is.
    if scaled >= 9_007_199_254_740_992.0 {
        let mut out = (x.trunc() as i128).to_string();
        if places > 0 {
            out.push('.');
            out.extend(std::iter::repeat_n('0', usize::from(places)));
        }
        return out;
    }
    let n = scaled as u64;
    let mut out = String::with_capacity(24);
    if x < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&(n / scale).to_string());
    if places > 0 {
        let frac = (n % scale).to_string();
        out.push('.');
        for _ in frac.len()..usize::from(places) {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn agrees_with_format_away_from_ties() {
        // A deterministic spread of magnitudes and fractions, none of them a tie.
        let mut x = 0.000_37_f64;
        while x < 50_000.0 {
            for sign in [1.0, -1.0] {
                let v = sign * x;
                for places in 0..=6u8 {
                    let ours = fixed(v, places);
                    let std = format!("{v:.*}", usize::from(places));
                    let std = std
                        .strip_prefix("-")
                        .filter(|s| s.trim_matches(['0', '.']).is_empty())
                        .unwrap_or(&std);
                    assert_eq!(ours, std, "{v} to {places}");
                }
            }
            x = x * 1.37 + 0.011;
        }
    }

    #[test]
    fn ties_round_half_to_even_and_small_negatives_lose_their_sign() {
        assert_eq!(fixed(0.25, 1), "0.2");
        assert_eq!(fixed(0.75, 1), "0.8");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(43.68, 1), "43.7");
        assert_eq!(fixed(1.0, 2), "1.00");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.0, 1), "0.0");
        assert_eq!(fixed(125.43216, 5), "125.43216");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(fixed(1e20, 1), format!("{:.1}", 1e20_f64));
        assert_eq!(fixed(-3e17, 0), format!("{:.0}", -3e17_f64));
    }
}
