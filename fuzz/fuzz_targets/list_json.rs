//! The list of affected models as text: `Catalog::from_json` (schema and
//! rules). A list accepted passes its checks again, and the app's uses of a
//! list work on it: "what changed" against the bundled list, relabels, and
//! the matcher, which must never call one of its own models "not affected".
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_check::catalog::Catalog;
use monitor_check::identify::{self, VerdictKind};
use monitor_check::update::ListDiff;
use monitor_check_fuzz::assert_well_formed;

fuzz_target!(|text: &str| {
    let Ok(list) = Catalog::from_json(text) else {
        return;
    };
    assert!(list.validate().is_ok(), "{:?}", list.validate());
    let _ = ListDiff::between(monitor_check_fuzz::catalog(), &list);
    for model in list.models.iter().take(8) {
        let _ = list.relabel_root(model);
        let _ = list.advisories_for(model);
        let _ = list.model(&model.model);
        if let Ok(verdict) = identify::identify_text(&list, &model.model) {
            assert_well_formed(&verdict);
            assert_ne!(
                verdict.verdict,
                VerdictKind::NotAffected,
                "a listed model {:?} read as not affected",
                model.model
            );
        }
    }
});
