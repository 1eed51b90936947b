//! The Spanish texts (usted, as the rest of the interface).

use super::Texts;
use crate::returns::{CoopType, Sector};

pub(super) const ES: Texts = Texts {
    lang: "es",
    indicator: |indicator| indicator.name("es").to_owned(),
    of: |coop_type| {
        match coop_type {
            CoopType::Worker => "de las cooperativas de trabajo",
            CoopType::Social => "de las cooperativas sociales",
            CoopType::SelfEmployedProducers => "de las cooperativas de productores autónomos",
            CoopType::Other => "de otras cooperativas",
        }
        .to_owned()
    },
    within: |sector| {
        match sector {
            Sector::Industry => "en la industria",
            Sector::Construction => "en la construcción",
            Sector::Services => "en los servicios",
        }
        .to_owned()
    },
    separator: ": ",
    negative: "debe ser un número igual o mayor que cero",
    too_large: |max| format!("supera cualquier valor plausible (más de {max})"),
    not_whole: "debe ser un número entero",
    too_many_decimals: |decimals| match decimals {
        1 => "debe tener como máximo un decimal".to_owned(),
        2 => "debe tener como máximo dos decimales".to_owned(),
        n => format!("debe tener como máximo {n} decimales"),
    },
    derived_indicator: |_| {
        "esta cifra se calcula a partir de las demás y no puede declararse".to_owned()
    },
    duplicate: "valor indicado más de una vez",
    exceeds_workers: |value, workers| {
        format!("{value} supera los {workers} trabajadores de las mismas cooperativas")
    },
    needs_workers: |place| format!("indique también el número de trabajadores {place}"),
    large_change: |value, previous, year| {
        format!("{value} frente a {previous} en {year}, una variación de más del 50\u{a0}%")
    },
    required: "es obligatorio",
    too_long: |max| format!("debe tener como máximo {max} caracteres"),
    too_short: |min| format!("debe tener al menos {min} caracteres"),
    between: |min, max| format!("debe estar entre {min} y {max}"),
    control_characters: "no debe contener caracteres de control",
    one_of: |values| format!("debe ser uno de estos valores: {values}"),
    common_password: "es demasiado común; elija una más larga o menos previsible",
    contains_email: "no debe contener su dirección de correo electrónico",
    repeated_character: "no debe consistir en un solo carácter repetido",
    wrong_password: "es incorrecta",
    wrong_code: "es incorrecto, ha caducado o ya se usó",
};
