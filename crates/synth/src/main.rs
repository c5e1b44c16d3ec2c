//! `xunyue-synth`: writes a synthetic newspaper archive.

use clap::{ArgGroup, Parser, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use xunyue_synth::{write, Archive, Format, Target, DEFAULT_SEED};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Fmt {
    /// One page a file (`<source>-<YYYYMMDD>-<page>.txt`), `corpus.toml`, `truth.jsonl`.
    Txt,
    /// `articles.jsonl`, one article a line.
    Jsonl,
}

/// Writes a deterministic synthetic archive of Chinese newspaper pages.
#[derive(Debug, Parser)]
#[command(name = "xunyue-synth", version, group(ArgGroup::new("size").required(true).args(["articles", "mb"])))]
struct Cli {
    /// Exactly this many articles.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    articles: Option<u64>,
    /// Articles until their text reaches M megabytes (10^6 bytes of UTF-8).
    #[arg(long, value_name = "M")]
    mb: Option<f64>,
    /// Output directory (made if missing; files of an earlier run are replaced).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = Fmt::Txt)]
    format: Fmt,
    /// Seed: the same seed gives the same bytes.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Years the issues are spread over, `FIRST-LAST`.
    #[arg(long, default_value = "2019-2024", value_parser = parse_years)]
    years: (i32, i32),
    /// No progress on stderr (the summary is still printed).
    #[arg(long, short)]
    quiet: bool,
}

fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let (a, b) = s.split_once('-').ok_or("expected FIRST-LAST, e.g. 2019-2024")?;
    let a: i32 = a.trim().parse().map_err(|_| format!("bad year {a:?}"))?;
    let b: i32 = b.trim().parse().map_err(|_| format!("bad year {b:?}"))?;
    if !(1900..=2100).contains(&a) || !(a..=2100).contains(&b) {
        return Err("years must be within 1900–2100, first ≤ last".into());
    }
    Ok((a, b))
}

/// Prints progress at most every 5% of the target.
struct Progress {
    quiet: bool,
    total: u64,
    step: u64,
    next: u64,
    what: &'static str,
}

impl Progress {
    fn new(quiet: bool, total: u64, what: &'static str) -> Progress {
        let step = (total / 20).max(1);
        Progress { quiet, total, step, next: step, what }
    }

    fn tell(&mut self, done: u64, line: impl FnOnce() -> String) {
        if self.quiet || done < self.next {
            return;
        }
        while self.next <= done {
            self.next += self.step;
        }
        eprintln!("{}: {:3}% {}", self.what, (done * 100 / self.total.max(1)).min(100), line());
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let target = match (cli.articles, cli.mb) {
        (Some(n), _) => Target::Articles(n),
        (None, Some(m)) if m.is_finite() && m > 0.0 => Target::Bytes((m * 1e6).ceil() as u64),
        _ => {
            eprintln!("xunyue-synth: --mb must be a positive number");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let archive = Archive::new(cli.seed, cli.years);
    if !cli.quiet {
        eprintln!(
            "xunyue-synth: seed {}, {}–{}, {} sources, {} possible issues; words from {} ({:.1?})",
            cli.seed,
            cli.years.0,
            cli.years.1,
            archive.sources.len(),
            archive.candidates.len(),
            xunyue_synth::dict::DICT_FROM,
            start.elapsed()
        );
    }
    let (total, bytes_target) = match target {
        Target::Articles(n) => (n, false),
        Target::Bytes(b) => (b, true),
    };
    let mut progress = Progress::new(cli.quiet, total, "planning");
    let plan = match archive.plan(target, |a, b| {
        progress.tell(if bytes_target { b } else { a }, || format!("{a} articles, {:.1} MB", b as f64 / 1e6))
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xunyue-synth: {e}");
            return ExitCode::FAILURE;
        }
    };
    let format = match cli.format {
        Fmt::Txt => Format::Txt,
        Fmt::Jsonl => Format::Jsonl,
    };
    let mut progress = Progress::new(cli.quiet, plan.articles, "writing");
    let summary = match write(&archive, &plan, format, &cli.out, |a| progress.tell(a, || format!("{a} articles"))) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("xunyue-synth: {}: {e}", cli.out.display());
            return ExitCode::FAILURE;
        }
    };
    let st = &summary.stats;
    let top: String = st.top(10).iter().map(|t| t.0).collect();
    let years: Vec<String> = summary.years.iter().map(|y| y.to_string()).collect();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "xunyue-synth: {} articles, {} pages, {} issues of {} ({}); {} bytes of text ({:.1} MB), {} files, {} bytes written",
        summary.articles,
        summary.pages,
        summary.issues,
        summary.sources.iter().cloned().collect::<Vec<_>>().join("、"),
        years.join(" "),
        summary.text_bytes,
        summary.text_bytes as f64 / 1e6,
        summary.files,
        summary.file_bytes,
    );
    let _ = writeln!(
        err,
        "xunyue-synth: {} chars, {} distinct chars, {} distinct char pairs, top-10 chars {} = {:.1}% of chars; {:.1?}",
        st.chars,
        st.distinct_chars(),
        st.distinct_pairs(),
        top,
        st.top_share(10) * 100.0,
        start.elapsed()
    );
    ExitCode::SUCCESS
}
