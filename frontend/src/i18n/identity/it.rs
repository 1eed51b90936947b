//! Testi italiani del recupero e della creazione dell’account (registro
//! formale, come il resto dell’interfaccia).

use super::Identity;

pub const IT: Identity = Identity {
    forgot_link: "Password dimenticata?",
    forgot_title: "Scegliere una nuova password",
    forgot_intro: "Inserisca l’indirizzo e-mail del Suo account. Se un account lo usa, gli inviamo un link per scegliere una nuova password; il link vale una sola volta, per 30 minuti.",
    forgot_submit: "Invia il link",
    forgot_sent: "Se un account usa questo indirizzo, il link è in arrivo. Controlli la posta in arrivo e la cartella dello spam.",
    reset_title: "Scegliere una nuova password",
    reset_intro: "Scelga la password con cui accederà d’ora in poi. Tutte le sessioni del Suo account vengono chiuse.",
    reset_submit: "Salva la password",
    reset_invalid: "Questo link non è valido, è già stato usato o è scaduto.",
    reset_done: "La password è salvata e tutte le sessioni sono state chiuse. Acceda con la nuova password.",
    ask_new_link: "Chiedi un nuovo link",
    invitation_title: "Accettare l’invito",
    invitation_intro: "Scelga la password con cui accederà. L’account viene creato subito.",
    invitation_submit: "Crea il mio account",
    invitation_invalid: "Questo invito non è valido, è già stato usato, è stato ritirato o è scaduto. Ne chieda uno nuovo a chi L’ha invitata.",
    invite_heading: "Invitare qualcuno",
    invite_intro: "Riceve un’e-mail con un link per scegliere da sé la password; vale una sola volta, per 7 giorni.",
    field_language: "Lingua dell’e-mail",
    invite_submit: "Invia l’invito",
    invite_sent: |email| format!("Invito inviato a {email}."),
    invitations_heading: "Inviti",
    invitations_empty: "Ancora nessun invito.",
    col_status: "Stato",
    col_expires: "Scade",
    withdraw: "Ritira",
    withdraw_named: |email| format!("Ritira l’invito a {email}"),
    withdraw_question: |email| {
        format!("Ritirare l’invito a {email}? Il link smetterà di funzionare.")
    },
    withdraw_confirm: "Sì, ritira",
    status_pending: "In attesa",
    status_accepted: "Accettato",
    status_revoked: "Ritirato",
    status_expired: "Scaduto",
};
