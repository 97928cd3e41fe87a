//! Prints the site's route table, page titles and static first screens as one JSON object
//! (`lvse_changchun::prerender::site_json`), for the Makefile, `tools/finalize-dist.mjs` and the
//! e2e tests. Run on the build host.

fn main() {
    match serde_json::to_string_pretty(&lvse_changchun::prerender::site_json()) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}
