//! One file per wizard step. Each step draws itself and returns an
//! [`Action`](super::wizard::Action) for the app to apply after drawing.

pub mod guidance;
pub mod identify;
pub mod notice;
pub mod result;
pub mod welcome;

use crate::catalog::Catalog;
use crate::guidance::Role;
use crate::i18n::Lang;
use crate::identify::Verdict;

use super::theme::Look;

/// What every step may read.
pub struct StepCtx<'a> {
    /// Language in use.
    pub lang: Lang,
    /// Who uses the app.
    pub role: Role,
    /// Text size and contrast.
    pub look: Look,
    /// The list in use.
    pub catalog: &'a Catalog,
    /// The verdict, once there is one.
    pub verdict: Option<&'a Verdict>,
}
