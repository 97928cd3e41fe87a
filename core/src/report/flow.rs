//! The report form as one state machine: which view is up, the draft being written, the errors
//! shown, whether "continue" goes back to the check page, and the send in progress.
//!
//! The page holds one [`FormFlow`] and only displays it; every button is one method here, which
//! changes the state and says where focus goes next ([`Focus`]), so the whole GOV.UK question
//! flow (next, back, change from the check page, submit) is tested natively. Storage and sending
//! stay with the app: [`FormFlow::submit`] hands back the draft to queue, and
//! [`FormFlow::queued`] takes the result.

use super::draft::{ReportDraft, Step};
use super::fields::{Field, FieldError};
use super::layout::Layout;
use super::validate::{validate_all, validate_step, Checks};

/// Which view of the report page is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The start button, the drafts and the outbox.
    Start,
    /// A question page.
    Form,
    /// The confirmation of a queued report.
    Done,
}

/// Where focus goes after a transition (the DOM has to catch up first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The page's question heading.
    StepHeading,
    /// The error summary, after a refused "continue" or "send".
    ErrorSummary,
    /// A field, after following an error link or a "change" link.
    Field(Field),
    /// The confirmation heading.
    DoneHeading,
    /// The start button.
    Start,
}

impl Focus {
    /// The `id` of the element to focus.
    pub fn html_id(self) -> &'static str {
        match self {
            Focus::StepHeading => "report-step-heading",
            Focus::ErrorSummary => "report-error-summary",
            Focus::Field(f) => f.html_id(),
            Focus::DoneHeading => "report-done-heading",
            Focus::Start => "report-start",
        }
    }
}

/// What "send" asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    /// A send is already under way: a double click sends once.
    Busy,
    /// Refused: the errors are shown.
    Invalid(Focus),
    /// Valid: save and queue this draft, then call [`FormFlow::queued`].
    Queue(Box<ReportDraft>),
}

/// The report form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct FormFlow {
    pub mode: Mode,
    /// The draft being written (its `step` is the question shown).
    pub draft: ReportDraft,
    /// The errors shown (summary and inline).
    pub errors: Vec<FieldError>,
    /// Reached a question through "change" on the check page: "continue" goes back there.
    pub from_check: bool,
    /// A send is under way.
    pub sending: bool,
    /// The draft was saved on the device since it was opened.
    pub saved: bool,
    /// The draft id of the report just queued (shown in [`Mode::Done`]).
    pub done_id: String,
}

impl Default for FormFlow {
    fn default() -> Self {
        Self {
            mode: Mode::Start,
            draft: ReportDraft::default(),
            errors: Vec::new(),
            from_check: false,
            sending: false,
            saved: false,
            done_id: String::new(),
        }
    }
}

impl FormFlow {
    /// Opens `draft` (new or resumed) at its step.
    pub fn open(&mut self, draft: ReportDraft) -> Focus {
        self.draft = draft;
        self.errors.clear();
        self.from_check = false;
        self.saved = false;
        self.mode = Mode::Form;
        Focus::StepHeading
    }

    /// Opens `fresh` for another report of the same place (district, address, position).
    pub fn another(&mut self, mut fresh: ReportDraft) -> Focus {
        fresh.district = std::mem::take(&mut self.draft.district);
        fresh.address = std::mem::take(&mut self.draft.address);
        fresh.coords = self.draft.coords;
        self.open(fresh)
    }

    /// Changes the draft, and its modification time.
    pub fn edit(&mut self, f: impl FnOnce(&mut ReportDraft), now_ms: i64) {
        f(&mut self.draft);
        self.draft.updated_ms = now_ms;
    }

    /// Records whether the last save on the device worked.
    pub fn set_saved(&mut self, ok: bool) {
        self.saved = ok;
    }

    fn go_to(&mut self, step: Step, now_ms: i64) {
        self.edit(|d| d.step = step, now_ms);
    }

    /// "Continue": the page's questions are checked; valid goes to the next page (or back to the
    /// check page), invalid stays with the error summary.
    pub fn next(&mut self, layout: Layout, checks: &Checks, now_ms: i64) -> Focus {
        let step = self.draft.step;
        let errors: Vec<FieldError> = layout
            .page_of(step)
            .iter()
            .flat_map(|&on_page| validate_step(&self.draft, on_page, checks))
            .collect();
        if !errors.is_empty() {
            self.errors = errors;
            return Focus::ErrorSummary;
        }
        self.errors.clear();
        let target = if self.from_check {
            Step::Check
        } else {
            layout.next(step).unwrap_or(Step::Check)
        };
        self.go_to(target, now_ms);
        Focus::StepHeading
    }

    /// "Back": the previous page, without checking; `None` on the first page.
    pub fn back(&mut self, layout: Layout, now_ms: i64) -> Option<Focus> {
        self.errors.clear();
        let prev = layout.prev(self.draft.step)?;
        self.go_to(prev, now_ms);
        Some(Focus::StepHeading)
    }

    /// Follows an error link or a "change" link to `field`: its page is shown (keeping the errors
    /// of that page only) and, when coming from the check page, "continue" returns there.
    pub fn change(&mut self, layout: Layout, field: Field, now_ms: i64) -> Focus {
        let step = self.draft.step;
        let target = layout.page_of(field.step());
        if !target.contains(&step) {
            self.from_check = step == Step::Check;
            self.errors.retain(|e| target.contains(&e.field.step()));
            self.go_to(field.step(), now_ms);
        }
        Focus::Field(field)
    }

    /// "Send": every question is checked; a valid draft is handed back to be queued.
    pub fn submit(&mut self, checks: &Checks) -> Submit {
        if self.sending {
            return Submit::Busy;
        }
        let errors = validate_all(&self.draft, checks);
        if !errors.is_empty() {
            self.errors = errors;
            return Submit::Invalid(Focus::ErrorSummary);
        }
        self.sending = true;
        Submit::Queue(Box::new(self.draft.clone()))
    }

    /// The outcome of queueing the draft `id` handed out by [`FormFlow::submit`]: queued shows
    /// the confirmation; not queued stays on the check page, to send again.
    pub fn queued(&mut self, id: &str, ok: bool) -> Option<Focus> {
        self.sending = false;
        ok.then(|| {
            self.done_id = id.to_string();
            self.mode = Mode::Done;
            Focus::DoneHeading
        })
    }

    /// "Change" on the confirmation: back to the check page of the same draft.
    pub fn edit_again(&mut self, now_ms: i64) -> Focus {
        self.mode = Mode::Form;
        self.go_to(Step::Check, now_ms);
        Focus::StepHeading
    }

    /// Leaves the form for the start view (the draft stays saved).
    pub fn leave(&mut self) -> Focus {
        self.mode = Mode::Start;
        Focus::Start
    }
}
