import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { type GuildAccess, grants } from '../../../domain/guild-access.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { mediaKey, transcriptKey } from '../../../transcripts/keys.ts';
import { contentTypeOf } from '../../../transcripts/media-copy.ts';
import { prefixMediaResolver } from '../../../transcripts/media-resolver.ts';
import { renderTranscriptHtml } from '../../../transcripts/render-html.ts';
import type { TranscriptStorage } from '../../../transcripts/storage.ts';
import { loadTranscript } from '../../../transcripts/transcript-codec.ts';

/** Where the viewer serves a transcript's saved media: `/transcripts/<guild id>/<0042>/media/<sha256>.<ext>`. */
export const TRANSCRIPT_MEDIA_BASE = '/transcripts/';

/**
 * The transcript page's policy: nothing loads but its own stored images and its inline styles, no script runs, no
 * form posts, and no other page may frame it. The renderer puts the same policy (without frame-ancestors, which a
 * meta tag cannot carry) in the document itself.
 */
export const TRANSCRIPT_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A stored file: nothing in it runs, whatever it holds. */
export const MEDIA_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Images are shown in the page; anything else is downloaded, never rendered on the panel's origin. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

export interface TranscriptViewerDeps {
  prisma: PrismaClient;
  storage: TranscriptStorage;
}

export interface Viewer {
  userId: string;
  /** Their access to the transcript's guild. */
  access: GuildAccess;
}

export interface TranscriptViewer {
  /**
   * The ticket's transcript as an HTML stream, when the viewer may read it (staff of its guild, or the member who
   * opened it) and it is stored; null otherwise, whichever the reason, so nobody learns which tickets exist.
   */
  page(guildId: string, number: number, viewer: Viewer, timeZone?: string): Promise<Readable | null>;
  /** One saved file of a transcript the viewer may read, or null. `file` is `<sha256>.<ext>`. */
  media(
    guildId: string,
    paddedNumber: string,
    file: string,
    viewer: Viewer,
  ): Promise<{ body: Uint8Array; contentType: string; inline: boolean } | null>;
}

export function createTranscriptViewer(deps: TranscriptViewerDeps): TranscriptViewer {
  /** The stored transcript's key, when this viewer may read it. */
  async function readableKey(guildId: string, number: number, viewer: Viewer): Promise<string | null> {
    const ticket = await deps.prisma.ticket.findUnique({
      where: { guildId_number: { guildId, number } },
      select: { creatorId: true, transcriptKey: true },
    });
    if (!ticket?.transcriptKey) return null;
    if (!grants(viewer.access, 'staff') && ticket.creatorId !== viewer.userId) return null;
    return ticket.transcriptKey;
  }

  return {
    async page(guildId, number, viewer, timeZone) {
      const key = await readableKey(guildId, number, viewer);
      if (key === null || !(await deps.storage.hasTranscript(key))) return null;
      const transcript = await loadTranscript(deps.storage, key);
      return ReadableStream.from(
        renderTranscriptHtml(transcript, { media: prefixMediaResolver(TRANSCRIPT_MEDIA_BASE), timeZone }),
      );
    },

    async media(guildId, paddedNumber, file, viewer) {
      const number = Number(paddedNumber);
      const match = /^([0-9a-f]{64})\.([a-z0-9]{1,5})$/.exec(file);
      if (!match?.[1] || !match[2] || !Number.isSafeInteger(number) || number < 1) return null;
      const key = transcriptKey({ guildId, number });
      // Only the canonical path names a file: `/42/` and `/0042/` must not both work.
      if (key !== `${guildId}/${paddedNumber}`) return null;
      if ((await readableKey(guildId, number, viewer)) !== key) return null;
      const body = await deps.storage.readMedia(mediaKey(key, match[1], match[2]));
      if (body === null) return null;
      const contentType = contentTypeOf(match[2]);
      return { body, contentType, inline: INLINE_TYPES.has(contentType) };
    },
  };
}
