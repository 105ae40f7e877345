/** The Bot API checks the other tests rely on must themselves catch what they claim to. */
import { describe, expect, it } from 'vitest';
import { htmlProblems } from '../helpers/botApiValidator.ts';
import { specValidator } from '../helpers/botKit.ts';

const v = specValidator();

describe('Bot API validator', () => {
  it('reads Bot API 10.1', () => {
    expect(v.version).toBe('Bot API 10.1');
  });

  it('accepts valid calls', () => {
    expect(v.validate('sendMessage', { chat_id: 1, text: '<b>x</b> &amp; y', parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: '▶', callback_data: 'v1:c:1:kursk' }]] } })).toEqual([]);
    expect(v.validate('setMyCommands', { commands: [{ command: 'claims', description: 'x' }], scope: { type: 'all_group_chats' }, language_code: 'de' })).toEqual([]);
    expect(
      v.validate('answerInlineQuery', {
        inline_query_id: '1',
        results: [{ type: 'article', id: 'c1', title: 't', input_message_content: { message_text: 'x', parse_mode: 'HTML' } }],
        cache_time: 30,
        is_personal: true,
      }),
    ).toEqual([]);
  });

  it('finds unknown methods and fields, missing required fields and wrong types', () => {
    expect(v.validate('sendMessages', {})).toEqual(['sendMessages: no such Bot API method']);
    expect(v.validate('sendMessage', { chat_id: 1, text: 'x', colour: 'red' })).toEqual(['sendMessage.colour: unknown field']);
    expect(v.validate('sendMessage', { text: 'x' })).toEqual(['sendMessage.chat_id: required field missing']);
    expect(v.validate('sendMessage', { chat_id: 1.5, text: 'x' })).toEqual(['sendMessage.chat_id: expected Integer']);
    expect(v.validate('setMyCommands', { commands: [{ command: 'x', description: 'y' }], scope: { type: 'all_private_chat' } })).not.toEqual([]);
  });

  it('enforces the limits: text, callback_data, inline results', () => {
    expect(v.validate('sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).toEqual(['sendMessage.text: 4097 characters, allowed 1-4096']);
    const button = { text: 'b', callback_data: 'ä'.repeat(33) };
    expect(v.validate('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[button]] } })).toEqual([
      'sendMessage.reply_markup<InlineKeyboardMarkup>.inline_keyboard[0][0]<InlineKeyboardButton>.callback_data: 66 bytes, allowed 1-64',
    ]);
    const result = { type: 'article', id: 'c', title: 't', input_message_content: { message_text: 'x' } };
    expect(v.validate('answerInlineQuery', { inline_query_id: '1', results: Array.from({ length: 51 }, () => result) })).toContain(
      'answerInlineQuery.results: 51 results, at most 50 allowed',
    );
  });

  it('checks HTML wherever parse_mode is HTML', () => {
    expect(v.validate('editMessageText', { chat_id: 1, message_id: 2, text: '<b>x', parse_mode: 'HTML' })).toEqual(['editMessageText.text: unclosed tags: b']);
    expect(htmlProblems('<b><i>x</b></i>')).toEqual(['</b> closes nothing open', '</i> closes nothing open']);
    expect(htmlProblems('<div>x</div>')).toEqual(['tag <div> is not allowed', 'tag <div> is not allowed']);
    expect(htmlProblems('a < b')).toEqual(['unescaped "<" at 2']);
    expect(htmlProblems('a & b > c')).toEqual(['unescaped "&" at 2', 'unescaped ">" at 6']);
    expect(htmlProblems('<a href="https://t.me/x?start=p_1_2">x</a> <span class="x">y</span>')).toEqual(['<span class="x"> has attributes Telegram does not accept']);
    expect(htmlProblems('&lt;&gt;&amp;&quot;&#39;<code class="language-ts">x</code>')).toEqual([]);
  });
});
