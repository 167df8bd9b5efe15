//! Compresses the bundled fonts (zlib) into `OUT_DIR` for embedding:
//! `src/notice/font.rs` inflates them once, the first time text is laid
//! out. DejaVu's two faces are 1.4 MB as they are and half that packed.

use std::path::Path;

const FONTS: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

fn main() -> std::io::Result<()> {
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| std::io::Error::other("no OUT_DIR"))?;
    for name in FONTS {
        let source = Path::new("assets/fonts").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let font = std::fs::read(&source)?;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&font, 10);
        std::fs::write(Path::new(&out).join(format!("{name}.zlib")), packed)?;
    }
    Ok(())
}
