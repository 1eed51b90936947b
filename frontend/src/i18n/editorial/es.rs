//! Español.

use super::Editorial;

pub const ES: Editorial = Editorial {
    nav_content: "Contenidos",
    title: "Contenidos",
    heading: "Contenidos",
    articles: "Artículos",
    events: "Eventos",
    stories: "Historias",
    field_collection: "Tipo de contenido",
    field_status: "Estado",
    all_statuses: "Todos los estados",
    draft: "Borrador",
    scheduled: "Programado",
    published: "Publicado",
    archived: "Archivado",
    search: "Palabras, en cualquier idioma",
    new_article: "Nuevo artículo",
    col_title: "Título",
    col_status: "Estado",
    col_languages: "Idiomas",
    col_changed: "Último cambio",
    total: |n| match n {
        1 => "1 contenido".to_owned(),
        n => format!("{n} contenidos"),
    },
    none_yet: "Todavía nada.",
    lang_current: "al día",
    lang_outdated: "por volver a traducir",
    lang_missing: "falta",
    new_heading: "Nuevo artículo",
    edit_heading: "Editar",
    status_line: |status, version, by| {
        if by.is_empty() {
            format!("{status} · versión {version}")
        } else {
            format!("{status} · versión {version}, guardada por {by}")
        }
    },
    field_slug: "Dirección (slug)",
    slug_hint: "Minúsculas, cifras y guiones. Si se deja vacía, se hace a partir del título.",
    field_kind: "Tipo",
    field_visibility: "Quién puede leerlo",
    public: "Todo el mundo",
    members_only: "Solo los miembros",
    field_default_lang: "Escrito primero en",
    languages_label: "Idiomas",
    field_title: "Título",
    field_summary: "Resumen",
    field_body: "Texto",
    body_hint: "Markdown: **negrita**, *cursiva*, [enlace](https://…), ## título, - lista.",
    preview_heading: "Tal como lo verán los lectores",
    words: |n| match n {
        1 => "1 palabra".to_owned(),
        n => format!("{n} palabras"),
    },
    create: "Crear el borrador",
    save: "Guardar",
    save_hint: "Ctrl+S guarda.",
    saved: "Guardado.",
    unsaved: "Cambios sin guardar.",
    restored_local: "Sus cambios sin guardar se conservaron en este navegador y han vuelto.",
    discard_local: "Descartarlos",
    leave_question: "Hay cambios sin guardar. ¿Salir de todos modos?",
    publish: "Publicar ahora",
    unpublish: "Volver a borrador",
    archive: "Archivar",
    unarchive: "Sacar del archivo",
    schedule_heading: "Programar",
    schedule_local: "Fecha y hora",
    schedule_zone: "Zona horaria",
    schedule_submit: "Programar",
    schedule_yours: |at| format!("En su zona horaria: {at}"),
    scheduled_for: |at, zone| format!("Público el {at} ({zone})."),
    conflict_heading: "Otra persona guardó antes",
    conflict_intro: |who| {
        format!(
            "{who} guardó este contenido después de que usted lo abriera. No se pierde nada: compare y elija."
        )
    },
    conflict_someone: "Alguien",
    conflict_theirs: "La versión guardada",
    conflict_mine: "Sus cambios",
    conflict_take_theirs: "Quedarse con la otra (descartar mis cambios)",
    conflict_keep_mine: "Quedarse con la mía (guardar encima)",
    revisions_heading: "Versiones",
    revision_line: |n, action, who, when| format!("{n}. {action} · {who} · {when}"),
    compare_previous: "Qué cambió",
    restore_revision: "Restaurar",
    restore_named: |n| format!("Restaurar la versión {n}"),
    restore_question: |n| {
        format!(
            "¿Restaurar la versión {n}? Se convierte en una versión nueva; las posteriores se conservan."
        )
    },
    restore_confirm: "Sí, restaurar",
    view_public: "Verlo en el sitio",
    back_to_list: "Volver a los contenidos",
};
