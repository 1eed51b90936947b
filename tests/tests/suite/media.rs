//! The media library: uploads checked by content and limits, images
//! re-encoded without their EXIF (read back with an independent EXIF
//! reader), the same file stored once, files served with their cache,
//! range and download headers, members-only files kept from anonymous
//! readers, metadata edited under `If-Match`, and deletion refused while
//! an item is used. Against the local folder, and against a real
//! S3-compatible server when `CECOP_TEST_S3_ENDPOINT` is set
//! (`just test-media-s3`).

use std::io::Cursor;

use cecop_shared::{MediaItem, Page, ProblemKind};
use cecop_tests::{
    Session, SpawnOptions, TestApp, TestDatabase, api_command, create_admin,
    expect_problem as problem, sign_in,
};
use reqwest::Method;
use serde_json::json;

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

/// The media store for one test: a fresh prefix of the test bucket when
/// `CECOP_TEST_S3_ENDPOINT` is set, else the data folder's `media`.
fn media_env() -> Vec<(String, String)> {
    let Ok(endpoint) = std::env::var("CECOP_TEST_S3_ENDPOINT") else {
        return Vec::new();
    };
    let bucket = std::env::var("CECOP_TEST_S3_BUCKET").expect("CECOP_TEST_S3_BUCKET");
    let prefix: u64 = rand::random();
    vec![
        (
            "CECOP_MEDIA_URL".into(),
            format!("s3://{bucket}/t{prefix:016x}"),
        ),
        ("CECOP_MEDIA_S3_ENDPOINT".into(), endpoint),
        (
            "CECOP_MEDIA_S3_REGION".into(),
            std::env::var("CECOP_TEST_S3_REGION").unwrap_or_else(|_| "garage".into()),
        ),
        (
            "CECOP_MEDIA_S3_ACCESS_KEY_ID".into(),
            std::env::var("CECOP_TEST_S3_KEY_ID").expect("CECOP_TEST_S3_KEY_ID"),
        ),
        (
            "CECOP_MEDIA_S3_SECRET_ACCESS_KEY".into(),
            std::env::var("CECOP_TEST_S3_SECRET").expect("CECOP_TEST_S3_SECRET"),
        ),
    ]
}

struct Library {
    db: TestDatabase,
    app: TestApp,
    env: Vec<(String, String)>,
}

impl Library {
    async fn new(extra: &[(&str, &str)]) -> Self {
        let db = TestDatabase::new();
        assert!(create_admin(&db, ADMIN, PASSWORD).0);
        let mut env = media_env();
        env.extend(
            extra
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        let app = TestApp::spawn_with(
            &db,
            SpawnOptions {
                static_dir: None,
                extra_env: env.clone(),
            },
        );
        let admin = sign_in(&app, ADMIN, PASSWORD).await;
        admin
            .create_users(&[
                json!({ "email": "editor@cecop.coop", "display_name": "Ana Editor",
                        "role": "editor", "password": PASSWORD }),
                json!({ "email": "staff@coceta.coop", "display_name": "COCETA",
                        "role": "member", "organisation": "coceta", "password": PASSWORD }),
                json!({ "email": "staff@legacoop.coop", "display_name": "Legacoop",
                        "role": "member", "organisation": "legacoop-sociali",
                        "password": PASSWORD }),
            ])
            .await;
        Self { db, app, env }
    }

    async fn editor(&self) -> Session<'_> {
        sign_in(&self.app, "editor@cecop.coop", PASSWORD).await
    }

    /// The stored objects, as `cecop-api media files` lists them.
    fn stored(&self) -> Vec<String> {
        let output = api_command(&self.db)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .args(["media", "files"])
            .output()
            .expect("cecop-api media files");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|l| l.split('\t').next().map(str::to_owned))
            .collect()
    }

    fn collect(&self, older_than: u64) -> String {
        let output = api_command(&self.db)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .args(["media", "collect", "--older-than", &older_than.to_string()])
            .output()
            .expect("cecop-api media collect");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

async fn upload(s: &Session<'_>, query: &str, body: Vec<u8>) -> reqwest::Response {
    s.request(Method::POST, &format!("/api/v1/media{query}"))
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn created(res: reqwest::Response) -> MediaItem {
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 201, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn library(s: &Session<'_>) -> Page<MediaItem> {
    s.json(Method::GET, "/api/v1/media?per_page=100", None)
        .await
}

/// A JPEG of `w`×`h` whose EXIF says: rotate 90° clockwise to show it, and
/// it was taken at 48°51′ N (Paris).
fn photo_with_gps(w: u32, h: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image)
        .unwrap();
    // TIFF, little-endian: IFD0 (Orientation = 6, GPS IFD pointer), the
    // GPS IFD (latitude N 48/1 51/1 0/1).
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value);
        e
    };
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(entry(0x0112, 3, 1, [6, 0, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, 68u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(48u32, 1u32), (51, 1), (0, 1)] {
        tiff.extend(n.to_le_bytes());
        tiff.extend(d.to_le_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// Whether an independent EXIF reader finds a GPS field in `bytes`.
fn has_gps(bytes: &[u8]) -> bool {
    match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(found) => found
            .fields()
            .any(|f| f.ifd_num == exif::In::PRIMARY && f.tag.context() == exif::Context::Gps),
        Err(_) => false,
    }
}

fn logo_png(w: u32, h: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(w, h, |x, _| image::Rgba([200, 30, 60, (x % 256) as u8]));
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}

/// A small PDF whose cross-reference table is right.
fn pdf(text: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{text}\nendstream",
            text.len() + 1
        ),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[tokio::test]
async fn images_are_reencoded_without_their_gps_and_stored_once() {
    let lib = Library::new(&[]).await;
    let ana = lib.editor().await;
    let original = photo_with_gps(3000, 2000);
    assert!(has_gps(&original), "the test photo carries GPS");
    let item = created(
        upload(
            &ana,
            "?file_name=worker%20at%20home.jpg&title=At%20the%20bakery",
            original.clone(),
        )
        .await,
    )
    .await;
    assert_eq!(item.kind.as_str(), "image");
    assert_eq!(item.title, "At the bakery");
    assert_eq!(item.uploaded_by.as_deref(), Some("Ana Editor"));
    // Upright: the EXIF orientation turned it a quarter.
    assert_eq!((item.width, item.height), (Some(2000), Some(3000)));
    let widths: Vec<u32> = item.variants.iter().map(|v| v.width).collect();
    assert_eq!(widths, [320, 640, 1280, 2000]);
    assert!(
        item.colour
            .as_deref()
            .is_some_and(|c| c.starts_with('#') && c.len() == 7)
    );
    for variant in &item.variants {
        let res = lib.app.get(&variant.url).await;
        assert_eq!(res.status(), 200, "{}", variant.url);
        let headers = res.headers().clone();
        assert_eq!(headers["content-type"], "image/jpeg");
        assert_eq!(
            headers["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let tag = headers["etag"].to_str().unwrap().to_owned();
        assert!(tag.starts_with('"') && !tag.starts_with("W/"), "{tag}");
        let bytes = res.bytes().await.unwrap();
        assert!(!has_gps(&bytes), "{} still carries GPS", variant.url);
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (variant.width, variant.height)
        );
        // The copy held is current.
        let again = lib
            .app
            .client
            .get(lib.app.url(&variant.url))
            .header("if-none-match", &tag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304);
    }
    // The upload itself is never served, nor a width that was not made.
    let sha = &item.sha256;
    for path in [
        format!("/media/{sha}/original.jpg"),
        format!("/media/{sha}/999.jpg"),
        format!("/media/{sha}/320.png"),
    ] {
        assert_eq!(lib.app.get(&path).await.status(), 404, "{path}");
    }
    // The same file again: a second record, the same stored file.
    let before = lib.stored();
    let twin = created(upload(&ana, "?file_name=copy.jpg", original).await).await;
    assert_ne!(twin.id, item.id);
    assert_eq!(twin.sha256, item.sha256);
    assert_eq!(lib.stored(), before);
    assert_eq!(before.iter().filter(|k| k.starts_with("files/")).count(), 1);

    // A PNG with transparency keeps it (PNG sizes).
    let logo = created(upload(&ana, "?file_name=logo.png", logo_png(500, 300)).await).await;
    let widths: Vec<(u32, &str)> = logo
        .variants
        .iter()
        .map(|v| (v.width, v.content_type.as_str()))
        .collect();
    assert_eq!(widths, [(320, "image/png"), (500, "image/png")]);
    let bytes = lib
        .app
        .get(&logo.variants[0].url)
        .await
        .bytes()
        .await
        .unwrap();
    assert!(image::load_from_memory(&bytes).unwrap().color().has_alpha());
}

#[tokio::test]
async fn pdfs_are_served_with_ranges_and_their_name_for_downloads() {
    let lib = Library::new(&[]).await;
    let ana = lib.editor().await;
    let file = pdf("BT /F1 12 Tf 10 10 Td (Elections 2024) Tj ET");
    let item =
        created(upload(&ana, "?file_name=Priorit%C3%A9s%202024.pdf", file.clone()).await).await;
    assert_eq!((item.kind.as_str(), item.size), ("pdf", file.len() as u64));
    assert!(item.variants.is_empty());
    let res = lib.app.get(&item.url).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["accept-ranges"], "bytes");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("inline;")
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), file.as_slice());
    let download = lib.app.get(&format!("{}?download=1", item.url)).await;
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"Priorit_s 2024.pdf\"; filename*=UTF-8''Priorit%C3%A9s%202024.pdf"
    );
    let ranged = |range: &'static str| {
        lib.app
            .client
            .get(lib.app.url(&item.url))
            .header("range", range)
            .send()
    };
    let res = ranged("bytes=0-7").await.unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(
        res.headers()["content-range"],
        format!("bytes 0-7/{}", file.len()).as_str()
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"%PDF-1.4");
    let res = ranged("bytes=-6").await.unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"%%EOF\n");
    let res = ranged("bytes=999999-").await.unwrap();
    assert_eq!(res.status(), 416);
    assert_eq!(
        res.headers()["content-range"],
        format!("bytes */{}", file.len()).as_str()
    );
}

#[tokio::test]
async fn refused_uploads_say_why_and_leave_the_library_as_it_was() {
    let lib = Library::new(&[
        ("CECOP_MEDIA_IMAGE_MAX_MB", "1"),
        ("CECOP_MEDIA_MAX_MEGAPIXELS", "2"),
    ])
    .await;
    let ana = lib.editor().await;
    let kept = created(upload(&ana, "?file_name=kept.png", logo_png(40, 40)).await).await;
    let before = lib.stored();
    let mut truncated = photo_with_gps(800, 600);
    truncated.truncate(truncated.len() / 2);
    let big_png = {
        // Noise does not compress: well over 1 MB.
        let image = image::RgbImage::from_fn(1000, 800, |x, y| {
            let n = x
                .wrapping_mul(2_654_435_761)
                .wrapping_add(y.wrapping_mul(40_503))
                ^ (x * y);
            image::Rgb([n as u8, (n >> 8) as u8, (n >> 16) as u8])
        });
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert!(png.len() > 1024 * 1024, "{}", png.len());
        png
    };
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("svg", b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(), 415, "SVG"),
        ("gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), 415, "image/gif"),
        ("text", b"just some words, not a picture".to_vec(), 415, "no type"),
        ("empty", Vec::new(), 422, "empty"),
        ("truncated", truncated, 422, "cut off"),
        ("too many pixels", logo_png(2000, 1500), 422, "pixels"),
        ("too big", big_png, 413, ""),
        ("broken pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage".to_vec(), 422, "PDF"),
    ];
    for (what, body, status, says) in cases {
        let res = upload(&ana, "?file_name=x", body).await;
        let p = problem(res, status).await;
        let text = format!("{} {:?}", p.detail.clone().unwrap_or_default(), p.errors);
        assert!(text.contains(says), "{what}: {text}");
        if status == 422 {
            assert!(p.is(ProblemKind::ValidationFailed), "{what}");
            assert_eq!(p.errors[0].field, "file", "{what}");
        }
    }
    // Bad parameters, before anything is read.
    for query in ["?file_name=a/b.jpg", "?visibility=secret", "?title=%01"] {
        problem(upload(&ana, query, logo_png(10, 10)).await, 400).await;
    }
    let now = library(&ana).await;
    assert_eq!(
        now.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        [kept.id]
    );
    assert_eq!(lib.stored(), before);
}

#[tokio::test]
async fn members_upload_their_own_images_and_nobody_else_gets_in() {
    let lib = Library::new(&[]).await;
    let ana = lib.editor().await;
    let coceta = sign_in(&lib.app, "staff@coceta.coop", PASSWORD).await;
    let legacoop = sign_in(&lib.app, "staff@legacoop.coop", PASSWORD).await;
    let anonymous = Session::anonymous(&lib.app);
    // Anonymous: 401 on every route; nothing written.
    problem(upload(&anonymous, "", logo_png(10, 10)).await, 401).await;
    for (method, path) in [
        (Method::GET, "/api/v1/media"),
        (Method::GET, "/api/v1/media/1"),
        (Method::PATCH, "/api/v1/media/1"),
        (Method::DELETE, "/api/v1/media/1"),
    ] {
        let res = anonymous
            .request(method, path)
            .header("if-match", "*")
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        problem(res, 401).await;
    }
    // A token without media:write, and an integrator token: 403.
    let no_scope: cecop_shared::CreatedApiToken = coceta
        .json(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "reader", "scopes": ["members:read"] })),
        )
        .await;
    let no_scope = Session {
        app: &lib.app,
        bearer: no_scope.secret,
    };
    problem(upload(&no_scope, "", logo_png(10, 10)).await, 403).await;
    let admin = sign_in(&lib.app, ADMIN, PASSWORD).await;
    let integrator = admin.reader_token().await;
    problem(upload(&integrator, "", logo_png(10, 10)).await, 403).await;
    let res = integrator
        .request(Method::GET, "/api/v1/media")
        .send()
        .await
        .unwrap();
    problem(res, 403).await;
    assert_eq!(lib.db.count_rows("media"), 0);

    // A member organisation uploads its logo, by user and by token.
    let logo = created(upload(&coceta, "?file_name=coceta.png", logo_png(300, 100)).await).await;
    assert_eq!(
        logo.organisation.as_ref().map(|s| s.as_str()),
        Some("coceta")
    );
    let token: cecop_shared::CreatedApiToken = coceta
        .json(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "site", "scopes": ["media:write"] })),
        )
        .await;
    let token = Session {
        app: &lib.app,
        bearer: token.secret,
    };
    let photo =
        created(upload(&token, "?file_name=team.jpg", photo_with_gps(400, 300)).await).await;
    assert_eq!(photo.uploaded_by, None);
    // PDFs are for staff.
    problem(upload(&coceta, "?file_name=x.pdf", pdf("x")).await, 403).await;
    // Each organisation sees its own files; staff see all.
    let theirs = library(&coceta).await;
    assert_eq!(theirs.items.len(), 2);
    assert!(library(&legacoop).await.items.is_empty());
    let res = legacoop
        .request(Method::GET, &format!("/api/v1/media/{}", logo.id))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    let res = legacoop
        .request(Method::DELETE, &format!("/api/v1/media/{}", logo.id))
        .header("if-match", "*")
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    assert_eq!(library(&ana).await.items.len(), 2);
    assert_eq!(lib.db.count_rows("media"), 2);

    // Members-only files: not to anonymous readers, to signed-in ones.
    let private = created(
        upload(
            &ana,
            "?file_name=minutes.pdf&visibility=members_only",
            pdf("minutes"),
        )
        .await,
    )
    .await;
    assert_eq!(lib.app.get(&private.url).await.status(), 404);
    let res = legacoop
        .request(Method::GET, &private.url)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, max-age=3600");
}

#[tokio::test]
async fn metadata_is_edited_under_if_match_and_a_used_item_cannot_be_deleted() {
    let lib = Library::new(&[]).await;
    let ana = lib.editor().await;
    let item = created(upload(&ana, "?file_name=bakery.jpg", photo_with_gps(700, 500)).await).await;
    let path = format!("/api/v1/media/{}", item.id);
    let patch = |tag: &str, body: serde_json::Value| {
        ana.request(Method::PATCH, &path)
            .header("if-match", tag)
            .header("content-type", "application/merge-patch+json")
            .body(body.to_string())
            .send()
    };
    problem(
        ana.request(Method::PATCH, &path)
            .json(&json!({ "title": "x" }))
            .send()
            .await
            .unwrap(),
        428,
    )
    .await;
    let res = patch(
        "\"m1\"",
        json!({ "title": "Bakers", "alt": { "en": "Four bakers at an oven", "fr": "Quatre boulangers" },
                "credit": "Photo: COCETA", "licence": "CC BY 4.0" }),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let tag = res.headers()["etag"].to_str().unwrap().to_owned();
    let edited: MediaItem = res.json().await.unwrap();
    assert_eq!(edited.alt.len(), 2);
    assert_eq!(edited.credit.as_deref(), Some("Photo: COCETA"));
    // Refusals name the field and change nothing.
    for (body, field) in [
        (json!({ "title": "" }), "title"),
        (json!({ "alt": { "fr": "x".repeat(1001) } }), "alt.fr"),
        (json!({ "alt": { "xx-invalid-": "a" } }), "alt"),
        (json!({ "visibility": "secret" }), "visibility"),
        (json!({ "size": 1 }), "size"),
    ] {
        let p = problem(patch(&tag, body).await.unwrap(), 422).await;
        assert!(p.errors[0].field.starts_with(field), "{:?}", p.errors);
    }
    problem(
        patch("\"m1\"", json!({ "title": "stale" })).await.unwrap(),
        412,
    )
    .await;
    let now: MediaItem = ana.json(Method::GET, &path, None).await;
    assert_eq!((now.title.as_str(), now.version), ("Bakers", 2));
    // Eight saves at once over one version: exactly one wins.
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..8 {
        let request = ana
            .request(Method::PATCH, &path)
            .header("if-match", &tag)
            .header("content-type", "application/merge-patch+json")
            .body(json!({ "title": format!("Take {i}") }).to_string());
        attempts.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let statuses = attempts.join_all().await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 412)),
        "{statuses:?}"
    );

    // Attached to an article and a story's photo: not deletable.
    let reference = item.reference.clone();
    for (collection, body) in [
        (
            "articles",
            json!({ "translations": { "en": { "title": "Bread" } },
            "article": { "kind": "news" },
            "attachments": [{ "title": "Photo", "lang": "en", "media": reference }] }),
        ),
        (
            "stories",
            json!({ "translations": { "en": { "title": "Bakers" } },
            "story": { "cooperative": "Leipomo", "photo": { "media": reference, "alt": "Bakers" } } }),
        ),
    ] {
        let res = ana
            .request(Method::POST, &format!("/api/v1/editorial/{collection}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    }
    let current: MediaItem = ana.json(Method::GET, &path, None).await;
    let used = current.used_in.clone().unwrap();
    let roles: Vec<&str> = used.iter().map(|u| u.role.as_str()).collect();
    assert_eq!(roles, ["attachment", "photo"]);
    let tag = format!("\"m{}\"", current.version);
    let res = ana
        .request(Method::DELETE, &path)
        .header("if-match", &tag)
        .send()
        .await
        .unwrap();
    let p = problem(res, 409).await;
    assert_eq!(p.errors.len(), 2, "{p:?}");
    assert_eq!(lib.db.count_rows("media"), 1);

    // An unused one goes, and its stored file with it.
    let spare = created(upload(&ana, "?file_name=spare.png", logo_png(30, 30)).await).await;
    assert!(lib.stored().iter().any(|k| k.contains(&spare.sha256)));
    let res = ana
        .request(Method::DELETE, &format!("/api/v1/media/{}", spare.id))
        .header("if-match", "\"m1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert!(!lib.stored().iter().any(|k| k.contains(&spare.sha256)));
    assert_eq!(lib.app.get(&spare.variants[0].url).await.status(), 404);
}

#[tokio::test]
async fn a_stored_file_no_record_names_is_collected_after_the_grace_period() {
    let lib = Library::new(&[]).await;
    let ana = lib.editor().await;
    let kept = created(upload(&ana, "?file_name=kept.png", logo_png(30, 30)).await).await;
    let gone = created(upload(&ana, "?file_name=gone.png", logo_png(31, 31)).await).await;
    // As a crash between storing and recording leaves it: a file no record
    // names.
    lib.db
        .execute(&format!("DELETE FROM media WHERE id = {}", gone.id));
    assert!(
        lib.collect(3600).starts_with("0 "),
        "young files are left alone"
    );
    assert!(lib.stored().iter().any(|k| k.contains(&gone.sha256)));
    assert!(lib.collect(0).starts_with("1 "));
    let stored = lib.stored();
    assert!(
        !stored.iter().any(|k| k.contains(&gone.sha256)),
        "{stored:?}"
    );
    assert!(
        stored.iter().any(|k| k.contains(&kept.sha256)),
        "{stored:?}"
    );
    assert_eq!(lib.app.get(&kept.variants[0].url).await.status(), 200);
}

#[test]
fn a_store_that_refuses_our_signature_ends_the_process_with_one_line() {
    let env = media_env();
    if env.is_empty() {
        return; // Only with a real S3-compatible server.
    }
    let db = TestDatabase::new();
    let output = api_command(&db)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("CECOP_MEDIA_S3_SECRET_ACCESS_KEY", "not-the-secret")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "must not claim to listen");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let reason: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("cecop-api:"))
        .collect();
    assert_eq!(reason.len(), 1, "{stderr}");
    assert!(reason[0].contains("media store"), "{stderr}");
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
}
