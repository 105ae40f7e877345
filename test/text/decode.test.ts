import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/text/decode.ts';

const text = (outcome: ReturnType<typeof decodeText>) => ('text' in outcome ? outcome.text : `skip: ${outcome.skip}`);

describe('decodeText', () => {
  it('decodes UTF-8 and strips the byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Pjöngjang – „Quatsch“', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: 'Pjöngjang – „Quatsch“' });
  });

  it('turns CRLF and lone CR line ends into LF', () => {
    expect(text(decodeText(Buffer.from('Titel\r\n\r\nText.\rMehr.', 'utf8')))).toBe('Titel\n\nText.\nMehr.');
  });

  it('normalises to NFC so that a decomposed umlaut matches the composed one', () => {
    const decomposed = 'Mu\u0308nchen';
    expect(text(decodeText(Buffer.from(decomposed, 'utf8')))).toBe('München');
  });

  it('decodes Windows-1252 when the file is not UTF-8 but reads as German text', () => {
    const bytes = Buffer.from('Gr\xfc\xdfe aus K\xf6ln \x96 \x84Quatsch\x93, sagte er. \x80 5', 'latin1');
    expect(decodeText(bytes)).toEqual({ text: 'Grüße aus Köln – „Quatsch“, sagte er. € 5' });
  });

  it('maps every defined Windows-1252 byte from 0x80 to 0x9F to its character, not to a C1 control', () => {
    const defined = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];
    const umlauts = 'Grüße aus Köln, Düsseldorf und Mönchengladbach. '.repeat(10);
    const bytes = Buffer.concat([Buffer.from(umlauts, 'latin1'), Buffer.from(defined)]);
    expect(decodeText(bytes)).toEqual({ text: `${umlauts}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ` });
  });

  it('skips files with NUL bytes or mostly control bytes as binary', () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]))).toEqual({ skip: 'binary' });
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41)));
    expect(decodeText(controls)).toEqual({ skip: 'binary' });
  });

  it('keeps tabs, form feeds and a DOS end-of-file mark as text', () => {
    expect(text(decodeText(Buffer.from('Spalte\tWert\fSeite\x1a', 'latin1')))).toBe('Spalte\tWert\fSeite\x1a');
  });

  it('skips empty and whitespace-only files', () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ skip: 'empty' });
    expect(decodeText(Buffer.from(' \n\t\r\n '))).toEqual({ skip: 'empty' });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ skip: 'empty' });
  });

  it('skips bytes that are neither UTF-8 nor plausible Windows-1252', () => {
    // Bytes Windows-1252 leaves undefined.
    expect(decodeText(Buffer.from([0x41, 0x81, 0x8d, 0x42]))).toEqual({ skip: 'not UTF-8' });
    // Mostly high bytes: another code page, not German.
    expect(decodeText(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0xe4 : 0xb1))))).toEqual({ skip: 'not UTF-8' });
    // UTF-8 with one damaged byte would turn every umlaut into mojibake as Windows-1252.
    const damaged = Buffer.concat([Buffer.from('Grüße aus Köln, Zürich und Düsseldorf', 'utf8'), Buffer.from([0xff])]);
    expect(decodeText(damaged)).toEqual({ skip: 'not UTF-8' });
  });

  it('refuses UTF-16 as not UTF-8 rather than calling it binary', () => {
    expect(decodeText(Buffer.from('\ufeffHallo', 'utf16le'))).toEqual({ skip: 'not UTF-8' });
  });
});
