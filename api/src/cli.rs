//! The `cecop-api` command line: `serve` (the default), `migrate`,
//! `seed --demo` and `openapi`.

use std::io::Write;

use clap::{Parser, Subcommand};

use crate::settings::Settings;
use crate::startup::{Application, prepare_database};
use crate::{db, routes, seed, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "cecop-api",
    version,
    about = "The CECOP platform's API server and tools."
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate, seed an empty database with demo data, and serve the API and SPA (default).
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Load a dataset into the database and exit.
    Seed {
        /// The demo dataset: CECOP's members from public sources, illustrative entries marked.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Import articles or data returns from a file in one transaction,
    /// reporting each refused line, and exit. Nothing is written when any
    /// line is refused.
    #[command(group(clap::ArgGroup::new("what").required(true).args(["articles", "returns"])))]
    Import {
        /// Articles as JSON Lines: one object per line with title, slug,
        /// summary, body (Markdown), kind, status, published_at, country,
        /// themes, lang (see docs/content.md).
        #[arg(long, value_name = "FILE.jsonl")]
        articles: Option<std::path::PathBuf>,
        /// Members' data returns as CSV with the columns year, member,
        /// indicator, coop_type, sector, value (see docs/data-collection.md).
        /// Each (year, member) return is created or replaced and approved.
        #[arg(long, value_name = "FILE.csv")]
        returns: Option<std::path::PathBuf>,
    },
    /// Print the OpenAPI document and exit.
    Openapi,
    /// Create an administrator account; the password is read from standard input.
    CreateAdmin {
        /// The administrator's e-mail address (their login).
        #[arg(long)]
        email: String,
        /// Name shown in the back office and the audit log.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// Read the password from the first line of standard input (required:
        /// passwords never go on the command line, where `ps` shows them).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// The media library's stored files.
    Media {
        #[command(subcommand)]
        action: MediaCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// List every stored object (key and bytes, one a line): what a backup
    /// of the media store copies.
    Files,
    /// Remove stored files no record names, once older than the grace
    /// period (an upload in progress has stored its file, not yet its
    /// record).
    Collect {
        /// Seconds a file no record names is left alone.
        #[arg(long, default_value_t = 3600)]
        older_than: u64,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = cli.settings;
    settings.load_secrets()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Media { action } => {
            telemetry::init(settings.log);
            let media = crate::media::Media::from_settings(&settings)?;
            let mut stdout = std::io::stdout();
            match action {
                MediaCommand::Files => {
                    for under in ["files", "sizes"] {
                        for stored in media.store.list(under).await? {
                            writeln!(stdout, "{}\t{}", stored.key, stored.size)?;
                        }
                    }
                }
                MediaCommand::Collect { older_than } => {
                    let pool = prepare_database(&Settings {
                        demo_data: Some(false),
                        ..settings
                    })?;
                    let db = db::Db::new(pool);
                    let grace = chrono::TimeDelta::seconds(i64::try_from(older_than)?);
                    let removed =
                        crate::media::collect(&media, &db, chrono::Utc::now(), grace).await?;
                    writeln!(stdout, "{removed} unnamed file(s) removed")?;
                }
            }
        }
        Command::Openapi => {
            let json = routes::openapi().to_pretty_json()?;
            writeln!(std::io::stdout(), "{json}")?;
        }
        Command::Migrate => {
            telemetry::init(settings.log);
            let url = settings.database_url();
            if settings.uses_data_dir() {
                std::fs::create_dir_all(&settings.data_dir)?;
            }
            db::migrate(&mut db::connect(&url)?)?;
            writeln!(std::io::stdout(), "migrations are up to date")?;
        }
        Command::Seed { demo: _ } => {
            telemetry::init(settings.log);
            let pool = prepare_database(&Settings {
                demo_data: Some(false),
                ..settings
            })?;
            let mut conn = pool.get()?;
            let report = seed::seed_demo(&mut conn)?;
            let items = seed::seed_content_if_empty(&mut conn)?.unwrap_or_default();
            let returns = seed::seed_returns_if_empty(&mut conn)?.unwrap_or_default();
            db::search::reindex_members(&mut conn)?;
            writeln!(
                std::io::stdout(),
                "demo data: {} members inserted, {} already present; {items} content items \
                 and {returns} data returns inserted",
                report.inserted,
                report.already_present
            )?;
        }
        Command::Import {
            returns: Some(returns),
            ..
        } => {
            telemetry::init(settings.log);
            let pool = prepare_database(&Settings {
                demo_data: Some(false),
                ..settings
            })?;
            let data = std::fs::read(&returns)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", returns.display()))?;
            let actor = crate::returns::Actor {
                id: "cli".into(),
                name: None,
            };
            let mut stdout = std::io::stdout();
            let report = crate::returns::bulk::import(
                &mut *pool.get()?,
                &data,
                &actor,
                false,
                |_, _| (cecop_shared::ReturnState::Approved, None),
                |message| {
                    let _ = writeln!(stdout, "{message}");
                    let _ = stdout.flush();
                },
            )?;
            let mut stdout = std::io::stdout();
            for (line, reason) in &report.refused {
                let _ = writeln!(stdout, "line {line}: refused: {reason}");
            }
            if !report.refused.is_empty() {
                anyhow::bail!(
                    "{} line(s) refused; nothing was imported",
                    report.refused.len()
                );
            }
            writeln!(
                stdout,
                "imported {} return(s) with {} value(s), all approved",
                report.returns, report.values
            )?;
        }
        Command::Import { articles, .. } => {
            let Some(articles) = articles else {
                anyhow::bail!("give --articles FILE.jsonl or --returns FILE.csv");
            };
            telemetry::init(settings.log);
            let pool = prepare_database(&Settings {
                demo_data: Some(false),
                ..settings
            })?;
            let open = || std::fs::File::open(&articles).map(std::io::BufReader::new);
            open().map_err(|e| anyhow::anyhow!("cannot read {}: {e}", articles.display()))?;
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let report = crate::content::import::import_articles(
                &mut *pool.get()?,
                open,
                chrono::Utc::now().naive_utc(),
                |outcome| {
                    // A closed pipe must not abort the import half-way.
                    let _ = writeln!(stdout, "{outcome}");
                },
            )?;
            if report.refused > 0 {
                anyhow::bail!("{} line(s) refused; nothing was imported", report.refused);
            }
            writeln!(stdout, "imported {} article(s)", report.imported)?;
        }
        Command::CreateAdmin {
            email,
            name,
            password_stdin: _,
        } => {
            telemetry::init(settings.log);
            let mut secret = String::new();
            std::io::stdin().read_line(&mut secret)?;
            let secret = secret.trim_end_matches(['\r', '\n']);
            let pool = prepare_database(&Settings {
                demo_data: Some(false),
                ..settings
            })?;
            let id = crate::auth::accounts::create_admin(&mut *pool.get()?, &email, &name, secret)?;
            writeln!(
                std::io::stdout(),
                "admin {} created (user id {id})",
                email.trim().to_lowercase()
            )?;
        }
        Command::Serve => {
            telemetry::init(settings.log);
            let pool = prepare_database(&settings)?;
            // A media store this process cannot read or write (wrong
            // credentials, no bucket) ends it now, not at the first upload.
            crate::media::MediaStore::from_settings(&settings)?
                .probe()
                .await?;
            let app = Application::build(&settings, pool)?;
            // The first line on stdout, which scripts and tests wait for.
            let mut stdout = std::io::stdout();
            writeln!(stdout, "listening on http://{}", app.addr())?;
            stdout.flush()?;
            tracing::info!(addr = %app.addr(), "listening");
            app.run_until_stopped().await?;
        }
    }
    Ok(())
}
