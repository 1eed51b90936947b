//! The JWT signing secret: `CECOP_JWT_SECRET`, or in development a random
//! secret generated once and kept in the data folder. With
//! `CECOP_ENV=production` the server refuses to start without a configured
//! secret of at least 32 bytes.

use std::io::Write;
use std::path::Path;

use crate::settings::{Environment, Settings};

/// Shortest secret accepted (HS256 wants at least its 256-bit output size).
pub const MIN_SECRET_BYTES: usize = 32;

pub fn load(settings: &Settings) -> anyhow::Result<Vec<u8>> {
    match (&settings.jwt_secret, settings.env) {
        (Some(secret), _) if secret.len() >= MIN_SECRET_BYTES => Ok(secret.as_bytes().to_vec()),
        (Some(_), _) => anyhow::bail!(
            "CECOP_JWT_SECRET is too short: use at least {MIN_SECRET_BYTES} random bytes"
        ),
        (None, Environment::Production) => anyhow::bail!(
            "CECOP_ENV=production needs CECOP_JWT_SECRET (at least {MIN_SECRET_BYTES} random bytes)"
        ),
        (None, Environment::Development) => development_secret(&settings.data_dir),
    }
}

fn development_secret(data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path)
        && existing.trim().len() >= MIN_SECRET_BYTES
    {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(data_dir)?;
    let secret = super::session_tokens::random_string(64);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&path)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    file.write_all(secret.as_bytes())?;
    tracing::info!(path = %path.display(), "generated a development JWT secret");
    Ok(secret.into_bytes())
}
