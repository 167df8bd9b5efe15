//! The notice as plain text: for "Copy text", the `.txt` file, the e-mail
//! body and the `mailto:` link. Lines are wrapped at [`WIDTH`] characters
//! so it prints and reads well in any mail program.

use std::fmt::Write as _;

use super::content::Notice;
use super::doc::{self, Block, Doc};
use crate::i18n::{Lang, tr};

/// Line width of the text notice, in characters.
pub const WIDTH: usize = 76;

/// The notice as plain text in `lang`.
pub fn render_text(notice: &Notice, lang: Lang) -> String {
    let d = doc::build(notice, lang);
    render_doc(&d, lang)
}

/// Only the part of the notice that holds the data for the Ministry's
/// report of a serious incident, under the notice's title and header, as
/// plain text in `lang`; `None` when the notice reports no incident.
pub fn render_incident_text(notice: &Notice, lang: Lang) -> Option<String> {
    if !notice.is_incident() {
        return None;
    }
    let mut d = doc::build(notice, lang);
    let heading = tr(lang, "notice-h-incident");
    d.sections.retain(|s| s.heading == heading);
    d.alert = None;
    for section in &mut d.sections {
        section.new_page = false;
    }
    Some(render_doc(&d, lang))
}

/// Any [`Doc`] as plain text in `lang`.
pub(super) fn render_doc(d: &Doc, lang: Lang) -> String {
    let mut out = String::new();
    for line in &d.letterhead {
        push_wrapped(&mut out, line, "", "");
    }
    if !d.letterhead.is_empty() {
        out.push('\n');
    }
    if let Some(kicker) = &d.kicker {
        push_wrapped(&mut out, &format!("[{kicker}]"), "", "");
    }
    push_wrapped(&mut out, &d.title.to_uppercase(), "", "");
    if !d.subtitle.is_empty() {
        push_wrapped(&mut out, &d.subtitle, "", "");
    }
    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    if let Some(alert) = &d.alert {
        let bar = "!".repeat(WIDTH);
        out.push_str(&bar);
        out.push('\n');
        push_wrapped(&mut out, &alert.heading.to_uppercase(), "! ", "! ");
        for p in &alert.paras {
            out.push_str("!\n");
            push_wrapped(&mut out, p, "! ", "! ");
        }
        out.push_str(&bar);
        out.push_str("\n\n");
    }
    for (label, value) in &d.header {
        push_field(&mut out, label, value);
    }
    for s in &d.sections {
        out.push('\n');
        if s.new_page {
            out.push_str(&"-".repeat(WIDTH));
            out.push_str("\n\n");
        }
        if !s.heading.is_empty() {
            let heading = s.heading.to_uppercase();
            out.push_str(&heading);
            out.push('\n');
            out.push_str(&"-".repeat(heading.chars().count().min(WIDTH)));
            out.push('\n');
        }
        let mut after_list = false;
        for b in &s.blocks {
            let list_item = matches!(
                b,
                Block::Bullet(_) | Block::StrongBullet(_) | Block::SubBullet(_)
            );
            // A field right after a list would read as one more item.
            if after_list && matches!(b, Block::Field(..)) {
                out.push('\n');
            }
            after_list = list_item;
            match b {
                Block::Para(p) => {
                    out.push('\n');
                    push_wrapped(&mut out, p, "", "");
                }
                Block::Strong(p) => {
                    out.push('\n');
                    push_wrapped(&mut out, &format!("* {p}"), "", "  ");
                }
                Block::Field(label, value) => push_field(&mut out, label, value),
                Block::Bullet(p) => push_wrapped(&mut out, p, "- ", "  "),
                Block::StrongBullet(p) => push_wrapped(&mut out, p, "! ", "  "),
                Block::Verdict(_, p) => {
                    out.push('\n');
                    push_wrapped(&mut out, &format!(">> {}", p.to_uppercase()), "", "   ");
                }
                Block::SubBullet(p) => push_wrapped(&mut out, p, "    · ", "      "),
                Block::Photos => {
                    if !d.photo_names.is_empty() {
                        push_wrapped(&mut out, &tr(lang, "notice-photos-attached"), "", "");
                    }
                }
                Block::Picture(..) | Block::PictureBeside(..) | Block::Icon(..) => {}
                Block::Qr(payload) => {
                    out.push('\n');
                    push_wrapped(&mut out, payload, "", "");
                }
            }
        }
    }
    out.push('\n');
    out.push_str(&"=".repeat(WIDTH));
    out.push('\n');
    push_wrapped(&mut out, &d.footer, "", "");
    out
}

fn push_field(out: &mut String, label: &str, value: &str) {
    push_wrapped(out, &format!("{label}: {value}"), "", "    ");
}

/// Appends `text` wrapped at [`WIDTH`]: `first` prefixes the first line,
/// `rest` the others. A word longer than a line (a URL, a UDI) is kept
/// whole on its own line rather than cut, so it can still be copied.
fn push_wrapped(out: &mut String, text: &str, first: &str, rest: &str) {
    let first_width = WIDTH.saturating_sub(first.chars().count());
    let rest_width = WIDTH.saturating_sub(rest.chars().count());
    let mut line = String::new();
    let mut len = 0usize;
    let mut prefix = first;
    let mut width = first_width;
    for word in text.split_whitespace() {
        let wlen = word.chars().count();
        if len > 0 && len + 1 + wlen > width {
            let _ = writeln!(out, "{}", format!("{prefix}{line}").trim_end());
            line.clear();
            len = 0;
            prefix = rest;
            width = rest_width;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += wlen;
    }
    let _ = writeln!(out, "{}", format!("{prefix}{line}").trim_end());
}
