// UI strings. Spanish is the source; English must have the same keys (the type enforces it).
export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";

const es = {
  "app.name": "Smart Demand Signals",
  "app.tagline": "A quién llamar hoy, por qué familia, por qué y con qué urgencia.",
  "nav.inbox": "Bandeja",
  "nav.region": "Mi región",
  "nav.admin": "Administración",
  "nav.signOut": "Cerrar sesión",
  "nav.language": "Idioma",
  "role.ADMIN": "Administración",
  "role.MANAGER": "Gerente regional",
  "role.DELEGATE": "Delegado comercial",
  "login.title": "Iniciar sesión",
  "login.email": "Correo electrónico",
  "login.password": "Contraseña",
  "login.submit": "Entrar",
  "login.submitting": "Entrando…",
  "login.error.invalid": "Correo o contraseña incorrectos.",
  "login.error.blocked": "Demasiados intentos fallidos. Vuelve a intentarlo a las {time}.",
  "login.error.generic": "No se pudo iniciar sesión. Inténtalo de nuevo.",
  "forbidden.title": "Acceso denegado",
  "forbidden.body": "Tu perfil no tiene acceso a esta página.",
  "forbidden.back": "Volver a mi página",
  "notFound.title": "Página no encontrada",
  "inbox.title": "Bandeja de alertas",
  "inbox.clients": "Clientes en tu territorio",
  "inbox.provinces": "Provincias",
  "inbox.empty": "Aún no hay alertas: aparecerán tras la próxima ejecución del motor de señales.",
  "region.title": "Mi región",
  "region.regions": "Comunidades autónomas",
  "region.delegates": "Delegados",
  "region.clients": "Clientes",
  "admin.title": "Administración",
  "admin.users": "Usuarios",
  "admin.clients": "Clientes",
  "admin.salesLines": "Líneas de venta",
  "admin.imports": "Importaciones",
  "admin.pipelineRuns": "Ejecuciones del motor",
  "common.none": "Ninguno",
} as const;

export type MessageKey = keyof typeof es;

const en: Record<MessageKey, string> = {
  "app.name": "Smart Demand Signals",
  "app.tagline": "Who to call today, about which family, why and how urgently.",
  "nav.inbox": "Inbox",
  "nav.region": "My region",
  "nav.admin": "Administration",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "role.ADMIN": "Administrator",
  "role.MANAGER": "Regional manager",
  "role.DELEGATE": "Sales delegate",
  "login.title": "Sign in",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.submitting": "Signing in…",
  "login.error.invalid": "Wrong e-mail or password.",
  "login.error.blocked": "Too many failed attempts. Try again at {time}.",
  "login.error.generic": "Could not sign in. Please try again.",
  "forbidden.title": "Access denied",
  "forbidden.body": "Your profile cannot open this page.",
  "forbidden.back": "Back to my page",
  "notFound.title": "Page not found",
  "inbox.title": "Alert inbox",
  "inbox.clients": "Clients in your territory",
  "inbox.provinces": "Provinces",
  "inbox.empty": "No alerts yet: they will appear after the next run of the signal engine.",
  "region.title": "My region",
  "region.regions": "Autonomous communities",
  "region.delegates": "Delegates",
  "region.clients": "Clients",
  "admin.title": "Administration",
  "admin.users": "Users",
  "admin.clients": "Clients",
  "admin.salesLines": "Sales lines",
  "admin.imports": "Imports",
  "admin.pipelineRuns": "Pipeline runs",
  "common.none": "None",
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { es, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
}
