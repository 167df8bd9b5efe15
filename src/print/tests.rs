//! The CUPS answers as this machine's CUPS 2.4 gave them (`LC_ALL=C`), the
//! same sentences as CUPS's own Italian and German catalogues translate
//! them, and stand-in `lp` programs for errors and a server that hangs.

use super::*;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn destinations_from_lpstat_e_and_a() {
    assert_eq!(
        parse_destinations("monitor-check-pdf\n"),
        ["monitor-check-pdf"]
    );
    assert_eq!(
        parse_destinations("office\noffice/duplex\n\nlabel_printer\n"),
        ["office", "office/duplex", "label_printer"]
    );
    // `lpstat -a` from the CUPS of `.ci/run`, with a paused queue
    // (`cupsdisable -r "Out of paper"`: it still accepts jobs) and one
    // that rejects them (`cupsreject -r "Being repaired"`), whose reason
    // comes on an indented line of its own: not a printer.
    assert_eq!(
        parse_destinations(
            "mc-paused accepting requests since Mon Dec  7 22:07:50 2026\n\
             mc-rejecting not accepting requests since Mon Dec  7 22:07:51 2026 -\n\
             \tBeing repaired\n\
             monitor-check-pdf accepting requests since Mon Dec  7 21:56:48 2026\n"
        ),
        ["mc-paused", "mc-rejecting", "monitor-check-pdf"]
    );
    // No printers, or no scheduler: `lpstat -e` says nothing.
    assert!(parse_destinations("").is_empty());
}

#[test]
fn default_destination_in_any_language() {
    let known = names(&["monitor-check-pdf", "office", "office/duplex"]);
    for (said, default) in [
        (
            "system default destination: monitor-check-pdf\n",
            Some("monitor-check-pdf"),
        ),
        (
            "system default destination: office/duplex\n",
            Some("office/duplex"),
        ),
        ("no system default destination\n", None),
        // CUPS's Italian and German catalogues.
        (
            "destinazione predefinita del sistema: office\n",
            Some("office"),
        ),
        ("nessuna destinazione predefinita di sistema\n", None),
        ("systemvoreingestelltes Ziel: office\n", Some("office")),
        ("keine systemvoreingestellten Ziele\n", None),
        // A default that is not among the printers is no default.
        ("system default destination: gone\n", None),
        ("", None),
    ] {
        assert_eq!(parse_default(said, &known).as_deref(), default, "{said:?}");
    }
}

#[test]
fn request_id_in_any_language() {
    for (said, id) in [
        (
            "request id is monitor-check-pdf-1 (1 file(s))\n",
            Some("monitor-check-pdf-1"),
        ),
        (
            "request id is office-2-17 (1 file(s))\n",
            Some("office-2-17"),
        ),
        (
            "request id è monitor-check-pdf-3 (1 file(s))\n",
            Some("monitor-check-pdf-3"),
        ),
        (
            "Anfrage-ID ist office-12 (1 Datei(en))\n",
            Some("office-12"),
        ),
        ("", None),
        ("lp: Error - No default destination.\n", None),
    ] {
        assert_eq!(parse_request_id(said).as_deref(), id, "{said:?}");
    }
}

#[test]
fn scheduler_and_no_default_answers() {
    assert!(parse_scheduler_running("scheduler is running\n"));
    assert!(!parse_scheduler_running("scheduler is not running\n"));
    assert!(!parse_scheduler_running(""));
    assert!(says_no_default("lp: Error - No default destination.\n"));
    assert!(!says_no_default(
        "lp: Error - The printer or class does not exist.\n"
    ));
}

#[test]
fn windows_print_verb_keeps_path_and_printer_out_of_the_script() {
    let path = Path::new(r"C:\Users\me\Temp\sheet 'x'.pdf");
    let cmd = shell_print_command(path, Some("Office \"A\""));
    assert_eq!(cmd.get_program(), "powershell");
    let args: Vec<_> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    assert!(args.iter().any(|a| a.contains("-Verb PrintTo")), "{args:?}");
    assert!(!args.iter().any(|a| a.contains("sheet")), "{args:?}");
    let env: Vec<_> = cmd.get_envs().collect();
    assert!(env.contains(&(
        OsStr::new("MONITOR_CHECK_PRINT_FILE"),
        Some(path.as_os_str())
    )));
    assert!(env.contains(&(
        OsStr::new("MONITOR_CHECK_PRINTER"),
        Some(OsStr::new("Office \"A\""))
    )));
    let cmd = shell_print_command(path, None);
    let args: Vec<_> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    assert!(args.iter().any(|a| a.ends_with("-Verb Print")), "{args:?}");
}

#[test]
fn missing_programs_mean_no_print_system() {
    let dir = tempfile::tempdir().unwrap();
    let sys = PrintSystem {
        lp: dir.path().join("no-lp"),
        lpstat: dir.path().join("no-lpstat"),
        ..PrintSystem::cups()
    };
    if cfg!(windows) {
        return;
    }
    assert!(matches!(sys.printers(), Err(PrintError::NoPrintSystem)));
    assert!(matches!(
        sys.print_file(Path::new("x.pdf"), None, "x"),
        Err(PrintError::NoPrintSystem)
    ));
}

#[cfg(unix)]
mod stand_ins {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    /// A shell script at `dir/name` that runs `body`.
    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn system(lp: PathBuf, lpstat: PathBuf) -> PrintSystem {
        PrintSystem {
            lp,
            lpstat,
            cups_server: Some("print.example:631".into()),
            timeout: Duration::from_secs(10),
        }
    }

    #[test]
    fn lp_gets_printer_title_and_path_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let args = dir.path().join("args");
        let lp = script(
            dir.path(),
            "lp",
            &format!(
                "printf '%s\\n' \"$@\" \"LC_ALL=$LC_ALL\" \"CUPS_SERVER=$CUPS_SERVER\" > '{}'\n\
                 echo 'request id is office-12 (1 file(s))'",
                args.display()
            ),
        );
        let sys = system(lp, dir.path().join("unused"));
        let file = dir.path().join("-sheet of G. D.pdf");
        let job = sys
            .print_file(&file, Some("office"), "Foglio: CMS8000")
            .unwrap();
        assert_eq!(job.id.as_deref(), Some("office-12"));
        let got = std::fs::read_to_string(&args).unwrap();
        let want = format!(
            "-d\noffice\n-t\nFoglio: CMS8000\n--\n{}\nLC_ALL=C\nCUPS_SERVER=print.example:631\n",
            file.display()
        );
        assert_eq!(got, want);
    }

    #[test]
    fn lp_errors_become_plain_errors() {
        let dir = tempfile::tempdir().unwrap();
        let no_default = script(
            dir.path(),
            "lp-no-default",
            "echo 'lp: Error - No default destination.' >&2; exit 1",
        );
        let sys = system(no_default, dir.path().join("unused"));
        let file = dir.path().join("s.pdf");
        assert!(matches!(
            sys.print_file(&file, None, "t"),
            Err(PrintError::NoPrinter)
        ));
        let missing = script(
            dir.path(),
            "lp-missing",
            "echo 'lp: Error - The printer or class does not exist.' >&2; exit 1",
        );
        let sys = system(missing, dir.path().join("unused"));
        match sys.print_file(&file, Some("gone"), "t") {
            Err(PrintError::Refused { detail }) => {
                assert_eq!(detail, "lp: Error - The printer or class does not exist.");
            }
            other => panic!("{other:?}"),
        }
        let silent = script(dir.path(), "lp-silent", "exit 3");
        let sys = system(silent, dir.path().join("unused"));
        match sys.print_file(&file, Some("office"), "t") {
            Err(PrintError::Refused { detail }) => assert!(detail.contains('3'), "{detail}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_pdf_goes_to_lp_on_standard_input_with_no_file_named() {
        let dir = tempfile::tempdir().unwrap();
        let args = dir.path().join("args");
        let received = dir.path().join("received");
        let lp = script(
            dir.path(),
            "lp",
            &format!(
                "printf '%s\\n' \"$@\" > '{}'\ncat > '{}'\n\
                 echo 'request id is office-13 (0 file(s))'",
                args.display(),
                received.display()
            ),
        );
        let sys = system(lp, dir.path().join("unused"));
        // Larger than a pipe's buffer, so `lp` must really read it all.
        let pdf: Vec<u8> = b"%PDF-1.7\n"
            .iter()
            .copied()
            .chain((0..300_000u32).map(|i| (i % 251) as u8))
            .collect();
        let job = sys
            .print_pdf(&pdf, Some("office"), "Foglio: CMS8000", &|| false)
            .unwrap();
        assert_eq!(job.id.as_deref(), Some("office-13"));
        assert_eq!(
            std::fs::read_to_string(&args).unwrap(),
            "-d\noffice\n-t\nFoglio: CMS8000\n"
        );
        assert_eq!(std::fs::read(&received).unwrap(), pdf);
    }

    #[test]
    fn a_cancelled_print_stops_lp_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let received = dir.path().join("received");
        // A printer that takes its time before it reads the PDF.
        let lp = script(
            dir.path(),
            "lp-slow",
            &format!("sleep 2\ncat > '{}'", received.display()),
        );
        let sys = system(lp, dir.path().join("unused"));
        let started = Instant::now();
        let cancel_at = started + Duration::from_millis(300);
        let got = sys.print_pdf(b"%PDF-1.7", None, "t", &|| Instant::now() >= cancel_at);
        assert!(matches!(got, Err(PrintError::Cancelled)), "{got:?}");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_secs(3));
        assert!(!received.exists(), "the killed printer never got the PDF");
    }

    #[test]
    fn a_server_that_hangs_times_out() {
        let dir = tempfile::tempdir().unwrap();
        // The sleep is a child of the script, holding its output open after
        // the script itself is killed.
        let lp = script(dir.path(), "lp-slow", "sleep 30");
        let sys = PrintSystem {
            timeout: Duration::from_millis(300),
            ..system(lp, dir.path().join("unused"))
        };
        let started = Instant::now();
        let got = sys.print_file(&dir.path().join("s.pdf"), None, "t");
        assert!(matches!(got, Err(PrintError::Timeout)), "{got:?}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn printers_with_the_default_marked() {
        let dir = tempfile::tempdir().unwrap();
        let lpstat = script(
            dir.path(),
            "lpstat",
            "case \"$1\" in\n\
             -e) printf 'monitor-check-pdf\\noffice\\n' ;;\n\
             -d) echo 'system default destination: office' ;;\n\
             -r) echo 'scheduler is running' ;;\n\
             *) exit 1 ;;\n\
             esac",
        );
        let sys = system(dir.path().join("unused"), lpstat);
        assert_eq!(
            sys.printers().unwrap(),
            [
                Printer {
                    name: "monitor-check-pdf".into(),
                    is_default: false
                },
                Printer {
                    name: "office".into(),
                    is_default: true
                },
            ]
        );
        assert!(sys.scheduler_running().unwrap());
        // An older lpstat without `-e` is asked with `-a`.
        let old = script(
            dir.path(),
            "lpstat-old",
            "case \"$1\" in\n\
             -a) echo 'office accepting requests since Mon Nov 30 09:00:00 2026' ;;\n\
             -d) echo 'no system default destination' ;;\n\
             *) echo \"lpstat: Unknown option \\\"${1#-}\\\".\" >&2; exit 1 ;;\n\
             esac",
        );
        let sys = system(dir.path().join("unused"), old);
        assert_eq!(
            sys.printers().unwrap(),
            [Printer {
                name: "office".into(),
                is_default: false
            }]
        );
    }
}
