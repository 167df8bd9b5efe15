//! QR codes on paper: the modules of a code and its dark squares.

/// The modules of a QR code holding `text` (error correction level M,
/// which survives a crease or a smudge on paper): its width in modules and
/// whether each module is dark, row by row. `None` when the text is too
/// long for any QR code.
pub(crate) fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .into_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, dark))
}

/// The dark modules of a `width`-module QR code as rectangles, with its
/// top-left corner at `origin` and modules `module` points wide: each run
/// of dark modules in a row is one rectangle.
pub(crate) fn qr_squares(
    width: usize,
    dark: &[bool],
    origin: (f32, f32),
    module: f32,
) -> Vec<(f32, f32, f32, f32)> {
    let mut rects = Vec::new();
    for (row, modules) in dark.chunks(width.max(1)).enumerate() {
        let mut col = 0;
        while col < modules.len() {
            if !modules.get(col).copied().unwrap_or(false) {
                col += 1;
                continue;
            }
            let start = col;
            while modules.get(col).copied().unwrap_or(false) {
                col += 1;
            }
            #[expect(
                clippy::cast_precision_loss,
                reason = "a QR code is at most 177 modules"
            )]
            let rect = (
                origin.0 + start as f32 * module,
                origin.1 + row as f32 * module,
                (col - start) as f32 * module,
                module,
            );
            rects.push(rect);
        }
    }
    rects
}
