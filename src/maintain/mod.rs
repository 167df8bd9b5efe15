//! The maintainers' tools: code for the people who keep the list of
//! affected models and the app itself, not for carers. It is compiled only
//! with the cargo feature `maintain`, which the release build leaves out,
//! so the carer's binary carries neither these commands nor their
//! dependencies (`cvss`, `sha2`).
//!
//! - [`csaf`]: CSAF 2.0 advisory → summary and draft list entry.
//! - `import`: the `import-csaf` command, which prints that summary and draft.
//! - `bench`: the `bench` command, which times typed lookups, the photo
//!   reader on a folder, or writing the PDF notice.
//!
//! A maintainer runs them from a checkout:
//!
//! ```sh
//! cargo run --release --features maintain -- import-csaf advisory.json
//! cargo run --release --features maintain -- bench                  # typed lookups
//! cargo run --release --features maintain -- bench ../shared/corpus/dev
//! cargo run --release --features maintain -- bench --pdf-with a.jpg --pdf-with b.jpg
//! ```
//!
//! `cli` routes the commands here and passes the list in use in; the
//! commands read photos and write notices with the code the CLI runs
//! (`crate::photos`, `crate::notice`), so a timing measures what carers
//! run. Nothing here imports `cli`.

pub(crate) mod bench;
pub(crate) mod bench_register;
pub mod csaf;
pub(crate) mod import;
