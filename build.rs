//! Two jobs before the crate is compiled:
//! - compresses the bundled fonts (zlib) into `OUT_DIR` for embedding:
//!   `src/notice/font.rs` inflates them once, the first time text is laid
//!   out. DejaVu's two faces are 1.4 MB as they are and half that packed;
//! - packs the third-party licences the same way, for *About ▸ Licences*
//!   (`src/ui/about.rs`): 0.5 MB of text, a fifth of it packed;
//! - for Windows, compiles the icon and the version information into each
//!   program (`packaging/windows/monitor-check.rc.in`).

use std::path::Path;

const FONTS: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];
const LICENCES: &str = "packaging/licenses/THIRD-PARTY-LICENSES.txt";

/// The resource script and the icon it names, under `packaging/windows/`.
const RESOURCE_TEMPLATE: &str = "packaging/windows/monitor-check.rc.in";
const ICON: &str = "packaging/windows/monitor-check.ico";

/// The programs and the file names they are shipped under on Windows.
const WINDOWS_PROGRAMS: [(&str, &str); 2] = [
    ("monitor-check", "monitor-check.exe"),
    ("monitor-check-window", "Monitor Check.exe"),
];

fn main() -> std::io::Result<()> {
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| std::io::Error::other("no OUT_DIR"))?;
    let out = Path::new(&out);
    for name in FONTS {
        let source = Path::new("assets/fonts").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let font = std::fs::read(&source)?;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&font, 10);
        std::fs::write(out.join(format!("{name}.zlib")), packed)?;
    }
    println!("cargo::rerun-if-changed={LICENCES}");
    let licences = std::fs::read(LICENCES)?;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&licences, 10);
    std::fs::write(out.join("THIRD-PARTY-LICENSES.txt.zlib"), packed)?;
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources(out)?;
    }
    Ok(())
}

/// Writes one resource script per program and has each linked into its
/// program only.
fn windows_resources(out: &Path) -> std::io::Result<()> {
    println!("cargo::rerun-if-changed={RESOURCE_TEMPLATE}");
    println!("cargo::rerun-if-changed={ICON}");
    let template = std::fs::read_to_string(RESOURCE_TEMPLATE)?;
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").map_err(std::io::Error::other)?;
    // Resource compilers read backslashes as escapes; forward ones work.
    let icon = Path::new(&manifest_dir)
        .join(ICON)
        .to_string_lossy()
        .replace('\\', "/");
    let var = |name: &str| std::env::var(name).map_err(std::io::Error::other);
    for (bin, file_name) in WINDOWS_PROGRAMS {
        let script = template
            .replace("@ICON@", &icon)
            .replace("@MAJOR@", &var("CARGO_PKG_VERSION_MAJOR")?)
            .replace("@MINOR@", &var("CARGO_PKG_VERSION_MINOR")?)
            .replace("@PATCH@", &var("CARGO_PKG_VERSION_PATCH")?)
            .replace("@VERSION@", &var("CARGO_PKG_VERSION")?)
            .replace("@FILENAME@", file_name);
        let path = out.join(format!("{bin}.rc"));
        std::fs::write(&path, script)?;
        embed_resource::compile_for(&path, [bin], embed_resource::NONE)
            .manifest_required()
            .map_err(std::io::Error::other)?;
    }
    Ok(())
}
