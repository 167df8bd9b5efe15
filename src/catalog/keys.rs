//! Comparison keys for model names, and GS1 check digits.
//!
//! Both the list checks and the matcher need to agree on when two spellings
//! name the same thing, so the key function lives here, below both.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of a model name, alias or code: NFKC, upper case, and
/// only letters, digits and `+` kept.
///
/// `CMS 8000`, `cms-8000` and full-width `ＣＭＳ８０００` share the key
/// `CMS8000`; `CMS50D+` keeps its plus, because `CMS50D` is another product.
pub fn model_key(name: &str) -> String {
    name.nfkc()
        .filter(|c| c.is_alphanumeric() || *c == '+')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The GS1 check digit for the digits before it (any GTIN length).
///
/// Weights alternate 3, 1, 3 … starting from the digit next to the check
/// digit, as in every GS1 key. `None` if a character is not a digit.
pub fn gs1_check_digit(body: &str) -> Option<u32> {
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        let d = c.to_digit(10)?;
        sum += if i % 2 == 0 { d * 3 } else { d };
    }
    Some((10 - sum % 10) % 10)
}

/// Whether `gtin` is 14 ASCII digits with a correct GS1 check digit.
pub fn is_valid_gtin14(gtin: &str) -> bool {
    if gtin.len() != 14 || !gtin.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some((body, check)) = gtin.split_at_checked(13) else {
        return false;
    };
    let Some(check) = check.chars().next().and_then(|c| c.to_digit(10)) else {
        return false;
    };
    gs1_check_digit(body) == Some(check)
}

/// A GTIN-8, -12, -13 or -14 as the 14-digit form (left-padded with zeros),
/// if it is all digits with a correct check digit.
pub fn gtin14(digits: &str) -> Option<String> {
    if !matches!(digits.len(), 8 | 12 | 13 | 14) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{digits:0>14}");
    is_valid_gtin14(&padded).then_some(padded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spaces_and_dashes_but_keep_plus() {
        assert_eq!(model_key("CMS 8000"), "CMS8000");
        assert_eq!(model_key("cms-8000"), "CMS8000");
        assert_eq!(model_key("ＣＭＳ８０００"), "CMS8000");
        assert_eq!(model_key("MN-120"), "MN120");
        assert_eq!(model_key("CMS50D+"), "CMS50D+");
        assert_eq!(model_key("Contec08A"), "CONTEC08A");
    }

    #[test]
    fn gs1_examples_check() {
        // GS1's own example keys.
        assert!(is_valid_gtin14("09506000134352"));
        assert!(is_valid_gtin14("00012345678905"));
        assert!(!is_valid_gtin14("09506000134353"));
        assert!(!is_valid_gtin14("0950600013435"));
        assert!(!is_valid_gtin14("0950600013435X"));
        assert_eq!(gtin14("9506000134352").as_deref(), Some("09506000134352"));
        assert_eq!(gtin14("012345678905").as_deref(), Some("00012345678905"));
        assert_eq!(gtin14("12345678"), None);
    }
}
