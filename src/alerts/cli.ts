/**
 * `claimdesk alerts [--failed]`: the state of the outbox, or its dead letters (alerts that will
 * not be tried again) with the reason each one failed. Text for a person, or JSON with --json.
 */
import type { SqliteEngine } from '../store/engine.ts';
import { deadLetters } from './outbox.ts';

export interface AlertsCommandOptions {
  failed: boolean;
  json: boolean;
  /** Dead letters listed, newest first. */
  limit: number;
}

export async function printAlerts(engine: SqliteEngine, opts: AlertsCommandOptions): Promise<void> {
  if (opts.failed) {
    const rows = (await deadLetters(engine.reader, opts.limit)).map((f) => ({ ...f, topics: JSON.parse(f.topics) as string[] }));
    if (opts.json) console.log(JSON.stringify({ failed: rows }));
    else if (!rows.length) console.log('no failed alerts');
    else {
      for (const f of rows) {
        console.log(`${new Date(f.done_at).toISOString()}  chat ${f.chat_id}  ${f.kind} ${f.claim_id} (${f.topics.join(', ')})  ${f.attempts} attempt(s): ${f.error}`);
      }
    }
    return;
  }
  const c = (await engine.reader.get<{ subscriptions: number; chats: number; paused: number; pending: number; sent: number; failed: number }>(
    `SELECT (SELECT count(*) FROM alert_subscriptions) AS subscriptions,
            (SELECT count(DISTINCT chat_id) FROM alert_subscriptions) AS chats,
            (SELECT count(*) FROM alert_chats WHERE paused_reason IS NOT NULL) AS paused,
            (SELECT count(*) FROM alert_outbox WHERE state = 'pending') AS pending,
            (SELECT count(*) FROM alert_outbox WHERE state = 'sent') AS sent,
            (SELECT count(*) FROM alert_outbox WHERE state = 'failed') AS failed`,
  ))!;
  if (opts.json) console.log(JSON.stringify(c));
  else {
    console.log(`${c.subscriptions} subscriptions in ${c.chats} chats (${c.paused} paused)`);
    console.log(`alerts: ${c.pending} waiting, ${c.sent} sent, ${c.failed} failed (claimdesk alerts --failed lists them)`);
  }
}
