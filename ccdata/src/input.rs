//! Reading the files named on the command line: directories are expanded to their feed files
//! (sorted by name, so later days come later and win when merged), and text must be UTF-8,
//! which every format the site reads is.

use crate::ToolError;
use std::path::{Path, PathBuf};

/// One input file: its name as given and its text (a leading BOM removed).
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The files of `paths`: a directory stands for its `.csv` and `.json` files (not hidden, not
/// recursive), sorted by name; a file stands for itself.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ToolError> {
    let mut out = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| ToolError::file(&name, e.to_string()))?;
        if !meta.is_dir() {
            out.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| ToolError::file(&name, e.to_string()))?;
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| ToolError::file(&name, e.to_string()))?;
            let p = entry.path();
            let file_name = entry.file_name().to_string_lossy().to_string();
            let feed_like = file_name.ends_with(".csv") || file_name.ends_with(".json");
            if feed_like && !file_name.starts_with('.') && p.is_file() {
                files.push(p);
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(ToolError::file(
                &name,
                "directory holds no .csv or .json file",
            ));
        }
        out.extend(files);
    }
    Ok(out)
}

/// Reads `path` as UTF-8 text. Invalid UTF-8 is reported at its line and column.
pub fn read(path: &Path) -> Result<Input, ToolError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ToolError::file(&name, e.to_string()))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = String::from_utf8_lossy(e.as_bytes().get(..valid).unwrap_or_default());
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(ToolError {
                file: Some(name),
                line,
                column,
                message: "not UTF-8 text".to_string(),
            });
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Input { name, text })
}
