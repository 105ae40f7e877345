/**
 * The watched inbox: article files dropped into INBOX_DIR are ingested by the bot process (so
 * their alerts go out at once) and then moved to the articles folder. A file is moved only after
 * its ingest committed; a crash in between ingests it again, which changes nothing.
 */
import { copyFile, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type BackgroundWorker, periodicWorker } from '../bot/workers.ts';
import type { Engine } from '../engine.ts';
import { ingestPaths } from '../ingest/files.ts';
import { defaultReaders, readerFor } from '../ingest/readers.ts';

/** Files that cannot be ingested go here, so they are not tried again on every scan. */
export const REJECTED_FOLDER = 'rejected';

export interface InboxOptions {
  engine: Engine;
  logger: Logger;
  inboxDir: string;
  articlesDir: string;
  intervalMs?: number;
  /** A file changed more recently than this may still be being written: it waits for the next scan. */
  settleMs?: number;
}

export function inboxWatcher(options: InboxOptions): BackgroundWorker {
  const scan = async () => {
    await scanInbox(options);
  };
  return periodicWorker('inbox', options.intervalMs ?? 1000, scan, options.logger);
}

/** One pass over the inbox; returns the files it ingested. */
export async function scanInbox(options: InboxOptions): Promise<string[]> {
  const inbox = options.inboxDir;
  const articles = options.articlesDir;
  const settleMs = options.settleMs ?? 1000;
  await mkdir(inbox, { recursive: true });
  const names = (await readdir(inbox, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const ingested: string[] = [];
  for (const name of names) {
    const path = join(inbox, name);
    const info = await stat(path).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < settleMs) continue;
    if (!readerFor(name, defaultReaders)) {
      await moveTo(path, join(inbox, REJECTED_FOLDER, name));
      options.logger.warn({ file: name }, 'inbox: not an article file; moved to rejected');
      continue;
    }
    const { results, warnings } = await ingestPaths(options.engine, [path]);
    if (!results.length) {
      await moveTo(path, join(inbox, REJECTED_FOLDER, name));
      options.logger.warn({ file: name, reason: warnings[0]?.reason }, 'inbox: file not ingested; moved to rejected');
      continue;
    }
    await moveTo(path, join(articles, name));
    const r = results[0]!;
    options.logger.info({ file: name, status: r.status, claims: r.claims, newClaims: r.newClaims.length }, 'inbox: article ingested');
    ingested.push(name);
  }
  return ingested;
}

/** Moves a file, across file systems too; an article of the same name is replaced (it is that article's new text). */
async function moveTo(from: string, to: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true });
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(from, to);
    await unlink(from);
  }
}
