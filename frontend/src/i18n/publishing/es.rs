//! Spanish strings of the publishing pages, mirroring `en.rs` field for field.

use super::Publishing;
use crate::i18n::es::plural;

/// The publishing pages in Spanish.
pub const ES: Publishing = Publishing {
    nav_news: "Noticias",
    nav_events: "Eventos",
    nav_cooptales: "#COOPTALES",
    nav_publications: "Publicaciones",
    nav_about: "Quiénes somos",
    site_search_label: "Buscar en el sitio",

    theme_employment_social_inclusion: "Empleo e inclusión social",
    theme_entrepreneurship: "Emprendimiento",
    theme_sustainable_growth: "Crecimiento sostenible",
    article_news: "Noticia",
    article_press_release: "Comunicado de prensa",
    article_position_paper: "Documento de posición",
    article_publication: "Publicación",
    article_consultation_response: "Respuesta a una consulta",
    event_conference: "Conferencia",
    event_webinar: "Seminario web",
    event_mutual_learning_session: "Sesión de aprendizaje mutuo",
    event_policy_debate: "Debate político",
    event_visit: "Visita de estudio",
    result_article: "Artículo",
    result_event: "Evento",
    result_story: "Historia #COOPTALES",
    result_member: "Miembro",
    organiser: "Organizador",
    co_organiser: "Coorganizador",

    members_only_badge: "Solo para miembros",
    eu_notice_title: "Cofinanciado por la Unión Europea",
    eu_notice_text: "Las opiniones y puntos de vista expresados solo comprometen a su(s) \
        autor(es) y no reflejan necesariamente los de la Unión Europea o la Comisión \
        Europea. Ni la Unión Europea ni la autoridad otorgante pueden ser consideradas \
        responsables de ellos.",
    also_available_in: "También disponible en",
    switch_language_hint: "Al elegir un idioma también cambia el idioma del sitio.",
    shown_in: |lang| format!("Este texto no está disponible en español. Se muestra en {lang}."),
    field_themes: "Temas",
    field_tags: "Etiquetas",
    field_related_members: "Miembros relacionados",
    attachments_heading: "Documentos",
    content_not_found_heading: "Contenido no encontrado",
    content_not_found_text: "No hay nada publicado en esta dirección. Puede que se haya \
        retirado o que el enlace esté mal escrito.",

    news_title: "Noticias",
    news_description: "Noticias, comunicados de prensa, documentos de posición y \
        publicaciones de CECOP y de sus federaciones miembro.",
    news_heading: "Noticias",
    news_intro: "Noticias, comunicados de prensa, documentos de posición y publicaciones \
        de CECOP y de sus miembros. Fíltrelos por tipo o por tema, o busque en su texto.",
    news_filters_label: "Filtrar noticias",
    news_search: "Buscar en el texto",
    news_search_hint: "p. ej., cuidados",
    filter_article_kind: "Tipo",
    filter_theme: "Tema",
    filter_all_themes: "Todos los temas",
    articles_total: |n| format!("{n} {}", plural(n, "artículo", "artículos")),
    articles_empty: "Ningún artículo coincide con estos filtros.",
    news_feed: "Canal de noticias (Atom)",
    news_back: "Todas las noticias",
    article_title: "Artículo",
    publications_title: "Publicaciones",
    publications_description: "Las publicaciones de CECOP, sus documentos de posición y \
        sus respuestas a consultas públicas.",
    publications_heading: "Publicaciones",
    publications_intro: "Informes, documentos de posición y respuestas de CECOP a \
        consultas públicas. Elija un tipo, un tema o busque en su texto.",
    publications_filters_label: "Filtrar publicaciones",

    events_title: "Eventos",
    events_description: "Conferencias, seminarios web, sesiones de aprendizaje mutuo y \
        debates políticos organizados por CECOP o en los que participa.",
    events_heading: "Eventos",
    events_intro: "Conferencias, seminarios web, sesiones de aprendizaje mutuo y debates \
        políticos que CECOP organiza o en los que participa.",
    events_when_label: "Qué eventos",
    events_upcoming: "Próximos",
    events_past: "Pasados",
    events_filters_label: "Filtrar eventos",
    events_search: "Buscar en el texto",
    events_search_hint: "p. ej., cuidados",
    filter_event_kind: "Tipo",
    events_total: |n| format!("{n} {}", plural(n, "evento", "eventos")),
    events_upcoming_empty: "Ningún evento próximo coincide con estos filtros.",
    events_past_empty: "Ningún evento pasado coincide con estos filtros.",
    add_to_calendar: "Añadir los eventos de CECOP a su calendario",
    add_to_calendar_hint: "Un canal iCalendar: suscríbase a él en una aplicación de \
        calendario o descárguelo.",
    event_title: "Evento",
    events_back: "Todos los eventos",
    venue_time: |zone| format!("Hora local del evento ({zone})"),
    visitor_time: |zone| format!("En su zona horaria ({zone})"),
    event_where: "Dónde",
    event_online: "En línea",
    event_join: "Participar en línea",
    event_organisers: "Organizadores",
    event_register: "Inscribirse",

    cooptales_title: "Historias #COOPTALES",
    cooptales_description: "#COOPTALES: historias de cooperativas de trabajo asociado, \
        sociales y de productores, y de las personas que las dirigen.",
    cooptales_heading: "#COOPTALES",
    cooptales_intro: "Historias de cooperativas de trabajo asociado, sociales y de \
        productores de toda Europa, contadas por las personas que las dirigen.",
    stories_total: |n| format!("{n} {}", plural(n, "historia", "historias")),
    stories_empty: "Todavía no se ha publicado ninguna historia.",
    story_title: "Historia",
    stories_back: "Todas las historias #COOPTALES",
    field_cooperative: "Cooperativa",
    field_sector: "Sector",
    photo_label: "Foto (no mostrada):",

    search_title: "Búsqueda",
    search_description: "Busque en las noticias, los eventos, las historias #COOPTALES y \
        los miembros de CECOP.",
    search_heading: "Búsqueda",
    search_prompt: "Escriba una o varias palabras para buscar en noticias, eventos, \
        historias y miembros.",
    search_filters_label: "Opciones de búsqueda",
    search_words: "Palabras que buscar",
    search_hint: "p. ej., igualdad de género",
    filter_result_kind: "Tipo de resultado",
    search_everything: "Todo",
    search_total: |n| format!("{n} {}", plural(n, "resultado", "resultados")),
    search_empty: "Nada coincide con estas palabras. Pruebe con menos palabras o con otras.",

    home_news_heading: "Últimas noticias",
    home_events_heading: "Próximos eventos",
    home_story_heading: "#COOPTALES",
    home_all_news: "Todas las noticias",
    home_all_events: "Todos los eventos",
    home_all_stories: "Todas las historias #COOPTALES",
    home_no_news: "Todavía no se ha publicado ninguna noticia.",
    home_no_events: "Todavía no se ha anunciado ningún evento próximo.",
    home_no_story: "Todavía no se ha publicado ninguna historia.",

    about_title: "Quiénes somos",
};
