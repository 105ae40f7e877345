import { fileURLToPath } from 'node:url';

/** The project's own data folder, wherever the command is started from. */
export const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export function defaultDbPath(): string {
  return `${dataDir}claimdesk.sqlite`;
}
