//! The wizard's steps and the actions that move between them. No egui here:
//! the rules of the flow are unit-tested on their own.

use std::path::PathBuf;

use super::prefs::CounterPrefs;
use super::theme::Look;
use crate::guidance::Role;
use crate::i18n::Lang;
use crate::identify::Verdict;
use crate::update::ActiveList;

/// A screen of the wizard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Language and role.
    Welcome,
    /// Typed text or photos of the label.
    Identify,
    /// The verdict with its evidence.
    Result,
    /// What to do, and the tampering checklist.
    Guidance,
    /// The notice for the family doctor.
    Notice,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 5] = [
        Step::Welcome,
        Step::Identify,
        Step::Result,
        Step::Guidance,
        Step::Notice,
    ];

    /// 1-based position, for "step 2 of 5".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// Message id of the forward button's label on this step; `None` where
    /// the step moves on by itself (identify: a verdict; notice: the end).
    pub fn next_label(self) -> Option<&'static str> {
        match self {
            Step::Welcome => Some("welcome-start"),
            Step::Result => Some("result-next"),
            Step::Guidance => Some("guidance-next"),
            Step::Identify | Step::Notice => None,
        }
    }

    /// Stable name kept in the saved draft.
    pub fn key(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Identify => "identify",
            Step::Result => "result",
            Step::Guidance => "guidance",
            Step::Notice => "notice",
        }
    }

    /// The step named `key` (see [`Step::key`]).
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Message id of its short name.
    pub fn message_id(self) -> &'static str {
        match self {
            Step::Welcome => "step-welcome",
            Step::Identify => "step-identify",
            Step::Result => "step-result",
            Step::Guidance => "step-guidance",
            Step::Notice => "step-notice",
        }
    }
}

/// Every change a screen asks for: the steps, the top bar and the navigation
/// return one, and the app applies them in order once the frame is drawn, so
/// a frame never mixes two states. The moves between steps are
/// [`Wizard::apply`]'s; the rest is `AppState::apply`'s.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go to the next step.
    Next,
    /// Go back one step.
    Back,
    /// A verdict was reached: show it.
    Identified(Box<Verdict>),
    /// The identification input changed: the old verdict no longer holds.
    InputChanged,
    /// Check another device: back to identification with nothing kept.
    StartOver,
    /// Throw the notice away (the saved draft too) and start again.
    Discard,
    /// A newer list was accepted: it is the list in use from now on.
    ListUpdated(Box<ActiveList>),
    /// Photos of the label were chosen (dropped, picked or opened at start).
    PhotosChosen(Vec<PathBuf>),
    /// A photo of the label was taken with the computer's camera: it is the
    /// check's photo now, kept in memory.
    PhotoTaken(std::sync::Arc<crate::notice::PhotoFile>),
    /// The language of the app and of the notice.
    SetLang(Lang),
    /// Who uses the app.
    SetRole(Role),
    /// Text size and contrast.
    SetLook(Look),
    /// Address of the published list (empty: the default feed).
    SetFeedUrl(String),
    /// Show the pharmacy counter instead of the wizard.
    OpenCounter,
    /// Leave the counter or the register for the step-by-step wizard.
    OpenWizard,
    /// Show the family doctor's register of received notices.
    OpenRegister,
    /// A doctor card was opened: the doctor's name and e-mail go into the
    /// notice and are remembered.
    DoctorCard(Box<crate::leaflet::Doctor>),
    /// At the counter: forget everything about this patient (screen, notice,
    /// printed files), count the check if the tally is on, and get ready
    /// for the next one.
    NextPatient,
    /// The counter's settings (pharmacy, printer, tally).
    SetCounter(CounterPrefs),
}

/// Where the user is, and the verdict the later steps rest on.
#[derive(Debug, Clone)]
pub struct Wizard {
    step: Step,
    verdict: Option<Verdict>,
}

impl Default for Wizard {
    fn default() -> Self {
        Self {
            step: Step::Welcome,
            verdict: None,
        }
    }
}

impl Wizard {
    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The verdict, once identification has given one.
    pub fn verdict(&self) -> Option<&Verdict> {
        self.verdict.as_ref()
    }

    /// Starts at `step` with `verdict` (used when a saved draft is restored).
    pub fn restore(step: Step, verdict: Option<Verdict>) -> Self {
        let mut w = Self { step, verdict };
        if w.verdict.is_none() && w.step > Step::Identify {
            w.step = Step::Identify;
        }
        w
    }

    /// The only place the step changes. Steps after identification are
    /// never reached without a verdict.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Next => {
                self.step = match self.step {
                    Step::Identify if self.verdict.is_some() => Step::Result,
                    Step::Welcome | Step::Identify => Step::Identify,
                    Step::Result => Step::Guidance,
                    Step::Guidance | Step::Notice => Step::Notice,
                };
            }
            Action::Back => {
                self.step = match self.step {
                    Step::Welcome | Step::Identify => Step::Welcome,
                    Step::Result => Step::Identify,
                    Step::Guidance => Step::Result,
                    Step::Notice => Step::Guidance,
                };
            }
            Action::Identified(verdict) => {
                self.verdict = Some(*verdict);
                self.step = Step::Result;
            }
            // A verdict reached with another list, or from other photos,
            // may no longer hold.
            Action::InputChanged
            | Action::ListUpdated(_)
            | Action::PhotosChosen(_)
            | Action::PhotoTaken(_) => {
                self.verdict = None;
            }
            Action::StartOver | Action::Discard => {
                self.verdict = None;
                self.step = Step::Identify;
            }
            // Not moves between steps: `AppState::apply` handles them.
            Action::SetLang(_)
            | Action::SetRole(_)
            | Action::SetLook(_)
            | Action::SetFeedUrl(_)
            | Action::OpenCounter
            | Action::OpenWizard
            | Action::OpenRegister
            | Action::DoctorCard(_)
            | Action::NextPatient
            | Action::SetCounter(_) => {}
        }
    }
}

impl PartialOrd for Step {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.number().cmp(&other.number()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identify::Identifiers;

    fn verdict() -> Verdict {
        Verdict::unknown(Identifiers::default())
    }

    #[test]
    fn cannot_pass_identification_without_a_verdict() {
        let mut w = Wizard::default();
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Identify);
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Identify);
        w.apply(Action::Identified(Box::new(verdict())));
        assert_eq!(w.step(), Step::Result);
    }

    #[test]
    fn walks_forward_and_back() {
        let mut w = Wizard::default();
        w.apply(Action::Next);
        w.apply(Action::Identified(Box::new(verdict())));
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Guidance);
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Notice);
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Notice);
        for expected in [
            Step::Guidance,
            Step::Result,
            Step::Identify,
            Step::Welcome,
            Step::Welcome,
        ] {
            w.apply(Action::Back);
            assert_eq!(w.step(), expected);
        }
    }

    #[test]
    fn changing_the_input_drops_the_verdict() {
        let mut w = Wizard::default();
        w.apply(Action::Identified(Box::new(verdict())));
        w.apply(Action::Back);
        w.apply(Action::InputChanged);
        assert!(w.verdict().is_none());
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Identify);
    }

    #[test]
    fn restoring_a_late_step_without_verdict_lands_on_identify() {
        let w = Wizard::restore(Step::Notice, None);
        assert_eq!(w.step(), Step::Identify);
    }

    #[test]
    fn a_new_list_drops_the_verdict() {
        let mut w = Wizard::default();
        w.apply(Action::Identified(Box::new(verdict())));
        w.apply(Action::Back);
        w.apply(Action::Back);
        assert_eq!(w.step(), Step::Welcome);
        w.apply(Action::ListUpdated(Box::new(ActiveList::bundled())));
        assert!(w.verdict().is_none());
        w.apply(Action::Next);
        w.apply(Action::Next);
        assert_eq!(w.step(), Step::Identify, "no result without a new check");
    }

    #[test]
    fn every_step_but_identify_and_notice_has_a_next_button() {
        let with: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| s.next_label().is_some())
            .collect();
        assert_eq!(with, [Step::Welcome, Step::Result, Step::Guidance]);
    }

    #[test]
    fn step_keys_round_trip() {
        for step in Step::ALL {
            assert_eq!(Step::from_key(step.key()), Some(step));
        }
        assert_eq!(Step::from_key(""), None);
    }

    #[test]
    fn start_over_forgets_the_verdict() {
        let mut w = Wizard::default();
        w.apply(Action::Identified(Box::new(verdict())));
        w.apply(Action::StartOver);
        assert_eq!(w.step(), Step::Identify);
        assert!(w.verdict().is_none());
    }
}
