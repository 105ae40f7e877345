/**
 * The production bot over HTTP against telegram-test-api (extended where it lacks methods), in
 * long polling through the runner and in webhook mode. Outgoing calls are checked against the
 * Bot API spec; the throttler and retries are on, as in production.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/bot/local/emulator.ts';
import { startWebhook } from '../../src/bot/run.ts';
import type { Engine } from '../../src/engine.ts';
import { editor, member, newsroom, openSeededEngine, privateOf, stranger } from '../helpers/botKit.ts';
import { type E2E, startE2E } from '../helpers/emulator.ts';

let seeded: Awaited<ReturnType<typeof openSeededEngine>>;
let e2e: E2E | undefined;
beforeAll(async () => {
  seeded = await openSeededEngine();
});
afterEach(async () => {
  const current = e2e;
  e2e = undefined;
  if (!current) return;
  await current.close();
  expect(current.problems).toEqual([]);
});
afterAll(() => seeded.close());

/** The engine, answering claims only after `ms`: an update that is still in hand when we stop. */
/** The seeded engine with `claims` taking `ms` longer; `inHand` resolves once a handler has asked it, so a test stops the bot with an update in hand. */
const slowEngine = (ms: number) => {
  let asked!: () => void;
  const inHand = new Promise<void>((resolve) => (asked = resolve));
  const engine = new Proxy(seeded.engine, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(target);
      return prop === 'claims' ? async (...args: unknown[]) => (asked(), await new Promise((r) => setTimeout(r, ms)), bound(...args)) : bound;
    },
  }) as Engine;
  return { engine, inHand };
};

describe('long polling through the runner', () => {
  it('answers commands, turns pages in place, replies in groups and serves inline queries', async () => {
    e2e = await startE2E(seeded.engine);
    const { emu } = e2e;
    expect(await e2e.kit.registerCommands()).toBe(true);
    expect(emu.commandMenus.size).toBe(9);
    await e2e.run();
    const dm = privateOf(editor);

    expect(String((await e2e.say(editor, dm, '/start')).payload.text)).toContain('claimdesk');

    const claims = await e2e.say(editor, dm, '/claims kursk');
    expect(String(claims.payload.text)).toMatch(/^<b>Claims on “kursk”<\/b>/);
    const sent = claims.result as { message_id: number };
    const since = emu.calls.length;
    await emu.pressButton(editor, { message_id: sent.message_id, chat: dm }, 'v1:c:1:kursk');
    const edit = await emu.waitForCall((c) => c.method === 'editMessageText', { since });
    await emu.waitForCall((c) => c.method === 'answerCallbackQuery', { since });
    // The emulator holds the message as edited: the page was turned in place.
    const stored = emu.server.storage.botMessages.find((m) => m.messageId === sent.message_id)!;
    expect(stored.message.text).toBe(edit.payload.text);
    expect(String(stored.message.text)).toContain('<b>5.</b>');

    emu.setMember(newsroom.id, member.id, 'member');
    const asking = await emu.sendMessage(member, newsroom, '/sources@claimdesk_test_bot desertion');
    const groupReply = await emu.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === newsroom.id);
    expect(groupReply.payload.reply_parameters).toMatchObject({ message_id: asking });

    const inline = await emu.inlineQuery(member, 'kursk');
    expect((inline.results as unknown[]).length).toBeGreaterThan(0);
    expect(inline).toMatchObject({ is_personal: true, cache_time: 30 });

    const refusal = await e2e.say(stranger, privateOf(stranger), '/claims kursk');
    expect(String(refusal.payload.text)).toContain('not open to you');
    expect(await emu.inlineQuery(stranger, 'kursk')).toMatchObject({ results: [] });
  });

  it('finishes the update in hand when stopped', async () => {
    const slow = slowEngine(300);
    e2e = await startE2E(slow.engine);
    const running = await e2e.run();
    await e2e.emu.sendMessage(editor, privateOf(editor), '/claims kursk');
    // Fetched is not yet in hand: wait until the handler is at work.
    await slow.inHand;
    const started = Date.now();
    await running.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e2e.emu.calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('<b>Claims on'))).toBe(true);
  });
});

describe('webhook', () => {
  it('takes updates only with the secret header, serves /healthz and handles a redelivered update once', async () => {
    e2e = await startE2E(seeded.engine);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    await e2e.run((kit) => startWebhook(kit.bot, { url, secret: 'hook-secret_1', port }, e2e!.logger, () => ({ sessions: 'ok' })));
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true, sessions: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);

    const reply = await e2e.say(editor, privateOf(editor), '/claims kursk');
    expect(String(reply.payload.text)).toMatch(/^<b>Claims on “kursk”<\/b>/);

    const update = { update_id: 31337, message: { message_id: 9, date: 0, chat: privateOf(editor), from: editor, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };
    const post = (secret: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    expect((await post('wrong')).status).toBe(401);
    const before = e2e.emu.calls.length;
    expect((await post('hook-secret_1')).status).toBe(200);
    expect((await post('hook-secret_1')).status).toBe(200);
    expect(e2e.emu.calls.slice(before).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('stops taking updates but finishes the one in hand', async () => {
    const slow = slowEngine(300);
    e2e = await startE2E(slow.engine);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const running = await e2e.run((kit) => startWebhook(kit.bot, { url, secret: 's', port }, e2e!.logger));
    const update = { update_id: 1, message: { message_id: 9, date: 0, chat: privateOf(editor), from: editor, text: '/claims kursk', entities: [{ type: 'bot_command', offset: 0, length: 7 }] } };
    const inHand = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's' }, body: JSON.stringify(update) });
    await slow.inHand;
    await running.stop();
    expect((await inHand).status).toBe(200);
    expect(e2e.emu.calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('<b>Claims on'))).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
