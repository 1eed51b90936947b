//! The catalogue's names and definitions in en, fr, es and it: the names
//! the API's `/indicators` serves and the SPA's forms and charts show.

use super::{CoopType, Indicator, Sector};

impl Indicator {
    /// The indicator's name in `lang` (en, fr, es or it; English otherwise).
    pub fn name(self, lang: &str) -> &'static str {
        let [en, fr, es, it] = self.names();
        match lang {
            "fr" => fr,
            "es" => es,
            "it" => it,
            _ => en,
        }
    }

    fn names(self) -> [&'static str; 4] {
        match self {
            Self::Cooperatives => [
                "Cooperatives",
                "Coopératives",
                "Cooperativas",
                "Cooperative",
            ],
            Self::Workers => ["Workers", "Travailleurs", "Trabajadores", "Lavoratori"],
            Self::WorkerMembers => [
                "Worker-members",
                "Travailleurs associés",
                "Socios trabajadores",
                "Soci lavoratori",
            ],
            Self::WomenWorkers => [
                "Women workers",
                "Travailleuses",
                "Trabajadoras",
                "Lavoratrici",
            ],
            Self::WorkersWithDisabilities => [
                "Workers with disabilities",
                "Travailleurs handicapés",
                "Trabajadores con discapacidad",
                "Lavoratori con disabilità",
            ],
            Self::PermanentContracts => [
                "Permanent contracts",
                "Contrats à durée indéterminée",
                "Contratos indefinidos",
                "Contratti a tempo indeterminato",
            ],
            Self::TurnoverEur => [
                "Turnover (EUR)",
                "Chiffre d'affaires (EUR)",
                "Volumen de negocio (EUR)",
                "Fatturato (EUR)",
            ],
            Self::CoopsJoined => [
                "Cooperatives joined",
                "Coopératives adhérentes",
                "Cooperativas incorporadas",
                "Cooperative aderite",
            ],
            Self::CoopsLeft => [
                "Cooperatives left",
                "Coopératives sorties",
                "Cooperativas salientes",
                "Cooperative uscite",
            ],
            Self::WomenShare => [
                "Women among workers (%)",
                "Part des femmes (%)",
                "Proporción de mujeres (%)",
                "Quota di donne (%)",
            ],
            Self::WorkerMemberShare => [
                "Workers who are members (%)",
                "Part des travailleurs associés (%)",
                "Proporción de socios trabajadores (%)",
                "Quota di soci lavoratori (%)",
            ],
            Self::PermanentContractShare => [
                "Permanent contracts (%)",
                "Part des CDI (%)",
                "Proporción de contratos indefinidos (%)",
                "Quota di contratti a tempo indeterminato (%)",
            ],
            Self::DisabilityShare => [
                "Workers with disabilities (%)",
                "Part des travailleurs handicapés (%)",
                "Proporción de trabajadores con discapacidad (%)",
                "Quota di lavoratori con disabilità (%)",
            ],
        }
    }

    /// What the indicator counts, in `lang` (en, fr, es or it; English
    /// otherwise): the survey's definition, served by `/indicators`.
    pub fn description(self, lang: &str) -> &'static str {
        pick(lang, self.descriptions())
    }

    fn descriptions(self) -> [&'static str; 4] {
        match self {
            Self::Cooperatives => [
                "Cooperatives affiliated to the member on 31 December.",
                "Coopératives affiliées au membre au 31 décembre.",
                "Cooperativas afiliadas al miembro a 31 de diciembre.",
                "Cooperative aderenti al membro al 31 dicembre.",
            ],
            Self::Workers => [
                "People working in those cooperatives on 31 December, members or not.",
                "Personnes travaillant dans ces coopératives au 31 décembre, associées ou non.",
                "Personas que trabajan en esas cooperativas a 31 de diciembre, socias o no.",
                "Persone che lavorano in quelle cooperative al 31 dicembre, socie o no.",
            ],
            Self::WorkerMembers => [
                "Workers who are also members (owners) of their cooperative.",
                "Travailleurs qui sont aussi associés (propriétaires) de leur coopérative.",
                "Trabajadores que también son socios (propietarios) de su cooperativa.",
                "Lavoratori che sono anche soci (proprietari) della loro cooperativa.",
            ],
            Self::WomenWorkers => [
                "Workers who are women.",
                "Travailleurs qui sont des femmes.",
                "Trabajadores que son mujeres.",
                "Lavoratori che sono donne.",
            ],
            Self::WorkersWithDisabilities => [
                "Workers with a recognised disability.",
                "Travailleurs ayant un handicap reconnu.",
                "Trabajadores con una discapacidad reconocida.",
                "Lavoratori con una disabilità riconosciuta.",
            ],
            Self::PermanentContracts => [
                "Workers on permanent (open-ended) contracts.",
                "Travailleurs en contrat à durée indéterminée.",
                "Trabajadores con contrato indefinido.",
                "Lavoratori con contratto a tempo indeterminato.",
            ],
            Self::TurnoverEur => [
                "The cooperatives' turnover over the year, in euros.",
                "Chiffre d'affaires des coopératives sur l'année, en euros.",
                "Volumen de negocio de las cooperativas en el año, en euros.",
                "Fatturato delle cooperative nell'anno, in euro.",
            ],
            Self::CoopsJoined => [
                "Cooperatives that joined the member during the year.",
                "Coopératives qui ont adhéré au membre pendant l'année.",
                "Cooperativas que se afiliaron al miembro durante el año.",
                "Cooperative che hanno aderito al membro durante l'anno.",
            ],
            Self::CoopsLeft => [
                "Cooperatives that left the member during the year.",
                "Coopératives qui ont quitté le membre pendant l'année.",
                "Cooperativas que dejaron el miembro durante el año.",
                "Cooperative che hanno lasciato il membro durante l'anno.",
            ],
            Self::WomenShare => [
                "Women workers as a percentage of workers, over the cells reporting both.",
                "Travailleuses en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Trabajadoras como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Lavoratrici in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::WorkerMemberShare => [
                "Worker-members as a percentage of workers, over the cells reporting both.",
                "Travailleurs associés en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Socios trabajadores como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Soci lavoratori in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::PermanentContractShare => [
                "Permanent contracts as a percentage of workers, over the cells reporting both.",
                "CDI en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Contratos indefinidos como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Contratti a tempo indeterminato in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
            Self::DisabilityShare => [
                "Workers with disabilities as a percentage of workers, over the cells reporting both.",
                "Travailleurs handicapés en pourcentage des travailleurs, sur les cases qui déclarent les deux.",
                "Trabajadores con discapacidad como porcentaje de los trabajadores, en las casillas que declaran ambos.",
                "Lavoratori con disabilità in percentuale dei lavoratori, nelle celle che riportano entrambi.",
            ],
        }
    }
}

impl CoopType {
    pub fn name(self, lang: &str) -> &'static str {
        let [en, fr, es, it] = match self {
            Self::Worker => [
                "Worker cooperatives",
                "Coopératives de travail",
                "Cooperativas de trabajo",
                "Cooperative di lavoro",
            ],
            Self::Social => [
                "Social cooperatives",
                "Coopératives sociales",
                "Cooperativas sociales",
                "Cooperative sociali",
            ],
            Self::SelfEmployedProducers => [
                "Cooperatives of self-employed producers",
                "Coopératives de producteurs indépendants",
                "Cooperativas de productores autónomos",
                "Cooperative di produttori autonomi",
            ],
            Self::Other => ["Other", "Autres", "Otras", "Altre"],
        };
        pick(lang, [en, fr, es, it])
    }
}

impl Sector {
    pub fn name(self, lang: &str) -> &'static str {
        let names = match self {
            Self::Industry => ["Industry", "Industrie", "Industria", "Industria"],
            Self::Construction => [
                "Construction",
                "Construction",
                "Construcción",
                "Costruzioni",
            ],
            Self::Services => ["Services", "Services", "Servicios", "Servizi"],
        };
        pick(lang, names)
    }
}

fn pick(lang: &str, [en, fr, es, it]: [&'static str; 4]) -> &'static str {
    match lang {
        "fr" => fr,
        "es" => es,
        "it" => it,
        _ => en,
    }
}
