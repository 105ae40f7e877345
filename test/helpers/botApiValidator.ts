/**
 * Checks outgoing Bot API calls against the published API (`../shared/data/bot-api/api.json`,
 * Bot API 10.1): known method, required fields present, no unknown fields, value types, the
 * constant `type` of union members, the length limits the spec states ("1-64 bytes",
 * "1-4096 characters"), at most 50 inline results, and Telegram HTML wherever parse_mode is HTML.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}
interface SpecEntry {
  fields?: SpecField[];
  subtypes?: string[];
}
interface Spec {
  version: string;
  methods: Record<string, SpecEntry>;
  types: Record<string, SpecEntry>;
}

export const API_JSON = fileURLToPath(new URL('../../../shared/data/bot-api/api.json', import.meta.url));

/** Tags Telegram accepts in HTML parse mode, with the attributes each may carry. */
const HTML_TAGS: Record<string, (attrs: Record<string, string>) => boolean> = {
  b: none,
  strong: none,
  i: none,
  em: none,
  u: none,
  ins: none,
  s: none,
  strike: none,
  del: none,
  'tg-spoiler': none,
  span: (a) => keys(a) === 'class' && a.class === 'tg-spoiler',
  a: (a) => keys(a) === 'href' && a.href!.length > 0,
  'tg-emoji': (a) => keys(a) === 'emoji-id',
  code: (a) => keys(a) === '' || (keys(a) === 'class' && /^language-[\w+-]+$/.test(a.class!)),
  pre: none,
  blockquote: (a) => keys(a) === '' || keys(a) === 'expandable',
};
function none(a: Record<string, string>) {
  return keys(a) === '';
}
function keys(a: Record<string, string>) {
  return Object.keys(a).sort().join(',');
}

/** Problems with a Telegram HTML text: unknown tags or attributes, unbalanced tags, unescaped text. */
export function htmlProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>/y;
  const entity = /&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/y;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '<') {
      tag.lastIndex = i;
      const m = tag.exec(text);
      if (!m) {
        problems.push(`unescaped "<" at ${i}`);
        i++;
        continue;
      }
      const [, closing, rawName, rawAttrs = ''] = m;
      const name = rawName!.toLowerCase();
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
      if (!HTML_TAGS[name]) problems.push(`tag <${name}> is not allowed`);
      else if (closing) {
        if (open.pop() !== name) problems.push(`</${name}> closes nothing open`);
      } else {
        if (!HTML_TAGS[name]!(attrs)) problems.push(`<${name}${rawAttrs}> has attributes Telegram does not accept`);
        open.push(name);
      }
      i = tag.lastIndex;
    } else if (ch === '&') {
      entity.lastIndex = i;
      if (!entity.exec(text)) problems.push(`unescaped "&" at ${i}`);
      i++;
    } else {
      if (ch === '>') problems.push(`unescaped ">" at ${i}`);
      i++;
    }
  }
  if (open.length) problems.push(`unclosed tags: ${open.join(', ')}`);
  return problems;
}

export class BotApiValidator {
  readonly version: string;
  private constructor(private readonly spec: Spec) {
    this.version = spec.version;
  }

  static load(path = API_JSON): BotApiValidator {
    return new BotApiValidator(JSON.parse(readFileSync(path, 'utf8')) as Spec);
  }

  /** Every problem with one call; empty when it is valid. */
  validate(method: string, payload: Record<string, unknown> | undefined): string[] {
    const entry = this.spec.methods[method];
    if (!entry) return [`${method}: no such Bot API method`];
    const problems = this.checkObject(payload ?? {}, entry.fields ?? [], method);
    if (method === 'answerInlineQuery' && Array.isArray(payload?.results) && payload.results.length > 50) {
      problems.push(`${method}.results: ${payload.results.length} results, at most 50 allowed`);
    }
    return problems;
  }

  private checkObject(value: unknown, fields: SpecField[], path: string): string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
    const obj = value as Record<string, unknown>;
    const problems: string[] = [];
    const known = new Map(fields.map((f) => [f.name, f]));
    for (const name of Object.keys(obj)) if (obj[name] !== undefined && !known.has(name)) problems.push(`${path}.${name}: unknown field`);
    for (const field of fields) {
      const v = obj[field.name];
      if (v === undefined) {
        if (field.required) problems.push(`${path}.${field.name}: required field missing`);
        continue;
      }
      problems.push(...this.checkValue(v, field.types, `${path}.${field.name}`, field));
    }
    if (obj.parse_mode === 'HTML') {
      for (const textField of ['text', 'message_text', 'caption']) {
        if (typeof obj[textField] === 'string') problems.push(...htmlProblems(obj[textField] as string).map((p) => `${path}.${textField}: ${p}`));
      }
    }
    return problems;
  }

  private checkValue(value: unknown, types: string[], path: string, field?: SpecField): string[] {
    let best: string[] | undefined;
    for (const type of types) {
      const problems = this.checkType(value, type, path, field);
      if (!problems.length) return [];
      if (!best || problems.length < best.length) best = problems;
    }
    return best ?? [`${path}: no type given`];
  }

  private checkType(value: unknown, type: string, path: string, field?: SpecField): string[] {
    const array = /^Array of (.+)$/.exec(type);
    if (array) {
      if (!Array.isArray(value)) return [`${path}: expected ${type}`];
      return value.flatMap((item, i) => this.checkType(item, array[1]!, `${path}[${i}]`));
    }
    switch (type) {
      case 'Integer':
        return Number.isInteger(value) ? [] : [`${path}: expected Integer`];
      case 'Float':
        return typeof value === 'number' ? [] : [`${path}: expected Float`];
      case 'Boolean':
        return typeof value === 'boolean' ? [] : [`${path}: expected Boolean`];
      case 'String':
        return typeof value === 'string' ? stringLimits(value, path, field) : [`${path}: expected String`];
      case 'InputFile':
        return typeof value === 'string' || typeof value === 'object' ? [] : [`${path}: expected InputFile`];
    }
    const entry = this.spec.types[type];
    if (!entry) return [`${path}: unknown type ${type}`];
    if (entry.subtypes) return this.checkValue(value, entry.subtypes, path);
    const problems = this.checkObject(value, entry.fields ?? [], `${path}<${type}>`);
    const typeField = entry.fields?.find((f) => f.name === 'type');
    const constant = typeField && /must be (\w+)/.exec(typeField.description)?.[1];
    if (constant && (value as Record<string, unknown>)?.type !== constant) problems.push(`${path}<${type}>.type: must be ${constant}`);
    return problems;
  }
}

/** Enforces limits the spec writes into descriptions, e.g. "1-64 bytes" or "0-200 characters". */
function stringLimits(value: string, path: string, field?: SpecField): string[] {
  const m = field && /\b(\d+)-(\d+) (characters|bytes)\b/.exec(field.description);
  if (!m) return [];
  const length = m[3] === 'bytes' ? Buffer.byteLength(value, 'utf8') : [...value].length;
  const [min, max] = [Number(m[1]), Number(m[2])];
  return length < min || length > max ? [`${path}: ${length} ${m[3]}, allowed ${min}-${max}`] : [];
}
