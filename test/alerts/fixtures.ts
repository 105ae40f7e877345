/**
 * What the alert tests share: an engine opened the way every ingesting process must open it
 * (alert migrations and hook), and articles written so that the pipeline finds known claims.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openClaimdesk } from '../../src/claimdesk.ts';
import type { SqliteEngine } from '../../src/store/engine.ts';

export const quietLogger = pino({ level: 'silent' });

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `claimdesk-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openAlertEngine(path: string, onQueued?: () => void): Promise<SqliteEngine> {
  const claimdesk = await openClaimdesk({ path });
  if (onQueued) claimdesk.onAlertsQueued(onQueued);
  return claimdesk.engine;
}

/** The sentence every Kursk article below carries: one claim, matched by "kursk" and by "desertion". */
export const KURSK_CLAIM = 'Der ukrainische Geheimdienst teilte am Sonntag mit, dass in der Region Kursk mehrere nordkoreanische Soldaten desertiert seien.';

/** An article signed by `outlet` (a name the cleaner knows, e.g. watson, t-online) reporting the Kursk claim. */
export function kurskArticle(file: string, outlet: string): { file: string; text: string } {
  return { file, text: `Neue Berichte aus der Grenzregion\n\n${KURSK_CLAIM}\n\n© ${outlet}\n` };
}

export const GERMAN_DESERTION_ARTICLE = {
  file: 'fahnenflucht.txt',
  text: `Berichte über Fahnenflucht an der Front

Ein Sprecher des Pentagon sagte am Dienstag, man habe Hinweise auf Fahnenflucht unter den Truppen aus Pjöngjang.
`,
};
