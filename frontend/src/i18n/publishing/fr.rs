//! French strings of the publishing pages, mirroring `en.rs` field for field.
//!
//! French typography: a no-break space (`\u{a0}`) goes before `:`, `;`, `?`
//! and `!`, and inside « guillemets ».

use super::Publishing;
use crate::i18n::fr::plural;

/// The publishing pages in French.
pub const FR: Publishing = Publishing {
    nav_news: "Actualités",
    nav_events: "Événements",
    nav_cooptales: "#COOPTALES",
    nav_publications: "Publications",
    nav_about: "À propos",
    site_search_label: "Rechercher sur le site",

    theme_employment_social_inclusion: "Emploi et inclusion sociale",
    theme_entrepreneurship: "Entrepreneuriat",
    theme_sustainable_growth: "Croissance durable",
    article_news: "Actualité",
    article_press_release: "Communiqué de presse",
    article_position_paper: "Prise de position",
    article_publication: "Publication",
    article_consultation_response: "Réponse à une consultation",
    event_conference: "Conférence",
    event_webinar: "Webinaire",
    event_mutual_learning_session: "Session d’apprentissage mutuel",
    event_policy_debate: "Débat politique",
    event_visit: "Visite d’étude",
    result_article: "Article",
    result_event: "Événement",
    result_story: "Récit #COOPTALES",
    result_member: "Membre",
    organiser: "Organisateur",
    co_organiser: "Coorganisateur",

    members_only_badge: "Réservé aux membres",
    eu_notice_title: "Cofinancé par l’Union européenne",
    eu_notice_text: "Les points de vue et avis exprimés n’engagent toutefois que leur(s) \
        auteur(s) et ne reflètent pas nécessairement ceux de l’Union européenne ou de la \
        Commission européenne. Ni l’Union européenne ni l’autorité chargée de l’octroi ne \
        peuvent en être tenues pour responsables.",
    also_available_in: "Également disponible en",
    switch_language_hint: "Choisir une langue change aussi la langue du site.",
    shown_in: |lang| {
        format!("Ce texte n’est pas disponible en français. Il est affiché en {lang}.")
    },
    field_themes: "Thèmes",
    field_tags: "Mots-clés",
    field_related_members: "Membres concernés",
    attachments_heading: "Documents",
    content_not_found_heading: "Contenu introuvable",
    content_not_found_text: "Rien n’est publié à cette adresse. Le contenu a peut-être été \
        retiré, ou le lien contient une faute de frappe.",

    news_title: "Actualités",
    news_description: "Actualités, communiqués de presse, prises de position et \
        publications de CECOP et de ses fédérations membres.",
    news_heading: "Actualités",
    news_intro: "Actualités, communiqués de presse, prises de position et publications de \
        CECOP et de ses membres. Filtrez-les par type ou par thème, ou recherchez dans \
        leur texte.",
    news_filters_label: "Filtrer les actualités",
    news_search: "Rechercher dans le texte",
    news_search_hint: "par ex. soins",
    filter_article_kind: "Type",
    filter_theme: "Thème",
    filter_all_themes: "Tous les thèmes",
    articles_total: |n| format!("{n} {}", plural(n, "article", "articles")),
    articles_empty: "Aucun article ne correspond à ces filtres.",
    news_feed: "Flux des actualités (Atom)",
    news_back: "Toutes les actualités",
    article_title: "Article",
    publications_title: "Publications",
    publications_description: "Les publications de CECOP, ses prises de position et ses \
        réponses aux consultations publiques.",
    publications_heading: "Publications",
    publications_intro: "Rapports, prises de position et réponses de CECOP aux \
        consultations publiques. Choisissez un type, un thème, ou recherchez dans leur texte.",
    publications_filters_label: "Filtrer les publications",

    events_title: "Événements",
    events_description: "Conférences, webinaires, sessions d’apprentissage mutuel et débats \
        politiques organisés par CECOP ou auxquels elle participe.",
    events_heading: "Événements",
    events_intro: "Conférences, webinaires, sessions d’apprentissage mutuel et débats \
        politiques que CECOP organise ou auxquels elle participe.",
    events_when_label: "Quels événements",
    events_upcoming: "À venir",
    events_past: "Passés",
    events_filters_label: "Filtrer les événements",
    events_search: "Rechercher dans le texte",
    events_search_hint: "par ex. soins",
    filter_event_kind: "Type",
    events_total: |n| format!("{n} {}", plural(n, "événement", "événements")),
    events_upcoming_empty: "Aucun événement à venir ne correspond à ces filtres.",
    events_past_empty: "Aucun événement passé ne correspond à ces filtres.",
    add_to_calendar: "Ajouter les événements de CECOP à votre agenda",
    add_to_calendar_hint: "Un flux iCalendar\u{a0}: abonnez-vous-y dans une application \
        d’agenda, ou téléchargez-le.",
    event_title: "Événement",
    events_back: "Tous les événements",
    venue_time: |zone| format!("Heure locale de l’événement ({zone})"),
    visitor_time: |zone| format!("Dans votre fuseau horaire ({zone})"),
    event_where: "Où",
    event_online: "En ligne",
    event_join: "Participer en ligne",
    event_organisers: "Organisateurs",
    event_register: "S’inscrire",

    cooptales_title: "Récits #COOPTALES",
    cooptales_description: "#COOPTALES\u{a0}: récits de coopératives de travailleurs, \
        de coopératives sociales et de coopératives de producteurs, et des personnes qui \
        les font vivre.",
    cooptales_heading: "#COOPTALES",
    cooptales_intro: "Des récits de coopératives de travailleurs, de coopératives sociales \
        et de coopératives de producteurs de toute l’Europe, racontés par celles et ceux \
        qui les font vivre.",
    stories_total: |n| format!("{n} {}", plural(n, "récit", "récits")),
    stories_empty: "Aucun récit n’a encore été publié.",
    story_title: "Récit",
    stories_back: "Tous les récits #COOPTALES",
    field_cooperative: "Coopérative",
    field_sector: "Secteur",
    photo_label: "Photo (non affichée)\u{a0}:",

    search_title: "Recherche",
    search_description: "Recherchez dans les actualités, les événements, les récits \
        #COOPTALES et les membres de CECOP.",
    search_heading: "Recherche",
    search_prompt: "Saisissez un ou plusieurs mots pour rechercher dans les actualités, \
        les événements, les récits et les membres.",
    search_filters_label: "Options de recherche",
    search_words: "Mots à rechercher",
    search_hint: "par ex. égalité",
    filter_result_kind: "Type de résultat",
    search_everything: "Tout",
    search_total: |n| format!("{n} {}", plural(n, "résultat", "résultats")),
    search_empty: "Aucun contenu ne correspond à ces mots. Essayez-en moins, ou d’autres.",

    home_news_heading: "Dernières actualités",
    home_events_heading: "Événements à venir",
    home_story_heading: "#COOPTALES",
    home_all_news: "Toutes les actualités",
    home_all_events: "Tous les événements",
    home_all_stories: "Tous les récits #COOPTALES",
    home_no_news: "Aucune actualité n’a encore été publiée.",
    home_no_events: "Aucun événement à venir n’est encore annoncé.",
    home_no_story: "Aucun récit n’a encore été publié.",

    about_title: "À propos de CECOP",
};
