//! Cadenas en español del inicio de sesión en dos pasos.

use super::TwoFactor;

pub const ES: TwoFactor = TwoFactor {
    heading: "Inicio de sesión en dos pasos",
    step_intro: "Introduzca el código de seis cifras que su aplicación de autenticación muestra para CECOP, o uno de sus códigos de recuperación.",
    field_code: "Código",
    code_hint: "Seis cifras de la aplicación, o un código de recuperación como abcde-fghjk.",
    verify: "Verificar",
    wrong_code: "El código es incorrecto o ya se usó. Espere al siguiente código e inténtelo de nuevo.",
    start_again: "Iniciar sesión de nuevo",
    off: "Desactivado: para iniciar sesión solo se pide la contraseña.",
    on: |since, left| {
        format!("Activado desde el {since}. Códigos de recuperación restantes: {left}.")
    },
    required: "Este sitio exige a los administradores el inicio de sesión en dos pasos. Actívelo aquí para usar las páginas de administración.",
    setup_intro: "Introduzca su contraseña para configurar una aplicación de autenticación (como Aegis, FreeOTP o Google Authenticator) en su teléfono.",
    setup_submit: "Configurar",
    scan: "Escanee este código QR con la aplicación, o escriba la clave en ella. Después introduzca el código que muestra.",
    qr_alt: "Código QR de la clave para su aplicación de autenticación",
    key: "Clave",
    enable: "Activar",
    codes_heading: "Sus códigos de recuperación",
    codes_intro: "Cada código le permite iniciar sesión una vez, en lugar de un código de la aplicación, si pierde el teléfono. Guárdelos en un lugar seguro: solo se muestran ahora.",
    codes_saved: "Ya los he guardado",
    replace_intro: "Los nuevos códigos de recuperación sustituyen a todos los anteriores.",
    replace_submit: "Sustituir los códigos de recuperación",
    disable_intro: "Si lo desactiva, para iniciar sesión solo se pedirá la contraseña.",
    disable_submit: "Desactivar",
    disabled_done: "El inicio de sesión en dos pasos está desactivado.",
    badge: "Dos pasos",
    reset: "Restablecer los dos pasos",
    reset_named: |name| format!("Restablecer los dos pasos: {name}"),
    reset_question: |name| {
        format!(
            "¿Quitar el inicio de sesión en dos pasos de {name}? Sus sesiones terminan, y solo se le pedirá la contraseña hasta que lo configure de nuevo."
        )
    },
    reset_confirm: "Sí, restablecer",
    reset_done: "Inicio de sesión en dos pasos eliminado.",
};
