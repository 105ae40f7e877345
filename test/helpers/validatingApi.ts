/** A pass-through transformer that checks every outgoing call against the Bot API spec. */
import type { Transformer } from 'grammy';
import type { BotApiValidator } from './botApiValidator.ts';

export function validating(validator: BotApiValidator, problems: string[]): Transformer {
  return (prev, method, payload, signal) => {
    problems.push(...validator.validate(method, payload as Record<string, unknown>).map((p) => `${method}: ${p}`));
    return prev(method, payload, signal);
  };
}
