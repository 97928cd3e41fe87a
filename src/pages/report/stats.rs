//! `/report/stats` (举报处理情况): how reports are handled, counted from the endpoint's public
//! `GET requests.json` (paged by date range, `transport::listing`) for the last 30 days and the
//! year so far: by category (text, chart, table), by district and by status, and the median time
//! from sending to closing (`cc_core::report::stats`).

use crate::api::ApiError;
use crate::charts::wire::Chart;
use crate::charts::{self, CountBars, Table};
use crate::components::chart::ChartFigure;
use crate::components::data_table::DataTable;
use crate::components::notices::{Loading, SkippedNote};
use crate::components::page::{Lead, PageTitle};
use crate::feeds::SiteConfig;
use crate::prefs::use_lang;
use crate::report_app::transport::{self, Listing};
use crate::text::stats_ui;
use crate::year_card::fill;
use cc_core::i18n::Lang;
use cc_core::report::stats::{duration_text, report_stats, stats_summary, ReportStats};
use cc_core::report::{builtin_categories, find_category, Minute};
use cc_core::time::Date;
use leptos::prelude::*;
use std::sync::Arc;

const DAY: i64 = 24 * 60;

/// What asking the endpoint gave.
#[derive(Clone)]
enum Counted {
    NotConfigured,
    /// The endpoint answered the listing with this status: it does not publish its list.
    Refused(u16),
    Failed(ApiError),
    Listed {
        listing: Arc<Listing>,
        now: Minute,
    },
}

/// The page.
#[component]
pub fn ReportStatsPage() -> impl IntoView {
    let lang = use_lang();
    let SiteConfig(config) = expect_context::<SiteConfig>();
    let counted = LocalResource::new(move || load(config));
    let body = move || {
        let lang = lang.get();
        Suspend::new(async move {
            let t = stats_ui(lang);
            match counted.await {
                Counted::NotConfigured => view! { <p class="cc-notice" role="status">{t.not_configured}</p> }.into_any(),
                Counted::Refused(code) => {
                    view! { <p class="cc-notice" role="status" data-testid="stats-refused">{fill(t.refused, "code", code)}</p> }.into_any()
                }
                Counted::Failed(e) => view! { <p class="cc-notice" role="alert">{e.message(lang)}</p> }.into_any(),
                Counted::Listed { listing, now } => {
                    let year_start = year_start(now);
                    view! {
                        <p class="cc-small">{fill(t.counted_at, "time", now)}</p>
                        <SkippedNote skipped=listing.skipped.clone() />
                        {period(&listing, Minute(now.0 - 30 * DAY), now, "stats-30-days", t.last_30_days.to_string(), lang)}
                        {period(&listing, year_start, now, "stats-year", fill(t.this_year, "year", now.date().year), lang)}
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <article class="cc-page cc-report-stats">
            <PageTitle text=|l| stats_ui(l).title />
            <Lead text=|l| stats_ui(l).intro />
            <Suspense fallback=Loading>{body}</Suspense>
        </article>
    }
}

/// 00:00 on 1 January of `now`'s year.
fn year_start(now: Minute) -> Minute {
    Date::new(now.date().year, 1, 1)
        .and_then(|d| Minute::new(d, 0, 0))
        .unwrap_or(Minute(now.0 - 365 * DAY))
}

async fn load(config: LocalResource<crate::feeds::ConfigResult>) -> Counted {
    let Some(client) = transport::reading_client(config).await else {
        return Counted::NotConfigured;
    };
    let now = Minute::from_unix_millis(super::now_ms());
    let from = Minute(now.0 - 30 * DAY).min(year_start(now));
    match transport::listing(&client, from, Minute(now.0 + 1)).await {
        Ok(listing) => Counted::Listed {
            listing: Arc::new(listing),
            now,
        },
        Err(ApiError::Status { code, .. }) if matches!(code, 401 | 403 | 404 | 405 | 410 | 501) => {
            Counted::Refused(code)
        }
        Err(e) => Counted::Failed(e),
    }
}

/// One period: its sentence, the categories as chart and table, districts and status as tables.
fn period(
    listing: &Listing,
    from: Minute,
    to: Minute,
    id: &'static str,
    heading: String,
    lang: Lang,
) -> AnyView {
    let t = stats_ui(lang);
    let s = report_stats(&listing.requests, from, Minute(to.0 + 1));
    let categories = builtin_categories();
    let bars = CountBars {
        what: t.category.to_string(),
        caption: format!("{heading} · {}", t.by_category),
        bars: s
            .by_category
            .iter()
            .map(|(code, name, n)| {
                let shown = find_category(&categories, code)
                    .map(|c| c.name.get(lang).to_string())
                    .or_else(|| name.clone())
                    .unwrap_or_else(|| code.clone());
                (shown, *n)
            })
            .collect(),
    };
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let chart_id = if id == "stats-year" {
        "stats-year-categories"
    } else {
        "stats-30-days-categories"
    };
    view! {
        <section class="cc-card" aria-labelledby=labelled_by data-testid=id>
            <h2 id=heading_id>{heading}</h2>
            <p class="cc-lead" data-testid="stats-summary">{stats_summary(&s, lang)}</p>
            {(s.total > 0).then(|| {
                let table = charts::table_count_bars(&bars, lang);
                let summary = charts::summary_count_bars(&bars, lang);
                view! {
                    <ChartFigure
                        id=chart_id
                        title=t.by_category.to_string()
                        summary
                        table
                        sample=false
                        chart=Chart::CountBars(bars)
                        lang
                    />
                    <DataTable table=district_table(&s, lang) testid="stats-districts" />
                    <DataTable table=status_table(&s, lang) testid="stats-status" />
                    <p data-testid="stats-median">{median_text(&s, lang)}</p>
                }
            })}
        </section>
    }
    // Type-erased: the host build of the bin (prerender's `ssr`) computes the whole page's view
    // type otherwise, past the compiler's recursion limit.
    .into_any()
}

fn district_table(s: &ReportStats, lang: Lang) -> Table {
    let t = stats_ui(lang);
    Table {
        caption: t.by_district.to_string(),
        headers: vec![t.district.to_string(), t.reports.to_string()],
        rows: s
            .by_district
            .iter()
            .map(|(d, n)| {
                let name = d.map_or(t.district_not_given, |d| d.name(lang));
                vec![name.to_string(), n.to_string()]
            })
            .collect(),
    }
}

/// "从提交到办结的时间（中位数）：2 天 4 小时（3 件已办结举报）".
fn median_text(s: &ReportStats, lang: Lang) -> String {
    let t = stats_ui(lang);
    let median = s
        .median_minutes_to_close
        .map_or(t.no_median.to_string(), |m| {
            fill(
                &fill(t.median_over, "time", duration_text(m, lang)),
                "n",
                s.closed_timed,
            )
        });
    format!("{}{}{median}", t.median, lang.pick("：", ": "))
}

fn status_table(s: &ReportStats, lang: Lang) -> Table {
    let t = stats_ui(lang);
    let mut rows = vec![
        vec![t.open.to_string(), s.open.to_string()],
        vec![t.closed.to_string(), s.closed.to_string()],
    ];
    if s.other > 0 {
        rows.push(vec![t.other_status.to_string(), s.other.to_string()]);
    }
    Table {
        caption: t.by_status.to_string(),
        headers: vec![t.status.to_string(), t.reports.to_string()],
        rows,
    }
}
