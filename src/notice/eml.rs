//! The notice as an e-mail the user opens and sends from their own mail
//! program (the app never sends anything): an RFC 5322 `.eml` with the text
//! as body and the PDF and label photos attached, and a `mailto:` link with
//! a shortened text for webmail.

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::date::Date;
use mail_builder::headers::raw::Raw;

use super::content::Notice;
use super::photo::{self, ATTACH_MAX_PX, PhotoFile};
use super::subject;
use super::text::render_text;
use crate::i18n::{Lang, tr};

/// Longest `mailto:` body, in characters before percent-encoding: mail
/// programs and browsers cut or refuse much longer links.
pub const MAILTO_MAX_BODY_CHARS: usize = 1500;

/// Why the e-mail could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EmlError {
    /// Writing the message failed.
    #[error("the e-mail could not be written: {0}")]
    Write(#[from] std::io::Error),
}

/// File name for the PDF (and the stem of the other files), e.g.
/// `segnalazione-monitor-2025-03-10.pdf`.
pub fn file_name(notice: &Notice, lang: Lang, extension: &str) -> String {
    format!(
        "{}-{}.{extension}",
        tr(lang, "notice-file-stem"),
        notice.checked_at.date()
    )
}

/// The whole e-mail as `.eml` bytes: text body, `pdf` attached, the
/// notice's data as JSON ([`super::data`]), and the photos attached shrunk, upright and re-encoded with no metadata. A photo
/// that cannot be decoded is not attached; the body names it.
///
/// `To` is the doctor's address when known; `From` is the sender's
/// contact when it is an e-mail address. `X-Unsent: 1` makes Outlook open
/// it as a draft to send; Thunderbird opens it for "Edit as new".
pub fn render_eml(
    notice: &Notice,
    lang: Lang,
    pdf: &[u8],
    photos: &[PhotoFile],
) -> Result<Vec<u8>, EmlError> {
    let prepared = photo::prepare_all(photos, ATTACH_MAX_PX);
    let notice = photo::noting_unreadable(notice, &prepared);
    let notice = notice.as_ref();
    let f = &notice.form;
    let body = render_text(notice, lang);
    let mut message = MessageBuilder::new()
        .subject(subject(notice, lang))
        .date(Date::new(notice.checked_at.timestamp().as_second()))
        .message_id(message_id(notice, &body))
        .header("X-Unsent", Raw::new("1"))
        .header("Content-Language", Raw::new(lang.code()))
        .text_body(body);
    let gp_email = f.gp_email.trim();
    if is_email(gp_email) {
        let name = f.gp_name.trim();
        message = message.to(if name.is_empty() {
            Address::new_address(None::<String>, gp_email.to_owned())
        } else {
            Address::new_address(Some(name.to_owned()), gp_email.to_owned())
        });
    }
    let contact = f.sender_contact.trim();
    if is_email(contact) {
        let name = f.sender_name.trim();
        message = message.from(if name.is_empty() {
            Address::new_address(None::<String>, contact.to_owned())
        } else {
            Address::new_address(Some(name.to_owned()), contact.to_owned())
        });
    }
    message = message.attachment(
        "application/pdf",
        file_name(notice, lang, "pdf"),
        pdf.to_vec(),
    );
    message = message.attachment(
        super::data::MEDIA_TYPE,
        super::data::FILE_NAME,
        super::data::NoticeData::from_notice(notice, lang).to_json(),
    );
    let mut used = std::collections::HashSet::new();
    for p in prepared.into_iter().filter_map(|o| o.result.ok()) {
        message = message.attachment("image/jpeg", jpeg_name(&p.name, &mut used), p.jpeg);
    }
    Ok(message.write_to_vec()?)
}

/// A `mailto:` link with the doctor's address (if known), the subject and
/// the text body, cut at [`MAILTO_MAX_BODY_CHARS`] on a line boundary with a
/// note that the full notice is in the PDF.
pub fn mailto_url(notice: &Notice, lang: Lang) -> String {
    let text = render_text(notice, lang);
    let body = if text.chars().count() <= MAILTO_MAX_BODY_CHARS {
        text
    } else {
        let note = tr(lang, "notice-mailto-cut");
        let budget = MAILTO_MAX_BODY_CHARS.saturating_sub(note.chars().count() + 2);
        let mut out = String::new();
        let mut used = 0usize;
        for line in text.lines() {
            let n = line.chars().count() + 1;
            if used + n > budget {
                break;
            }
            out.push_str(line);
            out.push('\n');
            used += n;
        }
        out.push('\n');
        out.push_str(&note);
        out
    };
    let to = notice.form.gp_email.trim();
    let to = if is_email(to) {
        encode(to)
    } else {
        String::new()
    };
    format!(
        "mailto:{to}?subject={}&body={}",
        encode(&subject(notice, lang)),
        // RFC 6068: line breaks in a body are CRLF.
        encode(&body.replace('\n', "\r\n"))
    )
}

/// Percent-encodes everything but RFC 3986 unreserved characters (and `@`,
/// harmless in a mailto address).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A plausible e-mail address: one `@`, something on both sides, a dot in
/// the domain, no spaces. Enough to avoid putting a phone number in `To`.
pub(crate) fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';'))
        }
        _ => false,
    }
}

/// The attachment name of a re-encoded photo: its own name with `.jpg`,
/// numbered when two photos would share it (`IMG_1.HEIC` and `IMG_1.JPG`).
fn jpeg_name(name: &str, used: &mut std::collections::HashSet<String>) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| "photo".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut candidate = format!("{stem}.jpg");
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{stem}-{n}.jpg");
        n += 1;
    }
    candidate
}

/// A Message-ID made from the notice itself, so core never asks the system
/// for a host name or the clock; `.invalid` is reserved and never routes.
fn message_id(notice: &Notice, body: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    notice.checked_at.timestamp().as_nanosecond().hash(&mut h);
    format!(
        "{:016x}.{}@monitor-check.invalid",
        h.finish(),
        notice.checked_at.timestamp().as_second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_check() {
        assert!(is_email("dott.rossi@asl.it"));
        assert!(!is_email("333 1234567"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a@b.it, c@d.it"));
        assert!(!is_email(""));
    }

    #[test]
    fn encoding_and_names() {
        assert_eq!(encode("è a&b"), "%C3%A8%20a%26b");
        let mut used = std::collections::HashSet::new();
        assert_eq!(jpeg_name("IMG_1.HEIC", &mut used), "IMG_1.jpg");
        assert_eq!(jpeg_name("IMG_1.JPG", &mut used), "IMG_1-2.jpg");
        assert_eq!(jpeg_name("label", &mut used), "label.jpg");
    }
}
