//! Italian strings of the data-collection pages, mirroring `en.rs` field
//! for field.
//!
//! Register: running text addresses the user formally (Lei, or impersonal
//! infinitives); buttons use the short imperative usual in Italian interfaces.

use super::Data;
use crate::i18n::it::plural;

/// The data-collection pages in Italian.
pub const IT: Data = Data {
    nav_data: "Dati",
    nav_data_return: "Dichiarazione annuale",
    nav_returns_review: "Revisione delle dichiarazioni",
    home_sources: |returns, year, declared| {
        let from_returns = match year {
            Some(year) => format!(
                "{returns} {} in base {} approvat{} (la più recente: {year})",
                plural(returns, "membro è contato", "membri sono contati"),
                plural(
                    returns,
                    "alla sua dichiarazione annuale",
                    "alle loro dichiarazioni annuali"
                ),
                plural(returns, "a", "e"),
            ),
            None => format!(
                "{returns} {} in base a dichiarazioni annuali approvate",
                plural(returns, "membro è contato", "membri sono contati"),
            ),
        };
        format!(
            "Da dove vengono i totali: {from_returns}; {declared} {} in base ai dati {} nel \
             {} profilo.",
            plural(declared, "membro", "membri"),
            plural(declared, "che ha dichiarato", "che hanno dichiarato"),
            plural(declared, "suo", "loro"),
        )
    },
    home_data_link: "Esplora le statistiche",

    dashboard_title: "Dati e statistiche",
    dashboard_description: "Cooperative, lavoratori e fatturato delle federazioni aderenti a \
        CECOP, per paese, settore e tipo di cooperativa, dalle loro dichiarazioni annuali.",
    dashboard_heading: "La rete in cifre",
    dashboard_intro: "Ogni anno i membri di CECOP dichiarano le cooperative che associano, i \
        loro lavoratori e il loro fatturato. I dati qui sotto sommano le dichiarazioni \
        approvate da CECOP per un anno, una volta pubblicato l’anno.",
    pickers_label: "Scegliere i dati",
    field_year: "Anno",
    field_indicator: "Indicatore",
    indicator_definition: "Definizione:",
    headline_heading: |year| format!("Dati principali {year}"),
    head_cooperatives: "cooperative",
    head_workers: "lavoratori",
    head_worker_member_share: "dei lavoratori sono soci della loro cooperativa",
    head_women_share: "dei lavoratori sono donne",
    head_permanent_share: "dei lavoratori hanno un contratto a tempo indeterminato",
    head_disability_share: "dei lavoratori hanno una disabilità",
    head_turnover: "fatturato",
    coverage: |responding, total| {
        format!(
            "{responding} {} su {total} {} risposto",
            plural(u64::from(responding), "membro", "membri"),
            plural(u64::from(responding), "ha", "hanno"),
        )
    },
    illustrative_returns: |n| {
        format!(
            "{} di {n} di loro {} dati dimostrativi illustrativi, non fatti.",
            plural(u64::from(n), "La dichiarazione", "Le dichiarazioni"),
            plural(u64::from(n), "è fatta di", "sono fatte di"),
        )
    },
    no_statistics_year: |year| format!("Non ci sono statistiche pubblicate per il {year}."),
    no_statistics: "Non ci sono ancora statistiche pubblicate.",
    charts_heading: "Ripartizioni",
    charts_keyboard_hint: "Ogni barra e ogni punto di un grafico si raggiunge con il tasto Tab \
        e ne annuncia il valore; ogni grafico è disponibile anche come tabella.",
    chart_by_country: |indicator, year| format!("{indicator} per paese, {year}"),
    chart_by_sector: |indicator, year| {
        format!("{indicator} per settore e tipo di cooperativa, {year}")
    },
    chart_over_years: |indicator| format!("{indicator} nel corso degli anni"),
    desc_bars: |n, label, value| {
        format!(
            "Un grafico a {n} {}. La più alta è {label}, con {value}.",
            plural(n as u64, "barra", "barre")
        )
    },
    desc_stacked: |label, value| {
        format!(
            "Una barra per settore, suddivisa per tipo di cooperativa. La parte più grande è \
             {label}, con {value}."
        )
    },
    desc_grouped: |label, value| {
        format!(
            "Un gruppo di barre per settore, una barra per tipo di cooperativa. La più alta è \
             {label}, con {value}."
        )
    },
    desc_line: |n, first_year, first, last_year, last| {
        format!(
            "Una linea su {n} {}: {first} nel {first_year}, {last} nel {last_year}.",
            plural(n as u64, "anno", "anni")
        )
    },
    shares_side_by_side: "Le percentuali non si sommano, quindi le barre sono affiancate.",
    chart_no_figures: "Nessun dato da rappresentare.",
    show_table: "Mostra i dati come tabella",
    download_csv: "Scarica in CSV",
    col_country: "Paese",
    col_sector: "Settore",
    col_coop_type: "Tipo di cooperativa",
    col_year: "Anno",
    col_responding: "Membri che hanno risposto",
    legend_label: "Tipi di cooperativa",

    return_title: "Dichiarazione annuale",
    return_heading: |year| format!("Dichiarazione annuale {year}"),
    return_intro: "Dichiari i dati delle Sue cooperative per l’anno, per tipo di cooperativa e \
        settore. Lasci vuota una casella quando non dispone del dato. Può salvare tutte le \
        volte che vuole; invii la dichiarazione quando è completa.",
    no_campaign: "Non esiste ancora alcuna raccolta dati.",
    field_state: "Stato",
    field_campaign: "Raccolta dati",
    campaign_not_open: |year| {
        format!(
            "La raccolta dati {year} non è aperta: la dichiarazione si può consultare, ma non \
             modificare."
        )
    },
    locked_submitted: "La dichiarazione è stata inviata ed è in attesa della revisione di \
        CECOP; nel frattempo non può essere modificata.",
    locked_approved: "La dichiarazione è approvata; non può più essere modificata.",
    returned_heading: "CECOP ha rinviato la dichiarazione",
    grid_caption: |year| format!("Dati {year}, per tipo di cooperativa e settore"),
    grid_hint: "Inserisca numeri interi senza separatori delle migliaia; il fatturato in euro \
        può avere due decimali dopo un punto. Sotto ogni casella, il suo dato di un anno \
        precedente.",
    group_enterprises: "Cooperative",
    group_employment: "Occupazione",
    group_turnover: "Fatturato",
    col_indicator: "Indicatore",
    previous_value: |year, value| format!("{year}: {value}"),
    errors_heading: |n| {
        format!(
            "{n} {} da correggere",
            plural(n as u64, "problema", "problemi")
        )
    },
    warnings_heading: |n, year| {
        format!(
            "{n} {} di oltre la metà dal {year}",
            plural(n as u64, "dato è cambiato", "dati sono cambiati")
        )
    },
    warnings_hint: "Li verifichi: possono essere corretti, e può comunque salvare e inviare.",
    save: "Salva",
    saving: "Salvataggio…",
    saved: "Salvato.",
    unsaved_changes: "Modifiche non salvate.",
    submit: "Invia per la revisione",
    submit_named: |year| format!("Invia per la revisione: la dichiarazione {year}"),
    submit_question: |year| {
        format!(
            "Inviare la dichiarazione {year} a CECOP? Non potrà modificarla durante la \
             revisione."
        )
    },
    submit_confirm: "Sì, invia",
    submitted_notice: "Inviata. CECOP esaminerà la dichiarazione.",
    import_heading: "Importa da un file CSV",
    import_intro: "Un file CSV ha le colonne indicator, coop_type, sector e value, un dato per \
        riga, per esempio workers,social,services,1250. Usi un punto per i decimali e nessun \
        separatore delle migliaia. Le caselle che il file non menziona mantengono i loro dati. \
        Il file viene prima verificato; nulla viene scritto finché non lo importa.",
    import_template: "Scarica i dati attuali come file CSV",
    import_file: "File CSV",
    import_check: "Verifica il file",
    import_choose_first: "Scelga prima un file.",
    import_progress: "Invio",
    import_report_heading: "Cosa farebbe l’importazione",
    import_summary: |imported, updated, unchanged, refused| {
        format!(
            "{imported} {}, {updated} {}, {unchanged} {}, {refused} {}.",
            plural(u64::from(imported), "nuovo", "nuovi"),
            plural(u64::from(updated), "modificato", "modificati"),
            plural(u64::from(unchanged), "invariato", "invariati"),
            plural(u64::from(refused), "rifiutato", "rifiutati"),
        )
    },
    import_refused_note: "Non si può importare nulla finché una riga è rifiutata: corregga il \
        file e lo verifichi di nuovo.",
    import_run: "Importa questi dati",
    import_done: "Importato. La griglia mostra la dichiarazione com’è ora.",
    col_line: "Riga",
    col_outcome: "Esito",
    col_cell: "Casella",
    col_message: "Messaggio",
    outcome_imported: "Nuovo",
    outcome_updated: "Modificato",
    outcome_unchanged: "Invariato",
    outcome_refused: "Rifiutato",

    review_title: "Revisione delle dichiarazioni",
    review_heading: "Dichiarazioni annuali",
    review_intro: "Le dichiarazioni annuali dei membri. Apra una dichiarazione inviata per \
        approvarla o rinviarla con una motivazione.",
    review_filters_label: "Filtra le dichiarazioni",
    all_years: "Tutti gli anni",
    all_states: "Tutti gli stati",
    all_members: "Tutti i membri",
    returns_total: |n| format!("{n} {}", plural(n, "dichiarazione", "dichiarazioni")),
    returns_empty: "Nessuna dichiarazione corrisponde a questi filtri.",
    missing_heading: |year| format!("Dichiarazione {year} non ancora inviata"),
    missing_none: "Tutti i membri attivi hanno inviato la dichiarazione.",
    not_started: "Non iniziata",
    col_member: "Membro",
    col_figures: "Dati",
    col_changed: "Ultima modifica",
    review_back: "Tutte le dichiarazioni",
    return_not_found_heading: "Dichiarazione non trovata",
    return_not_found_text: "Non c’è alcuna dichiarazione annuale a questo indirizzo.",
    review_return_heading: |member, year| format!("{member}, {year}"),
    reason_heading: "Motivazione indicata",
    compare_heading: "Dati",
    compare_caption: |year, previous| match previous {
        Some(previous) => format!("Dati {year}, accanto a quelli del {previous}"),
        None => format!("Dati {year}"),
    },
    col_change: "Variazione",
    no_previous: "Il membro non ha una dichiarazione approvata di un anno precedente con cui \
        confrontare.",
    big_change: "oltre il 50%",
    big_changes: |n| {
        format!(
            "{n} {} di oltre il 50%; {} evidenziat{}.",
            plural(n as u64, "dato è cambiato", "dati sono cambiati"),
            plural(n as u64, "è", "sono"),
            plural(n as u64, "o", "i")
        )
    },
    not_reported: "—",
    history_heading: "Cronologia",
    history_empty: "Non è ancora successo nulla a questa dichiarazione.",
    col_when: "Quando",
    col_who: "Chi",
    col_action: "Azione",
    changed_figures: |n| {
        format!(
            "{n} {}",
            plural(n as u64, "dato modificato", "dati modificati")
        )
    },
    decision_heading: "Decisione",
    approve: "Approva",
    send_back: "Rinvia al membro",
    reopen: "Riapri",
    field_reason: "Motivazione, per il membro",
    reason_hint: "Obbligatoria per rinviare o riaprire una dichiarazione; il membro la legge.",
    reason_required: "Indichi una motivazione.",
    decided: |state| format!("Fatto: la dichiarazione ora è «{state}»."),
    nothing_to_decide: |state| format!("Nulla da decidere: la dichiarazione è «{state}»."),

    campaign_planned: "prevista",
    campaign_open: "aperta",
    campaign_closed: "chiusa",
    campaign_published: "pubblicata",
    state_draft: "Bozza",
    state_submitted: "Inviata",
    state_approved: "Approvata",
    state_returned: "Rinviata",
    action_edited: "Modificata",
    action_imported: "Importata da CSV",
    action_submitted: "Inviata",
    action_approved: "Approvata",
    action_returned: "Rinviata",
    action_reopened: "Riaperta",
};
