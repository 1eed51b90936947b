//! The French texts. Typography: a no-break space before « : », « ; » and
//! « % », a narrow no-break space between thousands.

use super::Texts;
use crate::returns::{CoopType, Sector};

pub(super) const FR: Texts = Texts {
    lang: "fr",
    indicator: |indicator| indicator.name("fr").to_owned(),
    of: |coop_type| {
        match coop_type {
            CoopType::Worker => "des coopératives de travail",
            CoopType::Social => "des coopératives sociales",
            CoopType::SelfEmployedProducers => "des coopératives de producteurs indépendants",
            CoopType::Other => "des autres coopératives",
        }
        .to_owned()
    },
    within: |sector| {
        match sector {
            Sector::Industry => "dans l’industrie",
            Sector::Construction => "dans la construction",
            Sector::Services => "dans les services",
        }
        .to_owned()
    },
    separator: "\u{a0}: ",
    negative: "doit être un nombre positif ou nul",
    too_large: |max| format!("dépasse toute valeur plausible (plus de {max})"),
    not_whole: "doit être un nombre entier",
    too_many_decimals: |decimals| match decimals {
        1 => "doit avoir au plus une décimale".to_owned(),
        2 => "doit avoir au plus deux décimales".to_owned(),
        n => format!("doit avoir au plus {n} décimales"),
    },
    derived_indicator: |_| {
        "ce chiffre est calculé à partir des autres et ne peut pas être déclaré".to_owned()
    },
    duplicate: "valeur indiquée plus d’une fois",
    exceeds_workers: |value, workers| {
        format!("{value} dépasse les {workers} travailleurs des mêmes coopératives")
    },
    needs_workers: |place| format!("indiquez aussi le nombre de travailleurs {place}"),
    large_change: |value, previous, year| {
        format!("{value} contre {previous} en {year}, soit une variation de plus de 50\u{a0}%")
    },
    required: "est obligatoire",
    too_long: |max| format!("doit compter au plus {max} caractères"),
    too_short: |min| format!("doit compter au moins {min} caractères"),
    between: |min, max| format!("doit être compris entre {min} et {max}"),
    control_characters: "ne doit pas contenir de caractères de contrôle",
    one_of: |values| format!("doit être l’une des valeurs suivantes\u{a0}: {values}"),
    common_password: "est trop courant\u{a0}; choisissez-en un plus long ou moins prévisible",
    contains_email: "ne doit pas contenir votre adresse e-mail",
    repeated_character: "ne doit pas être un seul caractère répété",
    wrong_password: "est incorrect",
    wrong_code: "est erroné, expiré ou déjà utilisé",
};
