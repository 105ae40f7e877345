/**
 * The commands through `bot.handleUpdate`, on the real engine loaded with the demo articles.
 * Every outgoing call is checked against the Bot API spec (see afterEach).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/bot/lists.ts';
import { htmlProblems } from '../helpers/botApiValidator.ts';
import {
  buttonsOf,
  callback,
  editor,
  makeBot,
  member,
  message,
  newsroom,
  openSeededEngine,
  privateOf,
  redakteurin,
  type TestBot,
} from '../helpers/botKit.ts';

let seeded: Awaited<ReturnType<typeof openSeededEngine>>;
const bots: TestBot[] = [];
const bot = async (opts?: Parameters<typeof makeBot>[1]) => {
  const made = await makeBot(seeded.engine, opts);
  bots.push(made);
  return made;
};

/** Pages of /claims putin on the demo corpus: enough for a middle page. */
let putinPages = 0;

beforeAll(async () => {
  seeded = await openSeededEngine();
  putinPages = Math.ceil((await seeded.engine.claims('putin', { limit: 1 })).total / PAGE_SIZE.claims);
});
afterEach(async () => {
  for (const b of bots.splice(0)) {
    expect(b.api.problems).toEqual([]);
    await b.close();
  }
});
afterAll(() => seeded.close());

const dm = privateOf(editor);
const textOf = (calls: Array<{ payload: Record<string, unknown> }>) => String(calls.at(-1)?.payload.text ?? '');

describe('/claims', () => {
  it('answers with numbered claims, their source chain and citations linking to the passage', async () => {
    const t = await bot();
    const [sent, ...rest] = await t.send(message(editor, dm, '/claims putin'));
    expect(rest).toEqual([]);
    expect(sent!.method).toBe('sendMessage');
    const text = String(sent!.payload.text);
    expect(text).toMatch(/^<b>Claims on “putin”<\/b> \(\d+\)/);
    expect(text).toContain('<b>1.</b>');
    expect(text).toMatch(/<a href="https:\/\/t\.me\/claimdesk_test_bot\?start=p_[A-Za-z0-9_-]+_\d+">\[1\] /);
    expect(sent!.payload.parse_mode).toBe('HTML');
    expect(htmlProblems(text)).toEqual([]);
    const buttons = buttonsOf(sent);
    expect(putinPages).toBeGreaterThanOrEqual(3);
    expect(buttons.map((b) => b.text)).toEqual([`1/${putinPages}`, '▶']);
    expect(buttons[1]!.callback_data).toBe('v1:c:1:putin');
  });

  it('turns pages in place with ◀ n/m ▶, and the button still works after a restart', async () => {
    const first = await bot();
    const sent = (await first.send(message(editor, dm, '/claims putin')))[0]!;
    const pageOne = String(sent.payload.text);
    const messageId = 5001;

    const restarted = await bot();
    const calls = await restarted.send(callback(editor, dm, messageId, buttonsOf(sent)[1]!.callback_data!));
    const edit = calls.find((c) => c.method === 'editMessageText')!;
    expect(edit.payload).toMatchObject({ chat_id: dm.id, message_id: messageId, parse_mode: 'HTML' });
    expect(String(edit.payload.text)).toContain('<b>5.</b>');
    expect(String(edit.payload.text)).not.toBe(pageOne);
    expect(buttonsOf(edit).map((b) => b.text)).toEqual(['◀', `2/${putinPages}`, '▶']);
    expect(calls.at(-1)!.method).toBe('answerCallbackQuery');

    const back = await restarted.send(callback(editor, dm, messageId, buttonsOf(edit)[0]!.callback_data!));
    expect(back.find((c) => c.method === 'editMessageText')!.payload.text).toBe(pageOne);
  });

  it('keeps a topic too long for callback_data in the chat session; without it the button says stale', async () => {
    const long = Array.from({ length: 14 }, () => 'kursk').join(' ');
    const t = await bot();
    const sent = (await t.send(message(editor, dm, `/claims ${long}`)))[0]!;
    const next = buttonsOf(sent).find((b) => b.text === '▶')!.callback_data!;
    expect(Buffer.byteLength(next)).toBeLessThanOrEqual(64);
    expect(next).toMatch(/^v1:c:1:#/);
    const turned = await t.send(callback(editor, dm, 7001, next));
    expect(turned.map((c) => c.method)).toEqual(['editMessageText', 'answerCallbackQuery']);

    const restarted = await bot();
    const stale = await restarted.send(callback(editor, dm, 7001, next));
    expect(stale.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(stale[0]!.payload).toMatchObject({ show_alert: true, text: expect.stringContaining('stale') });
  });

  it('says clearly that a button from an unknown format is stale, and the page indicator does nothing', async () => {
    const t = await bot();
    const old = await t.send(callback(editor, dm, 1, 'page:2:kursk'));
    expect(old).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: expect.stringContaining('stale'), show_alert: true }) }]);
    const noop = await t.send(callback(editor, dm, 1, 'v1:x'));
    expect(noop).toEqual([{ method: 'answerCallbackQuery', payload: { callback_query_id: expect.any(String) } }]);
  });

  it('asks for a topic when none is given and takes the next message as the topic', async () => {
    const t = await bot();
    const ask = (await t.send(message(editor, dm, '/claims')))[0]!;
    expect(ask.payload.text).toContain('Which topic?');
    expect(ask.payload.reply_markup).toMatchObject({ force_reply: true, selective: true });
    const answer = await t.send(message(editor, dm, 'kursk'));
    expect(textOf(answer)).toMatch(/^<b>Claims on “kursk”<\/b>/);
    // The question is answered: the next plain message is a fresh claims search, not a sources one.
    await t.send(message(editor, dm, '/sources'));
    expect(textOf(await t.send(message(editor, dm, 'desertion')))).toMatch(/^<b>Sources on “desertion”<\/b>/);
  });

  it('says when nothing matches and suggests topics from the corpus as buttons', async () => {
    const t = await bot();
    const sent = (await t.send(message(editor, dm, '/claims kurks')))[0]!;
    expect(String(sent.payload.text)).toMatch(/^No claims on “kurks” in the corpus\.\n\nTopics the corpus covers: Kursk, /);
    const first = buttonsOf(sent)[0]!;
    expect(first).toEqual({ text: 'Kursk', callback_data: 'v1:c:0:Kursk' });
    const shown = await t.send(callback(editor, dm, 9, first.callback_data!));
    expect(String(shown[0]!.payload.text)).toMatch(/^<b>Claims on “Kursk”<\/b>/);
  });

  it('escapes whatever the user typed', async () => {
    const t = await bot();
    const sent = (await t.send(message(editor, dm, '/claims <b>Kim & "Co"</b>')))[0]!;
    expect(String(sent.payload.text)).toContain('“&lt;b&gt;Kim &amp; &quot;Co&quot;&lt;/b&gt;”');
  });

  it('answers in German with German dates for a German client', async () => {
    const t = await bot();
    const text = textOf(await t.send(message(redakteurin, privateOf(redakteurin), '/sources desertion')));
    expect(text).toMatch(/^<b>Quellen zu „desertion“<\/b>/);
    expect(text).toContain('stützt 1 Aussage');
    expect(text).toContain('watson, 16. Okt. 2024');
    expect(text).toContain('ohne Datum');
  });
});

describe('groups', () => {
  it('answers /claims@BotName as a reply to the asking message', async () => {
    const t = await bot();
    const asking = message(member, newsroom, '/claims@claimdesk_test_bot kursk');
    const [reply] = await t.send(asking);
    expect(reply!.payload).toMatchObject({ chat_id: newsroom.id, reply_parameters: { message_id: asking.message!.message_id } });
    expect(String(reply!.payload.text)).toMatch(/^<b>Claims on “kursk”<\/b>/);
    expect(await t.send(message(member, newsroom, '/claims@another_bot kursk'))).toEqual([]);
  });

  it('asks with a forced reply and takes the reply as the topic', async () => {
    const t = await bot();
    const asking = message(member, newsroom, '/sources@claimdesk_test_bot');
    const [ask] = await t.send(asking);
    expect(ask!.payload).toMatchObject({ reply_markup: { force_reply: true, selective: true }, reply_parameters: { message_id: asking.message!.message_id } });
    const reply = await t.send(message(member, newsroom, 'desertion', { reply_to_message: { message_id: 1, date: 0, chat: newsroom } as never }));
    expect(textOf(reply)).toMatch(/^<b>Sources on “desertion”<\/b>/);
  });
});

describe('/article and citation links', () => {
  it('shows title, outlet, date and the cited paragraph, with buttons to turn paragraphs', async () => {
    const t = await bot();
    const [sent] = await t.send(message(editor, dm, '/start p_001_58e3dd319f91e402_7'));
    const text = String(sent!.payload.text);
    expect(text).toMatch(/^<b>Ukraine: Russland schickt Soldaten aus Nordkorea an die Front – einige fliehen<\/b>\nwatson · 16 Oct 2024\n<i>Paragraph 7 of \d+<\/i>\n\n\S/);
    const [command] = await t.send(message(editor, dm, '/article 001_58e3dd319f91e402 7'));
    expect(command!.payload.text).toBe(text);
    const buttons = buttonsOf(sent);
    expect(buttons.map((b) => b.text)).toEqual(['◀', expect.stringMatching(/^7\/\d+$/), '▶']);
    const next = await t.send(callback(editor, dm, 77, buttons[2]!.callback_data!));
    expect(String(next[0]!.payload.text)).toContain('<i>Paragraph 8 of');
  });

  it('explains an unknown article or paragraph and lists recent articles without an id', async () => {
    const t = await bot();
    expect(textOf(await t.send(message(editor, dm, '/article nope')))).toBe('No article “nope” in the corpus.');
    expect(textOf(await t.send(message(editor, dm, '/article 001_58e3dd319f91e402 999')))).toMatch(/has \d+ paragraphs; there is no paragraph 999/);
    expect(textOf(await t.send(message(editor, dm, '/article')))).toMatch(/Recent articles: 001_58e3dd319f91e402, /);
  });
});

describe('/start, /help, /topics, /language', () => {
  it('introduces itself and lists the commands of the chat type', async () => {
    const t = await bot();
    expect(textOf(await t.send(message(editor, dm, '/start')))).toContain('@claimdesk_test_bot kursk');
    const help = textOf(await t.send(message(editor, dm, '/help')));
    for (const c of ['/start', '/help', '/claims', '/sources', '/article', '/topics', '/language']) expect(help).toContain(c);
    expect(help).not.toContain('/status');
    const groupHelp = textOf(await t.send(message(member, newsroom, '/help@claimdesk_test_bot')));
    expect(groupHelp).not.toContain('/start');
  });

  it('lists the most frequent people, places and organisations, each a button to its claims', async () => {
    const t = await bot();
    const [sent] = await t.send(message(editor, dm, '/topics'));
    expect(String(sent!.payload.text)).toMatch(/<b>People<\/b>: .+\(\d+\)\n<b>Places<\/b>: .*Kursk \(\d+\)/);
    expect(buttonsOf(sent).map((b) => b.callback_data)).toContain('v1:c:0:Kursk');
  });

  it('switches the language and remembers it across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-lang-'));
    const sessionsPath = join(dir, 'sessions.sqlite');
    try {
      const t = await bot({ sessionsPath });
      const [menu] = await t.send(message(editor, dm, '/language'));
      expect(buttonsOf(menu)).toEqual([
        { text: 'Deutsch', callback_data: 'v1:l:de' },
        { text: 'English', callback_data: 'v1:l:en' },
      ]);
      const chosen = await t.send(callback(editor, dm, 3, 'v1:l:de'));
      expect(chosen[0]!.payload.text).toBe('Ich antworte ab jetzt auf Deutsch.');
      await t.close();
      bots.splice(bots.indexOf(t), 1);
      expect(t.api.problems).toEqual([]);

      const restarted = await bot({ sessionsPath });
      expect(textOf(await restarted.send(message(editor, dm, '/claims kursk')))).toMatch(/^<b>Aussagen zu „kursk“<\/b>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('command menus', () => {
  it('registers per scope (private, groups, each admin) and language (default, de, en)', async () => {
    const t = await bot();
    expect(await t.kit.registerCommands()).toBe(true);
    const calls = t.api.of('setMyCommands');
    const key = (p: Record<string, unknown>) => `${(p.scope as { type: string }).type}/${String(p.language_code ?? '-')}`;
    expect(calls.map((c) => key(c.payload)).sort()).toEqual(
      ['all_private_chats', 'all_group_chats', 'chat'].flatMap((s) => ['-', 'de', 'en'].map((l) => `${s}/${l}`)).sort(),
    );
    const names = (scope: string, lang: string) => {
      const call = calls.find((c) => key(c.payload) === `${scope}/${lang}`)!;
      return call.payload.commands as Array<{ command: string; description: string }>;
    };
    expect(names('all_private_chats', 'de').find((c) => c.command === 'claims')!.description).toBe('Wer behauptet was zu einem Thema');
    expect(names('all_group_chats', 'en').map((c) => c.command)).toEqual(['help', 'claims', 'sources', 'article', 'topics', 'subscribe', 'unsubscribe', 'subscriptions', 'quiet', 'language']);
    expect(names('chat', 'en').map((c) => c.command)).toContain('status');
  });

  it('logs and carries on when the server refuses setMyCommands', async () => {
    const t = await bot({ recording: { respond: (c) => (c.method === 'setMyCommands' ? { ok: false, error_code: 404, description: 'Not Found: method not found' } : undefined) } });
    expect(await t.kit.registerCommands()).toBe(false);
    expect(t.logs.some((l) => l.level === 40 && String(l.msg).includes('command menus'))).toBe(true);
    expect(textOf(await t.send(message(editor, dm, '/start')))).toContain('claimdesk');
  });
});
