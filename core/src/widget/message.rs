//! The `postMessage` protocol between the widget's frame (widget.html) and the page around it:
//! one definition that the widget, `public/embed.js` and the `/embed` builder's preview follow
//! (a test in the site crate checks embed.js against these names).
//!
//! - `{type: "cc-widget:height", id, height}`: posted by the widget to its parent whenever its
//!   content's height changes; `id` is the widget's `id` parameter (or `null`).
//! - `{type: "cc-widget:theme", theme}`: the one message the widget accepts, from the origins in
//!   config `widget.message_origins` (see [`super::accept_message`]).

use super::Theme;

/// The message's fields.
pub mod field {
    /// Which message it is: [`super::HEIGHT_MESSAGE`] or [`super::THEME_MESSAGE`].
    pub const TYPE: &str = "type";
    /// The posting widget's `id` parameter, so a host page can tell its widgets apart.
    pub const ID: &str = "id";
    /// The content's height in CSS pixels, rounded up.
    pub const HEIGHT: &str = "height";
    /// A [`crate::widget::Theme`] code.
    pub const THEME: &str = "theme";
}

/// The `type` of the height message the widget posts to its parent.
pub const HEIGHT_MESSAGE: &str = "cc-widget:height";
/// The `type` of the one message the widget accepts.
pub const THEME_MESSAGE: &str = "cc-widget:theme";

/// A message of the protocol.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The widget's content height changed.
    Height { id: Option<String>, height: f64 },
    /// The host asks for another theme.
    Theme(Theme),
}

impl Message {
    /// The message's [`field::TYPE`].
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Height { .. } => HEIGHT_MESSAGE,
            Message::Theme(_) => THEME_MESSAGE,
        }
    }
}

/// The height a received message asks for: its [`field::HEIGHT`] when its [`field::TYPE`] is
/// [`HEIGHT_MESSAGE`] and the height is positive (as embed.js reads it).
pub fn height_of(kind: Option<&str>, height: Option<f64>) -> Option<f64> {
    height.filter(|h| kind == Some(HEIGHT_MESSAGE) && *h > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_heights() {
        let m = Message::Height {
            id: None,
            height: 12.0,
        };
        assert_eq!(m.kind(), HEIGHT_MESSAGE);
        assert_eq!(Message::Theme(Theme::Dark).kind(), THEME_MESSAGE);
        assert_eq!(height_of(Some(HEIGHT_MESSAGE), Some(320.0)), Some(320.0));
        assert_eq!(height_of(Some(HEIGHT_MESSAGE), Some(0.0)), None);
        assert_eq!(height_of(Some(THEME_MESSAGE), Some(320.0)), None);
        assert_eq!(height_of(None, Some(320.0)), None);
        assert_eq!(height_of(Some(HEIGHT_MESSAGE), None), None);
    }
}
