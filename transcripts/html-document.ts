/** The document around the messages: head with the Content-Security-Policy, the ticket's facts, the footer. */
import { ticketLabel } from '../domain/ticket-naming.ts';
import { hexColour } from './colour.ts';
import { cssString } from './css-escape.ts';
import { escapeHtml } from './escape.ts';
import { userName } from './html-message.ts';
import { TRANSCRIPT_CSS } from './html-theme.ts';
import { renderMarkdown } from './markdown.ts';
import type { RenderContext } from './render-context.ts';
import type { TranscriptHeader } from './schema.ts';
import { isoSeconds } from './time-format.ts';

/** A CSP source list: quoted keywords, schemes and origins, nothing that could end the directive. */
const SOURCE_LIST = /^(?:'[a-z-]+'|[A-Za-z0-9.*:/-]+)(?: (?:'[a-z-]+'|[A-Za-z0-9.*:/-]+))*$/;

function contentSecurityPolicy(imageSources: string): string {
  if (!SOURCE_LIST.test(imageSources)) throw new Error(`img-src source list is not valid: ${imageSources}`);
  return `default-src 'none'; img-src ${imageSources}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
}

/** Per-user and per-role rules: name colours, avatars (or initials), role mention colours. */
function snapshotStyles(header: TranscriptHeader, ctx: RenderContext): string {
  let css = '';
  header.users.forEach((user, index) => {
    const selector = `.u${index}`;
    css += `${selector}{--uc:${user.roleColor ? hexColour(user.roleColor) : 'var(--hd)'}}`;
    const url = user.avatarKey === null ? null : ctx.media.url(user.avatarKey);
    css +=
      url === null
        ? `${selector} .av::before{content:${cssString(String.fromCodePoint(user.name.codePointAt(0) ?? 63))}}`
        : `${selector} .av{background-image:url(${cssString(url)})}`;
  });
  header.roles.forEach((role, index) => {
    if (role.color) {
      const colour = hexColour(role.color);
      css += `.r${index}{color:${colour};background:color-mix(in srgb,${colour} 15%,transparent)}`;
    }
  });
  return css;
}

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

function fact(label: string, html: string, wide = false): string {
  return `<div${wide ? ' class="wide"' : ''}><dt>${label}</dt><dd>${html}</dd></div>`;
}

function when(ctx: RenderContext, ms: number): string {
  return `<time datetime="${isoSeconds(ms)}">${escapeHtml(`${ctx.time.style(ms, 'f')} ${ctx.time.zone}`)}</time>`;
}

export function documentStart(header: TranscriptHeader, ctx: RenderContext): string {
  const { ticket } = header;
  const label = ticketLabel(ticket.number);
  const name = (id: string | null) => escapeHtml(userName(ctx, id));
  const closedBy =
    ticket.closedById === null ? (ticket.automaticClose ? 'Inactivity timer' : 'Unknown') : name(ticket.closedById);
  let facts =
    fact('Opened by', name(ticket.creatorId)) +
    fact('Assigned to', ticket.assigneeId === null ? 'Nobody' : name(ticket.assigneeId)) +
    fact('Opened', when(ctx, ticket.openedAt)) +
    fact('Closed', when(ctx, ticket.closedAt)) +
    fact('Closed by', closedBy) +
    fact('Open for', duration(ticket.closedAt - ticket.openedAt)) +
    fact('Messages', String(header.messageCount));
  facts += fact('Close reason', ticket.closeReason === null ? 'None given' : escapeHtml(ticket.closeReason), true);
  let answers = '';
  if (ticket.answers.length > 0) {
    answers = '<section class="qa"><h2>Answers</h2><dl>';
    for (const item of ticket.answers) {
      answers += `<dt>${escapeHtml(item.question)}</dt><dd>${renderMarkdown(item.answer, ctx)}</dd>`;
    }
    answers += '</dl></section>';
  }
  const title = `Ticket ${label} · ${ticket.typeName} · ${ticket.guildName}`;
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(ctx.media.imageSources))}">` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<meta name="color-scheme" content="dark light"><title>${escapeHtml(title)}</title><style>${TRANSCRIPT_CSS}${snapshotStyles(header, ctx)}</style></head>` +
    `<body><header class="tk"><div class="gn">${escapeHtml(ticket.guildName)}</div><h1>Ticket ${label} <span>· ${escapeHtml(ticket.typeName)}</span></h1>` +
    `<dl class="facts">${facts}</dl>${answers}</header><main class="log">`
  );
}

export function documentEnd(header: TranscriptHeader, ctx: RenderContext): string {
  return `</main><footer class="ft">Transcript of ticket ${ticketLabel(header.ticket.number)} in ${escapeHtml(header.ticket.guildName)} · times in ${escapeHtml(ctx.time.zone)} · transcript format v${header.version}</footer></body></html>`;
}
