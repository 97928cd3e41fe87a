//! How the form's steps are laid out on pages: one question per page on a phone (the GOV.UK
//! question-page pattern), and related questions grouped on wide screens, where one short
//! question per page only adds clicks. The draft keeps a [`Step`];
//! the page shown is the group holding it, so a draft saved on a phone resumes on a desktop (and
//! back) at the same place.

use super::draft::Step;
use crate::i18n::{Lang, Text};

/// One question per page, or grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    OnePerPage,
    Grouped,
}

const ONE_PER_PAGE: [&[Step]; 6] = [
    &[Step::Category],
    &[Step::Where],
    &[Step::WhatWhen],
    &[Step::Photos],
    &[Step::AboutYou],
    &[Step::Check],
];

/// The category stays alone (its out-of-remit guidance comes before anything is typed); the
/// place goes with what happens there; photos (a file picker, often a camera) keep a page of
/// their own, as does the choice to give a name.
const GROUPED: [&[Step]; 5] = [
    &[Step::Category],
    &[Step::Where, Step::WhatWhen],
    &[Step::Photos],
    &[Step::AboutYou],
    &[Step::Check],
];

impl Layout {
    /// The pages in order, each a list of steps.
    pub fn pages(self) -> &'static [&'static [Step]] {
        match self {
            Layout::OnePerPage => &ONE_PER_PAGE,
            Layout::Grouped => &GROUPED,
        }
    }

    /// 0-based index of the page showing `step`.
    pub fn page_index(self, step: Step) -> usize {
        self.pages()
            .iter()
            .position(|p| p.contains(&step))
            .unwrap_or(0)
    }

    /// The steps shown together with `step`.
    pub fn page_of(self, step: Step) -> &'static [Step] {
        self.pages()[self.page_index(step)]
    }

    /// The first step of the page after `step`'s, `None` on the last page.
    pub fn next(self, step: Step) -> Option<Step> {
        self.pages().get(self.page_index(step) + 1).map(|p| p[0])
    }

    /// The first step of the page before `step`'s, `None` on the first page.
    pub fn prev(self, step: Step) -> Option<Step> {
        let i = self.page_index(step).checked_sub(1)?;
        Some(self.pages()[i][0])
    }

    /// The page heading: the step's question, or a heading naming the group.
    pub fn title(self, step: Step) -> Text {
        match self.page_of(step) {
            [Step::Where, Step::WhatWhen] => Text {
                zh: "在哪里，发生了什么",
                en: "Where, what and when",
            },
            _ => step.title(),
        }
    }

    /// "第 2 页，共 5 页" / "Page 2 of 5" when grouped; "第 2 步，共 6 步" otherwise.
    pub fn progress(self, step: Step, lang: Lang) -> String {
        let (n, total) = (self.page_index(step) + 1, self.pages().len());
        match (self, lang) {
            (Layout::OnePerPage, _) => step.progress(lang),
            (Layout::Grouped, Lang::Zh) => format!("第 {n} 页，共 {total} 页"),
            (Layout::Grouped, Lang::En) => format!("Page {n} of {total}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_is_on_exactly_one_page_in_order() {
        for layout in [Layout::OnePerPage, Layout::Grouped] {
            let flat: Vec<Step> = layout
                .pages()
                .iter()
                .flat_map(|p| p.iter().copied())
                .collect();
            assert_eq!(flat, Step::ALL.to_vec(), "{layout:?}");
        }
    }

    #[test]
    fn one_per_page_walks_every_step() {
        let l = Layout::OnePerPage;
        for s in Step::ALL {
            assert_eq!(l.next(s), s.next());
            assert_eq!(l.prev(s), s.prev());
            assert_eq!(l.page_of(s), &[s]);
            assert_eq!(l.title(s), s.title());
        }
        assert_eq!(l.progress(Step::Where, Lang::Zh), "第 2 步，共 6 步");
    }

    #[test]
    fn grouped_pages_go_from_first_step_to_first_step() {
        let l = Layout::Grouped;
        assert_eq!(l.next(Step::Category), Some(Step::Where));
        assert_eq!(l.next(Step::Where), Some(Step::Photos));
        // A draft saved on a phone at the second question of a group resumes on its group.
        assert_eq!(l.next(Step::WhatWhen), Some(Step::Photos));
        assert_eq!(l.page_of(Step::WhatWhen), &[Step::Where, Step::WhatWhen]);
        assert_eq!(l.prev(Step::Photos), Some(Step::Where));
        assert_eq!(l.prev(Step::AboutYou), Some(Step::Photos));
        assert_eq!(l.next(Step::AboutYou), Some(Step::Check));
        assert_eq!(l.next(Step::Check), None);
        assert_eq!(l.prev(Step::Category), None);
        assert_eq!(l.progress(Step::AboutYou, Lang::En), "Page 4 of 5");
        assert_eq!(l.title(Step::WhatWhen).en, "Where, what and when");
        assert_eq!(l.title(Step::Photos), Step::Photos.title());
    }
}
