//! Uploads with progress. `fetch` cannot report how much of a request body
//! has been sent, so a file upload goes through `XMLHttpRequest`, whose
//! `upload` object fires `progress` events. The request is otherwise made
//! like every other authenticated call: the session's bearer token, one
//! retry after a refresh when the server answers 401, and the same
//! [`ApiError`] for a failure.

use futures::channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

use super::authorized::Authorized;
use super::{API_BASE, ApiError, error_from, page_language};
use crate::query::href_with;

/// A finished exchange: the status, `Retry-After` and the body's text.
struct Answer {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

/// POSTs `body` (as `content_type`) to `API_BASE + path`, reporting the
/// share of it sent so far (0.0 to 1.0) through `on_progress`, and returns
/// the text of a 2xx answer.
pub async fn post_with_progress(
    session: impl Authorized,
    path: &str,
    query: &[(&str, String)],
    body: &Blob,
    content_type: &str,
    on_progress: impl Fn(f64) + Clone + 'static,
) -> Result<String, ApiError> {
    let url = href_with(&format!("{API_BASE}{path}"), query);
    let mut stale = false;
    loop {
        let token = session.bearer(stale).await?;
        let answer = exchange(&url, &token, body, content_type, on_progress.clone()).await?;
        match answer.status {
            200..=299 => return Ok(answer.body),
            401 if !stale => stale = true,
            status => {
                return Err(error_from(
                    status,
                    answer.retry_after.as_deref(),
                    &answer.body,
                ));
            }
        }
    }
}

/// One request through `XMLHttpRequest`.
async fn exchange(
    url: &str,
    token: &str,
    body: &Blob,
    content_type: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<Answer, ApiError> {
    let failed = |_| ApiError::Network("XMLHttpRequest failed".into());
    let xhr = XmlHttpRequest::new().map_err(failed)?;
    xhr.open_with_async("POST", url, true).map_err(failed)?;
    xhr.set_request_header("Authorization", &format!("Bearer {token}"))
        .map_err(failed)?;
    xhr.set_request_header("Content-Type", content_type)
        .map_err(failed)?;
    xhr.set_request_header("Accept", "application/json, application/problem+json")
        .map_err(failed)?;
    xhr.set_request_header("Accept-Language", &page_language())
        .map_err(failed)?;

    // `loadend` fires once, after `load`, `error`, `abort` or `timeout`.
    let (done, finished) = oneshot::channel::<()>();
    let mut done = Some(done);
    let on_loadend = Closure::<dyn FnMut()>::new(move || {
        if let Some(done) = done.take() {
            done.send(()).ok();
        }
    });
    let on_upload = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            on_progress(event.loaded() / event.total());
        }
    });
    xhr.set_onloadend(Some(on_loadend.as_ref().unchecked_ref()));
    // The listener must be set before `send`, or the browser may skip the
    // upload events altogether.
    xhr.upload()
        .map_err(failed)?
        .set_onprogress(Some(on_upload.as_ref().unchecked_ref()));
    let pending = Pending {
        xhr,
        _on_loadend: on_loadend,
        _on_progress: on_upload,
    };
    pending.xhr.send_with_opt_blob(Some(body)).map_err(failed)?;
    finished
        .await
        .map_err(|_| failed(wasm_bindgen::JsValue::NULL))?;
    let xhr = &pending.xhr;
    let status = xhr.status().map_err(failed)?;
    if status == 0 {
        // No answer at all: the network, or the request was refused.
        return Err(ApiError::Network("no answer".into()));
    }
    Ok(Answer {
        status,
        retry_after: xhr.get_response_header("Retry-After").ok().flatten(),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
    })
}

/// A request under way and the handlers it calls. Dropped — when it ends,
/// or when the page that started it goes away first — it detaches the
/// handlers (their Rust closures are freed with it) and aborts the request
/// if it is still running.
struct Pending {
    xhr: XmlHttpRequest,
    _on_loadend: Closure<dyn FnMut()>,
    _on_progress: Closure<dyn Fn(ProgressEvent)>,
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.xhr.set_onloadend(None);
        if let Ok(upload) = self.xhr.upload() {
            upload.set_onprogress(None);
        }
        // 4 is DONE.
        if self.xhr.ready_state() != 4 {
            self.xhr.abort().ok();
        }
    }
}
