//! Italian strings of the publishing pages, mirroring `en.rs` field for field.
//!
//! Register: running text addresses the user formally (Lei, or impersonal
//! infinitives); buttons use the short imperative usual in Italian interfaces.

use super::Publishing;
use crate::i18n::it::plural;

/// The publishing pages in Italian.
pub const IT: Publishing = Publishing {
    nav_news: "Notizie",
    nav_events: "Eventi",
    nav_cooptales: "#COOPTALES",
    nav_publications: "Pubblicazioni",
    nav_about: "Chi siamo",
    site_search_label: "Cerca nel sito",

    theme_employment_social_inclusion: "Occupazione e inclusione sociale",
    theme_entrepreneurship: "Imprenditorialità",
    theme_sustainable_growth: "Crescita sostenibile",
    article_news: "Notizia",
    article_press_release: "Comunicato stampa",
    article_position_paper: "Documento di posizione",
    article_publication: "Pubblicazione",
    article_consultation_response: "Risposta a una consultazione",
    event_conference: "Conferenza",
    event_webinar: "Webinar",
    event_mutual_learning_session: "Sessione di apprendimento reciproco",
    event_policy_debate: "Dibattito politico",
    event_visit: "Visita di studio",
    result_article: "Articolo",
    result_event: "Evento",
    result_story: "Storia #COOPTALES",
    result_member: "Membro",
    organiser: "Organizzatore",
    co_organiser: "Coorganizzatore",

    members_only_badge: "Riservato ai membri",
    eu_notice_title: "Cofinanziato dall’Unione europea",
    eu_notice_text: "I punti di vista e le opinioni espressi sono tuttavia solo quelli \
        degli autori e non riflettono necessariamente quelli dell’Unione europea o della \
        Commissione europea. Né l’Unione europea né l’autorità concedente possono esserne \
        ritenute responsabili.",
    also_available_in: "Disponibile anche in",
    switch_language_hint: "La scelta di una lingua cambia anche la lingua del sito.",
    shown_in: |lang| format!("Questo testo non è disponibile in italiano. È mostrato in {lang}."),
    field_themes: "Temi",
    field_tags: "Parole chiave",
    field_related_members: "Membri interessati",
    attachments_heading: "Documenti",
    content_not_found_heading: "Contenuto non trovato",
    content_not_found_text: "Non è pubblicato nulla a questo indirizzo. Il contenuto \
        potrebbe essere stato ritirato, oppure il link potrebbe contenere un errore di \
        battitura.",

    news_title: "Notizie",
    news_description: "Notizie, comunicati stampa, documenti di posizione e pubblicazioni \
        di CECOP e delle sue federazioni membri.",
    news_heading: "Notizie",
    news_intro: "Notizie, comunicati stampa, documenti di posizione e pubblicazioni di \
        CECOP e dei suoi membri. È possibile filtrarli per tipo o per tema, oppure cercare \
        nel testo.",
    news_filters_label: "Filtra le notizie",
    news_search: "Cerca nel testo",
    news_search_hint: "ad es. assistenza",
    filter_article_kind: "Tipo",
    filter_theme: "Tema",
    filter_all_themes: "Tutti i temi",
    articles_total: |n| format!("{n} {}", plural(n, "articolo", "articoli")),
    articles_empty: "Nessun articolo corrisponde a questi filtri.",
    news_feed: "Feed delle notizie (Atom)",
    news_back: "Tutte le notizie",
    article_title: "Articolo",
    publications_title: "Pubblicazioni",
    publications_description: "Le pubblicazioni di CECOP, i suoi documenti di posizione e \
        le sue risposte alle consultazioni pubbliche.",
    publications_heading: "Pubblicazioni",
    publications_intro: "Rapporti, documenti di posizione e risposte di CECOP alle \
        consultazioni pubbliche. È possibile scegliere un tipo, un tema, oppure cercare nel \
        testo.",
    publications_filters_label: "Filtra le pubblicazioni",

    events_title: "Eventi",
    events_description: "Conferenze, webinar, sessioni di apprendimento reciproco e \
        dibattiti politici organizzati da CECOP o a cui partecipa.",
    events_heading: "Eventi",
    events_intro: "Conferenze, webinar, sessioni di apprendimento reciproco e dibattiti \
        politici che CECOP organizza o a cui partecipa.",
    events_when_label: "Quali eventi",
    events_upcoming: "Prossimi",
    events_past: "Passati",
    events_filters_label: "Filtra gli eventi",
    events_search: "Cerca nel testo",
    events_search_hint: "ad es. assistenza",
    filter_event_kind: "Tipo",
    events_total: |n| format!("{n} {}", plural(n, "evento", "eventi")),
    events_upcoming_empty: "Nessun evento in programma corrisponde a questi filtri.",
    events_past_empty: "Nessun evento passato corrisponde a questi filtri.",
    add_to_calendar: "Aggiungi gli eventi di CECOP al calendario",
    add_to_calendar_hint: "Un feed iCalendar: è possibile abbonarsi da un’applicazione di \
        calendario oppure scaricarlo.",
    event_title: "Evento",
    events_back: "Tutti gli eventi",
    venue_time: |zone| format!("Ora locale dell’evento ({zone})"),
    visitor_time: |zone| format!("Nel Suo fuso orario ({zone})"),
    event_where: "Dove",
    event_online: "Online",
    event_join: "Partecipa online",
    event_organisers: "Organizzatori",
    event_register: "Iscriviti",

    cooptales_title: "Storie #COOPTALES",
    cooptales_description: "#COOPTALES: storie di cooperative di lavoro, sociali e di \
        produttori, e delle persone che le portano avanti.",
    cooptales_heading: "#COOPTALES",
    cooptales_intro: "Storie di cooperative di lavoro, sociali e di produttori di tutta \
        Europa, raccontate dalle persone che le portano avanti.",
    stories_total: |n| format!("{n} {}", plural(n, "storia", "storie")),
    stories_empty: "Non è ancora stata pubblicata alcuna storia.",
    story_title: "Storia",
    stories_back: "Tutte le storie #COOPTALES",
    field_cooperative: "Cooperativa",
    field_sector: "Settore",
    photo_label: "Foto (non mostrata):",

    search_title: "Ricerca",
    search_description: "Cercare tra le notizie, gli eventi, le storie #COOPTALES e i \
        membri di CECOP.",
    search_heading: "Ricerca",
    search_prompt: "Digitare una o più parole per cercare tra notizie, eventi, storie e \
        membri.",
    search_filters_label: "Opzioni di ricerca",
    search_words: "Parole da cercare",
    search_hint: "ad es. parità di genere",
    filter_result_kind: "Tipo di risultato",
    search_everything: "Tutto",
    search_total: |n| format!("{n} {}", plural(n, "risultato", "risultati")),
    search_empty: "Nessun contenuto corrisponde a queste parole. Provare con meno parole \
        o con parole diverse.",

    home_news_heading: "Ultime notizie",
    home_events_heading: "Prossimi eventi",
    home_story_heading: "#COOPTALES",
    home_all_news: "Tutte le notizie",
    home_all_events: "Tutti gli eventi",
    home_all_stories: "Tutte le storie #COOPTALES",
    home_no_news: "Non è ancora stata pubblicata alcuna notizia.",
    home_no_events: "Non è ancora stato annunciato alcun evento.",
    home_no_story: "Non è ancora stata pubblicata alcuna storia.",

    about_title: "Chi siamo",
};
