// Vitest runs server modules directly; `server-only` guards the client bundle only.
export {};
