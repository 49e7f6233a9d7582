//! `canhgiac`: check a message, number or link; evaluate detection on a labelled file; build, sign,
//! verify and describe catalogue bundles.
//!
//! Exit codes: 0 done · 2 usage error · 3 invalid input (not a number, not a link, nothing to
//! check, a file without the label and text columns) · 4 catalogue or bundle refused · 5 a file
//! or stream that cannot be read or written.

mod bundle_commands;
mod check;
mod cross_validation;
mod error;
mod eval;
mod jsonl;
mod labelled;
mod learn;
mod output;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "canhgiac",
    version,
    about = "Cảnh Giác: kiểm tra tin nhắn, số điện thoại, đường link lừa đảo (offline)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a message (TEXT), a caller number (--number) or a link (--link); --jsonl for a stream.
    Check(CheckArgs),
    /// Measure detection on a labelled CSV/TSV file (columns label,text[,sender][,category]).
    Eval(EvalArgs),
    /// Build, sign, verify and describe catalogue bundles.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
}

/// Language of readable output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

#[derive(Args)]
pub struct Source {
    /// Use this signed bundle instead of the embedded default catalogue.
    #[arg(long, global = true, value_name = "FILE")]
    bundle: Option<PathBuf>,
    /// Use the catalogue sources in this folder, compiled on the fly (for catalogue editors).
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "bundle")]
    sources: Option<PathBuf>,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The message text to check, or `-` to read the whole of standard input as the message.
    #[arg(conflicts_with_all = ["number", "link", "jsonl"])]
    pub text: Option<String>,
    /// Who sent the message: a phone number or a brandname.
    #[arg(long, requires = "text", conflicts_with_all = ["number", "link", "jsonl"])]
    pub sender: Option<String>,
    /// A caller's phone number.
    #[arg(long, conflicts_with_all = ["link", "jsonl"])]
    pub number: Option<String>,
    /// A link.
    #[arg(long, conflicts_with = "jsonl")]
    pub link: Option<String>,
    /// Read JSON lines {"id","sender","text","number","link"} from stdin, write one verdict per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Print one JSON object instead of readable text.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Language of readable output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: Lang,
    #[command(flatten)]
    pub source: Source,
}

#[derive(Args)]
pub struct EvalArgs {
    /// CSV or TSV file with a header: label,text and optionally sender, category.
    pub file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Show at most this many misclassified rows (all with 0).
    #[arg(long, default_value_t = 0)]
    pub max_rows: usize,
    /// Leave out the rows whose `id` is in this range (FIRST..LAST, e.g. COM_1400..COM_2050).
    #[arg(long, value_name = "FIRST..LAST")]
    pub exclude_ids: Option<labelled::IdRange>,
    /// Grouped K-fold cross-validation of the whole pipeline: the learned model is retrained on
    /// K−1 folds of the file (no template on both sides) and scores the fold left out.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(2..=20))]
    pub cv: Option<u16>,
    #[command(flatten)]
    pub recipe: RecipeArgs,
    #[command(flatten)]
    pub source: Source,
}

/// How the learned model is made (`catalogue train`, `eval --cv`).
#[derive(Args, Clone, Copy)]
pub struct RecipeArgs {
    /// N-grams are hashed into 2^BITS buckets (the model's size: one byte per bucket).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u8).range(10..=20))]
    pub hash_bits: u8,
    /// L2 penalty on the n-gram weights.
    #[arg(long, default_value_t = 0.05)]
    pub l2_ngrams: f64,
    /// L2 penalty pulling the catalogue's signals, rules and facts to their prior weights.
    #[arg(long, default_value_t = 1.0)]
    pub l2_named: f64,
}

#[derive(Subcommand)]
pub enum CatalogueCommand {
    /// Compile the TOML sources into an unsigned bundle (sign it with `catalogue sign`).
    Build {
        /// Folder of the sources.
        #[arg(long, default_value = "assets/catalogue")]
        sources: PathBuf,
        /// Where to write the bundle.
        #[arg(long)]
        out: PathBuf,
        /// Sign right away with this secret key file (or the development key with --dev).
        #[arg(long, conflicts_with = "dev")]
        key: Option<PathBuf>,
        /// Sign with the development key (tests and debug builds only).
        #[arg(long)]
        dev: bool,
    },
    /// Generate an Ed25519 key pair: FILE (secret, mode 0600) and FILE.pub.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Sign a bundle. The secret key comes from --key FILE or the CANHGIAC_SIGNING_KEY variable (hex).
    Sign {
        bundle: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        key: Option<PathBuf>,
        /// Sign with the development key.
        #[arg(long, conflicts_with = "key")]
        dev: bool,
    },
    /// Verify a bundle against the pinned keys (or --public-key), its validity and format.
    Verify {
        bundle: PathBuf,
        /// Trust this public key file instead of the pinned ones.
        #[arg(long)]
        public_key: Option<PathBuf>,
        /// Refuse bundles older than this version (rollback).
        #[arg(long)]
        installed_version: Option<u64>,
    },
    /// Train the learned model on labelled messages and write it into the sources (model/):
    /// thresholds are calibrated on grouped cross-validation to false-alarm rates.
    Train {
        /// Folder of the sources (the model is trained for their signals and written there).
        #[arg(long, default_value = "assets/catalogue")]
        sources: PathBuf,
        /// A labelled CSV/TSV file (label,text[,sender]), optionally with how much its rows
        /// count (FILE:WEIGHT, default 1); repeat for several.
        #[arg(long, required = true, value_name = "FILE[:WEIGHT]")]
        data: Vec<train::DataFile>,
        /// Folds of the cross-validation that sets the thresholds.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..=20))]
        folds: u16,
        #[command(flatten)]
        recipe: RecipeArgs,
    },
    /// Version, validity, counts and change log of a bundle (default: the embedded one).
    Stats {
        bundle: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, value_enum, default_value = "vi")]
        lang: Lang,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Catalogue(command) => bundle_commands::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("canhgiac: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
