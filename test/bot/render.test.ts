/** Local mode shows Telegram HTML and keyboards readably in a terminal. */
import { describe, expect, it } from 'vitest';
import { renderHtml, renderKeyboard } from '../../src/bot/local/render.ts';

describe('terminal rendering', () => {
  it('shows links with their targets, numbered, and decodes entities', () => {
    const out = renderHtml('<b>Claims on “a &amp; b”</b>\n<a href="https://t.me/bot?start=p_1_2">[1] T &lt;x&gt;</a>', false);
    expect(out).toEqual({ text: 'Claims on “a & b”\n[1] T <x> ⟨1 → https://t.me/bot?start=p_1_2⟩', links: ['https://t.me/bot?start=p_1_2'] });
  });

  it('styles bold and italics with ANSI codes on a terminal', () => {
    expect(renderHtml('<b>x</b> <i>y</i>', true).text).toBe('\x1b[1mx\x1b[22m \x1b[3my\x1b[23m');
  });

  it('numbers buttons across rows', () => {
    const out = renderKeyboard({ inline_keyboard: [[{ text: '◀', callback_data: 'a' }, { text: '2/5', callback_data: 'b' }], [{ text: 'Web', url: 'https://x.org' }]] }, false);
    expect(out.lines).toEqual(['[1] ◀  [2] 2/5', '[3] Web → https://x.org']);
    expect(out.buttons.map((b) => b.text)).toEqual(['◀', '2/5', 'Web']);
    expect(renderKeyboard(undefined, false)).toEqual({ lines: [], buttons: [] });
  });
});
