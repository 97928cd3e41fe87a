//! The publish benchmark's input: the sample year (87,600 rows, 10 stations) as one CNEMC
//! hourly CSV on standard output (README, "Publishing data", for the timing):
//!
//! `cargo run --release -p ccdata --example year_csv > /tmp/year.csv`

fn main() {
    print!("{}", cc_core::air::sample::cnemc_csv_2021());
}
