/**
 * Alerts end to end over HTTP: the production bot and the alert services main.ts starts, against
 * the extended telegram-test-api emulator. Subscriptions are made by typing commands; the new
 * claim comes from a separate `claimdesk ingest` process, and a corroborating article through the
 * watched inbox.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertServices } from '../../src/alerts/services.ts';
import { alertStoreFor } from '../../src/alerts/store.ts';
import type { ApiCall } from '../../src/bot/local/emulator.ts';
import type { BackgroundWorker } from '../../src/bot/workers.ts';
import { type Claimdesk, openClaimdesk } from '../../src/claimdesk.ts';
import { ingestPaths } from '../../src/ingest/files.ts';
import { botInfo, editor, member, newsroom, privateOf, redakteurin, seedDir, specValidator } from '../helpers/botKit.ts';
import { type E2E, startE2E, TOKEN } from '../helpers/emulator.ts';
import { KURSK_CLAIM, kurskArticle, tempDir } from './fixtures.ts';

const root = join(import.meta.dirname, '../..');
const run = promisify(execFile);

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let claimdesk: Claimdesk;
let e2e: E2E;
let services: BackgroundWorker[];

beforeAll(async () => {
  tmp = tempDir('alerts-e2e');
  dbPath = join(tmp.dir, 'claimdesk.sqlite');
  claimdesk = await openClaimdesk({ path: dbPath });
  await ingestPaths(claimdesk.engine, [seedDir]);
  e2e = await startE2E(claimdesk.engine);
  services = alertServices({
    claimdesk,
    token: TOKEN,
    apiRoot: e2e.emu.apiRoot,
    botUsername: botInfo.username,
    logger: e2e.logger,
    inboxDir: join(tmp.dir, 'inbox'),
    articlesDir: join(tmp.dir, 'articles'),
  });
  for (const service of services) service.start();
  await e2e.run();
});

afterAll(async () => {
  for (const service of services ?? []) await service.stop();
  await e2e?.close();
  await claimdesk?.engine.close();
  tmp?.remove();
});

/** The next alert the bot sends to `chatId` after call number `since`. */
const alertTo = (chatId: number, since: number, text: string | RegExp): Promise<ApiCall> =>
  e2e.emu.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && String(c.payload.text).match(text) !== null, {
    since,
    timeoutMs: 15_000,
  });

describe('alerts over HTTP', () => {
  it('alerts a private subscriber and a group after another process ingests, and lets only group admins subscribe', async () => {
    const { emu } = e2e;
    const dm = privateOf(editor);
    expect(String((await e2e.say(editor, dm, '/subscribe desertion')).payload.text)).toContain('now gets an alert as soon as new claims on <b>desertion</b> arrive');

    emu.setMember(newsroom.id, member.id, 'administrator');
    emu.setMember(newsroom.id, redakteurin.id, 'member');
    const refused = await e2e.say(redakteurin, newsroom, '/subscribe@claimdesk_test_bot ukraine');
    expect(refused.payload.text).toBe('Nur die Admins dieser Gruppe können ihre Benachrichtigungen ändern.');
    const subscribed = await e2e.say(member, newsroom, '/subscribe@claimdesk_test_bot kursk');
    expect(String(subscribed.payload.text)).toContain('<b>kursk</b>');
    const store = alertStoreFor(claimdesk.engine);
    expect((await store.chat(newsroom.id))!.subscriptions.map((s) => s.topic)).toEqual(['kursk']);
    expect((await store.chat(dm.id))!.subscriptions.map((s) => s.topic)).toEqual(['desertion']);

    // A separate `claimdesk ingest` process adds an article with a new claim on both topics.
    const article = kurskArticle('kursk-watson.txt', 'watson');
    const file = join(tmp.dir, article.file);
    writeFileSync(file, article.text);
    const since = emu.calls.length;
    const ingest = await run(process.execPath, ['bin/claimdesk.js', 'ingest', file, '--db', dbPath, '--json'], { cwd: root, env: { ...process.env, DB_PATH: '' } });
    expect(JSON.parse(ingest.stdout)).toMatchObject({ articles: [{ file: article.file, status: 'added' }] });

    const [toEditor, toGroup] = await Promise.all([alertTo(dm.id, since, KURSK_CLAIM), alertTo(newsroom.id, since, KURSK_CLAIM)]);
    expect(String(toEditor.payload.text)).toMatch(/^🔔 <b>New claim<\/b> on <b>desertion<\/b>/);
    // The group's language is that of whoever subscribed it (an English-speaking admin).
    expect(String(toGroup.payload.text)).toMatch(/^🔔 <b>New claim<\/b> on <b>kursk<\/b>/);
    for (const call of [toEditor, toGroup]) expect(specValidator().validate('sendMessage', call.payload)).toEqual([]);

    // Another outlet reports the claim, dropped into the watched inbox: one short follow-up each.
    const again = kurskArticle('kursk-t-online.txt', 't-online');
    const inbox = join(tmp.dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, again.file), again.text);
    // Written a while ago, as far as the watcher can tell: it need not wait for the file to settle.
    utimesSync(join(inbox, again.file), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const next = emu.calls.length;
    await Promise.all([alertTo(dm.id, next, /^↪️ Also reported by <b>t-online<\/b>/), alertTo(newsroom.id, next, /^↪️ Also reported by <b>t-online<\/b>/)]);
    expect(existsSync(join(tmp.dir, 'articles', again.file))).toBe(true);
    expect(existsSync(join(inbox, again.file))).toBe(false);

    const alerts = emu.calls.slice(since).filter((c) => c.method === 'sendMessage' && [dm.id, newsroom.id].includes(Number(c.payload.chat_id)));
    expect(alerts).toHaveLength(4);
    expect(e2e.problems).toEqual([]);
  });
});
