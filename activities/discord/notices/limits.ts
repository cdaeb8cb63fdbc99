import type { APIEmbed } from 'discord-api-types/v10';

/** What Discord accepts in one message. Lengths count UTF-16 code units, which never undercounts. */
export const MESSAGE_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author, summed over all embeds. */
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
} as const;

const ELLIPSIS = '…';

/** Discord keeps at most 512 characters of an audit log reason. */
const AUDIT_LOG_REASON_MAX = 512;

/** A reason as the guild's audit log keeps it. */
export function auditLogReason(reason: string): string {
  return truncate(reason, AUDIT_LOG_REASON_MAX);
}

/** Cuts text to `max` characters, ending with an ellipsis, without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Makes one embed fit Discord: every text within its own limit, then the total within 6,000 by cutting
 * the longest texts down to a common length (short ones, like titles, stay whole). Never rejects.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = (embed.fields ?? []).slice(0, MESSAGE_LIMITS.embedFields);
  const texts = {
    title: embed.title === undefined ? undefined : truncate(embed.title, MESSAGE_LIMITS.embedTitle),
    description:
      embed.description === undefined ? undefined : truncate(embed.description, MESSAGE_LIMITS.embedDescription),
    footer: embed.footer && truncate(embed.footer.text, MESSAGE_LIMITS.footerText),
    author: embed.author && truncate(embed.author.name, MESSAGE_LIMITS.authorName),
    names: fields.map((field) => truncate(field.name, MESSAGE_LIMITS.fieldName)),
    values: fields.map((field) => truncate(field.value, MESSAGE_LIMITS.fieldValue)),
  };
  const all = [texts.title, texts.description, texts.footer, texts.author, ...texts.names, ...texts.values].filter(
    (text): text is string => text !== undefined,
  );
  const cap = commonCap(
    all.map((text) => text.length),
    MESSAGE_LIMITS.embedTotal,
  );
  const cutToCap = (text: string) => truncate(text, cap);
  return {
    ...embed,
    ...(texts.title === undefined ? {} : { title: cutToCap(texts.title) }),
    ...(texts.description === undefined ? {} : { description: cutToCap(texts.description) }),
    ...(embed.footer && texts.footer !== undefined
      ? { footer: { ...embed.footer, text: cutToCap(texts.footer) } }
      : {}),
    ...(embed.author && texts.author !== undefined
      ? { author: { ...embed.author, name: cutToCap(texts.author) } }
      : {}),
    ...(embed.fields
      ? {
          fields: fields.map((field, index) => ({
            ...field,
            name: cutToCap(texts.names[index] ?? ''),
            value: cutToCap(texts.values[index] ?? ''),
          })),
        }
      : {}),
  };
}

/** The largest length c with sum(min(length, c)) <= budget (Infinity when everything already fits). */
function commonCap(lengths: number[], budget: number): number {
  if (lengths.reduce((sum, length) => sum + length, 0) <= budget) return Number.POSITIVE_INFINITY;
  let low = 1;
  let high = Math.max(...lengths);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const total = lengths.reduce((sum, length) => sum + Math.min(length, middle), 0);
    if (total <= budget) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The length Discord counts against the 6,000 budget. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
