//! French strings of the data-collection pages, mirroring `en.rs` field
//! for field.
//!
//! French typography: a no-break space (`\u{a0}`) goes before `:`, `;`, `?`
//! and `!`, and before `%`.

use super::Data;
use crate::i18n::fr::plural;

/// The data-collection pages in French.
pub const FR: Data = Data {
    nav_data: "Données",
    nav_data_return: "Déclaration annuelle",
    nav_returns_review: "Revue des déclarations",
    home_sources: |returns, year, declared| {
        let from_returns = match year {
            Some(year) => format!(
                "{returns} {} d’après {} déclaration{} annuelle{} approuvée{} (la plus récente\u{a0}: {year})",
                plural(returns, "membre est compté", "membres sont comptés"),
                plural(returns, "sa", "leurs"),
                plural(returns, "", "s"),
                plural(returns, "", "s"),
                plural(returns, "", "s"),
            ),
            None => format!(
                "{returns} {} d’après des déclarations annuelles approuvées",
                plural(returns, "membre est compté", "membres sont comptés"),
            ),
        };
        format!(
            "D’où viennent les totaux\u{a0}: {from_returns}\u{a0}; {declared} {} d’après les \
             chiffres {} sur {} profil.",
            plural(declared, "membre", "membres"),
            plural(declared, "qu’il a déclarés", "qu’ils ont déclarés"),
            plural(declared, "son", "leur"),
        )
    },
    home_data_link: "Explorer les statistiques",

    dashboard_title: "Données et statistiques",
    dashboard_description: "Coopératives, travailleurs et chiffre d’affaires des fédérations \
        membres de CECOP, par pays, secteur et type de coopérative, d’après leurs déclarations \
        annuelles.",
    dashboard_heading: "Le réseau en chiffres",
    dashboard_intro: "Chaque année, les membres de CECOP déclarent les coopératives qu’ils \
        fédèrent, leurs travailleurs et leur chiffre d’affaires. Les chiffres ci-dessous \
        additionnent les déclarations approuvées par CECOP pour une année, une fois l’année \
        publiée.",
    pickers_label: "Choisir les chiffres",
    field_year: "Année",
    field_indicator: "Indicateur",
    indicator_definition: "Définition\u{a0}:",
    headline_heading: |year| format!("Chiffres clés {year}"),
    head_cooperatives: "coopératives",
    head_workers: "travailleurs",
    head_worker_member_share: "des travailleurs sont associés de leur coopérative",
    head_women_share: "des travailleurs sont des femmes",
    head_permanent_share: "des travailleurs sont en contrat à durée indéterminée",
    head_disability_share: "des travailleurs ont un handicap",
    head_turnover: "chiffre d’affaires",
    coverage: |responding, total| {
        format!(
            "{responding} {} sur {total} {} répondu",
            plural(u64::from(responding), "membre", "membres"),
            plural(u64::from(responding), "a", "ont"),
        )
    },
    illustrative_returns: |n| {
        format!(
            "{} de {n} d’entre eux {} des données de démonstration illustratives, pas des faits.",
            plural(u64::from(n), "La déclaration", "Les déclarations"),
            plural(u64::from(n), "est faite", "sont faites"),
        )
    },
    no_statistics_year: |year| format!("Aucune statistique n’est publiée pour {year}."),
    no_statistics: "Aucune statistique n’est encore publiée.",
    charts_heading: "Répartitions",
    charts_keyboard_hint: "Chaque barre et chaque point d’un graphique s’atteint avec la \
        touche Tab et annonce son chiffre\u{a0}; chaque graphique existe aussi sous forme de \
        tableau.",
    chart_by_country: |indicator, year| format!("{indicator} par pays, {year}"),
    chart_by_sector: |indicator, year| {
        format!("{indicator} par secteur et type de coopérative, {year}")
    },
    chart_over_years: |indicator| format!("{indicator} au fil des années"),
    desc_bars: |n, label, value| {
        format!(
            "Un graphique de {n} {}. La plus haute est {label}, avec {value}.",
            plural(n as u64, "barre", "barres")
        )
    },
    desc_stacked: |label, value| {
        format!(
            "Une barre par secteur, divisée par type de coopérative. La plus grande part est \
             {label}, avec {value}."
        )
    },
    desc_grouped: |label, value| {
        format!(
            "Un groupe de barres par secteur, une barre par type de coopérative. La plus haute \
             est {label}, avec {value}."
        )
    },
    desc_line: |n, first_year, first, last_year, last| {
        format!(
            "Une courbe sur {n} {}\u{a0}: {first} en {first_year}, {last} en {last_year}.",
            plural(n as u64, "an", "ans")
        )
    },
    shares_side_by_side: "Les pourcentages ne s’additionnent pas\u{a0}: les barres sont donc \
        côte à côte.",
    chart_no_figures: "Aucun chiffre à représenter.",
    show_table: "Afficher les chiffres sous forme de tableau",
    download_csv: "Télécharger en CSV",
    col_country: "Pays",
    col_sector: "Secteur",
    col_coop_type: "Type de coopérative",
    col_year: "Année",
    col_responding: "Membres ayant répondu",
    legend_label: "Types de coopérative",

    return_title: "Déclaration annuelle",
    return_heading: |year| format!("Déclaration annuelle {year}"),
    return_intro: "Déclarez les chiffres de vos coopératives pour l’année, par type de \
        coopérative et par secteur. Laissez une case vide lorsque vous n’avez pas le chiffre. \
        Enregistrez aussi souvent que vous le souhaitez et soumettez la déclaration lorsqu’elle \
        est complète.",
    no_campaign: "Aucune collecte de données n’existe encore.",
    field_state: "État",
    field_campaign: "Collecte de données",
    campaign_not_open: |year| {
        format!(
            "La collecte de données {year} n’est pas ouverte\u{a0}: la déclaration peut être \
             consultée, mais pas modifiée."
        )
    },
    locked_submitted: "La déclaration est soumise et attend la revue de CECOP\u{a0}; elle ne \
        peut pas être modifiée entre-temps.",
    locked_approved: "La déclaration est approuvée\u{a0}; elle ne peut plus être modifiée.",
    returned_heading: "CECOP a renvoyé la déclaration",
    grid_caption: |year| format!("Chiffres {year}, par type de coopérative et par secteur"),
    grid_hint: "Saisissez des nombres entiers sans séparateur de milliers\u{a0}; le chiffre \
        d’affaires en euros peut avoir deux décimales après un point. Sous chaque case, son \
        chiffre d’une année précédente.",
    group_enterprises: "Coopératives",
    group_employment: "Emploi",
    group_turnover: "Chiffre d’affaires",
    col_indicator: "Indicateur",
    previous_value: |year, value| format!("{year}\u{a0}: {value}"),
    errors_heading: |n| {
        format!(
            "{n} {} à corriger",
            plural(n as u64, "problème", "problèmes")
        )
    },
    warnings_heading: |n, year| {
        format!(
            "{n} {} de plus de moitié depuis {year}",
            plural(n as u64, "chiffre a changé", "chiffres ont changé")
        )
    },
    warnings_hint: "Vérifiez-les\u{a0}: ils peuvent être justes, et vous pouvez quand même \
        enregistrer et soumettre.",
    save: "Enregistrer",
    saving: "Enregistrement…",
    saved: "Enregistré.",
    unsaved_changes: "Modifications non enregistrées.",
    submit: "Soumettre pour revue",
    submit_named: |year| format!("Soumettre pour revue\u{a0}: la déclaration {year}"),
    submit_question: |year| {
        format!(
            "Soumettre la déclaration {year} à CECOP\u{a0}? Vous ne pourrez pas la modifier \
             pendant sa revue."
        )
    },
    submit_confirm: "Oui, soumettre",
    submitted_notice: "Soumise. CECOP va examiner la déclaration.",
    import_heading: "Importer un fichier CSV",
    import_intro: "Un fichier CSV a les colonnes indicator, coop_type, sector et value, un \
        chiffre par ligne, par exemple workers,social,services,1250. Utilisez un point pour les \
        décimales et aucun séparateur de milliers. Les cases que le fichier ne mentionne pas \
        gardent leurs chiffres. Le fichier est d’abord vérifié\u{a0}; rien n’est écrit avant \
        que vous ne l’importiez.",
    import_template: "Télécharger les chiffres actuels en fichier CSV",
    import_file: "Fichier CSV",
    import_check: "Vérifier le fichier",
    import_choose_first: "Choisissez d’abord un fichier.",
    import_progress: "Envoi",
    import_report_heading: "Ce que ferait l’import",
    import_summary: |imported, updated, unchanged, refused| {
        format!(
            "{imported} {}, {updated} {}, {unchanged} {}, {refused} {}.",
            plural(u64::from(imported), "nouveau", "nouveaux"),
            plural(u64::from(updated), "modifié", "modifiés"),
            plural(u64::from(unchanged), "inchangé", "inchangés"),
            plural(u64::from(refused), "refusé", "refusés"),
        )
    },
    import_refused_note: "Rien ne peut être importé tant qu’une ligne est refusée\u{a0}: \
        corrigez le fichier et vérifiez-le à nouveau.",
    import_run: "Importer ces chiffres",
    import_done: "Importé. La grille montre la déclaration telle qu’elle est maintenant.",
    col_line: "Ligne",
    col_outcome: "Résultat",
    col_cell: "Case",
    col_message: "Message",
    outcome_imported: "Nouveau",
    outcome_updated: "Modifié",
    outcome_unchanged: "Inchangé",
    outcome_refused: "Refusé",

    review_title: "Revue des déclarations",
    review_heading: "Déclarations annuelles",
    review_intro: "Les déclarations annuelles des membres. Ouvrez une déclaration soumise pour \
        l’approuver ou la renvoyer avec un motif.",
    review_filters_label: "Filtrer les déclarations",
    all_years: "Toutes les années",
    all_states: "Tous les états",
    all_members: "Tous les membres",
    returns_total: |n| format!("{n} {}", plural(n, "déclaration", "déclarations")),
    returns_empty: "Aucune déclaration ne correspond à ces filtres.",
    missing_heading: |year| format!("Déclaration {year} pas encore envoyée"),
    missing_none: "Tous les membres actifs ont envoyé leur déclaration.",
    not_started: "Pas commencée",
    col_member: "Membre",
    col_figures: "Chiffres",
    col_changed: "Dernière modification",
    review_back: "Toutes les déclarations",
    return_not_found_heading: "Déclaration introuvable",
    return_not_found_text: "Aucune déclaration annuelle ne se trouve à cette adresse.",
    review_return_heading: |member, year| format!("{member}, {year}"),
    reason_heading: "Motif indiqué",
    compare_heading: "Chiffres",
    compare_caption: |year, previous| match previous {
        Some(previous) => format!("Chiffres {year}, à côté de ceux de {previous}"),
        None => format!("Chiffres {year}"),
    },
    col_change: "Évolution",
    no_previous: "Le membre n’a pas de déclaration approuvée d’une année précédente à comparer.",
    big_change: "plus de 50\u{a0}%",
    big_changes: |n| {
        format!(
            "{n} {} de plus de 50\u{a0}%\u{a0}; {} en surbrillance.",
            plural(n as u64, "chiffre a changé", "chiffres ont changé"),
            plural(n as u64, "il est", "ils sont")
        )
    },
    not_reported: "—",
    history_heading: "Historique",
    history_empty: "Rien n’est encore arrivé à cette déclaration.",
    col_when: "Quand",
    col_who: "Qui",
    col_action: "Action",
    changed_figures: |n| {
        format!(
            "{n} {}",
            plural(n as u64, "chiffre modifié", "chiffres modifiés")
        )
    },
    decision_heading: "Décision",
    approve: "Approuver",
    send_back: "Renvoyer au membre",
    reopen: "Rouvrir",
    field_reason: "Motif, pour le membre",
    reason_hint: "Obligatoire pour renvoyer ou rouvrir une déclaration\u{a0}; le membre le lit.",
    reason_required: "Indiquez un motif.",
    decided: |state| {
        format!("C’est fait\u{a0}: la déclaration est maintenant «\u{a0}{state}\u{a0}».")
    },
    nothing_to_decide: |state| {
        format!("Rien à décider\u{a0}: la déclaration est «\u{a0}{state}\u{a0}».")
    },

    campaign_planned: "prévue",
    campaign_open: "ouverte",
    campaign_closed: "close",
    campaign_published: "publiée",
    state_draft: "Brouillon",
    state_submitted: "Soumise",
    state_approved: "Approuvée",
    state_returned: "Renvoyée",
    action_edited: "Modifiée",
    action_imported: "Importée depuis un CSV",
    action_submitted: "Soumise",
    action_approved: "Approuvée",
    action_returned: "Renvoyée",
    action_reopened: "Rouverte",
};
