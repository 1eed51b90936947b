//! Where the library's files live, behind one interface (`object_store`):
//! a folder on this machine by default, or S3-compatible object storage
//! that every instance shares. A file is kept under its SHA-256
//! (`files/{sha256}`), an image's sizes beside it (`sizes/{sha256}/640.jpg`),
//! so the same file is stored once and the keys alone say what a stored
//! file is — the collector, and a backup, enumerate them with [`list`].
//!
//! [`list`]: MediaStore::list

use std::ops::Range;
use std::path::Path as FsPath;
use std::sync::Arc;

use anyhow::Context;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::aws::AmazonS3Builder;
use object_store::buffered::BufWriter;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutPayload};
use tokio::io::AsyncWriteExt;

use crate::settings::Settings;

/// One stored object, as listed.
#[derive(Debug, Clone)]
pub struct Stored {
    pub key: String,
    pub size: u64,
    pub modified: DateTime<Utc>,
}

/// A stored object's bytes, whole or a range of them.
pub struct Fetched {
    /// The object's size.
    pub size: u64,
    /// The bytes sent.
    pub range: Range<u64>,
    pub body: BoxStream<'static, Result<Bytes, object_store::Error>>,
}

impl std::fmt::Debug for Fetched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetched")
            .field("size", &self.size)
            .field("range", &self.range)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct MediaStore {
    inner: Arc<dyn ObjectStore>,
    prefix: Path,
    /// Said in logs and `/healthz` (no credentials).
    pub description: String,
}

impl std::fmt::Debug for MediaStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description)
    }
}

/// The key of a file as uploaded.
pub fn file_key(sha256: &str) -> String {
    format!("files/{sha256}")
}

/// The key of one size of an image.
pub fn size_key(sha256: &str, width: u32, ext: &str) -> String {
    format!("sizes/{sha256}/{width}.{ext}")
}

impl MediaStore {
    /// The store the settings name: `CECOP_MEDIA_URL` (`s3://bucket/prefix`)
    /// or the folder `CECOP_MEDIA_DIR` (default `media` in the data folder).
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match settings.media_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => Self::s3(settings, url),
            _ => {
                let dir = settings
                    .media_dir
                    .clone()
                    .unwrap_or_else(|| settings.data_dir.join("media"));
                Self::folder(&dir)
            }
        }
    }

    pub fn folder(dir: &FsPath) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the media folder {}", dir.display()))?;
        let store = LocalFileSystem::new_with_prefix(dir)
            .with_context(|| format!("cannot use the media folder {}", dir.display()))?
            .with_automatic_cleanup(true);
        Ok(Self {
            inner: Arc::new(store),
            prefix: Path::default(),
            description: format!("folder {}", dir.display()),
        })
    }

    fn s3(settings: &Settings, url: &str) -> anyhow::Result<Self> {
        let rest = url
            .strip_prefix("s3://")
            .context("CECOP_MEDIA_URL must look like s3://bucket or s3://bucket/prefix")?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        anyhow::ensure!(!bucket.is_empty(), "CECOP_MEDIA_URL names no bucket");
        let endpoint = settings
            .media_s3_endpoint
            .clone()
            .context("CECOP_MEDIA_URL needs CECOP_MEDIA_S3_ENDPOINT")?;
        let key = settings
            .media_s3_access_key_id
            .clone()
            .context("CECOP_MEDIA_URL needs CECOP_MEDIA_S3_ACCESS_KEY_ID")?;
        let secret = settings
            .media_s3_secret_access_key
            .clone()
            .context("CECOP_MEDIA_URL needs CECOP_MEDIA_S3_SECRET_ACCESS_KEY")?;
        // HTTPS to the storage goes through rustls with ring (no other
        // provider is built in); installing it twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let store = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(&settings.media_s3_region)
            .with_endpoint(&endpoint)
            .with_allow_http(endpoint.starts_with("http://"))
            .with_virtual_hosted_style_request(false)
            .with_access_key_id(key)
            .with_secret_access_key(secret)
            .build()
            .context("cannot set up the object storage")?;
        Ok(Self {
            inner: Arc::new(store),
            prefix: Path::from(prefix.trim_matches('/')),
            description: format!("s3://{bucket}/{prefix} at {endpoint}"),
        })
    }

    fn path(&self, key: &str) -> Path {
        let mut path = self.prefix.clone();
        for part in key.split('/') {
            path = path.join(part);
        }
        path
    }

    /// Stores `bytes` under `key` (one request; for small objects).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.inner
            .put(&self.path(key), PutPayload::from(bytes))
            .await
            .with_context(|| format!("cannot store {key}"))?;
        Ok(())
    }

    /// Stores the file at `source` under `key`, streamed in parts: never
    /// whole in memory, and (object storage) invisible until complete.
    pub async fn put_file(&self, key: &str, source: &FsPath) -> anyhow::Result<()> {
        let mut file = tokio::fs::File::open(source)
            .await
            .with_context(|| format!("cannot read {}", source.display()))?;
        let mut writer = BufWriter::new(self.inner.clone(), self.path(key));
        if let Err(err) = tokio::io::copy(&mut file, &mut writer).await {
            writer.abort().await.ok();
            return Err(anyhow::Error::from(err).context(format!("cannot store {key}")));
        }
        writer
            .shutdown()
            .await
            .with_context(|| format!("cannot store {key}"))?;
        Ok(())
    }

    /// Proves the store answers with these credentials: looking up a key
    /// that need not exist is "not found", never "denied".
    pub async fn probe(&self) -> anyhow::Result<()> {
        self.exists("files/.probe")
            .await
            .map(|_| ())
            .with_context(|| format!("the media store ({}) refuses this server", self.description))
    }

    pub async fn exists(&self, key: &str) -> anyhow::Result<bool> {
        match self.inner.head(&self.path(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(err) => Err(anyhow::Error::from(err).context(format!("cannot look up {key}"))),
        }
    }

    /// The object's bytes, or those of `range` (a range past the end is
    /// cut at the end); `None` when there is no such object.
    pub async fn get(
        &self,
        key: &str,
        range: Option<Range<u64>>,
    ) -> anyhow::Result<Option<Fetched>> {
        let options = GetOptions {
            range: range.map(GetRange::Bounded),
            ..GetOptions::default()
        };
        match self.inner.get_opts(&self.path(key), options).await {
            Ok(result) => Ok(Some(Fetched {
                size: result.meta.size,
                range: result.range.clone(),
                body: result.into_stream(),
            })),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(anyhow::Error::from(err).context(format!("cannot read {key}"))),
        }
    }

    /// The object's size, or `None` when there is no such object.
    pub async fn size(&self, key: &str) -> anyhow::Result<Option<u64>> {
        match self.inner.head(&self.path(key)).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(anyhow::Error::from(err).context(format!("cannot look up {key}"))),
        }
    }

    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match self.inner.delete(&self.path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(anyhow::Error::from(err).context(format!("cannot delete {key}"))),
        }
    }

    /// Every stored object whose key starts with `under` (`files`,
    /// `sizes/{sha256}`), with its size and when it was written.
    pub async fn list(&self, under: &str) -> anyhow::Result<Vec<Stored>> {
        let prefix = self.path(under);
        let base = self.prefix.as_ref().len();
        let mut out = Vec::new();
        let mut listing = self.inner.list(Some(&prefix));
        while let Some(meta) = listing.next().await {
            let meta = meta.context("cannot list the media store")?;
            let key = meta.location.as_ref()[base..]
                .trim_start_matches('/')
                .to_owned();
            out.push(Stored {
                key,
                size: meta.size,
                modified: meta.last_modified,
            });
        }
        Ok(out)
    }
}
