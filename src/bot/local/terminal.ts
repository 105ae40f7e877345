/**
 * The chat in the terminal for local mode. The person types as a Telegram user, in a private
 * chat with the bot or in a group; the bot's answers arrive through the emulator and are shown
 * rendered. Lines starting with `:` steer the terminal itself (see `:help`).
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Chat, InlineKeyboardButton, InlineKeyboardMarkup, User } from 'grammy/types';
import { type ApiCall, botInfoFor, type LocalBotApi } from './emulator.ts';
import { renderHtml, renderKeyboard } from './render.ts';

/** Who is who in local mode: fixed ids, so the terminal user and group can be allowed. */
export function localIdentity(languageCode: string) {
  const botInfo = botInfoFor(7_000_001, 'claimdesk_local_bot');
  const user: User = { id: 1_000_001, is_bot: false, first_name: 'You', username: 'you', language_code: languageCode };
  const group: Chat.SupergroupChat = { id: -1_001_000_000_001, type: 'supergroup', title: 'Newsroom' };
  const privateChat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name };
  return { token: `${botInfo.id}:local-mode-emulator-token`, botInfo, user, group, privateChat };
}

export type LocalIdentity = ReturnType<typeof localIdentity>;

const HELP = `  /claims kursk, /sources desertion, /topics, /help …   talk to the bot
  3                 press button 3 of the last message with buttons
  :open 2           follow link 2 of the last message (citation links open the passage)
  :group, :private  switch between the group "Newsroom" and the private chat
  @ kursk           an inline query (or :inline kursk); :send 4 sends result 4, :more pages on
  :quit             stop (Ctrl+C and Ctrl+D too)`;

interface InlineState {
  query: string;
  results: Array<{ title: string; description?: string; message_text: string }>;
  nextOffset: string;
}

export interface TerminalOptions {
  api: LocalBotApi;
  identity: LocalIdentity;
  input: Readable;
  output: Writable;
  color: boolean;
}

/** Runs the chat until the person quits. */
export function runTerminalChat({ api, identity, input, output, color }: TerminalOptions): Promise<void> {
  const { user, group, privateChat, botInfo } = identity;
  let chat: Chat = privateChat;
  let buttons: { list: InlineKeyboardButton[]; message: { message_id: number; chat: Chat } } | undefined;
  let links: string[] = [];
  let inline: InlineState | undefined;
  /** The bot's last question in the group: with privacy mode, only replies to it reach the bot. */
  let groupPrompt: { message_id: number; text: string } | undefined;

  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const chatOf = (id: unknown): Chat => (Number(id) === group.id ? group : privateChat);
  const chatName = (c: Chat) => (c.type === 'private' ? 'private chat' : (c as Chat.SupergroupChat).title);

  const tty = (output as NodeJS.WriteStream).isTTY === true;
  const rl: Interface = createInterface({ input, output, terminal: tty });
  const prompt = () => rl.setPrompt(`${user.first_name}@${chat.type === 'private' ? 'private' : group.title} › `);
  /** Prints above the prompt: on a terminal the half-typed line is cleared first and redrawn after. */
  const print = (text: string) => {
    output.write(`${tty ? '\r\x1b[K' : '\n'}${text}\n`);
    rl.prompt(true);
  };

  const showMessage = (title: string, html: string, markup: InlineKeyboardMarkup | undefined, message: { message_id: number; chat: Chat }) => {
    const text = renderHtml(html, color);
    const keyboard = renderKeyboard(markup, color);
    links = text.links;
    if (keyboard.buttons.length) buttons = { list: keyboard.buttons, message };
    print([dim(title), text.text, ...keyboard.lines].join('\n'));
  };

  const onCall = (call: ApiCall) => {
    const p = call.payload;
    switch (call.method) {
      case 'sendMessage': {
        const target = chatOf(p.chat_id);
        const sent = call.result as { message_id: number };
        const markup = p.reply_markup as (InlineKeyboardMarkup & { force_reply?: true }) | undefined;
        if (target.id === group.id && markup?.force_reply) groupPrompt = { message_id: sent.message_id, text: String(p.text) };
        const replying = (p.reply_parameters as { message_id?: number } | undefined)?.message_id ? ', replying to you' : '';
        showMessage(`@${botInfo.username} in ${chatName(target)}${replying}:`, String(p.text), markup?.inline_keyboard ? markup : undefined, { message_id: sent.message_id, chat: target });
        break;
      }
      case 'editMessageText':
        showMessage(`@${botInfo.username} edited its message:`, String(p.text), p.reply_markup as InlineKeyboardMarkup | undefined, {
          message_id: Number(p.message_id),
          chat: chatOf(p.chat_id),
        });
        break;
      case 'answerCallbackQuery':
        if (p.text) print(dim(`ⓘ ${String(p.text)}`));
        break;
      case 'leaveChat':
        print(dim(`@${botInfo.username} left ${chatName(chatOf(p.chat_id))}.`));
        break;
    }
  };

  const showInline = (p: Record<string, unknown>) => {
    const results = (p.results as Array<{ title: string; description?: string; input_message_content: { message_text: string } }>).map((r) => ({
      title: r.title,
      ...(r.description ? { description: r.description } : {}),
      message_text: r.input_message_content.message_text,
    }));
    const first = inline!.results.length;
    inline!.results.push(...results);
    inline!.nextOffset = String(p.next_offset ?? '');
    const button = (p.button as { text?: string } | undefined)?.text;
    const lines = results.map((r, i) => `  ${first + i + 1}. ${r.title}${r.description ? dim(` — ${r.description}`) : ''}`);
    const more = inline!.nextOffset ? dim('  (:more for more)') : '';
    print([dim(`inline results for “${inline!.query}”:`), ...lines, ...(button ? [dim(`  [${button}]`)] : []), ...(results.length ? [dim('  :send N sends one')] : []), more].filter(Boolean).join('\n'));
  };

  const askInline = async (query: string, offset = '') => {
    if (!offset || !inline) inline = { query, results: [], nextOffset: '' };
    showInline(await api.inlineQuery(user, query, offset));
  };

  const send = async (text: string) => {
    if (chat.type !== 'private' && !text.startsWith('/')) {
      if (!groupPrompt) return print(dim('(The bot has privacy mode on: in a group it sees only commands and replies to its questions.)'));
      const replyTo = groupPrompt;
      groupPrompt = undefined;
      await api.sendMessage(user, chat, text, replyTo);
      return;
    }
    await api.sendMessage(user, chat, text);
  };

  const handleLine = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    const [word, ...rest] = text.split(/\s+/);
    const arg = rest.join(' ');
    if (/^\d+$/.test(text)) {
      const button = buttons?.list[Number(text) - 1];
      if (!button || !buttons) return print(dim('No such button.'));
      if ('callback_data' in button && button.callback_data) await api.pressButton(user, buttons.message, button.callback_data);
      else if ('url' in button && button.url) await openLink(button.url);
      return;
    }
    if (text.startsWith('@')) return askInline(text.replace(/^@\S*\s*/, ''));
    switch (word) {
      case ':help':
        return print(HELP);
      case ':quit':
      case ':q':
        return rl.close();
      case ':group':
      case ':private':
        chat = word === ':group' ? group : privateChat;
        prompt();
        return print(dim(`Now in ${chatName(chat)}.`));
      case ':inline':
        return askInline(arg);
      case ':more':
        if (!inline?.nextOffset) return print(dim('No more inline results.'));
        return askInline(inline.query, inline.nextOffset);
      case ':send': {
        const result = inline?.results[Number(arg) - 1];
        if (!result) return print(dim('No such inline result.'));
        return showMessage(`${user.first_name} via @${botInfo.username} in ${chatName(chat)}:`, result.message_text, undefined, { message_id: 0, chat });
      }
      case ':open': {
        const href = links[Number(arg) - 1];
        return href ? openLink(href) : print(dim('No such link.'));
      }
      default:
        if (word?.startsWith(':')) return print(dim(`Unknown ${word}; :help lists what works.`));
        return send(text);
    }
  };

  /** A deep link to this bot opens the private chat with its /start payload, as Telegram does. */
  const openLink = async (href: string) => {
    const deep = new RegExp(`^https://t\\.me/${botInfo.username}\\?start=([A-Za-z0-9_-]+)$`).exec(href);
    if (!deep) return print(dim(`(would open ${href} in a browser)`));
    chat = privateChat;
    prompt();
    await api.sendMessage(user, chat, `/start ${deep[1]}`);
  };

  api.on('call', onCall);
  prompt();
  output.write(
    `${color ? '\x1b[1m' : ''}claimdesk — local mode${color ? '\x1b[22m' : ''}: you are chatting with @${botInfo.username} on the demo corpus, no Telegram needed.\n` +
      `Try /claims kursk or /sources desertion. Type :help for buttons, links, groups and inline mode.\n`,
  );
  rl.prompt();

  return new Promise((resolve) => {
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      queue = queue.then(() => handleLine(line)).catch((err: Error) => print(dim(`error: ${err.message}`)));
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      api.off('call', onCall);
      void queue.then(() => resolve());
    });
  });
}
