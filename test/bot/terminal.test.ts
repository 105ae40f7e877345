/** Local mode's terminal chat, driven through streams against the emulator and the real bot. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBot } from '../../src/bot/createBot.ts';
import { LocalBotApi } from '../../src/bot/local/emulator.ts';
import { localIdentity, runTerminalChat } from '../../src/bot/local/terminal.ts';
import { startPolling } from '../../src/bot/run.ts';
import { openSqliteSessions } from '../../src/bot/sessions/sqlite.ts';
import { memoryLogger, openSeededEngine } from '../helpers/botKit.ts';

let seeded: Awaited<ReturnType<typeof openSeededEngine>>;
beforeAll(async () => {
  seeded = await openSeededEngine();
});
afterAll(() => seeded.close());

it('lets a person chat, press buttons, follow citation links, use a group and inline mode', async () => {
  const identity = localIdentity('en');
  const api = await LocalBotApi.start({ token: identity.token, botInfo: identity.botInfo });
  const { logger } = memoryLogger('warn');
  const sessions = await openSqliteSessions(':memory:', { ttlMs: 60_000, logger });
  const { bot } = createBot({
    token: identity.token,
    apiRoot: api.apiRoot,
    policy: { allowedChatIds: [identity.group.id], allowedUserIds: [identity.user.id], adminUserIds: [] },
    engine: seeded.engine,
    logger,
    sessions,
    botInfo: identity.botInfo,
    api: { throttle: false },
  });
  const running = await startPolling(bot, logger);
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  const chat = runTerminalChat({ api, identity, input, output, color: false });

  /** Types a line and waits for the screen to show `expected` after what was there before. */
  const type = async (line: string, expected: RegExp) => {
    const from = screen.length;
    input.write(`${line}\n`);
    for (let i = 0; i < 200 && !expected.test(screen.slice(from)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(screen.slice(from)).toMatch(expected);
    return screen.slice(from);
  };

  try {
    expect(screen).toContain('local mode');
    const answer = await type('/claims kursk', /Claims on “kursk” \(\d+\)[\s\S]*\[1\] 1\/\d+ {2}\[2\] ▶/);
    expect(answer).toMatch(/\[1\] .+ ⟨1 → https:\/\/t\.me\/claimdesk_local_bot\?start=p_\w+⟩/);
    expect(answer).not.toContain('<b>');
    await type('2', /edited its message:[\s\S]*<?5\./);
    await type(':open 1', /Paragraph \d+ of \d+/);
    await type(':group', /Now in Newsroom\./);
    await type('hello', /privacy mode/);
    await type('/sources', /in Newsroom, replying to you:\nWhich topic should I look up sources for\?/);
    await type('desertion', /Sources on “desertion”/);
    await type('@claimdesk_local_bot kursk', /inline results for “kursk”:\n {2}1\. /);
    await type(':send 1', /You via @claimdesk_local_bot in Newsroom:\n/);
    await type('7', /No such button\./);
    input.write(':quit\n');
    await chat;
  } finally {
    await running.stop();
    await api.stop();
    await sessions.close();
  }
});
