//! Printing a file on paper: CUPS's `lp` and `lpstat` on Linux and macOS,
//! the shell's print verb (through PowerShell) on Windows. No egui.
//!
//! The programs run with `LC_ALL=C`, so their answers are in English and
//! can be read; the parsers still accept the translated wordings CUPS ships
//! where that costs nothing. Every run has a deadline: a print server that
//! does not answer ends in [`PrintError::Timeout`], never in a hung counter.
//! Which programs run, and against which server, is a [`PrintSystem`]
//! value, so tests can point it at stand-ins; nothing here reads the
//! environment (the programs inherit it, `CUPS_SERVER` included).

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A printer (a CUPS destination) the system offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    /// Its name, as `lp -d` takes it (`office`, `office/duplex`).
    pub name: String,
    /// Whether it is the system's (or the user's) default printer.
    pub is_default: bool,
}

/// A job the print system accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// The job's id (`office-12`), when the system says it; Windows' print
    /// verb gives none.
    pub id: Option<String>,
}

/// Why a file could not be printed or the printers listed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The print programs are not installed.
    #[error("no print system was found on this computer")]
    NoPrintSystem,
    /// No printer was chosen and the system has no default one.
    #[error("no printer was chosen and there is no default printer")]
    NoPrinter,
    /// The print system answered with an error.
    #[error("the print system refused the job: {detail}")]
    Refused {
        /// What it said.
        detail: String,
    },
    /// The print system did not answer in time.
    #[error("the print system did not answer in time")]
    Timeout,
    /// A print program could not be run or read.
    #[error("the print system could not be run: {0}")]
    Io(#[from] std::io::Error),
    /// The job was called off before the print system took it.
    #[error("printing was cancelled")]
    Cancelled,
}

/// How long a print program may take before it is stopped.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// How often a running print program is checked on.
const POLL: Duration = Duration::from_millis(20);

/// Which print programs to run, against which server, and how long to
/// wait for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSystem {
    /// CUPS's `lp`.
    pub lp: PathBuf,
    /// CUPS's `lpstat`.
    pub lpstat: PathBuf,
    /// A CUPS server to use instead of the one the environment names
    /// (`CUPS_SERVER` for the programs); `None` leaves the environment be.
    pub cups_server: Option<String>,
    /// How long one program may run.
    pub timeout: Duration,
}

impl Default for PrintSystem {
    fn default() -> Self {
        Self::cups()
    }
}

/// The printers of the system's print service; an empty list on Windows,
/// where the shell picks the printer.
pub fn printers() -> Result<Vec<Printer>, PrintError> {
    PrintSystem::cups().printers()
}

/// Prints the PDF `pdf` on `printer` (the default one when `None`) as a
/// job named `title`, handing it to CUPS on standard input, so no file is
/// written to print it. Not on Windows, whose print verb needs a file:
/// there [`print_file`].
pub fn print_pdf(
    pdf: &[u8],
    printer: Option<&str>,
    title: &str,
    cancelled: &dyn Fn() -> bool,
) -> Result<PrintJob, PrintError> {
    PrintSystem::cups().print_pdf(pdf, printer, title, cancelled)
}

/// Prints `path` on `printer` (the default one when `None`) as a job named
/// `title`, with the system's print service.
pub fn print_file(path: &Path, printer: Option<&str>, title: &str) -> Result<PrintJob, PrintError> {
    PrintSystem::cups().print_file(path, printer, title)
}

impl PrintSystem {
    /// CUPS's programs as found on the `PATH`, with [`DEFAULT_TIMEOUT`].
    pub fn cups() -> Self {
        PrintSystem {
            lp: PathBuf::from("lp"),
            lpstat: PathBuf::from("lpstat"),
            cups_server: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The printers, the default one marked; empty on Windows.
    pub fn printers(&self) -> Result<Vec<Printer>, PrintError> {
        let found = self.list_printers();
        if let Err(e) = &found {
            log::warn!("the printers could not be listed: {e}");
        }
        found
    }

    fn list_printers(&self) -> Result<Vec<Printer>, PrintError> {
        if cfg!(windows) {
            return Ok(Vec::new());
        }
        let listed = self.run(&self.lpstat, &["-e"])?;
        let listed = if listed.status.success() {
            listed
        } else {
            // `lpstat -e` is CUPS 2.2 or later; `-a` is older than that.
            let accepting = self.run(&self.lpstat, &["-a"])?;
            if !accepting.status.success() {
                return Err(refused(&listed));
            }
            accepting
        };
        let names = parse_destinations(&listed.stdout);
        let default = self.run(&self.lpstat, &["-d"])?;
        let default = parse_default(&default.stdout, &names);
        Ok(names
            .into_iter()
            .map(|name| Printer {
                is_default: default.as_deref() == Some(name.as_str()),
                name,
            })
            .collect())
    }

    /// Whether the CUPS scheduler answers (`lpstat -r`).
    pub fn scheduler_running(&self) -> Result<bool, PrintError> {
        let out = self.run(&self.lpstat, &["-r"]).inspect_err(|e| {
            log::warn!("lpstat -r could not tell whether CUPS runs: {e}");
        })?;
        Ok(parse_scheduler_running(&out.stdout))
    }

    /// Prints `path` on `printer` (the default one when `None`) as a job
    /// named `title`: `lp [-d NAME] -t TITLE -- PATH`, or the shell's print
    /// verb on Windows.
    pub fn print_file(
        &self,
        path: &Path,
        printer: Option<&str>,
        title: &str,
    ) -> Result<PrintJob, PrintError> {
        let result = self.send_file(path, printer, title);
        log_result(&result, printer, Some(path));
        result
    }

    fn send_file(
        &self,
        path: &Path,
        printer: Option<&str>,
        title: &str,
    ) -> Result<PrintJob, PrintError> {
        if cfg!(windows) {
            let out = self.output(shell_print_command(path, printer))?;
            return if out.status.success() {
                Ok(PrintJob { id: None })
            } else {
                Err(refused(&out))
            };
        }
        let mut args: Vec<&OsStr> = Vec::new();
        if let Some(name) = printer {
            args.extend([OsStr::new("-d"), OsStr::new(name)]);
        }
        args.extend([
            OsStr::new("-t"),
            OsStr::new(title),
            OsStr::new("--"),
            path.as_os_str(),
        ]);
        let out = self.run(&self.lp, &args)?;
        lp_answer(&out, printer)
    }

    /// Prints the PDF `pdf` on `printer` (the default one when `None`) as a
    /// job named `title`: `lp [-d NAME] -t TITLE` with the PDF on standard
    /// input. `cancelled` is asked while `lp` runs; when it says yes, `lp`
    /// is stopped and nothing is printed. CUPS only: on Windows this is
    /// [`PrintError::NoPrintSystem`].
    pub fn print_pdf(
        &self,
        pdf: &[u8],
        printer: Option<&str>,
        title: &str,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<PrintJob, PrintError> {
        let result = self.send_pdf(pdf, printer, title, cancelled);
        log_result(&result, printer, None);
        result
    }

    fn send_pdf(
        &self,
        pdf: &[u8],
        printer: Option<&str>,
        title: &str,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<PrintJob, PrintError> {
        if cfg!(windows) {
            return Err(PrintError::NoPrintSystem);
        }
        let mut args: Vec<&OsStr> = Vec::new();
        if let Some(name) = printer {
            args.extend([OsStr::new("-d"), OsStr::new(name)]);
        }
        args.extend([OsStr::new("-t"), OsStr::new(title)]);
        let mut cmd = self.command(&self.lp, &args);
        let out = self.output_with(&mut cmd, Some(pdf.to_vec()), cancelled)?;
        lp_answer(&out, printer)
    }

    /// Runs `program` with `args` in the C locale against the chosen server.
    fn run<S: AsRef<OsStr>>(&self, program: &Path, args: &[S]) -> Result<Output, PrintError> {
        let mut cmd = self.command(program, args);
        self.output_with(&mut cmd, None, &|| false)
    }

    /// `program` with `args`, in the C locale, against the chosen server.
    fn command<S: AsRef<OsStr>>(&self, program: &Path, args: &[S]) -> Command {
        let mut cmd = Command::new(program);
        cmd.args(args).env("LC_ALL", "C");
        if let Some(server) = &self.cups_server {
            cmd.env("CUPS_SERVER", server);
        }
        cmd
    }

    /// Runs `cmd` to its end or to the deadline, whichever comes first; at
    /// the deadline the program is killed.
    fn output(&self, mut cmd: Command) -> Result<Output, PrintError> {
        self.output_with(&mut cmd, None, &|| false)
    }

    /// Runs `cmd` with `input` on its standard input (none when `None`) to
    /// its end, to the deadline or until `cancelled` says so; at the
    /// deadline or on cancelling, the program is killed.
    fn output_with(
        &self,
        cmd: &mut Command,
        input: Option<Vec<u8>>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Output, PrintError> {
        cmd.stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PrintError::NoPrintSystem,
            _ => PrintError::Io(e),
        })?;
        let deadline = Instant::now() + self.timeout;
        // Fed on a thread of its own, so a program that reads slowly (or
        // not at all) cannot stop us from keeping the deadline. If the
        // program is killed, the write fails and the thread ends.
        if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
            let fed = std::thread::Builder::new()
                .name("print-stdin".to_owned())
                .spawn(move || {
                    use std::io::Write;
                    let _ = stdin.write_all(&bytes);
                });
            if let Err(e) = fed {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PrintError::Io(e));
            }
        }
        // The pipes are read on their own threads, so a program that says
        // a lot cannot block on a full pipe while we wait for it.
        let stdout = drain("print-stdout", child.stdout.take());
        let stderr = drain("print-stderr", child.stderr.take());
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if cancelled() => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(PrintError::Cancelled);
                }
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(PrintError::Timeout);
                }
                Ok(None) => std::thread::sleep(POLL),
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(PrintError::Io(e));
                }
            }
        };
        // A program that left a child behind holding its output must not
        // keep us past the deadline either: its words are then lost.
        let collect = |rx: Option<mpsc::Receiver<String>>| {
            let left = deadline.saturating_duration_since(Instant::now());
            rx.and_then(|rx| rx.recv_timeout(left.max(POLL)).ok())
                .unwrap_or_default()
        };
        Ok(Output {
            status,
            stdout: collect(stdout),
            stderr: collect(stderr),
        })
    }
}

/// Logs how a print ended, with the printer's name and what the print
/// system said, never the file: its path is cut out of the answer.
fn log_result(result: &Result<PrintJob, PrintError>, printer: Option<&str>, path: Option<&Path>) {
    let on = printer.map_or_else(|| "the default printer".to_owned(), |p| format!("'{p}'"));
    match result {
        Ok(job) => log::info!(
            "printed on {on}: request {}",
            job.id.as_deref().unwrap_or("without an id")
        ),
        Err(PrintError::Cancelled) => log::info!("printing on {on} was cancelled"),
        Err(e) => {
            let mut said = e.to_string();
            if let Some(path) = path {
                let names = [
                    Some(path.to_string_lossy().into_owned()),
                    path.file_name().map(|n| n.to_string_lossy().into_owned()),
                ];
                for name in names.into_iter().flatten().filter(|n| !n.is_empty()) {
                    said = said.replace(&name, "<file>");
                }
            }
            log::warn!("printing on {on} failed: {said}");
        }
    }
}

/// What `lp`'s run means: the job it took, or why it took none.
fn lp_answer(out: &Output, printer: Option<&str>) -> Result<PrintJob, PrintError> {
    if out.status.success() {
        // Older CUPS said the request id on standard error.
        let said = format!("{}\n{}", out.stdout, out.stderr);
        return Ok(PrintJob {
            id: parse_request_id(&said),
        });
    }
    if printer.is_none() && says_no_default(&out.stderr) {
        return Err(PrintError::NoPrinter);
    }
    Err(refused(out))
}

/// What a finished program said.
struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Reads `pipe` to its end on a named thread; the text arrives on the
/// returned channel. `None` when there is no pipe or no thread.
fn drain<R: Read + Send + 'static>(name: &str, pipe: Option<R>) -> Option<mpsc::Receiver<String>> {
    let mut pipe = pipe?;
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            let _ = tx.send(String::from_utf8_lossy(&bytes).into_owned());
        })
        .ok()?;
    Some(rx)
}

/// The error for a program that failed: what it said, else its exit status.
fn refused(out: &Output) -> PrintError {
    let said = out.stderr.trim();
    let said = if said.is_empty() {
        out.stdout.trim()
    } else {
        said
    };
    let detail = if said.is_empty() {
        format!("it stopped with {}", out.status)
    } else {
        said.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    PrintError::Refused { detail }
}

/// The command that hands `path` to Windows' print verb: the application
/// registered for the file type prints it, on `printer` if one is named.
/// The path and the printer travel as environment variables of the child,
/// so no quoting of theirs can break the script.
fn shell_print_command(path: &Path, printer: Option<&str>) -> Command {
    let script = if printer.is_some() {
        "Start-Process -FilePath $env:MONITOR_CHECK_PRINT_FILE -Verb PrintTo \
         -ArgumentList ('\"' + $env:MONITOR_CHECK_PRINTER + '\"')"
    } else {
        "Start-Process -FilePath $env:MONITOR_CHECK_PRINT_FILE -Verb Print"
    };
    let mut cmd = Command::new("powershell");
    cmd.args(["-NoProfile", "-NonInteractive", "-Command", script])
        .env("MONITOR_CHECK_PRINT_FILE", path);
    if let Some(name) = printer {
        cmd.env("MONITOR_CHECK_PRINTER", name);
    }
    cmd
}

/// The destinations in `lpstat -e` output (one name a line), or in
/// `lpstat -a` output (the name first on each line). A line that starts
/// with white space continues the one above (`lpstat -a` gives a queue's
/// reason for rejecting jobs there, indented) and names no destination.
fn parse_destinations(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let first_words = text
        .lines()
        .filter(|l| !l.starts_with(char::is_whitespace))
        .filter_map(|l| l.split_whitespace().next());
    for name in first_words {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The default destination in `lpstat -d` output ("system default
/// destination: office", or translated), if it is one of `names`. "no
/// system default destination" has no colon and gives `None`, in any
/// language.
fn parse_default(text: &str, names: &[String]) -> Option<String> {
    text.lines()
        .filter_map(|l| l.rsplit_once(':'))
        .map(|(_, name)| name.trim())
        .find(|name| names.iter().any(|n| n == name))
        .map(str::to_owned)
}

/// The job id in `lp`'s answer: the first word shaped `<destination>-<n>`
/// ("request id is office-12 (1 file(s))"). Only the words around it are
/// translated, so the shape finds it in any language.
fn parse_request_id(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|word| {
            word.rsplit_once('-').is_some_and(|(dest, n)| {
                !dest.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
            })
        })
        .map(str::to_owned)
}

/// Whether `lpstat -r` (in the C locale) says the scheduler runs.
fn parse_scheduler_running(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("scheduler is running")
}

/// Whether `lp`'s error says there is no default printer.
fn says_no_default(text: &str) -> bool {
    text.to_ascii_lowercase().contains("no default destination")
}

#[cfg(test)]
mod tests;
