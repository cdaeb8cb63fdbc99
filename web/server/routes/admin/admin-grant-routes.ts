import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { snowflake } from '../../../../domain/snowflake.ts';
import type { EntitlementChange } from '../../../../store/entitlements/entitlement-record.ts';
import {
  extendManualEntitlement,
  grantManualEntitlement,
  revokeManualEntitlement,
} from '../../../../store/entitlements/manual-entitlements.ts';
import { withStoreInput } from '../../http/store-input.ts';
import { signedInSession } from '../../sessions/signed-in-session.ts';
import type { WebServices } from '../../web-services.ts';
import { entitlementView } from './admin-views.ts';

/** An instant as the forms send it (ISO 8601 with its offset), or null for "until revoked". */
const endsAt = z.iso.datetime({ offset: true }).nullable();
/** The store says how long a reason must be; here it only has to be there. */
const reason = z.string();
const entitlementParams = z.object({ entitlementId: z.string().min(1).max(64) });

const changeReply = z.object({
  entitlement: entitlementView,
  /** What was written to the audit log: null when the entitlement already was so (a retry), and nothing was. */
  action: z.enum(['grant', 'extend', 'revoke']).nullable(),
});

function replyOf(change: EntitlementChange): z.infer<typeof changeReply> {
  const { action } = change;
  return {
    entitlement: change.entitlement,
    action: action === 'grant' || action === 'extend' || action === 'revoke' ? action : null,
  };
}

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * An operator's manual entitlements (source `manual`), each change audited with the operator and their reason by
 * the entitlement store: `POST /api/v1/admin/entitlements` grants a guild a plan (`entitlementId`, a uuid the form
 * made, makes a retry count once), `.../:entitlementId/extend` moves its end later, `.../:entitlementId/revoke` ends
 * it now. Anything refused is a 400 naming the field, and nothing is written.
 */
export const adminGrantRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.post(
    '/api/v1/admin/entitlements',
    {
      config: { access: 'operator' },
      schema: {
        body: z.strictObject({
          entitlementId: z.uuid().optional(),
          guildId: snowflake,
          plan: z.enum(['pro', 'enterprise']),
          endsAt,
          reason,
        }),
        response: { 200: changeReply },
      },
    },
    async (request) => {
      const { entitlementId, guildId, plan, reason } = request.body;
      const change = await withStoreInput(() =>
        grantManualEntitlement(services.prisma, {
          entitlementId,
          holder: { kind: 'guild', guildId },
          plan,
          endsAt: toDate(request.body.endsAt),
          reason,
          operatorId: signedInSession(request).user.id,
        }),
      );
      return replyOf(change);
    },
  );

  app.post(
    '/api/v1/admin/entitlements/:entitlementId/extend',
    {
      config: { access: 'operator' },
      schema: {
        params: entitlementParams,
        body: z.strictObject({ endsAt, reason }),
        response: { 200: changeReply },
      },
    },
    async (request) => {
      const change = await withStoreInput(() =>
        extendManualEntitlement(services.prisma, {
          entitlementId: request.params.entitlementId,
          endsAt: toDate(request.body.endsAt),
          reason: request.body.reason,
          operatorId: signedInSession(request).user.id,
        }),
      );
      return replyOf(change);
    },
  );

  app.post(
    '/api/v1/admin/entitlements/:entitlementId/revoke',
    {
      config: { access: 'operator' },
      schema: { params: entitlementParams, body: z.strictObject({ reason }), response: { 200: changeReply } },
    },
    async (request) => {
      const change = await withStoreInput(() =>
        revokeManualEntitlement(services.prisma, {
          entitlementId: request.params.entitlementId,
          reason: request.body.reason,
          operatorId: signedInSession(request).user.id,
        }),
      );
      return replyOf(change);
    },
  );
};
