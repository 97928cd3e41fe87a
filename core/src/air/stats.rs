//! Period statistics of daily city values per HJ 663-2013: 优良天数 and 优良率 over valid days,
//! period means, the CO 95th and O3-8h 90th percentiles and the 空气质量综合指数.
//!
//! 优良率 = good days ÷ valid days (not ÷ calendar days): Changchun 2020, 305/366 = 83.3 %.
//! 综合指数 = Σ C_i/S_i with the GB 3095-2012 annual 二级 limits for PM2.5 35, PM10 70, SO2 60,
//! NO2 40 (GB 3095-2012 表1), and 160 (O3-8h) and 4 (CO) for the percentiles (《城市环境空气质量
//! 排名技术规定》, 环办监测〔2018〕19号).

use super::aggregate::CityDay;
use super::level::Level;
use super::pollutant::{Pollutant, Species};
use super::round;

/// Good-day count over some days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoodDays {
    /// Days with daily AQI ≤ 100.
    pub good: u32,
    /// Days with a daily AQI (有效监测天数).
    pub valid: u32,
    /// All days considered.
    pub total: u32,
    /// 优良率 in percent, one decimal; `None` without valid days.
    pub rate_percent: Option<f64>,
}

/// 优良天数 and 优良率 of `days`.
pub fn good_days(days: &[CityDay]) -> GoodDays {
    let mut g = GoodDays {
        good: 0,
        valid: 0,
        total: 0,
        rate_percent: None,
    };
    for d in days {
        g.total += 1;
        if let Some(aqi) = d.assessment.aqi() {
            g.valid += 1;
            if aqi <= 100 {
                g.good += 1;
            }
        }
    }
    g.rate_percent =
        (g.valid > 0).then(|| round::half_even(f64::from(g.good) * 100.0 / f64::from(g.valid), 1));
    g
}

/// Statistics of a month or a year.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodStats {
    /// Year.
    pub year: i32,
    /// Month 1–12, or `None` for the whole year.
    pub month: Option<u8>,
    /// Good days.
    pub good: GoodDays,
    /// Days per level 1…6.
    pub level_days: [u32; 6],
    /// Period means of PM2.5, PM10, SO2, NO2 (by [`Species`] index; CO and O3 slots empty).
    pub mean: [Option<f64>; 6],
    /// Days that went into each mean (by [`Species`] index).
    pub mean_days: [u32; 6],
    /// 95th percentile of daily CO means, mg/m³.
    pub co_p95: Option<f64>,
    /// 90th percentile of daily maximum 8-h O3.
    pub o3_8h_p90: Option<f64>,
    /// 综合指数, two decimals; `None` unless all six terms exist.
    pub composite_index: Option<f64>,
    /// Whether enough daily values exist for a valid period statistic: ≥ 324 per year,
    /// ≥ 27 per month (≥ 25 in February) (GB 3095-2012 表4, [memory]).
    pub complete: bool,
}

/// Percentile per HJ 663-2013 式(A.5) [memory]: sorted X₁…Xₙ, k = 1 + (n−1)·p/100,
/// s = ⌊k⌋, m = X_s + (X_{s+1} − X_s)(k − s).
pub fn percentile(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    crate::order::sort_by(values, f64::total_cmp);
    let k = 1.0 + (values.len() - 1) as f64 * p / 100.0;
    let s = k.floor() as usize;
    let xs = *values.get(s.checked_sub(1)?)?;
    let next = values.get(s).copied().unwrap_or(xs);
    Some(xs + (next - xs) * (k - s as f64))
}

/// Statistics of `days` for `year` and optionally one `month`.
pub fn period_stats(days: &[CityDay], year: i32, month: Option<u8>) -> PeriodStats {
    let sel: Vec<&CityDay> = days
        .iter()
        .filter(|d| d.date.year == year && month.is_none_or(|m| d.date.month == m))
        .collect();
    let owned: Vec<CityDay> = sel.iter().map(|d| (*d).clone()).collect();
    let good = good_days(&owned);
    let mut level_days = [0u32; 6];
    for d in &sel {
        if let Ok(a) = d.assessment.outcome {
            if let Some(n) = level_days.get_mut(usize::from(a.level.number()) - 1) {
                *n += 1;
            }
        }
    }
    let item = |p: Pollutant| -> Vec<f64> {
        sel.iter()
            .filter_map(|d| d.values.get(p.index()).copied().flatten())
            .collect()
    };
    let mut mean = [None; 6];
    let mut mean_days = [0u32; 6];
    for (p, s) in [
        (Pollutant::Pm25, Species::Pm25),
        (Pollutant::Pm10, Species::Pm10),
        (Pollutant::So2, Species::So2),
        (Pollutant::No2, Species::No2),
    ] {
        let v = item(p);
        if let (Some(m), Some(n)) = (mean.get_mut(s.index()), mean_days.get_mut(s.index())) {
            *n = v.len() as u32;
            *m = (!v.is_empty())
                .then(|| round::concentration(s, v.iter().sum::<f64>() / v.len() as f64));
        }
    }
    let co_p95 =
        percentile(&mut item(Pollutant::Co), 95.0).map(|v| round::concentration(Species::Co, v));
    let o3_8h_p90 =
        percentile(&mut item(Pollutant::O3_8h), 90.0).map(|v| round::concentration(Species::O3, v));
    let terms = [
        mean.get(Species::Pm25.index())
            .copied()
            .flatten()
            .map(|c| c / 35.0),
        mean.get(Species::Pm10.index())
            .copied()
            .flatten()
            .map(|c| c / 70.0),
        mean.get(Species::So2.index())
            .copied()
            .flatten()
            .map(|c| c / 60.0),
        mean.get(Species::No2.index())
            .copied()
            .flatten()
            .map(|c| c / 40.0),
        co_p95.map(|c| c / 4.0),
        o3_8h_p90.map(|c| c / 160.0),
    ];
    let composite_index = terms
        .into_iter()
        .sum::<Option<f64>>()
        .map(|v| round::half_even(v, 2));
    let need = match month {
        None => 324,
        Some(2) => 25,
        Some(_) => 27,
    };
    let complete = mean_days.iter().take(4).all(|&n| n >= need);
    PeriodStats {
        year,
        month,
        good,
        level_days,
        mean,
        mean_days,
        co_p95,
        o3_8h_p90,
        composite_index,
        complete,
    }
}

/// Days per level, e.g. for a calendar legend.
pub fn level_of(day: &CityDay) -> Option<Level> {
    day.assessment.outcome.ok().map(|a| a.level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::air::iaqi::assess_daily;
    use crate::air::rules::HJ633_2012;
    use crate::time::Date;

    fn day(date: &str, pm25: Option<f64>) -> CityDay {
        let values = [
            Some(10.0),
            Some(20.0),
            Some(40.0),
            Some(0.8),
            Some(90.0),
            Some(80.0),
            pm25,
        ];
        CityDay {
            date: Date::parse(date).unwrap(),
            values,
            stations_used: [9; 7],
            assessment: assess_daily(&HJ633_2012, &values),
        }
    }

    #[test]
    fn good_rate_is_over_valid_days() {
        let days = vec![
            day("2021-01-01", Some(30.0)),
            day("2021-01-02", Some(80.0)),
            day("2021-01-03", None),
            day("2021-01-04", Some(70.0)),
        ];
        let g = good_days(&days);
        assert_eq!((g.good, g.valid, g.total), (2, 3, 4));
        assert_eq!(g.rate_percent, Some(66.7));
        // 305 / 366 → 83.3 %.
        assert_eq!(round::half_even(305.0 * 100.0 / 366.0, 1), 83.3);
    }

    #[test]
    fn percentiles_and_composite_index() {
        let mut v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&mut v, 95.0), Some(19.05));
        assert_eq!(percentile(&mut [3.0], 90.0), Some(3.0));
        assert_eq!(percentile(&mut [], 90.0), None);
        let days = vec![day("2021-03-01", Some(35.0)), day("2021-03-02", Some(35.0))];
        let s = period_stats(&days, 2021, Some(3));
        // 35/35 + 40/70 + 10/60 + 20/40 + 0.8/4 + 80/160
        assert_eq!(
            s.composite_index,
            Some(round::half_even(
                1.0 + 40.0 / 70.0 + 10.0 / 60.0 + 0.5 + 0.2 + 0.5,
                2
            ))
        );
        assert!(!s.complete);
        assert_eq!(s.level_days[0], 2);
        assert_eq!(period_stats(&days, 2021, Some(4)).good.total, 0);
    }
}
