//! A chart as a page hands it to the charts module (`src/bin/charts.rs`): which chart, its input
//! and the page's language, in `cc_core::wire`'s bytes. The pages' bundles build every chart's
//! input, summary and table themselves but link no plotters: the drawing is the module's, fetched
//! when one of the page's charts first nears the viewport (`components::chart`).
//!
//! Not a published format: both ends are built in the same build. Decoding never panics; bytes
//! that are not a whole chart decode to `None`.

use super::{
    draw_aqi_calendar, draw_count_bars, draw_daily_aqi_bars, draw_hourly_aqi,
    draw_water_class_steps, draw_water_indicator_bands, AqiCalendar, ChartError, CountBars,
    DailyAqi, HourlyAqi, IndicatorSeries, StationLine, WaterClassSteps,
};
use cc_core::air::GoodDays;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use cc_core::water::{Indicator, WaterBody, WaterClass};
use cc_core::wire::{Reader, Writer};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

const TAG: &[u8; 4] = b"ccc1";

/// Every chart a page draws, with its input. (`draw_year_hourly_aqi` is drawn by no page: it is
/// left out, so the module does not carry it.)
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    HourlyAqi(HourlyAqi),
    DailyAqi(DailyAqi),
    AqiCalendar(AqiCalendar),
    CountBars(CountBars),
    WaterClassSteps(WaterClassSteps),
    IndicatorSeries(IndicatorSeries),
}

/// Draws `chart` on `root` in `lang`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    lang: Lang,
) -> Result<(), ChartError> {
    match chart {
        Chart::HourlyAqi(data) => draw_hourly_aqi(root, data, lang),
        Chart::DailyAqi(data) => draw_daily_aqi_bars(root, data, lang),
        Chart::AqiCalendar(data) => draw_aqi_calendar(root, data, lang),
        Chart::CountBars(data) => draw_count_bars(root, data, lang),
        Chart::WaterClassSteps(data) => draw_water_class_steps(root, data, lang),
        Chart::IndicatorSeries(data) => draw_water_indicator_bands(root, data, lang),
    }
}

/// The bytes of `chart` in `lang`, for [`decode`].
pub fn encode(chart: &Chart, lang: Lang) -> Vec<u8> {
    let mut w = Writer::default();
    for &b in TAG {
        w.u8(b);
    }
    w.bool(lang == Lang::En);
    match chart {
        Chart::HourlyAqi(data) => {
            w.u8(0);
            hour_values(&mut w, &data.city);
            w.bool(data.station.is_some());
            if let Some(station) = &data.station {
                w.str(&station.name);
                hour_values(&mut w, &station.values);
            }
        }
        Chart::DailyAqi(data) => {
            w.u8(1);
            day_values(&mut w, &data.days);
        }
        Chart::AqiCalendar(data) => {
            w.u8(2);
            w.i32(data.year);
            day_values(&mut w, &data.days);
            for n in [data.good.good, data.good.valid, data.good.total] {
                w.u64(u64::from(n));
            }
            w.f64(data.good.rate_percent);
        }
        Chart::CountBars(data) => {
            w.u8(3);
            w.str(&data.what);
            w.str(&data.caption);
            w.size(data.bars.len());
            for (label, n) in &data.bars {
                w.str(label);
                w.size(*n);
            }
        }
        Chart::WaterClassSteps(data) => {
            w.u8(4);
            w.i32(data.year);
            w.str(&data.section);
            for class in data.months {
                w.option(class.map(|c| [index_of(&WaterClass::ALL, c)]));
            }
        }
        Chart::IndicatorSeries(data) => {
            w.u8(5);
            w.u8(index_of(&Indicator::ALL, data.indicator));
            w.str(data.body.as_str());
            w.str(&data.section);
            w.size(data.points.len());
            for &(date, value) in &data.points {
                w.date(date);
                w.f64(Some(value));
            }
        }
    }
    w.into_bytes()
}

/// The chart and language [`encode`] wrote, or `None` if `bytes` are not one whole chart.
pub fn decode(bytes: &[u8]) -> Option<(Chart, Lang)> {
    let mut r = Reader::new(bytes);
    if r.take::<4>()? != *TAG {
        return None;
    }
    let lang = if r.bool()? { Lang::En } else { Lang::Zh };
    let chart = match r.u8()? {
        0 => Chart::HourlyAqi(HourlyAqi {
            city: read_hour_values(&mut r)?,
            station: r.option(|r| {
                Some(StationLine {
                    name: r.str()?,
                    values: read_hour_values(r)?,
                })
            })?,
        }),
        1 => Chart::DailyAqi(DailyAqi {
            days: read_day_values(&mut r)?,
        }),
        2 => Chart::AqiCalendar(AqiCalendar {
            year: r.i32()?,
            days: read_day_values(&mut r)?,
            good: GoodDays {
                good: read_u32(&mut r)?,
                valid: read_u32(&mut r)?,
                total: read_u32(&mut r)?,
                rate_percent: r.f64()?,
            },
        }),
        3 => Chart::CountBars(CountBars {
            what: r.str()?,
            caption: r.str()?,
            // At least a string's length and a count: 16 bytes.
            bars: r.list(16, |r| Some((r.str()?, r.size()?)))?,
        }),
        4 => Chart::WaterClassSteps(WaterClassSteps {
            year: r.i32()?,
            section: r.str()?,
            months: {
                let mut months = [None; 12];
                for month in &mut months {
                    *month = r.option(|r| WaterClass::ALL.get(usize::from(r.u8()?)).copied())?;
                }
                months
            },
        }),
        5 => Chart::IndicatorSeries(IndicatorSeries {
            indicator: *Indicator::ALL.get(usize::from(r.u8()?))?,
            body: r.str()?.parse::<WaterBody>().ok()?,
            section: r.str()?,
            // A date and a present value: 6 + 9 bytes.
            points: r.list(15, |r| Some((r.date()?, r.f64()??)))?,
        }),
        _ => return None,
    };
    r.is_done().then_some((chart, lang))
}

fn index_of<T: PartialEq>(all: &[T], item: T) -> u8 {
    // Both lists are far shorter than 256 and hold every value of their type.
    all.iter().position(|x| *x == item).unwrap_or(0) as u8
}

fn hour_values(w: &mut Writer, values: &[(Hour, Option<u16>)]) {
    w.size(values.len());
    for &(hour, aqi) in values {
        w.hour(hour);
        w.option(aqi.map(u16::to_le_bytes));
    }
}

fn day_values(w: &mut Writer, values: &[(Date, Option<u16>)]) {
    w.size(values.len());
    for &(date, aqi) in values {
        w.date(date);
        w.option(aqi.map(u16::to_le_bytes));
    }
}

fn read_hour_values(r: &mut Reader<'_>) -> Option<Vec<(Hour, Option<u16>)>> {
    // An hour and an absent value: 8 + 1 bytes.
    r.list(9, |r| Some((r.hour()?, r.option(Reader::u16)?)))
}

fn read_day_values(r: &mut Reader<'_>) -> Option<Vec<(Date, Option<u16>)>> {
    // A date and an absent value: 6 + 1 bytes.
    r.list(7, |r| Some((r.date()?, r.option(Reader::u16)?)))
}

fn read_u32(r: &mut Reader<'_>) -> Option<u32> {
    u32::try_from(r.u64()?).ok()
}

#[cfg(test)]
mod tests;
