//! Whether a line of text could carry a model name, without the list: the
//! one check the photo reader and the matcher share (the reader uses it to
//! pick its best reading pass, and knows nothing of the list). Depends on
//! nothing else in the crate.

/// True when a line could carry a model name: a token mixing letters and
/// digits (`CMS8000`, `MN-120`, `VM-8`) or a letters token followed by a
/// digits token (`CMS 8000`), on a line that is not a serial, lot or
/// catalogue number. A keyword alone ("Model") does not count:
/// small print read badly still shows its keyword ("MODEL CMST").
pub fn looks_like_model_line(text: &str) -> bool {
    let upper = text.to_uppercase();
    let tokens: Vec<&str> = upper
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';' | '/' | '(' | ')'))
        .filter(|t| !t.is_empty())
        .collect();
    // Serial, lot and catalogue numbers look like model names too.
    let first = tokens.first().map(|t| t.trim_end_matches(['.', '#']));
    if matches!(first, Some("SN" | "S" | "SER" | "SERIAL" | "LOT" | "REF")) {
        return false;
    }
    let letters = |t: &str| t.chars().filter(char::is_ascii_alphabetic).count();
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
    // Model names start with a letter; "100-240V" and "60Hz" do not.
    // Protection classes and standards do, so they are left out.
    let mixed = tokens.iter().any(|t| {
        let core = t.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let starts_with_letter = core.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let standard = ["IP", "EN", "IEC", "ISO"].iter().any(|p| {
            core.strip_prefix(p).is_some_and(|rest| {
                rest.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'X' | '-' | '.' | ':'))
            })
        });
        // Ratings are not models either: `DC12V`, `AC230V`.
        let rating = ["AC", "DC"].iter().any(|p| {
            core.strip_prefix(p).is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_ascii_digit()) && rest.ends_with(['V', 'A', 'W'])
            })
        });
        starts_with_letter
            && !standard
            && !rating
            && digits(core) >= 1
            && core.len() >= 3
            && core.len() <= 16
    });
    let split = tokens.windows(2).any(|w| match w {
        [a, b] => {
            letters(a) >= 2 && letters(a) == a.len() && digits(b) >= 2 && digits(b) == b.len()
        }
        _ => false,
    });
    mixed || split
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_like_lines() {
        for yes in [
            "Model: CMS8000",
            "CMS 8000",
            "MN-120",
            "Mod.: VM-8",
            "BP7450",
            "MODELLO CMS6000",
        ] {
            assert!(looks_like_model_line(yes), "{yes}");
        }
        for no in [
            "Serial No.: 8251-2102-8542",
            "2021-02-19",
            "Vital Signs Monitor",
            "Input: 100-240V~ 50/60Hz",
            "IPX1 IP22 EN60601",
            "IEC60601-1 EN1060-3:2010",
            "Input: DC12V 1.5A",
            "MODEL CMST",
            "SN: C820F786449",
            "S/N 123456",
            "REF CMS8000-EU",
            "Type",
            "",
        ] {
            assert!(!looks_like_model_line(no), "{no}");
        }
    }
}
