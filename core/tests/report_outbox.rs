//! The outbox state machine: transitions, backoff, Retry-After, persistence, status texts.

use cc_core::i18n::Lang;
use cc_core::report::{OutboxItem, OutboxState, Outcome, RetryPolicy};

const T0: i64 = 1_772_323_200_000; // 2026-03-01T00:00Z = 08:00 Beijing

fn sending() -> OutboxItem {
    let mut item = OutboxItem::new("d1", "key-1", T0);
    assert!(item.is_due(T0));
    assert!(item.begin_send());
    item
}

#[test]
fn production_defaults() {
    let p = RetryPolicy::default();
    assert_eq!(
        (
            p.base_delay_ms,
            p.max_delay_ms,
            p.retry_after_cap_ms,
            p.request_timeout_ms
        ),
        (5_000, 600_000, 3_600_000, 30_000)
    );
}

#[test]
fn created_is_final_and_never_sent_again() {
    let p = RetryPolicy::default();
    let item = sending().apply(
        Outcome::Created {
            reference: "CC-2026-000001".into(),
            notice: Some("已收到".into()),
        },
        T0 + 1000,
        0.5,
        &p,
    );
    assert_eq!(item.data_state(), "sent");
    assert_eq!(item.idempotency_key, "key-1");
    let mut again = item.clone();
    assert!(!again.begin_send());
    assert!(!again.is_due(T0 + 10_000_000));
    again.retry_now(T0);
    again.recover(T0);
    assert_eq!(again, item);
    // No later outcome changes a sent item.
    assert_eq!(item.apply(Outcome::Network, T0, 0.5, &p), item);
    assert_eq!(
        item.status_text(Lang::Zh, T0),
        "已提交：2026-03-01 08:00 · 编号 CC-2026-000001"
    );
    assert_eq!(
        item.status_text(Lang::En, T0),
        "Submitted: 2026-03-01 08:00 · reference CC-2026-000001"
    );
}

#[test]
fn tokens_are_sent_and_resolve_later() {
    let p = RetryPolicy::default();
    let mut item = sending().apply(Outcome::Token("tok".into()), T0, 0.0, &p);
    assert!(matches!(
        item.state,
        OutboxState::Sent { is_token: true, .. }
    ));
    assert!(item.status_text(Lang::Zh, T0).contains("受理凭证 tok"));
    item.resolve_token("CC-2026-000009");
    assert!(
        matches!(&item.state, OutboxState::Sent { reference, is_token: false, .. } if reference == "CC-2026-000009")
    );
}

#[test]
fn a_token_is_looked_up_with_backoff_until_its_id_is_assigned() {
    let p = RetryPolicy::default();
    let mut item = sending().apply(Outcome::Token("tok".into()), T0 + 100, 0.0, &p);
    // The first lookup is due at once, right after the POST.
    assert!(item.token_lookup_due(T0 + 100));
    assert!(!item.token_lookup_due(T0 + 99));
    // Not assigned yet: the next lookups wait the send backoff (½·5 s, then 10 s at jitter 1).
    item.token_not_resolved(T0 + 200, 0.0, &p);
    assert_eq!(item.token_lookups, 1);
    assert!(!item.token_lookup_due(T0 + 200 + 2_499));
    assert!(item.token_lookup_due(T0 + 200 + 2_500));
    item.token_not_resolved(T0 + 3_000, 1.0, &p);
    assert_eq!(item.next_attempt_at, T0 + 3_000 + 10_000);
    // Lookups never grow past the backoff ceiling (10 min), however long the batch takes.
    for _ in 0..100 {
        item.token_not_resolved(T0, 1.0, &p);
    }
    assert_eq!(item.next_attempt_at, T0 + 600_000);
    // Meanwhile it stays a sent report: never queued, never sent again.
    assert_eq!(item.data_state(), "sent");
    assert!(!item.is_due(i64::MAX));
    assert!(!item.clone().begin_send());
    // Once resolved, there is nothing left to look up.
    item.resolve_token("CC-2026-000009");
    assert!(!item.token_lookup_due(i64::MAX));
    let resolved = item.clone();
    item.token_not_resolved(T0, 0.5, &p);
    assert_eq!(item, resolved);
    // A report answered with an id at once is never looked up.
    let created = sending().apply(
        Outcome::Created {
            reference: "CC-2026-000001".into(),
            notice: None,
        },
        T0,
        0.5,
        &p,
    );
    assert!(!created.token_lookup_due(i64::MAX));
}

#[test]
fn client_errors_fail_and_keep_the_report() {
    let p = RetryPolicy::default();
    let item = sending().apply(
        Outcome::ClientError {
            status: 400,
            description: "缺少位置".into(),
        },
        T0,
        0.5,
        &p,
    );
    assert_eq!(
        item.state,
        OutboxState::Failed {
            message: "缺少位置".into(),
            editable: true
        }
    );
    assert_eq!(item.status_text(Lang::Zh, T0), "发送失败：缺少位置");
    assert_eq!(item.last_error.as_deref(), Some("HTTP 400"));
    let forbidden = sending().apply(
        Outcome::ClientError {
            status: 403,
            description: "invalid api_key".into(),
        },
        T0,
        0.5,
        &p,
    );
    assert!(matches!(
        forbidden.state,
        OutboxState::Failed {
            editable: false,
            ..
        }
    ));
    // After editing, the user sends it again with the same key.
    let mut retried = item.clone();
    retried.retry_now(T0 + 5);
    assert!(retried.is_due(T0 + 5));
    assert!(retried.begin_send());
    assert_eq!(retried.attempts, 2);
    assert_eq!(retried.idempotency_key, "key-1");
}

#[test]
fn transient_failures_back_off() {
    let p = RetryPolicy::default();
    let mut item = sending();
    let mut last_delay = 0;
    for (i, outcome) in [
        Outcome::Network,
        Outcome::Timeout,
        Outcome::ServerError(503),
    ]
    .into_iter()
    .cycle()
    .take(12)
    .enumerate()
    {
        item = item.apply(outcome, T0, 1.0, &p);
        assert_eq!(item.data_state(), "queued", "{i}");
        let delay = item.next_attempt_at - T0;
        assert!(delay >= last_delay && delay <= 600_000, "{i}: {delay}");
        last_delay = delay;
        assert!(!item.is_due(T0));
        assert!(item.is_due(item.next_attempt_at));
        assert!(item.begin_send());
    }
    assert_eq!(item.attempts, 13);
    assert_eq!(last_delay, 600_000);
    // Exact schedule with jitter 1.0: 5 s, 10 s, 20 s …
    let fresh = sending().apply(Outcome::Network, T0, 1.0, &p);
    assert_eq!(fresh.next_attempt_at - T0, 5_000);
    let low = sending().apply(Outcome::Network, T0, 0.0, &p);
    assert_eq!(low.next_attempt_at - T0, 2_500);
    assert!(low
        .status_text(Lang::Zh, T0)
        .starts_with("待发送：将于 2026-03-01 08:00"));
}

#[test]
fn retry_after_is_honoured_and_capped() {
    let p = RetryPolicy::default();
    let ra = |s| Outcome::RateLimited {
        retry_after_seconds: s,
    };
    let item = sending().apply(ra(Some(120)), T0, 0.5, &p);
    assert_eq!(item.next_attempt_at - T0, 120_000);
    let capped = sending().apply(ra(Some(86_400)), T0, 0.5, &p);
    assert_eq!(capped.next_attempt_at - T0, 3_600_000);
    let short = sending().apply(ra(Some(1)), T0, 1.0, &p);
    assert_eq!(
        short.next_attempt_at - T0,
        5_000,
        "backoff wins over a shorter Retry-After"
    );
    let none = sending().apply(ra(None), T0, 1.0, &p);
    assert_eq!(none.next_attempt_at - T0, 5_000);
}

#[test]
fn stale_failures_are_ignored_and_sending_recovers() {
    let p = RetryPolicy::default();
    let queued = OutboxItem::new("d", "k", T0);
    assert_eq!(queued.apply(Outcome::Network, T0, 0.5, &p), queued);
    let mut s = sending();
    assert!(!s.begin_send(), "one send at a time");
    s.recover(T0 + 9);
    assert_eq!(s.state, OutboxState::Queued);
    assert_eq!(s.next_attempt_at, T0 + 9);
    assert_eq!(s.status_label(Lang::En), "Waiting to send");
    assert_eq!(sending().status_text(Lang::Zh, T0), "发送中（第 1 次）");
}

#[test]
fn persisted_items_round_trip_and_tolerate_old_shapes() {
    let p = RetryPolicy::default();
    for item in [
        OutboxItem::new("d", "k", T0),
        sending(),
        sending().apply(Outcome::Token("t".into()), T0, 0.1, &p),
        sending().apply(
            Outcome::ClientError {
                status: 404,
                description: "未知".into(),
            },
            T0,
            0.1,
            &p,
        ),
    ] {
        assert_eq!(OutboxItem::from_json(&item.to_json()), Ok(item.clone()));
    }
    let old = r#"{"draft_id":"d","idempotency_key":"k","state":{"kind":"teleported"},"attempts":"x","extra":1}"#;
    let item = OutboxItem::from_json(old).unwrap_or_default();
    assert_eq!(item.draft_id, "d");
    assert_eq!(item.state, OutboxState::Queued);
    assert_eq!(item.attempts, 0);
    assert!(OutboxItem::from_json("[1,2]").is_err());
    // Stored before token lookups were counted: still looked up, from its stored time.
    let token = r#"{"draft_id":"d","idempotency_key":"k","state":{"kind":"sent","reference":"t","is_token":true,"at":1},"next_attempt_at":5}"#;
    let item = OutboxItem::from_json(token).unwrap_or_default();
    assert_eq!(item.token_lookups, 0);
    assert!(!item.token_lookup_due(4));
    assert!(item.token_lookup_due(5));
}

#[test]
fn the_runner_is_awaited_until_a_report_is_sent_and_its_number_known() {
    let p = RetryPolicy::default();
    let queued = OutboxItem::new("d1", "key-1", T0);
    assert!(queued.awaits_runner());
    assert!(sending().awaits_runner());
    let token = sending().apply(Outcome::Token("tok".into()), T0, 0.0, &p);
    assert!(token.awaits_runner());
    let mut resolved = token.clone();
    resolved.resolve_token("CC-2026-000009");
    assert!(!resolved.awaits_runner());
    let created = sending().apply(
        Outcome::Created {
            reference: "CC-2026-000001".into(),
            notice: None,
        },
        T0,
        0.0,
        &p,
    );
    assert!(!created.awaits_runner());
    let failed = sending().apply(
        Outcome::ClientError {
            status: 400,
            description: "地址不能为空".into(),
        },
        T0,
        0.0,
        &p,
    );
    assert!(matches!(failed.state, OutboxState::Failed { .. }));
    assert!(!failed.awaits_runner());
    let retrying = sending().apply(Outcome::Network, T0, 0.0, &p);
    assert!(retrying.awaits_runner());
}

/// The derive that `OutboxState`'s hand-written decoder replaced, kept here as the referee.
#[derive(serde::Deserialize, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum DerivedState {
    Queued,
    Sending,
    Sent {
        reference: String,
        #[serde(default)]
        is_token: bool,
        #[serde(default)]
        notice: Option<String>,
        at: i64,
    },
    Failed {
        message: String,
        editable: bool,
    },
}

impl From<DerivedState> for OutboxState {
    fn from(d: DerivedState) -> Self {
        match d {
            DerivedState::Queued => OutboxState::Queued,
            DerivedState::Sending => OutboxState::Sending,
            DerivedState::Sent {
                reference,
                is_token,
                notice,
                at,
            } => OutboxState::Sent {
                reference,
                is_token,
                notice,
                at,
            },
            DerivedState::Failed { message, editable } => OutboxState::Failed { message, editable },
        }
    }
}

#[test]
fn a_stored_state_decodes_as_the_derived_decoder_did() {
    let cases = [
        r#"{"kind":"queued"}"#,
        r#"{"kind":"sending","extra":1}"#,
        r#"{"kind":"sent","reference":"CC-1","at":5}"#,
        r#"{"kind":"sent","reference":"tok","is_token":true,"notice":"later","at":-3}"#,
        r#"{"kind":"sent","reference":"CC-1","notice":null,"at":5}"#,
        r#"{"kind":"sent","reference":"CC-1","is_token":null,"at":5}"#,
        r#"{"kind":"sent","reference":"CC-1","notice":7,"at":5}"#,
        r#"{"kind":"sent","reference":"CC-1","at":5.5}"#,
        r#"{"kind":"sent","reference":"CC-1","at":"5"}"#,
        r#"{"kind":"sent","reference":"CC-1"}"#,
        r#"{"kind":"sent","at":5}"#,
        r#"{"kind":"failed","message":"HTTP 400","editable":true}"#,
        r#"{"kind":"failed","message":"HTTP 401"}"#,
        r#"{"kind":"failed","message":1,"editable":false}"#,
        r#"{"kind":"Queued"}"#,
        r#"{"kind":3}"#,
        r#"{}"#,
        r#"[]"#,
        r#""queued""#,
        r#"null"#,
    ];
    for case in cases {
        let ours = cc_core::json::parse(case)
            .ok()
            .and_then(|v| OutboxState::from_stored(&v));
        let derived = serde_json::from_str::<DerivedState>(case)
            .ok()
            .map(OutboxState::from);
        assert_eq!(ours, derived, "{case}");
    }
    // Every state the app writes reads back unchanged.
    for state in [
        OutboxState::Queued,
        OutboxState::Sending,
        OutboxState::Sent {
            reference: "CC-2026-000009".into(),
            is_token: false,
            notice: Some("受理".into()),
            at: 1,
        },
        OutboxState::Sent {
            reference: "tok-1".into(),
            is_token: true,
            notice: None,
            at: 2,
        },
        OutboxState::Failed {
            message: "HTTP 400: bad".into(),
            editable: true,
        },
    ] {
        let text = serde_json::to_string(&state).unwrap();
        let back = cc_core::json::parse(&text).unwrap();
        assert_eq!(OutboxState::from_stored(&back), Some(state));
    }
}

#[test]
fn the_runner_sleeps_until_the_earliest_item_needs_it() {
    let p = RetryPolicy::default();
    let queued = OutboxItem::new("d1", "key-1", T0);
    assert_eq!(
        queued.next_wake(T0 + 5, &p),
        Some(T0),
        "due already: at once"
    );
    let backing_off = sending().apply(Outcome::Network, T0, 0.0, &p);
    assert!(backing_off.next_attempt_at > T0);
    assert_eq!(
        backing_off.next_wake(T0, &p),
        Some(backing_off.next_attempt_at)
    );
    let timeout = i64::try_from(p.request_timeout_ms).unwrap_or(i64::MAX);
    assert_eq!(sending().next_wake(T0, &p), Some(T0 + timeout));
    let token = sending().apply(Outcome::Token("tok".into()), T0, 0.0, &p);
    assert_eq!(token.next_wake(T0, &p), Some(token.next_attempt_at));
    let mut resolved = token.clone();
    resolved.resolve_token("CC-2026-000009");
    assert_eq!(resolved.next_wake(T0, &p), None);
    let failed = sending().apply(
        Outcome::ClientError {
            status: 400,
            description: "地址不能为空".into(),
        },
        T0,
        0.0,
        &p,
    );
    assert_eq!(failed.next_wake(T0, &p), None);
    // Every item that awaits the runner has a wake time, and no other does.
    for item in [queued, backing_off, sending(), token, resolved, failed] {
        assert_eq!(item.next_wake(T0, &p).is_some(), item.awaits_runner());
    }
}

/// Sent, as CC-2026-000001, at `at`.
fn sent_at(at: i64) -> OutboxItem {
    let created = Outcome::Created {
        reference: "CC-2026-000001".into(),
        notice: None,
    };
    sending().apply(created, at, 0.5, &RetryPolicy::default())
}

/// Stopped by a 400 at `at` (the user may edit and send again).
fn rejected_at(at: i64) -> OutboxItem {
    let rejected = Outcome::ClientError {
        status: 400,
        description: "缺少位置".into(),
    };
    sending().apply(rejected, at, 0.5, &RetryPolicy::default())
}

#[test]
fn sending_a_draft_again_never_undoes_what_another_tab_did() {
    let fresh = OutboxItem::queue_draft(None, "d1", "key-1", T0);
    assert_eq!(fresh.item, OutboxItem::new("d1", "key-1", T0));
    assert!(fresh.keep_draft);
    // Queued or caught mid-send by another tab: that item stays, with its state and time.
    for stored in [OutboxItem::new("d1", "key-1", T0 - 5), sending()] {
        let again = OutboxItem::queue_draft(Some(stored.clone()), "d1", "key-1", T0 + 9);
        assert_eq!(again.item, stored);
        assert!(again.keep_draft);
    }
    // Sent by another tab: the sent item stays and the draft goes.
    let sent = sent_at(T0 + 1);
    let after_sent = OutboxItem::queue_draft(Some(sent.clone()), "d1", "key-1", T0 + 9);
    assert_eq!(after_sent.item, sent);
    assert!(!after_sent.keep_draft);
    // Failed (the user edited and sends again): a fresh item, with the draft's same key.
    let failed = rejected_at(T0 + 1);
    let resent = OutboxItem::queue_draft(Some(failed), "d1", "key-1", T0 + 9);
    assert_eq!(resent.item, OutboxItem::new("d1", "key-1", T0 + 9));
    assert!(resent.keep_draft);
}

#[test]
fn the_retry_button_never_turns_a_sent_report_back_into_a_queued_one() {
    let p = RetryPolicy::default();
    // Waiting for a later attempt (after a 503): due at once.
    let waiting = sending().apply(Outcome::ServerError(503), T0 + 1, 0.5, &p);
    assert!(!waiting.is_due(T0 + 2));
    let now = OutboxItem::retried(Some(waiting.clone()), T0 + 2).expect("queued is retried");
    assert!(now.is_due(T0 + 2));
    assert_eq!(
        (now.attempts, &now.idempotency_key),
        (waiting.attempts, &waiting.idempotency_key)
    );
    // Stopped: queued again, same key.
    let failed = rejected_at(T0 + 1);
    let again = OutboxItem::retried(Some(failed), T0 + 2).expect("failed is retried");
    assert_eq!(again.state, OutboxState::Queued);
    assert!(again.is_due(T0 + 2));
    // Another tab is sending it or has sent it (the button was on a stale list): nothing
    // to write, and in particular the sent state and its reference stay.
    let sent = sent_at(T0 + 1);
    assert_eq!(OutboxItem::retried(Some(sent), T0 + 2), None);
    assert_eq!(OutboxItem::retried(Some(sending()), T0 + 2), None);
    // Gone (deleted in another tab): nothing to write.
    assert_eq!(OutboxItem::retried(None, T0 + 2), None);
}
