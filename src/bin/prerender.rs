//! Prints the static first screen of every route (`lvse_changchun::prerender`) as one JSON
//! object, route → HTML, for `tools/finalize-dist.mjs --prerender`. Run on the build host.

use lvse_changchun::prerender::{first_screen, ROUTES};

fn main() {
    let pages: std::collections::BTreeMap<&str, String> =
        ROUTES.iter().map(|r| (*r, first_screen(r))).collect();
    match serde_json::to_string_pretty(&pages) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}
