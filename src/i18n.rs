//! Languages and translated strings.
//!
//! Every sentence a person reads lives in `assets/i18n/{it,en,de}/*.ftl`
//! (Fluent). All files of one language are joined into one bundle at first
//! use; tests keep every language's message ids and variables identical.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The `.ftl` files of one language folder, embedded in the binary.
macro_rules! language_files {
    ($code:literal) => {
        &[
            include_str!(concat!("../assets/i18n/", $code, "/app.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/coach.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/guidance.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/leaflet.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/notice.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/register.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/ui.ftl")),
            include_str!(concat!("../assets/i18n/", $code, "/verdict.ftl")),
        ]
    };
}

/// Declares [`Lang`] and everything known about each language from one
/// table: adding a language is one folder of `.ftl` files plus one line here.
macro_rules! languages {
    ($( $(#[$attr:meta])* $variant:ident => $code:literal, $native:literal; )+) => {
        /// A language the app speaks.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
        #[serde(rename_all = "lowercase")]
        pub enum Lang {
            $( $(#[$attr])* $variant, )+
        }

        impl Lang {
            /// Every language, in the order the app offers them.
            pub const ALL: [Lang; LANG_COUNT] = [$( Lang::$variant ),+];

            /// ISO 639-1 code.
            pub fn code(self) -> &'static str {
                match self {
                    $( Lang::$variant => $code, )+
                }
            }

            /// The language's own name, as shown on the welcome screen.
            pub fn native_name(self) -> &'static str {
                match self {
                    $( Lang::$variant => $native, )+
                }
            }
        }

        /// How many languages the app speaks.
        const LANG_COUNT: usize = [$( $code ),+].len();

        /// Every language's translation files, in [`Lang::ALL`]'s order.
        const FILES: [&[&str]; LANG_COUNT] = [$( language_files!($code) ),+];
    };
}

languages! {
    /// Italian.
    It => "it", "Italiano";
    /// English.
    #[default]
    En => "en", "English";
    /// German.
    De => "de", "Deutsch";
}

impl Lang {
    /// Picks the language for a system locale such as `it_IT.UTF-8`,
    /// `de-CH` or `de_IT` (South Tyrol): the language whose code the locale
    /// starts with, English when the app does not speak it.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == language)
            .unwrap_or_default()
    }

    /// The position in [`Lang::ALL`] (and [`FILES`]).
    fn index(self) -> usize {
        self as usize
    }
}

struct Catalogs {
    bundles: Vec<FluentBundle<FluentResource>>,
    ids: Vec<BTreeSet<String>>,
}

fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        let (bundles, ids) = Lang::ALL.into_iter().map(load).unzip();
        Catalogs { bundles, ids }
    })
}

fn load(lang: Lang) -> (FluentBundle<FluentResource>, BTreeSet<String>) {
    let langid: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/9) would show up in plain-text notices and PDFs.
    bundle.set_use_isolating(false);
    let mut ids = BTreeSet::new();
    let files = FILES.get(lang.index()).copied().unwrap_or_default();
    for text in files {
        // The files are ours and checked by tests; a broken entry is skipped
        // rather than taking the whole language down.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_owned());
                for a in &m.attributes {
                    ids.insert(format!("{}.{}", m.id.name, a.id.name));
                }
            }
        }
        let _ = bundle.add_resource(resource);
    }
    (bundle, ids)
}

/// The message `id` in `lang`; the id itself if it is missing (tests make
/// sure none is).
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

/// The message `id` in `lang` with string arguments `{ $name }`. An id
/// `message.attribute` names an attribute: one concept has one message, and
/// where the notice to the doctor words it differently from the screen,
/// that wording is the message's `.notice` attribute.
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let Some(bundle) = catalogs().bundles.get(lang.index()) else {
        return id.to_owned();
    };
    let pattern = match id.split_once('.') {
        Some((message, attribute)) => bundle
            .get_message(message)
            .and_then(|m| m.get_attribute(attribute))
            .map(|a| a.value()),
        None => bundle.get_message(id).and_then(|m| m.value()),
    };
    let Some(pattern) = pattern else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// A calendar date in words: "3 March 2025", "3 marzo 2025".
pub fn format_civil_date(lang: Lang, date: jiff::civil::Date) -> String {
    let month = tr(lang, &format!("notice-month-{}", date.month()));
    tr_args(
        lang,
        "notice-date",
        &[
            ("day", &date.day().to_string()),
            ("month", &month),
            ("year", &date.year().to_string()),
        ],
    )
}

/// A `YYYY-MM-DD` date in words; anything that is not a real date (a
/// 30 February, a word) is returned as it was written.
pub fn format_date(lang: Lang, iso: &str) -> String {
    iso.trim()
        .parse::<jiff::civil::Date>()
        .map_or_else(|_| iso.trim().to_owned(), |d| format_civil_date(lang, d))
}

/// Whether `lang` has the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    catalogs()
        .ids
        .get(lang.index())
        .is_some_and(|ids| ids.contains(id))
}

/// All message ids of `lang`.
pub fn ids(lang: Lang) -> &'static BTreeSet<String> {
    static EMPTY: BTreeSet<String> = BTreeSet::new();
    catalogs().ids.get(lang.index()).unwrap_or(&EMPTY)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn every_language_file_is_embedded_and_parses() {
        for lang in Lang::ALL {
            let files = FILES[lang.index()];
            assert!(files.iter().all(|f| !f.trim().is_empty()), "{lang:?}");
            assert_eq!(files.len(), 8);
            for text in files {
                assert!(FluentResource::try_new((*text).to_owned()).is_ok());
            }
        }
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let en = ids(Lang::En);
        assert!(en.len() > 400, "{} ids", en.len());
        for lang in Lang::ALL {
            let other = ids(lang);
            let only_other: Vec<_> = other.difference(en).collect();
            let only_en: Vec<_> = en.difference(other).collect();
            assert!(only_other.is_empty(), "only in {lang:?}: {only_other:?}");
            assert!(only_en.is_empty(), "missing in {lang:?}: {only_en:?}");
        }
    }

    #[test]
    fn the_table_gives_each_language_its_code_name_and_files() {
        assert_eq!(Lang::ALL, [Lang::It, Lang::En, Lang::De]);
        assert_eq!(FILES.len(), Lang::ALL.len());
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
        assert_eq!(Lang::De.code(), "de");
        assert_eq!(Lang::De.native_name(), "Deutsch");
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(
            serde_json::to_string(&Lang::De).ok().as_deref(),
            Some("\"de\"")
        );
    }

    #[test]
    fn german_is_translated_not_copied() {
        for id in [
            "welcome-heading",
            "result-unknown",
            "counter-verdict-affected",
            "notice-title",
            "notice-alert-heading",
            "guide-unplug",
            "notice-month-3",
        ] {
            let de = tr(Lang::De, id);
            assert_ne!(de, tr(Lang::En, id), "{id} is English");
            assert_ne!(de, tr(Lang::It, id), "{id} is Italian");
            assert_ne!(de, id, "{id} is missing");
        }
        assert_eq!(
            tr(Lang::De, "notice-alert-heading"),
            "Mögliches schwerwiegendes Vorkommnis"
        );
        assert_eq!(
            tr(Lang::De, "counter-verdict-not-affected"),
            "NICHT AUF DER LISTE"
        );
    }

    /// The variables each message (and attribute) uses, by id.
    fn variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
        fn walk(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &pattern.elements {
                if let PatternElement::Placeable { expression } = element {
                    expression_vars(expression, out);
                }
            }
        }
        fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Inline(i) => inline_vars(i, out),
                Expression::Select { selector, variants } => {
                    inline_vars(selector, out);
                    for v in variants {
                        walk(&v.value, out);
                    }
                }
            }
        }
        fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match i {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_owned());
                }
                InlineExpression::Placeable { expression } => expression_vars(expression, out),
                _ => {}
            }
        }
        let mut by_id = BTreeMap::new();
        for text in FILES[lang.index()] {
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(r, _)| r);
            for entry in &resource.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        walk(v, &mut vars);
                    }
                    by_id.insert(m.id.name.to_owned(), vars);
                    for a in &m.attributes {
                        let mut vars = BTreeSet::new();
                        walk(&a.value, &mut vars);
                        by_id.insert(format!("{}.{}", m.id.name, a.id.name), vars);
                    }
                }
            }
        }
        by_id
    }

    #[test]
    fn every_message_takes_the_same_variables_in_every_language() {
        let en = variables(Lang::En);
        assert!(en.values().any(|v| !v.is_empty()), "variables are seen");
        for lang in Lang::ALL {
            let other = variables(lang);
            for (id, vars) in &en {
                assert_eq!(other.get(id), Some(vars), "{id} in {lang:?}");
            }
        }
    }

    #[test]
    fn an_attribute_gives_the_notice_wording_of_a_concept() {
        assert_eq!(tr(Lang::En, "connection-none"), "Not connected to anything");
        assert_eq!(tr(Lang::En, "connection-none.notice"), "none");
        assert!(has(Lang::It, "connection-none.notice"));
        assert_eq!(
            tr(Lang::En, "connection-none.nothing"),
            "connection-none.nothing"
        );
    }

    #[test]
    fn dates_are_written_in_words() {
        assert_eq!(format_date(Lang::En, "2025-03-03"), "3 March 2025");
        assert_eq!(format_date(Lang::It, "2025-02-24"), "24 febbraio 2025");
        assert_eq!(format_date(Lang::De, "2025-03-03"), "3. März 2025");
        assert_eq!(format_date(Lang::It, "2025-13-01"), "2025-13-01");
        assert_eq!(format_date(Lang::En, "2025-02-30"), "2025-02-30");
        assert_eq!(format_date(Lang::En, "soon"), "soon");
    }

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("it_IT.UTF-8"), Lang::It);
        assert_eq!(Lang::from_locale("it-CH"), Lang::It);
        assert_eq!(Lang::from_locale("en-GB"), Lang::En);
        for german in ["de_DE.UTF-8", "de_AT", "de-CH", "de_IT", "de", "DE-de"] {
            assert_eq!(Lang::from_locale(german), Lang::De, "{german}");
        }
        assert_eq!(Lang::from_locale("fr_FR"), Lang::En);
        assert_eq!(Lang::from_locale("deu"), Lang::En);
        assert_eq!(Lang::from_locale("italic"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
