//! The "view as table" alternative of a chart and its CSV download.
//!
//! CSV follows RFC 4180 (CRLF line ends, fields with comma, quote, CR or LF quoted, quotes
//! doubled) and starts with a UTF-8 BOM because Excel otherwise reads UTF-8 as the local code
//! page and garbles every Chinese header. Cells that a spreadsheet would run as a formula
//! (leading `=`, `+`, `-`, `@`, tab, CR; OWASP "CSV injection") get a leading `'`, except plain
//! numbers such as `-3.5`, which must stay numbers.

/// A chart's data as a table: a caption, column headers and rows of display strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// One line saying what the table shows (used as `<caption>`).
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

/// The comment line that marks sample data in a CSV file, in both languages because the file
/// travels without the page's language choice.
pub const SAMPLE_LINE: &str = "# 示例数据 Sample data";

impl Table {
    /// The table as CSV text: BOM, the sample comment line when `sample`, the header row and
    /// the rows, each line ended by CRLF.
    pub fn to_csv(&self, sample: bool) -> String {
        let mut out = csv_start(sample);
        self.push_csv_rows(&mut out);
        out
    }

    fn push_csv_rows(&self, out: &mut String) {
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
}

/// Several tables as one CSV file: BOM, the sample comment line when `sample`, then each table
/// as its caption on a line of its own, its header row and its rows, with an empty line between
/// tables.
pub fn tables_to_csv(tables: &[Table], sample: bool) -> String {
    let mut out = csv_start(sample);
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        out.push_str(&csv_field(&table.caption));
        out.push_str("\r\n");
        table.push_csv_rows(&mut out);
    }
    out
}

fn csv_start(sample: bool) -> String {
    let mut out = String::from('\u{FEFF}');
    if sample {
        out.push_str(SAMPLE_LINE);
        out.push_str("\r\n");
    }
    out
}

/// One CSV field: guarded against formula injection, then quoted when needed.
pub fn csv_field(cell: &str) -> String {
    let risky = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let guarded = if risky && cc_core::decimal::parse_plain_decimal(cell.trim()).is_none() {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A value or the missing mark used in every table: an em dash, never 0.
pub(crate) fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}
