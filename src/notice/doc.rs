//! The notice laid out as words in one language: a title, an optional
//! alert, a few header fields and sections of paragraphs, fields and
//! bullets. The text, PDF and e-mail writers all draw this one document, so
//! they cannot drift apart.

use jiff::civil::Date;

use super::content::{Answer, INCIDENT_SOURCE_IDS, Notice};
use crate::catalog::{Grade, Source};
use crate::guidance::{Connection, Role, TamperSign};
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::{Caution, MatchRule, NextStep, Origin, VerdictKind};

/// From this day the Ministry takes incident reports through the single
/// NSIS form (DM 1 luglio 2025); before it, through the operators' online
/// form of the circular of 29 Nov 2022.
const NSIS_FROM: Date = jiff::civil::date(2026, 3, 18);

/// One piece of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph.
    Para(String),
    /// A paragraph set in bold (the verdict line).
    Strong(String),
    /// A label and its value.
    Field(String, String),
    /// A bullet point.
    Bullet(String),
    /// A bullet set in bold (a step to take now).
    StrongBullet(String),
    /// A bullet under the previous bullet.
    SubBullet(String),
    /// The verdict in large type, in its colour (the patient's sheet).
    Verdict(VerdictKind, String),
    /// The label photos (thumbnails in the PDF, names in text).
    Photos,
    /// A drawing (in the PDF; the text version leaves it out, its words
    /// say the same).
    Picture(crate::drawing::PictureId, Lang),
    /// A drawing on the left, with the rest of its section set beside it
    /// (in the PDF; the text version leaves it out).
    PictureBeside(crate::drawing::PictureId, Lang),
    /// A small drawing hung in the left margin beside the next block,
    /// taking no room from the text (in the PDF; the text version leaves
    /// it out).
    Icon(crate::drawing::PictureId, Lang),
    /// A QR code holding this text: a square of black modules in the PDF,
    /// the text itself on a line in the text writer.
    Qr(String),
}

/// A section with a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// Its heading; an empty one is not drawn (the patient's sheet opens
    /// with the verdict, not a heading).
    pub heading: String,
    /// Its content.
    pub blocks: Vec<Block>,
    /// Start it on a new page (PDF) or after a page-break line (text).
    pub new_page: bool,
}

/// A boxed warning shown before everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alert {
    /// Its heading.
    pub heading: String,
    /// Its paragraphs.
    pub paras: Vec<String>,
}

/// The whole notice in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Doc {
    /// Lines above everything else, the first one set larger: who hands
    /// the document over (the pharmacy's name and address). Empty for the
    /// notice.
    pub letterhead: Vec<String>,
    /// A short line just above the title saying whom the pages are for
    /// ("For your family doctor"), when they are part of a larger sheet.
    pub kicker: Option<String>,
    /// Document title.
    pub title: String,
    /// One line under the title: the verdict in short; empty for none.
    pub subtitle: String,
    /// The serious-incident warning, if any sign of tampering was ticked.
    pub alert: Option<Alert>,
    /// To, from, date.
    pub header: Vec<(String, String)>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Footer line (app and list version), without the page number.
    pub footer: String,
    /// File names of the label photos attached.
    pub photo_names: Vec<String>,
}

/// Lays out `notice` in `lang`.
pub(crate) fn build(notice: &Notice, lang: Lang) -> Doc {
    let b = Builder { n: notice, lang };
    let mut sections = vec![
        b.ask(),
        b.result(),
        b.device(),
        b.patient(),
        b.connection(),
        b.tampering(),
    ];
    if !notice.form.observations.trim().is_empty() {
        sections.push(Section {
            heading: b.t("notice-h-observations"),
            blocks: paras(&notice.form.observations),
            new_page: false,
        });
    }
    sections.push(b.advisories());
    sections.push(b.about());
    if notice.is_incident() {
        sections.push(b.incident_page());
    }
    Doc {
        letterhead: Vec::new(),
        kicker: None,
        title: b.t("notice-title"),
        subtitle: b.headline(),
        alert: notice.is_incident().then(|| b.alert()),
        header: b.header(),
        sections,
        footer: b.footer(),
        photo_names: attached_photo_names(notice),
    }
}

/// The photos that go with the notice: those chosen, less those that could
/// not be read.
fn attached_photo_names(notice: &Notice) -> Vec<String> {
    notice
        .photo_names
        .iter()
        .filter(|name| !notice.unreadable_photos.contains(name))
        .cloned()
        .collect()
}

/// The e-mail subject (and PDF title) for `notice` in `lang`.
pub(crate) fn subject(notice: &Notice, lang: Lang) -> String {
    let b = Builder { n: notice, lang };
    let model = b.model_or_unknown();
    let id = match (notice.is_incident(), notice.verdict.verdict) {
        (true, _) => "notice-subject-incident",
        (false, VerdictKind::Affected) => "notice-subject-affected",
        (false, VerdictKind::NotAffected) => "notice-subject-not-affected",
        (false, VerdictKind::Unknown) => "notice-subject-unknown",
    };
    let mut s = b.ta(id, &[("model", &model)]);
    let initials = notice.form.patient_initials.trim();
    if !initials.is_empty() {
        s = b.ta(
            "notice-subject-patient",
            &[("subject", &s), ("initials", initials)],
        );
    }
    s
}

/// The verdict's model as the notice names it (with what it is a relabel
/// of), or "model not identified".
pub(crate) fn verdict_model(notice: &Notice, lang: Lang) -> String {
    Builder { n: notice, lang }.verdict_model()
}

/// Splits user text into paragraphs on blank lines; single line breaks are
/// kept as spaces so the writers can wrap freely.
fn paras(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(Block::Para)
        .collect()
}

use crate::i18n::{format_civil_date as format_date, format_date as format_iso_date};

/// Formats the time of the check with its UTC offset.
pub(crate) fn format_datetime(lang: Lang, at: &jiff::Zoned) -> String {
    let date = format_date(lang, at.date());
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    let secs = at.offset().seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let offset = format!(
        "{sign}{:02}:{:02}",
        secs.abs() / 3600,
        (secs.abs() % 3600) / 60
    );
    tr_args(
        lang,
        "notice-datetime",
        &[("date", &date), ("time", &time), ("offset", &offset)],
    )
}

struct Builder<'a> {
    n: &'a Notice,
    lang: Lang,
}

impl Builder<'_> {
    fn t(&self, id: &str) -> String {
        tr(self.lang, id)
    }

    fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        tr_args(self.lang, id, args)
    }

    /// A field; empty values read "not given".
    fn field(&self, label_id: &str, value: &str) -> Block {
        let v = value.trim();
        let v = if v.is_empty() {
            self.t("notice-not-given")
        } else {
            v.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        Block::Field(self.t(label_id), v)
    }

    /// A yes/no answer; one nobody gave reads "not answered", never "no".
    fn answer(&self, answer: Answer) -> String {
        self.t(match answer {
            Answer::Yes => "notice-yes",
            Answer::No => "notice-no",
            Answer::NotAnswered => "notice-not-answered",
        })
    }

    /// How the monitor was connected; "not answered" when nobody said.
    fn connection_answer(&self, c: Option<Connection>) -> String {
        c.map_or_else(
            || self.t("notice-not-answered"),
            |c| self.connection_label(c),
        )
    }

    /// The notice's wording of a concept the screens name with `id`: the
    /// message's `.notice` attribute.
    fn term(&self, id: &str) -> String {
        self.t(&format!("{id}.notice"))
    }

    fn role(&self, role: Role) -> String {
        self.term(role.message_id())
    }

    fn connection_label(&self, c: Connection) -> String {
        self.term(c.message_id())
    }

    fn tamper_label(&self, s: TamperSign) -> String {
        self.term(s.message_id())
    }

    /// The model as the user confirmed it, else as read, else "unknown".
    fn model_or_unknown(&self) -> String {
        let confirmed = self.n.form.device.model.trim();
        if !confirmed.is_empty() {
            return confirmed.to_owned();
        }
        self.n
            .verdict
            .model
            .clone()
            .unwrap_or_else(|| self.t("notice-model-unknown"))
    }

    /// The verdict's model, with what it is a relabel of.
    fn verdict_model(&self) -> String {
        let v = &self.n.verdict;
        let model = v
            .model
            .clone()
            .unwrap_or_else(|| self.t("notice-model-unknown"));
        match &v.relabel_of {
            Some(of) => self.ta("notice-relabel", &[("model", &model), ("of", of)]),
            None => model,
        }
    }

    fn headline(&self) -> String {
        let model = self.verdict_model();
        match self.n.verdict.verdict {
            VerdictKind::Affected => self.ta("notice-headline-affected", &[("model", &model)]),
            VerdictKind::NotAffected => {
                self.ta("notice-headline-not-affected", &[("model", &model)])
            }
            VerdictKind::Unknown => self.t("notice-headline-unknown"),
        }
    }

    fn alert(&self) -> Alert {
        Alert {
            heading: self.t("notice-alert-heading"),
            paras: vec![self.t("notice-alert-body"), self.t("notice-alert-see-page")],
        }
    }

    fn header(&self) -> Vec<(String, String)> {
        let f = &self.n.form;
        let mut to = f.gp_name.trim().to_owned();
        let email = f.gp_email.trim();
        if !email.is_empty() {
            to = if to.is_empty() {
                email.to_owned()
            } else {
                format!("{to} <{email}>")
            };
        }
        if to.is_empty() {
            to = self.t("notice-to-default");
        }
        let mut from = f.sender_name.trim().to_owned();
        let role = self.role(f.sender_role);
        from = if from.is_empty() {
            role
        } else {
            format!("{from} ({role})")
        };
        let contact = f.sender_contact.trim();
        if !contact.is_empty() {
            from = format!("{from}, {contact}");
        }
        vec![
            (self.t("notice-to"), to),
            (self.t("notice-from"), from),
            (
                self.t("notice-checked-at"),
                format_datetime(self.lang, &self.n.checked_at),
            ),
        ]
    }

    fn ask(&self) -> Section {
        let mut blocks = Vec::new();
        match self.n.verdict.verdict {
            VerdictKind::Affected => {
                blocks.push(Block::Bullet(self.t("notice-ask-affected-confirm")));
                blocks.push(Block::Bullet(self.t("notice-ask-affected-remote")));
                blocks.push(Block::SubBullet(self.t("notice-ask-affected-remote-yes")));
                blocks.push(Block::SubBullet(self.t("notice-ask-affected-remote-no")));
                blocks.push(Block::Bullet(self.t("notice-ask-affected-readings")));
            }
            VerdictKind::Unknown => {
                blocks.push(Block::Bullet(self.t("notice-ask-unknown-identify")));
                blocks.push(Block::Bullet(self.t("notice-ask-unknown-meanwhile")));
            }
            VerdictKind::NotAffected => {
                blocks.push(Block::Bullet(self.t("notice-ask-not-affected")));
            }
        }
        if self.n.is_incident() {
            blocks.push(Block::Bullet(self.t("notice-ask-incident")));
        }
        let own = self.n.form.request.trim();
        if !own.is_empty() {
            blocks.push(Block::Field(
                self.t("notice-ask-own-words"),
                own.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
        Section {
            heading: self.t("notice-h-ask"),
            blocks,
            new_page: false,
        }
    }

    fn result(&self) -> Section {
        let v = &self.n.verdict;
        let mut blocks = vec![Block::Strong(self.headline())];
        if let Some(m) = &v.manufacturer {
            blocks.push(Block::Field(
                self.t("notice-manufacturer-listed"),
                m.clone(),
            ));
        }
        if v.evidence.is_empty() {
            blocks.push(Block::Para(self.t("notice-evidence-none")));
        } else {
            blocks.push(Block::Para(self.t("notice-evidence-intro")));
            for e in &v.evidence {
                let origin = match &e.origin {
                    Origin::Typed => self.t("notice-origin-typed"),
                    Origin::Photo { file, confidence } => {
                        let pct = format!("{:.0}", (confidence * 100.0).clamp(0.0, 100.0));
                        self.ta(
                            "notice-origin-photo",
                            &[("file", file), ("confidence", &pct)],
                        )
                    }
                    Origin::Barcode { file, format } => self.ta(
                        "notice-origin-barcode",
                        &[("file", file), ("format", format)],
                    ),
                };
                let rule = self.t(match e.rule {
                    MatchRule::Model => "notice-rule-model",
                    MatchRule::Alias => "notice-rule-alias",
                    MatchRule::ImporterCode => "notice-rule-importer-code",
                    MatchRule::Firmware => "notice-rule-firmware",
                    MatchRule::Gtin => "notice-rule-gtin",
                    MatchRule::LookAlike => "notice-rule-look-alike",
                    MatchRule::UnlistedModel => "notice-rule-unlisted",
                });
                blocks.push(Block::Bullet(self.ta(
                    "notice-evidence-item",
                    &[
                        ("text", e.text.trim()),
                        ("origin", &origin),
                        ("matched", &e.matched),
                        ("rule", &rule),
                    ],
                )));
            }
        }
        if !v.cautions.is_empty() {
            blocks.push(Block::Para(self.t("notice-cautions-intro")));
            for c in &v.cautions {
                blocks.push(Block::Bullet(self.caution(c)));
            }
        }
        if v.verdict == VerdictKind::Unknown && !v.next_steps.is_empty() {
            blocks.push(Block::Para(self.t("notice-next-intro")));
            for s in &v.next_steps {
                blocks.push(Block::Bullet(self.t(match s {
                    NextStep::TypeModel => "notice-next-type-model",
                    NextStep::PhotoLabel => "notice-next-photo-label",
                    NextStep::CheckLabelAgain => "notice-next-check-label",
                    NextStep::AskGp => "notice-next-ask-gp",
                })));
            }
        }
        Section {
            heading: self.t("notice-h-result"),
            blocks,
            new_page: false,
        }
    }

    fn caution(&self, c: &Caution) -> String {
        let args = c.message_args();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.ta(&format!("{}.notice", c.message_id()), &args)
    }

    /// The parsed parts of the UDI, when the UDI on the form is the one the
    /// verdict parsed (the user may have corrected it since).
    fn udi_parts(&self) -> Option<String> {
        let ids = &self.n.verdict.identifiers;
        let form_udi = self.n.form.device.udi.trim();
        let raw = ids.udi_raw.as_deref()?;
        if !form_udi.is_empty() && form_udi != raw.trim() {
            return None;
        }
        let mut parts = Vec::new();
        if let Some(g) = &ids.gtin {
            parts.push(format!("GTIN {g}"));
        }
        if let Some(p) = &ids.product_code {
            parts.push(format!("HIBC {p}"));
        }
        if let Some(l) = &ids.lot {
            parts.push(self.ta("notice-udi-lot", &[("lot", l)]));
        }
        if let Some(m) = &ids.manufactured {
            parts.push(self.ta(
                "notice-udi-manufactured",
                &[("date", &format_iso_date(self.lang, m))],
            ));
        }
        if let Some(e) = &ids.expiry {
            parts.push(self.ta(
                "notice-udi-expiry",
                &[("date", &format_iso_date(self.lang, e))],
            ));
        }
        if let Some(s) = &ids.serial {
            parts.push(self.ta("notice-udi-serial", &[("serial", s)]));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn device(&self) -> Section {
        let d = &self.n.form.device;
        let mut blocks = vec![
            self.field("notice-f-manufacturer", &d.manufacturer),
            self.field("notice-f-brand", &d.brand),
            self.field("notice-f-model", &d.model),
            self.field("notice-f-importer-code", &d.importer_code),
            self.field("notice-f-serial", &d.serial),
            self.field(
                "notice-f-manufactured",
                &format_iso_date(self.lang, &d.manufactured),
            ),
            self.field("notice-f-udi", &d.udi),
        ];
        if let Some(parts) = self.udi_parts() {
            blocks.push(Block::Field(self.t("notice-f-udi-parsed"), parts));
        }
        blocks.push(self.field("notice-f-firmware", &d.firmware));
        let how: Vec<String> = self
            .n
            .form
            .identified_by
            .iter()
            .map(|i| self.t(i.message_id()))
            .collect();
        blocks.push(self.field("notice-f-identified-by", &how.join(", ")));
        let attached = attached_photo_names(self.n);
        if !attached.is_empty() {
            blocks.push(Block::Field(self.t("notice-f-photos"), attached.join(", ")));
            blocks.push(Block::Photos);
        }
        for name in &self.n.unreadable_photos {
            blocks.push(Block::Para(
                self.ta("notice-photo-not-attached", &[("name", name)]),
            ));
        }
        Section {
            heading: self.t("notice-h-device"),
            blocks,
            new_page: false,
        }
    }

    fn patient(&self) -> Section {
        let f = &self.n.form;
        let mut blocks = vec![self.field("notice-f-initials", &f.patient_initials)];
        let band = f
            .age_band
            .map(|b| self.t(b.message_id()))
            .unwrap_or_default();
        blocks.push(self.field("notice-f-age-band", &band));
        // The full name goes on paper only on the user's explicit choice.
        if f.print_full_name && !f.patient_full_name.trim().is_empty() {
            blocks.push(self.field("notice-f-full-name", &f.patient_full_name));
        }
        blocks.push(self.field("notice-f-place", &f.place_of_use));
        Section {
            heading: self.t("notice-h-patient"),
            blocks,
            new_page: false,
        }
    }

    fn connection(&self) -> Section {
        let f = &self.n.form;
        let blocks = vec![
            // The plug out and Wi-Fi off, drawn as the carer saw them on
            // the guidance step, beside the answers about them.
            Block::PictureBeside(crate::drawing::PictureId::Unplug, self.lang),
            Block::Field(
                self.t("notice-f-connection"),
                self.connection_answer(f.connection),
            ),
            Block::Field(
                self.t("notice-f-cable-unplugged"),
                self.answer(f.actions.cable_unplugged),
            ),
            Block::Field(self.t("notice-f-wifi-off"), self.answer(f.actions.wifi_off)),
            Block::Field(
                self.t("notice-f-still-used"),
                self.answer(f.actions.still_used_locally),
            ),
            self.field("notice-f-when", &f.actions.when),
        ];
        Section {
            heading: self.t("notice-h-connection"),
            blocks,
            new_page: false,
        }
    }

    fn tampering(&self) -> Section {
        let f = &self.n.form;
        let mut blocks = Vec::new();
        if f.tamper_checked() {
            // Each sign says what the user answered about it; a sign nobody
            // answered was not checked, which is not the same as not seen.
            for s in TamperSign::ALL {
                blocks.push(Block::Field(
                    self.tamper_label(s),
                    self.term(f.tamper_answer(s).sign_message_id()),
                ));
            }
        } else {
            blocks.push(Block::Para(self.t("notice-tamper-not-done")));
        }
        Section {
            heading: self.t("notice-h-tampering"),
            blocks,
            new_page: false,
        }
    }

    fn grade(&self, g: Grade) -> String {
        self.t(match g {
            Grade::Primary => "notice-grade-primary",
            Grade::Relayed => "notice-grade-relayed",
            Grade::Secondary => "notice-grade-secondary",
        })
    }

    fn source_line(&self, s: &Source) -> String {
        let date = format_iso_date(self.lang, &s.date);
        let mut line = self.ta(
            "notice-source-line",
            &[
                ("publisher", &s.publisher),
                ("title", &s.title),
                ("date", &date),
            ],
        );
        if let Some(u) = &s.updated {
            let updated = format_iso_date(self.lang, u);
            line = self.ta(
                "notice-source-updated",
                &[("line", &line), ("date", &updated)],
            );
        }
        line
    }

    fn cve_line(&self, a: &crate::catalog::Advisory) -> String {
        // The list's summaries are English; the notice has its own wording
        // for the CVEs it knows and falls back to the list's for new ones.
        let id = format!("notice-cve-{}", a.cve.trim_start_matches("CVE-"));
        let what = if crate::i18n::has(self.lang, &id) {
            self.t(&id)
        } else {
            a.summary.clone()
        };
        let v3 = format!("{:.1}", a.cvss_v3);
        let mut line = self.ta(
            "notice-cve-line",
            &[
                ("cve", &a.cve),
                ("cwe", &a.cwe),
                ("what", &what),
                ("v3", &v3),
            ],
        );
        if let Some(v4) = a.cvss_v4 {
            line = self.ta(
                "notice-cve-line-v4",
                &[("line", &line), ("v4", &format!("{v4:.1}"))],
            );
        }
        line
    }

    fn advisories(&self) -> Section {
        let mut blocks = vec![Block::Para(self.t("notice-advisories-intro"))];
        let mut shown: Vec<&str> = Vec::new();
        for s in &self.n.sources {
            blocks.push(Block::Bullet(format!(
                "{} [{}]",
                self.source_line(s),
                self.grade(s.grade)
            )));
            for a in &self.n.advisories {
                if a.sources.contains(&s.id) && !shown.contains(&a.cve.as_str()) {
                    shown.push(&a.cve);
                    blocks.push(Block::SubBullet(self.cve_line(a)));
                }
            }
            blocks.push(Block::SubBullet(s.url.clone()));
        }
        let rest: Vec<_> = self
            .n
            .advisories
            .iter()
            .filter(|a| !shown.contains(&a.cve.as_str()))
            .collect();
        if !rest.is_empty() {
            blocks.push(Block::Bullet(self.t("notice-advisories-other")));
            for a in rest {
                blocks.push(Block::SubBullet(self.cve_line(a)));
            }
        }
        blocks.push(Block::Para(self.t("notice-advisories-addresses")));
        Section {
            heading: self.t("notice-h-advisories"),
            blocks,
            new_page: false,
        }
    }

    fn about(&self) -> Section {
        let list = self.ta(
            "notice-list-version",
            &[
                ("version", &self.n.list.version.to_string()),
                ("date", &format_iso_date(self.lang, &self.n.list.issued)),
            ],
        );
        Section {
            heading: self.t("notice-h-about"),
            blocks: vec![
                Block::Field(
                    self.t("notice-f-checked-at"),
                    format_datetime(self.lang, &self.n.checked_at),
                ),
                Block::Field(
                    self.t("notice-f-app-version"),
                    format!("Monitor Check {}", self.n.app_version),
                ),
                Block::Field(self.t("notice-f-list-version"), list),
                Block::Para(self.t("notice-disclaimer")),
            ],
            new_page: false,
        }
    }

    fn footer(&self) -> String {
        self.ta(
            "notice-footer",
            &[
                ("app", &self.n.app_version),
                ("version", &self.n.list.version.to_string()),
                ("date", &format_iso_date(self.lang, &self.n.list.issued)),
            ],
        )
    }

    fn incident_page(&self) -> Section {
        let mut blocks = self.incident_intro_and_device();
        blocks.extend(self.incident_event());
        blocks.extend(self.incident_refs_and_people());
        Section {
            heading: self.t("notice-h-incident"),
            blocks,
            new_page: true,
        }
    }

    /// Who must report, how, and the device fields.
    fn incident_intro_and_device(&self) -> Vec<Block> {
        let f = &self.n.form;
        let d = &f.device;
        let ids = &self.n.verdict.identifiers;
        let channel = if self.n.checked_at.date() < NSIS_FROM {
            "notice-incident-channel-form"
        } else {
            "notice-incident-channel-nsis"
        };
        vec![
            Block::Para(self.t("notice-incident-duty")),
            Block::Para(self.t(channel)),
            Block::Para(self.t("notice-incident-fields-intro")),
            Block::Strong(self.t("notice-incident-h-device")),
            self.field("notice-f-manufacturer", &d.manufacturer),
            self.field("notice-f-brand", &d.brand),
            self.field("notice-f-model", &d.model),
            self.field("notice-f-importer-code", &d.importer_code),
            self.field("notice-f-serial", &d.serial),
            self.field("notice-f-lot", ids.lot.as_deref().unwrap_or_default()),
            self.field(
                "notice-f-manufactured",
                &format_iso_date(self.lang, &d.manufactured),
            ),
            self.field(
                "notice-f-udi-di",
                ids.gtin
                    .as_deref()
                    .or(ids.product_code.as_deref())
                    .unwrap_or_default(),
            ),
            self.field("notice-f-udi", &d.udi),
            self.field("notice-f-firmware", &d.firmware),
        ]
    }

    /// What was seen, where, and what was done.
    fn incident_event(&self) -> Vec<Block> {
        let f = &self.n.form;
        let mut blocks = vec![
            Block::Strong(self.t("notice-incident-h-event")),
            Block::Field(
                self.t("notice-f-checked-at"),
                format_datetime(self.lang, &self.n.checked_at),
            ),
        ];
        let signs: Vec<String> = f.signs_seen().map(|s| self.tamper_label(s)).collect();
        blocks.push(self.field("notice-f-signs-seen", &signs.join("; ")));
        let obs = f
            .observations
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        blocks.push(self.field("notice-f-observations", &obs));
        blocks.push(Block::Field(
            self.t("notice-f-connection"),
            self.connection_answer(f.connection),
        ));
        let mut done = Vec::new();
        if f.actions.cable_unplugged == Answer::Yes {
            done.push(self.t("notice-f-cable-unplugged"));
        }
        if f.actions.wifi_off == Answer::Yes {
            done.push(self.t("notice-f-wifi-off"));
        }
        let when = f.actions.when.trim();
        let mut done = done.join(", ");
        if !done.is_empty() && !when.is_empty() {
            done = format!("{done} ({when})");
        }
        blocks.push(self.field("notice-f-actions", &done));
        blocks.push(Block::Field(
            self.t("notice-f-still-used"),
            self.answer(f.actions.still_used_locally),
        ));
        blocks.push(self.field("notice-f-place", &f.place_of_use));
        // Initials and age band on one line: this page should fit one sheet.
        let patient: Vec<String> = [
            f.patient_initials.trim().to_owned(),
            f.age_band
                .map(|b| self.t(b.message_id()))
                .unwrap_or_default(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
        blocks.push(self.field("notice-f-patient", &patient.join(", ")));
        blocks
    }

    /// The advisories to cite and the people involved.
    fn incident_refs_and_people(&self) -> Vec<Block> {
        let f = &self.n.form;
        let mut blocks = vec![Block::Strong(self.t("notice-incident-h-refs"))];
        let cves: Vec<&str> = self.n.advisories.iter().map(|a| a.cve.as_str()).collect();
        blocks.push(self.field("notice-f-cves", &cves.join(", ")));
        // Titles and dates only: the full references are in the advisories
        // section, and this page should fit on one sheet.
        for s in self.n.sources.iter().filter(|s| {
            s.grade != Grade::Secondary && !INCIDENT_SOURCE_IDS.contains(&s.id.as_str())
        }) {
            blocks.push(Block::Bullet(self.ta(
                "notice-source-short",
                &[
                    ("title", &s.title),
                    ("date", &format_iso_date(self.lang, &s.date)),
                ],
            )));
        }
        blocks.push(Block::Strong(self.t("notice-incident-h-people")));
        let mut sender = f.sender_name.trim().to_owned();
        if sender.is_empty() {
            sender = self.t("notice-not-given");
        }
        let contact = f.sender_contact.trim();
        let sender = if contact.is_empty() {
            format!("{sender} ({})", self.role(f.sender_role))
        } else {
            format!("{sender} ({}), {contact}", self.role(f.sender_role))
        };
        blocks.push(Block::Field(self.t("notice-f-told-by"), sender));
        blocks.push(Block::Field(
            self.t("notice-f-reporter"),
            self.t("notice-to-complete"),
        ));
        blocks.push(Block::Field(
            self.t("notice-f-outcome"),
            self.t("notice-to-complete"),
        ));
        blocks
    }
}
