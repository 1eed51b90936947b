//! Chaînes françaises de la connexion à deux facteurs.

use super::TwoFactor;

pub const FR: TwoFactor = TwoFactor {
    heading: "Connexion à deux facteurs",
    step_intro: "Saisissez le code à six chiffres que votre application d’authentification affiche pour CECOP, ou l’un de vos codes de secours.",
    field_code: "Code",
    code_hint: "Six chiffres de l’application, ou un code de secours comme abcde-fghjk.",
    verify: "Vérifier",
    wrong_code: "Le code est erroné ou a déjà servi. Attendez le code suivant et réessayez.",
    start_again: "Se reconnecter",
    off: "Désactivée : la connexion ne demande que votre mot de passe.",
    on: |since, left| format!("Activée depuis le {since}. Codes de secours restants : {left}."),
    required: "Ce site exige la connexion à deux facteurs des administrateurs. Activez-la ici pour accéder aux pages d’administration.",
    setup_intro: "Saisissez votre mot de passe pour configurer une application d’authentification (Aegis, FreeOTP ou Google Authenticator, par exemple) sur votre téléphone.",
    setup_submit: "Configurer",
    scan: "Scannez ce code QR avec l’application, ou saisissez-y la clé. Puis entrez le code qu’elle affiche.",
    qr_alt: "Code QR de la clé pour votre application d’authentification",
    key: "Clé",
    enable: "Activer",
    codes_heading: "Vos codes de secours",
    codes_intro: "Chaque code vous connecte une fois, à la place d’un code de l’application, si vous perdez votre téléphone. Conservez-les en lieu sûr : ils ne s’affichent que maintenant.",
    codes_saved: "Je les ai enregistrés",
    replace_intro: "De nouveaux codes de secours remplacent tous les anciens.",
    replace_submit: "Remplacer les codes de secours",
    disable_intro: "La désactiver fait que la connexion ne demande plus que votre mot de passe.",
    disable_submit: "Désactiver",
    disabled_done: "La connexion à deux facteurs est désactivée.",
    badge: "Deux facteurs",
    reset: "Réinitialiser les deux facteurs",
    reset_named: |name| format!("Réinitialiser les deux facteurs : {name}"),
    reset_question: |name| {
        format!(
            "Supprimer la connexion à deux facteurs de {name} ? Ses sessions prennent fin, et la connexion ne lui demande que son mot de passe jusqu’à une nouvelle configuration."
        )
    },
    reset_confirm: "Oui, réinitialiser",
    reset_done: "Connexion à deux facteurs supprimée.",
};
