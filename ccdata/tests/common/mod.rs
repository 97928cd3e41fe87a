//! Helpers shared by the integration tests: the built binary, fixtures, the real CNEMC files.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `ccdata/tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The real CNEMC publication in ../shared/data, never copied into the repository. `None` when
/// absent (a developer without shared/); under CI=true its absence fails the test.
pub fn real_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/cnemc-changchun");
    if dir.join("2022-01-01.csv").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/data/cnemc-changchun is missing, and CI=true requires it"
    );
    eprintln!("skipped: ../shared/data/cnemc-changchun is not present");
    None
}

/// Runs the built `ccdata` with `args`.
pub fn ccdata<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_ccdata"))
        .args(args)
        .output()
        .expect("ccdata runs")
}

/// `check --json` of `files` at a fixed "now", parsed.
pub fn check_json(files: &[PathBuf], extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args: Vec<std::ffi::OsString> = vec![
        "check".into(),
        "--json".into(),
        "--now".into(),
        "2026-01-01T00:00".into(),
    ];
    args.extend(extra.iter().map(Into::into));
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    let out = ccdata(args);
    let json = serde_json::from_slice(&out.stdout).expect("check --json prints JSON");
    (out.status.code().unwrap_or(-1), json)
}

/// A fresh empty folder under the target directory's temp space.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ccdata-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
