//! Stringhe italiane dell’accesso in due passaggi.

use super::TwoFactor;

pub const IT: TwoFactor = TwoFactor {
    heading: "Accesso in due passaggi",
    step_intro: "Inserisca il codice a sei cifre che la sua app di autenticazione mostra per CECOP, oppure uno dei suoi codici di recupero.",
    field_code: "Codice",
    code_hint: "Sei cifre dall’app, oppure un codice di recupero come abcde-fghjk.",
    verify: "Verifica",
    wrong_code: "Il codice è errato o è già stato usato. Attenda il codice successivo e riprovi.",
    start_again: "Accedi di nuovo",
    off: "Disattivato: per accedere serve solo la password.",
    on: |since, left| format!("Attivo dal {since}. Codici di recupero rimasti: {left}."),
    required: "Questo sito richiede agli amministratori l’accesso in due passaggi. Lo attivi qui per usare le pagine di amministrazione.",
    setup_intro: "Inserisca la password per configurare un’app di autenticazione (come Aegis, FreeOTP o Google Authenticator) sul telefono.",
    setup_submit: "Configura",
    scan: "Scansioni questo codice QR con l’app, oppure vi digiti la chiave. Poi inserisca il codice che l’app mostra.",
    qr_alt: "Codice QR della chiave per la sua app di autenticazione",
    key: "Chiave",
    enable: "Attiva",
    codes_heading: "I suoi codici di recupero",
    codes_intro: "Ogni codice permette di accedere una volta, al posto di un codice dell’app, se perde il telefono. Li conservi in un luogo sicuro: sono mostrati solo ora.",
    codes_saved: "Li ho salvati",
    replace_intro: "I nuovi codici di recupero sostituiscono tutti i precedenti.",
    replace_submit: "Sostituisci i codici di recupero",
    disable_intro: "Disattivandolo, per accedere servirà solo la password.",
    disable_submit: "Disattiva",
    disabled_done: "L’accesso in due passaggi è disattivato.",
    badge: "Due passaggi",
    reset: "Reimposta i due passaggi",
    reset_named: |name| format!("Reimposta i due passaggi: {name}"),
    reset_question: |name| {
        format!(
            "Rimuovere l’accesso in due passaggi di {name}? Le sue sessioni terminano, e per accedere servirà solo la password finché non lo configura di nuovo."
        )
    },
    reset_confirm: "Sì, reimposta",
    reset_done: "Accesso in due passaggi rimosso.",
};
