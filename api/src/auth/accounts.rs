//! Creating accounts outside HTTP: `cecop-api create-admin`.

use cecop_shared::{Email, Role};
use chrono::Utc;

use super::audit::{self, AuditAction, Event};
use super::{ClientInfo, password};
use crate::db::DbConnection;
use crate::db::users::{self, NewUser};

/// Creates an enabled admin after checking the e-mail and the password
/// policy; every refusal is a one-line reason for the operator.
pub fn create_admin(
    conn: &mut DbConnection,
    email: &str,
    display_name: &str,
    secret: &str,
) -> anyhow::Result<i64> {
    let email: Email = email.parse().map_err(|e| anyhow::anyhow!("--email {e}"))?;
    password::check_policy(secret, email.as_str())
        .map_err(|e| anyhow::anyhow!("the password {e}"))?;
    let hash = password::hash(secret)?;
    let now = Utc::now().naive_utc();
    let user = NewUser {
        email: email.clone(),
        display_name: display_name.trim().to_owned(),
        role: Role::Admin,
        member_id: None,
        password_hash: hash,
        disabled: false,
        language: cecop_shared::UiLanguage::En,
        created_at: now,
        updated_at: now,
    };
    crate::db::write(conn, |conn| {
        if users::find_by_email(conn, email.as_str())?.is_some() {
            anyhow::bail!("a user with the e-mail {email} already exists");
        }
        let id = users::insert(conn, &user)?;
        let event = Event {
            actor: Some("cli".into()),
            target: Some(("user", id.to_string())),
            detail: Some("role=admin".into()),
            ..Event::new(AuditAction::UserCreated)
        };
        audit::record(conn, &ClientInfo::default(), event)?;
        Ok(id)
    })
}
