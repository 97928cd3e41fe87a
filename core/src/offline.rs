//! Offline copies of data files.
//!
//! The site's service worker (`public/sw.js`) keeps the last complete answer for every data
//! source URL. When the network fails it answers from that copy and marks the answer with the
//! header [`HEADER`], whose value is the time the copy was received (RFC 3339, UTC). The app reads
//! the mark into an [`OfflineCopy`] and tells the reader that the page shows the last data
//! received, and since when.

use crate::report::Minute;

/// The response header the service worker adds to an answer it gives from its offline copy.
pub const HEADER: &str = "X-CC-Offline-Copy";

/// An answer that came from the service worker's offline copy instead of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OfflineCopy {
    /// When the copy was received from the network (Beijing time); `None` if the mark did not
    /// say in a form we read, which still means "not fresh from the network".
    pub received: Option<Minute>,
}

impl OfflineCopy {
    /// The copy a header value describes.
    pub fn from_header(value: &str) -> Self {
        Self {
            received: Minute::parse_iso(value),
        }
    }

    /// Of the answers that make up one view (a source of several files, or several sources):
    /// `None` when every file came from the network, else the oldest copy, since the view is at
    /// least that old. A copy whose time is unknown counts as the oldest.
    pub fn oldest(copies: impl IntoIterator<Item = Option<OfflineCopy>>) -> Option<OfflineCopy> {
        copies.into_iter().flatten().min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_service_workers_mark() {
        let copy = OfflineCopy::from_header("2024-05-01T06:07:08.123Z");
        assert_eq!(copy.received.unwrap().to_string(), "2024-05-01 14:07");
        assert_eq!(OfflineCopy::from_header("garbage").received, None);
    }

    #[test]
    fn a_view_is_as_old_as_its_oldest_copy() {
        let at = |s| Some(OfflineCopy::from_header(s));
        assert_eq!(OfflineCopy::oldest([None, None]), None);
        assert_eq!(OfflineCopy::oldest([]), None);
        assert_eq!(
            OfflineCopy::oldest([None, at("2024-05-02T00:00:00Z"), at("2024-05-01T00:00:00Z")]),
            at("2024-05-01T00:00:00Z")
        );
        assert_eq!(
            OfflineCopy::oldest([at("2024-05-01T00:00:00Z"), at("unreadable")]),
            Some(OfflineCopy { received: None })
        );
    }
}
