//! The messages the platform sends, in the four interface languages. Plain
//! text: readable in every client and by screen readers, and nothing in it
//! can run.

use cecop_shared::UiLanguage;

/// A message, with what it says.
#[derive(Debug, Clone)]
pub enum Letter {
    /// A link that sets a new password, once, for `minutes`.
    PasswordReset { link: String, minutes: i64 },
    /// An admin's invitation to create an account.
    Invitation {
        name: String,
        inviter: String,
        /// The member organisation, for a member federation's staff.
        organisation: Option<String>,
        link: String,
        days: i64,
    },
    /// CECOP approved an organisation's data return.
    ReturnApproved {
        organisation: String,
        year: i32,
        link: String,
    },
    /// CECOP sent an organisation's data return back to be corrected.
    ReturnReturned {
        organisation: String,
        year: i32,
        reason: Option<String>,
        link: String,
    },
}

impl Letter {
    /// The outbox's `kind` (no personal data).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::PasswordReset { .. } => "password_reset",
            Self::Invitation { .. } => "invitation",
            Self::ReturnApproved { .. } => "return_approved",
            Self::ReturnReturned { .. } => "return_returned",
        }
    }

    /// The subject and body in `lang`.
    pub fn render(&self, lang: UiLanguage) -> (String, String) {
        use UiLanguage::*;
        let signature = match lang {
            En => "CECOP — European confederation of industrial and service cooperatives",
            Fr => "CECOP — Confédération européenne des coopératives de production et de services",
            Es => "CECOP — Confederación europea de cooperativas industriales y de servicios",
            It => "CECOP — Confederazione europea delle cooperative industriali e di servizi",
        };
        let (subject, body) = match self {
            Self::PasswordReset { link, minutes } => password_reset(lang, link, *minutes),
            Self::Invitation {
                name,
                inviter,
                organisation,
                link,
                days,
            } => invitation(lang, name, inviter, organisation.as_deref(), link, *days),
            Self::ReturnApproved {
                organisation,
                year,
                link,
            } => return_approved(lang, organisation, *year, link),
            Self::ReturnReturned {
                organisation,
                year,
                reason,
                link,
            } => return_returned(lang, organisation, *year, reason.as_deref(), link),
        };
        (subject, format!("{body}\n\n-- \n{signature}\n"))
    }
}

fn password_reset(lang: UiLanguage, link: &str, minutes: i64) -> (String, String) {
    use UiLanguage::*;
    match lang {
        En => (
            "Set a new password for CECOP".into(),
            format!(
                "Someone (we hope you) asked to set a new password for your CECOP account.\n\n\
                 Open this link to choose one. It works once, for {minutes} minutes:\n\n{link}\n\n\
                 If you did not ask, ignore this message: your password stays as it is."
            ),
        ),
        Fr => (
            "Choisir un nouveau mot de passe pour CECOP".into(),
            format!(
                "Quelqu’un (vous, espérons-le) a demandé un nouveau mot de passe pour votre compte CECOP.\n\n\
                 Ouvrez ce lien pour en choisir un. Il ne sert qu’une fois, pendant {minutes} minutes :\n\n{link}\n\n\
                 Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas."
            ),
        ),
        Es => (
            "Elegir una nueva contraseña para CECOP".into(),
            format!(
                "Alguien (esperamos que usted) ha pedido una nueva contraseña para su cuenta de CECOP.\n\n\
                 Abra este enlace para elegirla. Sirve una sola vez, durante {minutes} minutos:\n\n{link}\n\n\
                 Si no lo ha pedido, ignore este mensaje: su contraseña no cambia."
            ),
        ),
        It => (
            "Scegliere una nuova password per CECOP".into(),
            format!(
                "Qualcuno (speriamo Lei) ha chiesto una nuova password per il Suo account CECOP.\n\n\
                 Apra questo link per sceglierla. Vale una sola volta, per {minutes} minuti:\n\n{link}\n\n\
                 Se non l’ha chiesta, ignori questo messaggio: la password resta invariata."
            ),
        ),
    }
}

fn invitation(
    lang: UiLanguage,
    name: &str,
    inviter: &str,
    organisation: Option<&str>,
    link: &str,
    days: i64,
) -> (String, String) {
    use UiLanguage::*;
    let for_whom = |en: &str| {
        organisation
            .map(|o| format!(" {en} {o}"))
            .unwrap_or_default()
    };
    match lang {
        En => (
            "Your invitation to the CECOP platform".into(),
            format!(
                "Hello {name},\n\n{inviter} invites you to the CECOP platform{}.\n\n\
                 Open this link to choose your password and sign in. It works once, for {days} days:\n\n{link}",
                for_whom("for")
            ),
        ),
        Fr => (
            "Votre invitation à la plateforme CECOP".into(),
            format!(
                "Bonjour {name},\n\n{inviter} vous invite sur la plateforme CECOP{}.\n\n\
                 Ouvrez ce lien pour choisir votre mot de passe et vous connecter. Il ne sert qu’une fois, pendant {days} jours :\n\n{link}",
                for_whom("pour")
            ),
        ),
        Es => (
            "Su invitación a la plataforma de CECOP".into(),
            format!(
                "Hola, {name}:\n\n{inviter} le invita a la plataforma de CECOP{}.\n\n\
                 Abra este enlace para elegir su contraseña e iniciar sesión. Sirve una sola vez, durante {days} días:\n\n{link}",
                for_whom("para")
            ),
        ),
        It => (
            "Il Suo invito alla piattaforma CECOP".into(),
            format!(
                "Gentile {name},\n\n{inviter} La invita sulla piattaforma CECOP{}.\n\n\
                 Apra questo link per scegliere la password e accedere. Vale una sola volta, per {days} giorni:\n\n{link}",
                for_whom("per")
            ),
        ),
    }
}

fn return_approved(
    lang: UiLanguage,
    organisation: &str,
    year: i32,
    link: &str,
) -> (String, String) {
    use UiLanguage::*;
    match lang {
        En => (
            format!("Your {year} data return is approved"),
            format!(
                "CECOP has approved the {year} data return of {organisation}. Its figures now count \
                 in the published statistics.\n\n{link}"
            ),
        ),
        Fr => (
            format!("Vos données {year} sont approuvées"),
            format!(
                "CECOP a approuvé les données {year} de {organisation}. Elles comptent désormais \
                 dans les statistiques publiées.\n\n{link}"
            ),
        ),
        Es => (
            format!("Sus datos de {year} están aprobados"),
            format!(
                "CECOP ha aprobado los datos de {year} de {organisation}. Ya cuentan en las \
                 estadísticas publicadas.\n\n{link}"
            ),
        ),
        It => (
            format!("I Suoi dati {year} sono approvati"),
            format!(
                "CECOP ha approvato i dati {year} di {organisation}. Ora contano nelle statistiche \
                 pubblicate.\n\n{link}"
            ),
        ),
    }
}

fn return_returned(
    lang: UiLanguage,
    organisation: &str,
    year: i32,
    reason: Option<&str>,
    link: &str,
) -> (String, String) {
    use UiLanguage::*;
    let reason = reason.map(|r| format!("\n\n« {r} »")).unwrap_or_default();
    match lang {
        En => (
            format!("Your {year} data return needs changes"),
            format!(
                "CECOP has sent the {year} data return of {organisation} back for changes.{reason}\n\n\
                 Correct it and submit it again here:\n\n{link}"
            ),
        ),
        Fr => (
            format!("Vos données {year} sont à corriger"),
            format!(
                "CECOP a renvoyé les données {year} de {organisation} pour correction.{reason}\n\n\
                 Corrigez-les et soumettez-les à nouveau ici :\n\n{link}"
            ),
        ),
        Es => (
            format!("Sus datos de {year} necesitan cambios"),
            format!(
                "CECOP ha devuelto los datos de {year} de {organisation} para que se corrijan.{reason}\n\n\
                 Corríjalos y envíelos de nuevo aquí:\n\n{link}"
            ),
        ),
        It => (
            format!("I Suoi dati {year} vanno corretti"),
            format!(
                "CECOP ha rinviato i dati {year} di {organisation} per correzioni.{reason}\n\n\
                 Li corregga e li invii di nuovo qui:\n\n{link}"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_names_its_link_in_every_language() {
        let link = "https://cecop.coop/x#token=abc";
        let letters = [
            Letter::PasswordReset {
                link: link.into(),
                minutes: 30,
            },
            Letter::Invitation {
                name: "Ana".into(),
                inviter: "Diana".into(),
                organisation: Some("CG SCOP".into()),
                link: link.into(),
                days: 7,
            },
            Letter::ReturnApproved {
                organisation: "CG SCOP".into(),
                year: 2025,
                link: link.into(),
            },
            Letter::ReturnReturned {
                organisation: "CG SCOP".into(),
                year: 2025,
                reason: Some("Check row 3".into()),
                link: link.into(),
            },
        ];
        for letter in &letters {
            let mut subjects = Vec::new();
            for &lang in UiLanguage::ALL {
                let (subject, body) = letter.render(lang);
                assert!(body.contains(link), "{lang:?} {}", letter.kind());
                assert!(!subject.contains('\n'));
                subjects.push(subject);
            }
            subjects.dedup();
            assert_eq!(subjects.len(), 4, "one subject per language");
        }
        assert_eq!(UiLanguage::or_english("sv"), UiLanguage::En);
        assert_eq!(UiLanguage::or_english("it"), UiLanguage::It);
    }
}
