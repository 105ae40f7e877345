/**
 * Alert messages, built from the bot's own claim blocks so an alert shows a claim exactly as
 * `/claims` does: who says it, the hedge and denial marks, numbered citations linked to the passage.
 */
import type { ClaimAnswer } from '../core/answers.ts';
import { type Block, claimBlock, fitMessage, type View } from '../bot/format.ts';
import { bold, html, joinHtml, truncate, truncateEscaped } from '../bot/html.ts';

export type AlertRow = {
  id: number;
  claim_id: string;
  kind: 'claim' | 'followup';
  /** JSON array of the chat's topics the claim matched. */
  topics: string;
  outlet: string | null;
  digest: number;
  attempts: number;
};

/** More claims than this go into further messages, so each keeps its citations legible. */
export const CLAIMS_PER_MESSAGE = 8;

export interface RenderedAlert {
  text: string;
  /** The rows this message delivers; the rest wait for the next one. */
  rows: AlertRow[];
}

/**
 * One message for a chat from its due rows (all instant or all digest): new claims first, then
 * "also reported by" lines. Rows whose claim has left the corpus are not rendered.
 */
export function renderAlert(rows: AlertRow[], claims: Map<string, ClaimAnswer>, view: View): RenderedAlert {
  const taken = rows.filter((r) => claims.has(r.claim_id)).sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'claim' ? -1 : 1)).slice(0, CLAIMS_PER_MESSAGE);
  const fresh = taken.filter((r) => r.kind === 'claim');
  const topics = [...new Set(fresh.flatMap((r) => JSON.parse(r.topics) as string[]))];
  const blocks: Block[] = taken.map((r, i) =>
    r.kind === 'claim' ? claimBlock(claims.get(r.claim_id)!, fresh.length > 1 ? i + 1 : undefined, view) : followupBlock(r, claims.get(r.claim_id)!, view),
  );
  const header = fresh.length
    ? view.t(taken[0]!.digest ? 'alerts-digest' : 'alerts-new', { count: fresh.length, topics: joinHtml(topics.map((t) => bold(truncate(t, 60))), ', ') })
    : undefined;
  return { text: fitMessage(header, blocks), rows: taken };
}

function followupBlock(row: AlertRow, claim: ClaimAnswer, view: View): Block {
  return (level, budget) => {
    const outlet = truncate(row.outlet ?? '', 60);
    const full = view.t('alerts-also-reported', { outlet, claim: truncate(claim.text, level === 0 ? 200 : 100) });
    if (full.value.length <= budget) return full;
    return html`↪️ ${truncateEscaped(`${outlet}: ${claim.text}`, budget - 3)}`;
  };
}
