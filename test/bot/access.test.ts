/**
 * Who gets the corpus, inline mode, group life and robustness, through `bot.handleUpdate` on the
 * real engine. A stranger must never receive corpus content.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import {
  admin,
  buttonsOf,
  callback,
  editor,
  inlineQuery,
  makeBot,
  member,
  message,
  newsroom,
  openSeededEngine,
  otherGroup,
  privateOf,
  stranger,
  type TestBot,
} from '../helpers/botKit.ts';
import type { RecordedCall } from '../helpers/recordingApi.ts';

let seeded: Awaited<ReturnType<typeof openSeededEngine>>;
let corpusWords: string[];
const bots: TestBot[] = [];
const bot = async (opts?: Parameters<typeof makeBot>[1], engine?: Engine) => {
  const made = await makeBot(engine ?? seeded.engine, opts);
  bots.push(made);
  return made;
};

beforeAll(async () => {
  seeded = await openSeededEngine();
  // Distinctive words of the corpus: titles and outlets of every article.
  corpusWords = (await seeded.engine.articles()).flatMap((a) => [(a.title ?? a.file).split(' ').slice(0, 3).join(' '), a.id]);
});
afterEach(async () => {
  for (const b of bots.splice(0)) {
    expect(b.api.problems).toEqual([]);
    await b.close();
  }
});
afterAll(() => seeded.close());

/** What the stranger sees: membership checks go to Telegram, not to them. */
const visible = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'getChatMember');

const leaksCorpus = (calls: RecordedCall[]) => {
  const all = JSON.stringify(calls);
  return corpusWords.filter((w) => all.includes(w)).concat(/Kursk|Nordkorea/.test(all) ? ['claim text'] : []);
};

describe('strangers', () => {
  it('get a short refusal in a private chat and no corpus content', async () => {
    const t = await bot();
    for (const text of ['/claims kursk', '/start p_001_58e3dd319f91e402_7', 'kursk', '/topics']) {
      const calls = visible(await t.send(message(stranger, privateOf(stranger), text)));
      expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
      expect(String(calls[0]!.payload.text)).toContain(`<code>${stranger.id}</code>`);
      expect(leaksCorpus(calls)).toEqual([]);
    }
    // Asked of Telegram once; the refusal is remembered for a while.
    expect(t.api.of('getChatMember')).toHaveLength(1);
  });

  it('get an empty, personal, uncached inline answer with a button explaining why', async () => {
    const t = await bot();
    for (const query of ['kursk', '']) {
      const calls = visible(await t.send(inlineQuery(stranger, query)));
      expect(calls).toEqual([
        {
          method: 'answerInlineQuery',
          payload: { inline_query_id: expect.any(String), results: [], cache_time: 0, is_personal: true, button: { text: 'No access — tap for details', start_parameter: 'access' } },
        },
      ]);
    }
  });

  it('cannot turn pages of an answer they got hold of', async () => {
    const t = await bot();
    const calls = visible(await t.send(callback(stranger, privateOf(stranger), 5, 'v1:c:1:kursk')));
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(calls[0]!.payload.show_alert).toBe(true);
    expect(leaksCorpus(calls)).toEqual([]);
  });

  it('groups that are not allowed are told so once, and the bot leaves', async () => {
    const t = await bot();
    const calls = await t.send(message(member, otherGroup, '/claims@claimdesk_test_bot kursk'));
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'leaveChat']);
    expect(calls[1]!.payload).toEqual({ chat_id: otherGroup.id });
    expect(leaksCorpus(calls)).toEqual([]);

    const added = await t.send({
      my_chat_member: {
        chat: otherGroup,
        from: member,
        date: 0,
        old_chat_member: { status: 'left', user: { id: 4242, is_bot: true, first_name: 'claimdesk' } },
        new_chat_member: { status: 'member', user: { id: 4242, is_bot: true, first_name: 'claimdesk' } },
      },
    });
    expect(added.map((c) => c.method)).toEqual(['sendMessage', 'leaveChat']);
  });
});

describe('members of an allowed group', () => {
  it('may use the bot in private; membership is asked once and cached', async () => {
    const t = await bot();
    t.api.setMember(newsroom.id, member.id, 'member');
    const first = await t.send(message(member, privateOf(member), '/claims kursk'));
    expect(first.map((c) => c.method)).toEqual(['getChatMember', 'sendMessage']);
    expect(first[0]!.payload).toEqual({ chat_id: newsroom.id, user_id: member.id });
    const second = await t.send(inlineQuery(member, 'kursk'));
    expect(second.map((c) => c.method)).toEqual(['answerInlineQuery']);
  });

  it('lose private access as soon as they leave the group', async () => {
    const t = await bot();
    t.api.setMember(newsroom.id, member.id, 'member');
    await t.send(message(member, privateOf(member), '/start'));
    t.api.setMember(newsroom.id, member.id, 'left');
    await t.send(message(admin, newsroom, 'bye', { left_chat_member: member } as never));
    const after = await t.send(message(member, privateOf(member), '/claims kursk'));
    expect(after.map((c) => c.method)).toEqual(['getChatMember', 'sendMessage']);
    expect(String(after[1]!.payload.text)).toContain('not open to you');
  });

  it('keep access when their group becomes a supergroup', async () => {
    const t = await bot();
    const supergroup = { ...newsroom, id: -100555 };
    expect((await t.send(message(member, supergroup, '/claims@claimdesk_test_bot kursk'))).map((c) => c.method)).toEqual(['sendMessage', 'leaveChat']);
    await t.send(message(admin, newsroom, '', { migrate_to_chat_id: supergroup.id } as never));
    const calls = await t.send(message(member, supergroup, '/claims@claimdesk_test_bot kursk'));
    expect(String(calls[0]!.payload.text)).toMatch(/^<b>Claims on “kursk”<\/b>/);
    expect(t.logs.some((l) => String(l.msg).includes('replace -1001234 in ALLOWED_CHAT_IDS'))).toBe(true);
  });

  it('are answered in the new supergroup when Telegram reports the migration on send', async () => {
    const migrated = -100777;
    const t = await bot({
      recording: {
        respond: (c) =>
          c.method === 'sendMessage' && c.payload.chat_id === newsroom.id
            ? { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: migrated } }
            : undefined,
      },
    });
    const calls = await t.send(message(member, newsroom, '/claims@claimdesk_test_bot kursk'));
    expect(calls.map((c) => [c.method, c.payload.chat_id])).toEqual([
      ['sendMessage', newsroom.id],
      ['sendMessage', migrated],
    ]);
    expect(t.kit.access.isAllowedChat(migrated)).toBe(true);
  });

  it('get a greeting when the bot joins their group', async () => {
    const t = await bot();
    const calls = await t.send({
      my_chat_member: {
        chat: newsroom,
        from: admin,
        date: 0,
        old_chat_member: { status: 'left', user: { id: 4242, is_bot: true, first_name: 'claimdesk' } },
        new_chat_member: { status: 'member', user: { id: 4242, is_bot: true, first_name: 'claimdesk' } },
      },
    });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(String(calls[0]!.payload.text)).toContain('/claims@claimdesk_test_bot');
  });
});

describe('inline mode', () => {
  it('offers claim cards with their citation as the message, personal and briefly cached', async () => {
    const t = await bot();
    const [answer] = await t.send(inlineQuery(editor, 'kursk'));
    const payload = answer!.payload as { results: Array<Record<string, unknown>>; cache_time: number; is_personal: boolean; next_offset: string };
    expect(payload.results.length).toBeGreaterThan(0);
    expect(payload.results.length).toBeLessThanOrEqual(50);
    expect(payload).toMatchObject({ cache_time: 30, is_personal: true, next_offset: '' });
    const first = payload.results[0] as { type: string; title: string; input_message_content: { message_text: string; parse_mode: string } };
    expect(first.type).toBe('article');
    expect(first.input_message_content.parse_mode).toBe('HTML');
    expect(first.input_message_content.message_text).toMatch(/\n<a href="https:\/\/t\.me\/claimdesk_test_bot\?start=p_[^"]+">\[1\] /);
    expect(first.input_message_content.message_text.startsWith(first.title.replace(/…$/, ''))).toBe(true);
  });

  it('pages the latest claims for an empty query with next_offset', async () => {
    const t = await bot();
    const total = (await seeded.engine.latestClaims({ limit: 1 })).total;
    expect(total).toBeGreaterThan(50);
    const ids: string[] = [];
    let offset = '';
    do {
      const [answer] = await t.send(inlineQuery(editor, '', offset));
      const payload = answer!.payload as { results: Array<{ id: string }>; next_offset: string };
      expect(payload.results.length).toBeLessThanOrEqual(50);
      ids.push(...payload.results.map((r) => r.id));
      offset = payload.next_offset;
    } while (offset);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('says so with a button when nothing matches', async () => {
    const t = await bot();
    const [answer] = await t.send(inlineQuery(editor, 'xyzzy'));
    expect(answer!.payload).toMatchObject({ results: [], button: { text: 'No claims on “xyzzy” — open the bot', start_parameter: 'help' } });
  });
});

describe('robustness', () => {
  it('handles the same update delivered twice once', async () => {
    const t = await bot();
    const update = { update_id: 987_654, ...message(editor, privateOf(editor), '/claims kursk') };
    expect(await t.send(update)).toHaveLength(1);
    expect(await t.send(update)).toEqual([]);
  });

  it('apologises with a reference id that is in the log, and keeps answering', async () => {
    const failing = new Proxy(seeded.engine, {
      get: (target, prop) =>
        prop === 'claims'
          ? () => Promise.reject(new Error('disk on fire'))
          : typeof Reflect.get(target, prop) === 'function'
            ? (Reflect.get(target, prop) as (...a: unknown[]) => unknown).bind(target)
            : Reflect.get(target, prop),
    });
    const t = await bot(undefined, failing);
    const [apology] = await t.send(message(editor, privateOf(editor), '/claims kursk'));
    const ref = /<code>([0-9A-F]{8})<\/code>/.exec(String(apology!.payload.text))?.[1];
    expect(ref).toBeDefined();
    const logged = t.logs.find((l) => l.ref === ref)!;
    expect(logged).toMatchObject({ level: 50, msg: 'update handler failed', err: expect.objectContaining({ message: 'disk on fire' }) });
    expect(JSON.stringify(t.logs)).not.toContain('test-token-not-real');
    const [after] = await t.send(message(editor, privateOf(editor), '/sources desertion'));
    expect(String(after!.payload.text)).toMatch(/^<b>Sources on “desertion”<\/b>/);

    const [inline] = await t.send(inlineQuery(editor, 'kursk'));
    expect(inline!.payload).toMatchObject({ results: [], cache_time: 0 });
    const [button] = await t.send(callback(editor, privateOf(editor), 4, 'v1:c:1:kursk'));
    expect(button!.payload).toMatchObject({ show_alert: true, text: expect.stringMatching(/Reference: [0-9A-F]{8}/) });
  });

  it('slows down a flooding user with one notice per window', async () => {
    const t = await bot({ deps: { flood: { messages: 3, inline: 3, windowMs: 60_000 } } });
    const replies: string[] = [];
    for (let i = 0; i < 6; i++) replies.push(...(await t.send(message(editor, privateOf(editor), '/start'))).map((c) => String(c.payload.text)));
    expect(replies).toHaveLength(4);
    expect(replies[3]).toBe('Too many requests — please wait a few seconds.');
    const inline = [];
    for (let i = 0; i < 5; i++) inline.push(...(await t.send(inlineQuery(editor, 'kursk'))));
    expect(inline).toHaveLength(3);
  });

  it('admin commands are for admins only', async () => {
    const t = await bot();
    expect(String((await t.send(message(editor, privateOf(editor), '/status')))[0]!.payload.text)).toBe('Only admins may use this command.');
    const status = String((await t.send(message(admin, privateOf(admin), '/status')))[0]!.payload.text);
    expect(status).toMatch(/Articles: 5\nClaims: \d+\nSessions: sqlite, working\nUptime: 0d 0h 0m/);
  });

  it('answers buttons on inline messages by user access, without a chat', async () => {
    const t = await bot();
    const calls = await t.send({ callback_query: { id: '1', from: editor, chat_instance: 'x', inline_message_id: 'abc', data: 'v1:c:1:putin' } });
    expect(calls.map((c) => c.method)).toEqual(['editMessageText', 'answerCallbackQuery']);
    expect(calls[0]!.payload.inline_message_id).toBe('abc');
    expect(buttonsOf(calls[0])).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.stringMatching(/^2\/\d+$/) })]));
  });
});
