// Vitest runs outside React's server environment, where the real `server-only` package throws on
// import. The guard still protects the Next.js bundle; tests call the same modules directly.
export {};
