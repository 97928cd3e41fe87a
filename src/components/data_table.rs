//! A [`Table`] of figures as an HTML table: the first cell of each row its header, kept whole on
//! a phone ([`keep_together`]; the figures join a number to its unit with a no-break space),
//! each row a card below 36em (`cc-table--cards`).

use crate::charts::Table;
use crate::components::nowrap::keep_together;
use leptos::prelude::*;

/// The table, with `testid` on the `<table>`.
#[component]
pub fn DataTable(table: Table, testid: &'static str) -> impl IntoView {
    let header = table
        .headers
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.iter().zip(&table.headers);
            let first = cells.next().map(|(c, _)| keep_together(c));
            let rest = cells
                .map(|(c, label)| view! { <td data-label=label.clone()>{c.clone()}</td> })
                .collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <div class="cc-table-wrap">
            <table class="cc-table cc-table--cards" data-testid=testid>
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
