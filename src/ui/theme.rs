//! Colours, spacing and text sizes: the only place they are chosen.
//!
//! Sizes start larger than egui's defaults because many users are elderly;
//! "larger text" scales them again, "high contrast" swaps to black on white
//! with heavy outlines.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::identify::VerdictKind;

/// Display preferences that change the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Look {
    /// Scale text up by a third.
    pub large_text: bool,
    /// Black on white, heavy outlines.
    pub high_contrast: bool,
}

/// Widest the content column grows, in points: long lines are hard to read.
pub const CONTENT_MAX_WIDTH: f32 = 820.0;

/// Space between blocks.
pub const GAP: f32 = 14.0;

/// Applies `look` to the whole context.
pub fn apply(ctx: &egui::Context, look: Look) {
    let scale = if look.large_text { 1.35 } else { 1.0 };
    let mut visuals = Visuals::light();
    // egui's default grey text is too faint for tired eyes.
    visuals.override_text_color = Some(Color32::from_gray(25));
    if look.high_contrast {
        visuals.override_text_color = Some(Color32::BLACK);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        let heavy = Stroke::new(2.0, Color32::BLACK);
        visuals.widgets.inactive.bg_stroke = heavy;
        visuals.widgets.inactive.fg_stroke = heavy;
        visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(235);
        visuals.widgets.hovered.bg_stroke = Stroke::new(3.0, Color32::BLACK);
        visuals.widgets.active.bg_stroke = Stroke::new(3.0, Color32::BLACK);
        visuals.selection.bg_fill = Color32::from_rgb(255, 214, 0);
        visuals.selection.stroke = Stroke::new(2.0, Color32::BLACK);
        visuals.hyperlink_color = Color32::from_rgb(0, 0, 160);
    }
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(30.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(19.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(20.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(15.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(17.0 * scale, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 10.0 * scale);
        style.spacing.button_padding = egui::vec2(16.0, 8.0 * scale);
        style.spacing.interact_size.y = 34.0 * scale;
        style.spacing.icon_width = 22.0 * scale;
        style.spacing.icon_width_inner = 12.0 * scale;
    });
}

/// Fill and text colour of the verdict banner. "Not affected" is blue, not
/// green: it means "not on the list", never "all clear".
pub fn verdict_colors(kind: VerdictKind, look: Look) -> (Color32, Color32) {
    if look.high_contrast {
        return match kind {
            VerdictKind::Affected => (Color32::from_rgb(160, 0, 0), Color32::WHITE),
            VerdictKind::Unknown => (Color32::from_rgb(255, 214, 0), Color32::BLACK),
            VerdictKind::NotAffected => (Color32::from_rgb(0, 0, 128), Color32::WHITE),
        };
    }
    match kind {
        VerdictKind::Affected => (Color32::from_rgb(178, 34, 34), Color32::WHITE),
        VerdictKind::Unknown => (Color32::from_rgb(255, 200, 60), Color32::BLACK),
        VerdictKind::NotAffected => (Color32::from_rgb(30, 80, 160), Color32::WHITE),
    }
}

/// Colour of an urgent step's marker.
pub fn urgent_color(look: Look) -> Color32 {
    if look.high_contrast {
        Color32::BLACK
    } else {
        Color32::from_rgb(178, 34, 34)
    }
}

/// Colour of an error message.
pub fn error_color(look: Look) -> Color32 {
    if look.high_contrast {
        Color32::from_rgb(140, 0, 0)
    } else {
        Color32::from_rgb(178, 34, 34)
    }
}

/// Installs DejaVu Sans, the font the PDF notice uses too, so screen and
/// paper look alike; egui's own fonts stay as fallbacks.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}
