use super::*;
use crate::report::categories::builtin_categories;
use crate::report::{Outcome, RetryPolicy};

const T0: i64 = 1_772_323_200_000; // 2026-03-01T00:00Z = 08:00 Beijing

fn queued() -> OutboxItem {
    OutboxItem::new("d1", "key-1", T0)
}

fn after(outcome: Outcome) -> OutboxItem {
    let mut item = queued();
    assert!(item.begin_send());
    // Jitter 0: the first retry is the base delay, 5 s, at 08:00:05 → shown as 08:00.
    item.apply(outcome, T0, 0.0, &RetryPolicy::default())
}

#[test]
fn on_its_way_until_an_attempt_fails() {
    // Tapped 提交举报 with a connection: sending, never "waiting", before anything failed.
    let p = queued().progress(true, Lang::Zh, T0);
    assert_eq!(p.heading, "正在发送举报");
    assert_eq!(p.text, "举报已保存在本机，正在发送到受理系统（第 1 次）。");
    assert!(!p.waiting);
    let mut first = queued();
    assert!(first.begin_send());
    assert_eq!(
        first.progress(true, Lang::En, T0).heading,
        "Sending your report"
    );
    // Queued without a connection: nothing is being sent, and it says so.
    let offline = queued().progress(false, Lang::Zh, T0);
    assert_eq!(offline.heading, "举报已保存，等待发送");
    assert_eq!(
        offline.text,
        "现在没有网络连接。举报已保存在本机，联网后会自动发送，您可以关闭此页。"
    );
}

#[test]
fn waiting_names_why() {
    let cases = [
        (
            Outcome::Network,
            "现在无法连接到受理系统。举报已保存在本机，联网后会自动发送，您可以关闭此页。",
        ),
        (
            Outcome::ServerError(503),
            "受理系统暂时无法处理（HTTP 503）。举报已保存在本机，将于 2026-03-01 08:00 自动重试，您可以关闭此页。",
        ),
        (
            Outcome::RateLimited {
                retry_after_seconds: Some(120),
            },
            "受理系统请求稍后再发送。举报已保存在本机，将于 2026-03-01 08:02 自动重试，您可以关闭此页。",
        ),
        (
            Outcome::Timeout,
            "受理系统没有及时回应。举报已保存在本机，将于 2026-03-01 08:00 自动重试，您可以关闭此页。",
        ),
    ];
    for (outcome, text) in cases {
        let item = after(outcome.clone());
        let p = item.progress(true, Lang::Zh, T0);
        assert_eq!(p.heading, "举报已保存，等待发送", "{outcome:?}");
        assert_eq!(p.text, text, "{outcome:?}");
        assert!(p.waiting);
    }
    let mut retry = after(Outcome::ServerError(503));
    retry.retry_now(T0);
    assert!(retry.begin_send());
    assert_eq!(
        retry.progress(true, Lang::En, T0).text,
        "The reporting system cannot take reports right now (HTTP 503). Sending it again (attempt 2)."
    );
}

#[test]
fn a_refusal_is_said_in_our_words_with_its_status() {
    let refused = |status: u16| {
        after(Outcome::ClientError {
            status,
            description: "service_code 无效".into(),
        })
    };
    assert_eq!(
        refused(400).refusal_text(Lang::En),
        "The reporting system found a problem with the report. See what it says below, change the report and send it again. (HTTP 400)"
    );
    assert!(refused(403)
        .refusal_text(Lang::Zh)
        .starts_with("受理系统拒绝接收本站的举报。"));
    assert!(refused(413).refusal_text(Lang::Zh).contains("减少照片"));
    assert_eq!(
        refused(418).refusal_text(Lang::Zh),
        "受理系统没有接受这份举报。请查看下面受理系统的说明。（HTTP 418）"
    );
}

#[test]
fn an_entry_names_its_report() {
    let draft = ReportDraft {
        categories: vec!["air".into(), "noise".into()],
        district: "朝阳区".into(),
        address: "人民大街 1 号".into(),
        occurred_date: "2026-02-28".into(),
        occurred_time: "21:15".into(),
        ..ReportDraft::default()
    };
    let mut item = queued();
    item.about = ReportAbout::of(&draft);
    let categories = builtin_categories();
    assert_eq!(
        item.about_text(&categories, Lang::Zh).as_deref(),
        Some("大气污染、噪声污染 · 朝阳区 人民大街 1 号 · 2026-02-28 21:15")
    );
    assert_eq!(
        item.about_text(&categories, Lang::En).as_deref(),
        Some("Air pollution, Noise · 朝阳区 人民大街 1 号 · 2026-02-28 21:15")
    );
    // Stored before items named their report: nothing to say, and it still reads.
    let old = OutboxItem::from_json(&queued().to_json().replace(
        ",\"about\":{\"categories\":[],\"place\":\"\",\"occurred\":null}",
        "",
    ))
    .unwrap();
    assert_eq!(old.about_text(&categories, Lang::Zh), None);
    assert_eq!(OutboxItem::from_json(&item.to_json()).unwrap(), item);
}
