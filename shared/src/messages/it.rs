//! The Italian texts (impersonal, as the rest of the interface).

use super::Texts;
use crate::returns::{CoopType, Sector};

pub(super) const IT: Texts = Texts {
    lang: "it",
    indicator: |indicator| indicator.name("it").to_owned(),
    of: |coop_type| {
        match coop_type {
            CoopType::Worker => "delle cooperative di lavoro",
            CoopType::Social => "delle cooperative sociali",
            CoopType::SelfEmployedProducers => "delle cooperative di produttori autonomi",
            CoopType::Other => "di altre cooperative",
        }
        .to_owned()
    },
    within: |sector| {
        match sector {
            Sector::Industry => "nell’industria",
            Sector::Construction => "nelle costruzioni",
            Sector::Services => "nei servizi",
        }
        .to_owned()
    },
    separator: ": ",
    negative: "deve essere un numero pari o superiore a zero",
    too_large: |max| format!("supera qualsiasi valore plausibile (oltre {max})"),
    not_whole: "deve essere un numero intero",
    too_many_decimals: |decimals| match decimals {
        1 => "deve avere al massimo un decimale".to_owned(),
        2 => "deve avere al massimo due decimali".to_owned(),
        n => format!("deve avere al massimo {n} decimali"),
    },
    derived_indicator: |_| {
        "questo dato si calcola dagli altri e non può essere dichiarato".to_owned()
    },
    duplicate: "valore indicato più di una volta",
    exceeds_workers: |value, workers| {
        format!("{value} supera i {workers} lavoratori delle stesse cooperative")
    },
    needs_workers: |place| format!("indicare anche il numero di lavoratori {place}"),
    large_change: |value, previous, year| {
        format!("{value} contro {previous} nel {year}, una variazione di oltre il 50%")
    },
    required: "è obbligatorio",
    too_long: |max| format!("deve avere al massimo {max} caratteri"),
    too_short: |min| format!("deve avere almeno {min} caratteri"),
    between: |min, max| format!("deve essere compreso tra {min} e {max}"),
    control_characters: "non deve contenere caratteri di controllo",
    one_of: |values| format!("deve essere uno dei valori seguenti: {values}"),
    common_password: "è troppo comune; sceglierne una più lunga o meno prevedibile",
    contains_email: "non deve contenere il proprio indirizzo e-mail",
    repeated_character: "non deve essere un solo carattere ripetuto",
    wrong_password: "non è corretta",
    wrong_code: "è errato, scaduto o già usato",
};
