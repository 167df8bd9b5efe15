//! What the command-line front ends share (`cli`, and the maintainers'
//! tools in `maintain`): standard output that a closed pipe ends quietly.

/// Writes the CLI's output to stdout. A closed pipe (`… | head`) ends the
/// output quietly instead of panicking like `println!` would.
pub(crate) fn out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
