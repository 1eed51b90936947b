//! Spanish strings of the data-collection pages, mirroring `en.rs` field
//! for field.

use super::Data;
use crate::i18n::es::plural;

/// The data-collection pages in Spanish.
pub const ES: Data = Data {
    nav_data: "Datos",
    nav_data_return: "Declaración anual",
    nav_returns_review: "Revisión de declaraciones",
    home_sources: |returns, year, declared| {
        let from_returns = match year {
            Some(year) => format!(
                "{returns} {} según {} declaraci{} anual{} aprobada{} (la más reciente: {year})",
                plural(returns, "miembro se cuenta", "miembros se cuentan"),
                plural(returns, "su", "sus"),
                plural(returns, "ón", "ones"),
                plural(returns, "", "es"),
                plural(returns, "", "s"),
            ),
            None => format!(
                "{returns} {} según declaraciones anuales aprobadas",
                plural(returns, "miembro se cuenta", "miembros se cuentan"),
            ),
        };
        format!(
            "De dónde salen los totales: {from_returns}; {declared} {} según las cifras que \
             {} en su perfil.",
            plural(declared, "miembro", "miembros"),
            plural(declared, "declaró", "declararon"),
        )
    },
    home_data_link: "Explorar las estadísticas",

    dashboard_title: "Datos y estadísticas",
    dashboard_description: "Cooperativas, personas trabajadoras y volumen de negocio de las \
        federaciones miembro de CECOP, por país, sector y tipo de cooperativa, según sus \
        declaraciones anuales.",
    dashboard_heading: "La red en cifras",
    dashboard_intro: "Cada año los miembros de CECOP declaran las cooperativas que agrupan, \
        sus personas trabajadoras y su volumen de negocio. Las cifras de abajo suman las \
        declaraciones que CECOP ha aprobado para un año, una vez publicado ese año.",
    pickers_label: "Elegir las cifras",
    field_year: "Año",
    field_indicator: "Indicador",
    indicator_definition: "Definición:",
    headline_heading: |year| format!("Cifras clave de {year}"),
    head_cooperatives: "cooperativas",
    head_workers: "personas trabajadoras",
    head_worker_member_share: "de las personas trabajadoras son socias de su cooperativa",
    head_women_share: "de las personas trabajadoras son mujeres",
    head_permanent_share: "de las personas trabajadoras tienen contrato indefinido",
    head_disability_share: "de las personas trabajadoras tienen una discapacidad",
    head_turnover: "volumen de negocio",
    coverage: |responding, total| {
        format!(
            "{responding} de {total} {} {}",
            plural(u64::from(total), "miembro", "miembros"),
            plural(u64::from(responding), "respondió", "respondieron"),
        )
    },
    illustrative_returns: |n| {
        format!(
            "{} de {n} de ellos {} datos ilustrativos de demostración, no hechos.",
            plural(u64::from(n), "La declaración", "Las declaraciones"),
            plural(u64::from(n), "es", "son"),
        )
    },
    no_statistics_year: |year| format!("No hay estadísticas publicadas para {year}."),
    no_statistics: "Todavía no hay estadísticas publicadas.",
    charts_heading: "Desgloses",
    charts_keyboard_hint: "Cada barra y cada punto de un gráfico se alcanza con la tecla Tab y \
        anuncia su cifra; cada gráfico también se ofrece como tabla.",
    chart_by_country: |indicator, year| format!("{indicator} por país, {year}"),
    chart_by_sector: |indicator, year| {
        format!("{indicator} por sector y tipo de cooperativa, {year}")
    },
    chart_over_years: |indicator| format!("{indicator} a lo largo de los años"),
    desc_bars: |n, label, value| {
        format!(
            "Un gráfico de {n} {}. La más alta es {label}, con {value}.",
            plural(n as u64, "barra", "barras")
        )
    },
    desc_stacked: |label, value| {
        format!(
            "Una barra por sector, dividida por tipo de cooperativa. La parte más grande es \
             {label}, con {value}."
        )
    },
    desc_grouped: |label, value| {
        format!(
            "Un grupo de barras por sector, una barra por tipo de cooperativa. La más alta es \
             {label}, con {value}."
        )
    },
    desc_line: |n, first_year, first, last_year, last| {
        format!(
            "Una línea a lo largo de {n} {}: {first} en {first_year}, {last} en {last_year}.",
            plural(n as u64, "año", "años")
        )
    },
    shares_side_by_side: "Los porcentajes no se suman, así que las barras van una al lado de \
        otra.",
    chart_no_figures: "No hay cifras que representar.",
    show_table: "Mostrar las cifras como tabla",
    download_csv: "Descargar en CSV",
    col_country: "País",
    col_sector: "Sector",
    col_coop_type: "Tipo de cooperativa",
    col_year: "Año",
    col_responding: "Miembros que respondieron",
    legend_label: "Tipos de cooperativa",

    return_title: "Declaración anual",
    return_heading: |year| format!("Declaración anual {year}"),
    return_intro: "Declare las cifras de sus cooperativas para el año, por tipo de cooperativa \
        y sector. Deje una casilla vacía cuando no tenga la cifra. Guarde tantas veces como \
        quiera; envíe la declaración cuando esté completa.",
    no_campaign: "Todavía no hay ninguna recogida de datos.",
    field_state: "Estado",
    field_campaign: "Recogida de datos",
    campaign_not_open: |year| {
        format!(
            "La recogida de datos de {year} no está abierta: la declaración se puede consultar, \
             pero no modificar."
        )
    },
    locked_submitted: "La declaración está enviada y espera la revisión de CECOP; mientras \
        tanto no se puede modificar.",
    locked_approved: "La declaración está aprobada; ya no se puede modificar.",
    returned_heading: "CECOP ha devuelto la declaración",
    grid_caption: |year| format!("Cifras de {year}, por tipo de cooperativa y sector"),
    grid_hint: "Escriba números enteros sin separadores de miles; el volumen de negocio en \
        euros puede tener dos decimales tras un punto. Bajo cada casilla, su cifra de un año \
        anterior.",
    group_enterprises: "Cooperativas",
    group_employment: "Empleo",
    group_turnover: "Volumen de negocio",
    col_indicator: "Indicador",
    previous_value: |year, value| format!("{year}: {value}"),
    errors_heading: |n| {
        format!(
            "{n} {} que corregir",
            plural(n as u64, "problema", "problemas")
        )
    },
    warnings_heading: |n, year| {
        format!(
            "{n} {} más de la mitad desde {year}",
            plural(n as u64, "cifra ha cambiado", "cifras han cambiado")
        )
    },
    warnings_hint: "Revíselas: pueden ser correctas, y aun así puede guardar y enviar.",
    save: "Guardar",
    saving: "Guardando…",
    saved: "Guardado.",
    unsaved_changes: "Cambios sin guardar.",
    submit: "Enviar para revisión",
    submit_named: |year| format!("Enviar para revisión: la declaración {year}"),
    submit_question: |year| {
        format!("¿Enviar la declaración {year} a CECOP? No podrá modificarla mientras se revisa.")
    },
    submit_confirm: "Sí, enviar",
    submitted_notice: "Enviada. CECOP revisará la declaración.",
    import_heading: "Importar desde un archivo CSV",
    import_intro: "Un archivo CSV tiene las columnas indicator, coop_type, sector y value, una \
        cifra por fila, por ejemplo workers,social,services,1250. Use un punto para los \
        decimales y ningún separador de miles. Las casillas que el archivo no menciona \
        conservan sus cifras. Primero se comprueba el archivo; no se escribe nada hasta que lo \
        importe.",
    import_template: "Descargar las cifras actuales como archivo CSV",
    import_file: "Archivo CSV",
    import_check: "Comprobar el archivo",
    import_choose_first: "Elija primero un archivo.",
    import_progress: "Envío",
    import_report_heading: "Lo que haría la importación",
    import_summary: |imported, updated, unchanged, refused| {
        format!(
            "{imported} {}, {updated} {}, {unchanged} {}, {refused} {}.",
            plural(u64::from(imported), "nueva", "nuevas"),
            plural(u64::from(updated), "cambiada", "cambiadas"),
            plural(u64::from(unchanged), "sin cambios", "sin cambios"),
            plural(u64::from(refused), "rechazada", "rechazadas"),
        )
    },
    import_refused_note: "No se puede importar nada mientras haya una fila rechazada: corrija \
        el archivo y vuelva a comprobarlo.",
    import_run: "Importar estas cifras",
    import_done: "Importado. La tabla muestra la declaración tal como queda ahora.",
    col_line: "Línea",
    col_outcome: "Resultado",
    col_cell: "Casilla",
    col_message: "Mensaje",
    outcome_imported: "Nueva",
    outcome_updated: "Cambiada",
    outcome_unchanged: "Sin cambios",
    outcome_refused: "Rechazada",

    review_title: "Revisión de declaraciones",
    review_heading: "Declaraciones anuales",
    review_intro: "Las declaraciones anuales de los miembros. Abra una declaración enviada para \
        aprobarla o devolverla con un motivo.",
    review_filters_label: "Filtrar declaraciones",
    all_years: "Todos los años",
    all_states: "Todos los estados",
    all_members: "Todos los miembros",
    returns_total: |n| format!("{n} {}", plural(n, "declaración", "declaraciones")),
    returns_empty: "Ninguna declaración coincide con estos filtros.",
    missing_heading: |year| format!("Aún sin enviar la declaración {year}"),
    missing_none: "Todos los miembros activos han enviado su declaración.",
    not_started: "Sin empezar",
    col_member: "Miembro",
    col_figures: "Cifras",
    col_changed: "Último cambio",
    review_back: "Todas las declaraciones",
    return_not_found_heading: "Declaración no encontrada",
    return_not_found_text: "No hay ninguna declaración anual en esta dirección.",
    review_return_heading: |member, year| format!("{member}, {year}"),
    reason_heading: "Motivo indicado",
    compare_heading: "Cifras",
    compare_caption: |year, previous| match previous {
        Some(previous) => format!("Cifras de {year}, junto a las de {previous}"),
        None => format!("Cifras de {year}"),
    },
    col_change: "Variación",
    no_previous: "El miembro no tiene ninguna declaración aprobada de un año anterior con la \
        que comparar.",
    big_change: "más del 50 %",
    big_changes: |n| {
        format!(
            "{n} {} más del 50 %; {} resaltadas.",
            plural(n as u64, "cifra ha cambiado", "cifras han cambiado"),
            plural(n as u64, "está", "están")
        )
    },
    not_reported: "—",
    history_heading: "Historial",
    history_empty: "Todavía no ha pasado nada con esta declaración.",
    col_when: "Cuándo",
    col_who: "Quién",
    col_action: "Acción",
    changed_figures: |n| {
        format!(
            "{n} {}",
            plural(n as u64, "cifra cambiada", "cifras cambiadas")
        )
    },
    decision_heading: "Decisión",
    approve: "Aprobar",
    send_back: "Devolver al miembro",
    reopen: "Reabrir",
    field_reason: "Motivo, para el miembro",
    reason_hint: "Obligatorio para devolver o reabrir una declaración; el miembro lo lee.",
    reason_required: "Indique un motivo.",
    decided: |state| format!("Hecho: la declaración está ahora «{state}»."),
    nothing_to_decide: |state| format!("Nada que decidir: la declaración está «{state}»."),

    campaign_planned: "prevista",
    campaign_open: "abierta",
    campaign_closed: "cerrada",
    campaign_published: "publicada",
    state_draft: "Borrador",
    state_submitted: "Enviada",
    state_approved: "Aprobada",
    state_returned: "Devuelta",
    action_edited: "Modificada",
    action_imported: "Importada desde CSV",
    action_submitted: "Enviada",
    action_approved: "Aprobada",
    action_returned: "Devuelta",
    action_reopened: "Reabierta",
};
