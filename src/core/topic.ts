/** Makes what a person typed safe to echo and to analyse: no control characters, bounded length. */
const MAX_TOPIC_LENGTH = 200;

export function cleanTopic(raw: string): string {
  const flat = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, MAX_TOPIC_LENGTH).join('').trim();
}
