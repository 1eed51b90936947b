//! Typed settings: defaults, overridden by `CECOP_`-prefixed environment
//! variables (and the same as command-line flags). See `.env.example`.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where the server runs; production refuses unsafe defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Environment {
    Development,
    Production,
}

/// Everything the server needs to start. Built once in `main` and passed
/// down; there is no global configuration.
#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port (printed on stdout).
    #[arg(long, env = "CECOP_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Folder for the default SQLite database and other local state.
    #[arg(long, env = "CECOP_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// `postgres://…` for PostgreSQL; a file path or `sqlite://…` for SQLite.
    /// Default: `cecop.sqlite3` in the data folder. A secret (it may hold a
    /// password): only from `CECOP_DATABASE_URL` or the file named by
    /// `CECOP_DATABASE_URL_FILE`, never a command-line flag, which `ps`
    /// shows to every user of the machine ([`Settings::load_secrets`]).
    #[arg(skip)]
    pub database_url: Option<String>,

    /// Folder with the built single-page app, served at `/`.
    #[arg(long, env = "CECOP_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Log format.
    #[arg(long, env = "CECOP_LOG", value_enum, default_value = "text")]
    pub log: LogFormat,

    /// Load the demo dataset on first start when the database is empty. By
    /// default only in development: illustrative figures must never reach a
    /// production database unless asked for.
    #[arg(long, env = "CECOP_DEMO_DATA", action = clap::ArgAction::Set)]
    pub demo_data: Option<bool>,

    /// Database connections in the pool.
    #[arg(long, env = "CECOP_DB_POOL_SIZE", default_value_t = 8)]
    pub db_pool_size: u32,

    /// `development` or `production` (which requires `CECOP_JWT_SECRET` and
    /// `CECOP_PUBLIC_URL`, and loads no demo data unless asked).
    #[arg(long, env = "CECOP_ENV", value_enum, default_value = "development")]
    pub env: Environment,

    /// Secret for signing access tokens, at least 32 bytes. In development a
    /// random one is generated once and kept in the data folder. Only from
    /// `CECOP_JWT_SECRET` or the file `CECOP_JWT_SECRET_FILE` names.
    #[arg(skip)]
    pub jwt_secret: Option<String>,

    /// Seconds an access token lives (5 to 86400); clients refresh before then.
    #[arg(long, env = "CECOP_ACCESS_TOKEN_TTL", default_value_t = crate::auth::session_tokens::ACCESS_TTL_SECS,
        value_parser = clap::value_parser!(u64).range(5..=86_400))]
    pub access_token_ttl: u64,

    /// Reverse proxies (IPs or CIDR ranges, comma-separated) whose
    /// `X-Forwarded-For` is believed. From anyone else the header is ignored:
    /// clients could otherwise pick their own address and dodge rate limits.
    #[arg(long, env = "CECOP_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// HTTP worker threads (0: one per CPU core).
    #[arg(long, env = "CECOP_WORKERS", default_value_t = 0)]
    pub workers: usize,

    /// Megabytes of anonymous item answers (articles, events, stories) kept
    /// in memory, gzipped: the default holds about 20,000 news-length items.
    #[arg(long, env = "CECOP_ITEM_CACHE_MB", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(0..=4096))]
    pub item_cache_mb: u32,

    /// The site's public origin (e.g. `https://cecop.coop`), for absolute
    /// links in feeds. Without it, links use the request's own host.
    #[arg(long, env = "CECOP_PUBLIC_URL", value_parser = parse_origin)]
    pub public_url: Option<String>,

    /// Where e-mail goes: `smtp://host:port` (plain, for a relay on the same
    /// machine or network), `smtp://host:587?tls=required` (STARTTLS) or
    /// `smtps://host:465`, with `user:password@` before the host when the
    /// server wants them. A secret: only from `CECOP_SMTP_URL` or the file
    /// `CECOP_SMTP_URL_FILE` names. Without it, messages are written as
    /// `.eml` files to `CECOP_MAIL_DIR`, so development needs no mail server.
    #[arg(skip)]
    pub smtp_url: Option<String>,

    /// The sender of the e-mail the platform sends, e.g.
    /// `CECOP <no-reply@cecop.coop>`. Default: `no-reply@` the public URL's
    /// host (or `localhost`).
    #[arg(long, env = "CECOP_MAIL_FROM")]
    pub mail_from: Option<String>,

    /// Folder for outgoing messages when no SMTP server is set. Default:
    /// `mail` in the data folder.
    #[arg(long, env = "CECOP_MAIL_DIR")]
    pub mail_dir: Option<PathBuf>,

    /// Requests a minute from one client address without credentials (or
    /// with invalid ones) to the API; 0 turns the limit off. Signed-in
    /// people are not limited.
    #[arg(long, env = "CECOP_RATE_LIMIT_ANONYMOUS", default_value_t = 1200)]
    pub rate_limit_anonymous: u64,

    /// Requests a minute with one API token; 0 turns the limit off.
    #[arg(long, env = "CECOP_RATE_LIMIT_TOKEN", default_value_t = 6000)]
    pub rate_limit_token: u64,

    /// Admins must use two-factor sign-in: until they turn it on, every
    /// admin-only operation (and every staff one) answers 403 for them.
    #[arg(long = "require-2fa-for-admins", env = "CECOP_REQUIRE_2FA_FOR_ADMINS",
          default_value_t = false, action = clap::ArgAction::Set)]
    pub require_2fa_for_admins: bool,

    /// Folder of the media library's files on this machine. Default: `media`
    /// in the data folder. Not used when `CECOP_MEDIA_URL` names object
    /// storage.
    #[arg(long, env = "CECOP_MEDIA_DIR")]
    pub media_dir: Option<PathBuf>,

    /// S3-compatible object storage for the media library, shared by every
    /// instance: `s3://bucket` or `s3://bucket/prefix`. With it, also
    /// `CECOP_MEDIA_S3_ENDPOINT`, `CECOP_MEDIA_S3_REGION` and the
    /// credentials `CECOP_MEDIA_S3_ACCESS_KEY_ID` and
    /// `CECOP_MEDIA_S3_SECRET_ACCESS_KEY` (secrets: from the variable or
    /// the file `<NAME>_FILE` names). Requests are path-style.
    #[arg(long, env = "CECOP_MEDIA_URL")]
    pub media_url: Option<String>,

    /// The object storage's address, e.g. `https://s3.eu-west-1.amazonaws.com`
    /// or `http://127.0.0.1:3900` (plain HTTP only for a server on this
    /// network).
    #[arg(long, env = "CECOP_MEDIA_S3_ENDPOINT")]
    pub media_s3_endpoint: Option<String>,

    /// The object storage's region (`garage` for Garage).
    #[arg(long, env = "CECOP_MEDIA_S3_REGION", default_value = "us-east-1")]
    pub media_s3_region: String,

    #[arg(skip)]
    pub media_s3_access_key_id: Option<String>,

    #[arg(skip)]
    pub media_s3_secret_access_key: Option<String>,

    /// The largest image the library takes, in megabytes (JPEG, PNG, WebP).
    #[arg(long, env = "CECOP_MEDIA_IMAGE_MAX_MB", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub media_image_max_mb: u64,

    /// The largest PDF the library takes, in megabytes.
    #[arg(long, env = "CECOP_MEDIA_PDF_MAX_MB", default_value_t = 50,
          value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub media_pdf_max_mb: u64,

    /// The most pixels an uploaded image may have, in millions: a larger
    /// one (or a "decompression bomb" claiming to be) is refused before it
    /// is decoded.
    #[arg(long, env = "CECOP_MEDIA_MAX_MEGAPIXELS", default_value_t = 40,
          value_parser = clap::value_parser!(u64).range(1..=500))]
    pub media_max_megapixels: u64,

    /// Images decoded and resized at once (each holds its pixels in
    /// memory); more uploads wait their turn. Default: 2.
    #[arg(long, env = "CECOP_MEDIA_WORKERS", default_value_t = 2,
          value_parser = clap::value_parser!(u64).range(1..=64))]
    pub media_workers: u64,

    /// Testing aid: seconds to shift the clock that decides when scheduled
    /// content becomes public. Refused with `CECOP_ENV=production`.
    #[arg(
        long,
        env = "CECOP_CLOCK_OFFSET",
        default_value_t = 0,
        hide = true,
        allow_negative_numbers = true
    )]
    pub clock_offset: i64,
}

/// A secret setting: the variable's value, or the contents of the file
/// `<NAME>_FILE` names (a container secret), not both.
fn secret_setting(name: &str) -> anyhow::Result<Option<String>> {
    let direct = std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let file_var = format!("{name}_FILE");
    let from_file = match std::env::var_os(&file_var) {
        Some(path) => Some(
            std::fs::read_to_string(&path)
                .map_err(|e| {
                    anyhow::anyhow!("cannot read {file_var} ({}): {e}", path.to_string_lossy())
                })?
                .trim()
                .to_owned(),
        ),
        None => None,
    };
    match (direct, from_file) {
        (Some(_), Some(_)) => anyhow::bail!("set {name} or {file_var}, not both"),
        (direct, from_file) => Ok(direct.or(from_file)),
    }
}

impl Settings {
    /// Reads the secret settings from the environment (or the files it
    /// names): the database URL, the JWT secret, the SMTP URL and the
    /// object storage's credentials.
    pub fn load_secrets(&mut self) -> anyhow::Result<()> {
        self.database_url = secret_setting("CECOP_DATABASE_URL")?;
        self.jwt_secret = secret_setting("CECOP_JWT_SECRET")?;
        self.smtp_url = secret_setting("CECOP_SMTP_URL")?;
        self.media_s3_access_key_id = secret_setting("CECOP_MEDIA_S3_ACCESS_KEY_ID")?;
        self.media_s3_secret_access_key = secret_setting("CECOP_MEDIA_S3_SECRET_ACCESS_KEY")?;
        Ok(())
    }

    /// Whether the demo dataset loads into an empty database.
    pub fn loads_demo_data(&self) -> bool {
        self.demo_data
            .unwrap_or(self.env == Environment::Development)
    }

    /// The database URL to use: the configured one, or the default SQLite file.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
            _ => self
                .data_dir
                .join("cecop.sqlite3")
                .to_string_lossy()
                .into_owned(),
        }
    }

    /// True when the database is a SQLite file inside the data folder, which
    /// must then exist before the first connection.
    pub fn uses_data_dir(&self) -> bool {
        self.database_url
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
    }
}

/// An IP address (a single host) or a CIDR range.
fn parse_proxy(raw: &str) -> Result<ipnet::IpNet, String> {
    let raw = raw.trim();
    raw.parse::<ipnet::IpNet>()
        .or_else(|_| raw.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{raw:?} is neither an IP address nor a CIDR range"))
}

/// An `http(s)://host[:port]` origin, without a trailing slash.
fn parse_origin(raw: &str) -> Result<String, String> {
    let parsed = url::Url::parse(raw.trim()).map_err(|e| format!("{raw:?}: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(format!("{raw:?} must be an http:// or https:// address"));
    }
    Ok(parsed.origin().ascii_serialization())
}
