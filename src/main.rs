//! Starts the GUI, or the CLI when arguments are given.

fn main() -> std::process::ExitCode {
    monitor_check::cli::main()
}
