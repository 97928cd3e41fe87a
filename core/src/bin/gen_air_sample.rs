//! Writes the sample air data set (cc-air-json, 2021, Changchun's 10 stations) into a folder:
//! `cargo run -p cc_core --bin gen_air_sample -- <out_dir>`. Byte-identical on every run.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: gen_air_sample <out_dir>");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in cc_core::air::sample::files() {
        let path = dir.join(&name);
        if let Err(e) = std::fs::write(&path, text.as_bytes()) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{name}\t{} bytes", text.len());
    }
    ExitCode::SUCCESS
}
