//! Italiano.

use super::Editorial;

pub const IT: Editorial = Editorial {
    nav_content: "Contenuti",
    title: "Contenuti",
    heading: "Contenuti",
    articles: "Articoli",
    events: "Eventi",
    stories: "Storie",
    field_collection: "Tipo di contenuto",
    field_status: "Stato",
    all_statuses: "Tutti gli stati",
    draft: "Bozza",
    scheduled: "Programmato",
    published: "Pubblicato",
    archived: "Archiviato",
    search: "Parole, in qualsiasi lingua",
    new_article: "Nuovo articolo",
    col_title: "Titolo",
    col_status: "Stato",
    col_languages: "Lingue",
    col_changed: "Ultima modifica",
    total: |n| match n {
        1 => "1 contenuto".to_owned(),
        n => format!("{n} contenuti"),
    },
    none_yet: "Ancora niente.",
    lang_current: "aggiornata",
    lang_outdated: "da ritradurre",
    lang_missing: "mancante",
    new_heading: "Nuovo articolo",
    edit_heading: "Modifica",
    status_line: |status, version, by| {
        if by.is_empty() {
            format!("{status} · versione {version}")
        } else {
            format!("{status} · versione {version}, salvata da {by}")
        }
    },
    field_slug: "Indirizzo (slug)",
    slug_hint: "Minuscole, cifre e trattini. Se vuoto, è ricavato dal titolo.",
    field_kind: "Tipo",
    field_visibility: "Chi può leggerlo",
    public: "Tutti",
    members_only: "Solo i membri",
    field_default_lang: "Scritto prima in",
    languages_label: "Lingue",
    field_title: "Titolo",
    field_summary: "Sommario",
    field_body: "Testo",
    body_hint: "Markdown: **grassetto**, *corsivo*, [link](https://…), ## titolo, - elenco.",
    preview_heading: "Come lo vedranno i lettori",
    words: |n| match n {
        1 => "1 parola".to_owned(),
        n => format!("{n} parole"),
    },
    create: "Crea la bozza",
    save: "Salva",
    save_hint: "Ctrl+S salva.",
    saved: "Salvato.",
    unsaved: "Modifiche non salvate.",
    restored_local: "Le modifiche non salvate sono state conservate in questo browser e sono tornate.",
    discard_local: "Scartarle",
    leave_question: "Ci sono modifiche non salvate. Uscire comunque?",
    publish: "Pubblica ora",
    unpublish: "Torna in bozza",
    archive: "Archivia",
    unarchive: "Togli dall’archivio",
    schedule_heading: "Programma",
    schedule_local: "Data e ora",
    schedule_zone: "Fuso orario",
    schedule_submit: "Programma",
    schedule_yours: |at| format!("Nel tuo fuso orario: {at}"),
    scheduled_for: |at, zone| format!("Pubblico il {at} ({zone})."),
    conflict_heading: "Qualcun altro ha salvato prima",
    conflict_intro: |who| {
        format!(
            "{who} ha salvato questo contenuto dopo che l’hai aperto. Non si perde nulla: confronta, poi scegli."
        )
    },
    conflict_someone: "Qualcuno",
    conflict_theirs: "La sua versione",
    conflict_mine: "La tua versione",
    conflict_take_theirs: "Prendi la sua (scarta le mie modifiche)",
    conflict_keep_mine: "Tieni la mia (salva sopra la sua)",
    revisions_heading: "Versioni",
    revision_line: |n, action, who, when| format!("{n}. {action} · {who} · {when}"),
    compare_previous: "Cosa è cambiato",
    restore_revision: "Ripristina",
    restore_named: |n| format!("Ripristina la versione {n}"),
    restore_question: |n| {
        format!("Ripristinare la versione {n}? Diventa una nuova versione; le successive restano.")
    },
    restore_confirm: "Sì, ripristina",
    view_public: "Vedilo sul sito",
    back_to_list: "Torna ai contenuti",
};
