/**
 * Where articles come from besides `claimdesk ingest`: the watched inbox and a .txt file an admin
 * sends the bot. Both ingest through the alert-aware engine, so subscribers are alerted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REJECTED_FOLDER, scanInbox } from '../../src/alerts/inbox.ts';
import { alertStoreFor } from '../../src/alerts/store.ts';
import type { SqliteEngine } from '../../src/store/engine.ts';
import { admin, editor, makeBot, message, privateOf } from '../helpers/botKit.ts';
import { KURSK_CLAIM, kurskArticle, openAlertEngine, quietLogger, tempDir } from './fixtures.ts';

let tmp: ReturnType<typeof tempDir>;
let engine: SqliteEngine;
const pending = async () => (await engine.reader.all<{ chat_id: number }>(`SELECT chat_id FROM alert_outbox WHERE state = 'pending'`)).map((r) => r.chat_id);

beforeEach(async () => {
  tmp = tempDir('intake');
  engine = await openAlertEngine(join(tmp.dir, 'claimdesk.sqlite'));
  await alertStoreFor(engine).subscribe(7, 'kursk', { digestAt: null, timeZone: null }, 'en');
});
afterEach(async () => {
  await engine.close();
  tmp.remove();
});

describe('the watched inbox', () => {
  it('ingests settled article files, moves them to the articles folder and sets aside what it cannot read', async () => {
    const inboxDir = join(tmp.dir, 'inbox');
    const articlesDir = join(tmp.dir, 'articles');
    mkdirSync(inboxDir);
    const article = kurskArticle('kursk.txt', 'watson');
    const files = { 'kursk.txt': article.text, 'notes.pdf': '%PDF-1.4', 'empty.txt': '', 'writing.txt': article.text.replace('Kursk', 'Belgorod') };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(inboxDir, name), text);
    const past = new Date(Date.now() - 60_000);
    for (const name of ['kursk.txt', 'notes.pdf', 'empty.txt']) utimesSync(join(inboxDir, name), past, past);

    const options = { engine, logger: quietLogger, inboxDir, articlesDir, settleMs: 10_000 };
    expect(await scanInbox(options)).toEqual(['kursk.txt']);
    expect(readFileSync(join(articlesDir, 'kursk.txt'), 'utf8')).toBe(article.text);
    expect(existsSync(join(inboxDir, REJECTED_FOLDER, 'notes.pdf'))).toBe(true);
    expect(existsSync(join(inboxDir, REJECTED_FOLDER, 'empty.txt'))).toBe(true);
    // Changed moments ago: it may still be being written, so it waits for a later scan.
    expect(existsSync(join(inboxDir, 'writing.txt'))).toBe(true);
    expect(await pending()).toEqual([7]);

    expect(await scanInbox({ ...options, settleMs: 0 })).toEqual(['writing.txt']);
  });
});

describe('an article sent to the bot', () => {
  let files: Server;
  beforeEach(async () => {
    files = createServer((req, res) => {
      const ok = req.url === '/file/bot4242:test-token-not-real-aaaaaaaaaaaaaaa/documents/kursk.txt';
      res.writeHead(ok ? 200 : 404).end(ok ? kurskArticle('kursk.txt', 'watson').text : '');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => files.close(() => resolve())));

  it('is kept and ingested when an admin sends a .txt file; others are told only admins add articles', async () => {
    const articlesDir = join(tmp.dir, 'articles');
    const t = await makeBot(engine, {
      deps: { articlesDir, apiRoot: `http://127.0.0.1:${(files.address() as AddressInfo).port}` },
      recording: {
        respond: (c) => (c.method === 'getFile' ? { ok: true, result: { file_id: 'f1', file_unique_id: 'u1', file_size: 200, file_path: 'documents/kursk.txt' } } : undefined),
      },
    });
    try {
      const document = { file_id: 'f1', file_unique_id: 'u1', file_name: 'kursk.txt', file_size: 200 };
      const upload = (from: typeof admin, doc: typeof document) => {
        const update = message(from, privateOf(from), '', { document: doc } as never);
        delete (update.message as { text?: string }).text;
        return t.send(update);
      };
      const refused = await upload(editor, document);
      expect(refused.find((c) => c.method === 'sendMessage')!.payload.text).toBe('Only admins can add articles.');

      const notText = await upload(admin, { ...document, file_name: 'kursk.pdf' });
      expect(notText.find((c) => c.method === 'sendMessage')!.payload.text).toBe('Articles are added as .txt files.');

      const added = await upload(admin, document);
      expect(String(added.find((c) => c.method === 'sendMessage')!.payload.text)).toMatch(/^Added “kursk.txt”: \d+ claims, [1-9]\d* of them new/);
      expect(readFileSync(join(articlesDir, 'kursk.txt'), 'utf8')).toContain(KURSK_CLAIM);
      expect(await pending()).toEqual([7]);
      expect(t.api.problems).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
