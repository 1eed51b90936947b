//! Français.

use super::Editorial;

pub const FR: Editorial = Editorial {
    nav_content: "Contenus",
    title: "Contenus",
    heading: "Contenus",
    articles: "Articles",
    events: "Événements",
    stories: "Témoignages",
    field_collection: "Type de contenu",
    field_status: "Statut",
    all_statuses: "Tous les statuts",
    draft: "Brouillon",
    scheduled: "Programmé",
    published: "Publié",
    archived: "Archivé",
    search: "Mots, dans toute langue",
    new_article: "Nouvel article",
    col_title: "Titre",
    col_status: "Statut",
    col_languages: "Langues",
    col_changed: "Dernière modification",
    total: |n| match n {
        0 | 1 => format!("{n} contenu"),
        n => format!("{n} contenus"),
    },
    none_yet: "Rien pour l’instant.",
    lang_current: "à jour",
    lang_outdated: "à retraduire",
    lang_missing: "manquante",
    new_heading: "Nouvel article",
    edit_heading: "Modifier",
    status_line: |status, version, by| {
        if by.is_empty() {
            format!("{status} · version {version}")
        } else {
            format!("{status} · version {version}, enregistrée par {by}")
        }
    },
    field_slug: "Adresse (slug)",
    slug_hint: "Minuscules, chiffres et tirets. Laissée vide, elle est tirée du titre.",
    field_kind: "Type",
    field_visibility: "Qui peut le lire",
    public: "Tout le monde",
    members_only: "Les membres seulement",
    field_default_lang: "Rédigé d’abord en",
    languages_label: "Langues",
    field_title: "Titre",
    field_summary: "Résumé",
    field_body: "Texte",
    body_hint: "Markdown : **gras**, *italique*, [lien](https://…), ## titre, - liste.",
    preview_heading: "Tel que les lecteurs le verront",
    words: |n| match n {
        0 | 1 => format!("{n} mot"),
        n => format!("{n} mots"),
    },
    create: "Créer le brouillon",
    save: "Enregistrer",
    save_hint: "Ctrl+S enregistre.",
    saved: "Enregistré.",
    unsaved: "Modifications non enregistrées.",
    restored_local: "Vos modifications non enregistrées ont été gardées dans ce navigateur et sont de retour.",
    discard_local: "Les abandonner",
    leave_question: "Des modifications ne sont pas enregistrées. Quitter quand même ?",
    publish: "Publier maintenant",
    unpublish: "Repasser en brouillon",
    archive: "Archiver",
    unarchive: "Sortir des archives",
    schedule_heading: "Programmer",
    schedule_local: "Date et heure",
    schedule_zone: "Fuseau horaire",
    schedule_submit: "Programmer",
    schedule_yours: |at| format!("Dans votre fuseau horaire : {at}"),
    scheduled_for: |at, zone| format!("Public le {at} ({zone})."),
    conflict_heading: "Quelqu’un a enregistré avant vous",
    conflict_intro: |who| {
        format!(
            "{who} a enregistré ce contenu après que vous l’avez ouvert. Rien n’est perdu : comparez, puis choisissez."
        )
    },
    conflict_someone: "Quelqu’un",
    conflict_theirs: "Sa version",
    conflict_mine: "Votre version",
    conflict_take_theirs: "Prendre la sienne (abandonner mes modifications)",
    conflict_keep_mine: "Garder la mienne (enregistrer par-dessus)",
    revisions_heading: "Versions",
    revision_line: |n, action, who, when| format!("{n}. {action} · {who} · {when}"),
    compare_previous: "Ce qui a changé",
    restore_revision: "Restaurer",
    restore_named: |n| format!("Restaurer la version {n}"),
    restore_question: |n| {
        format!(
            "Restaurer la version {n} ? Elle devient une nouvelle version ; les suivantes restent."
        )
    },
    restore_confirm: "Oui, restaurer",
    view_public: "Le voir sur le site",
    back_to_list: "Retour aux contenus",
};
