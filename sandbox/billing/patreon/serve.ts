/**
 * The local Patreon for the no-credentials demo (scripts/start.sh runs it when PATREON_CLIENT_ID is unset):
 * `node --import tsx sandbox/billing/patreon/serve.ts --settings-file PATH`. Listens on 127.0.0.1, port --port
 * (default 8793), accepts the panel's /billing/return/patreon as its OAuth redirect, posts its webhooks to the
 * panel's /webhooks/patreon, and starts with two patrons to sign in as: one pledging to the Pro tier, one not yet.
 */
import { panelOrigin, serveStandIn } from '../stand-in-demo.ts';
import { STAND_IN_CAMPAIGN_ID, STAND_IN_TIERS, startPatreonStandIn } from './patreon-stand-in.ts';

const demoCredentials = {
  clientId: 'demo-patreon-client',
  clientSecret: 'demo-patreon-secret',
  creatorAccessToken: 'demo-patreon-creator-token',
  webhookSecret: 'demo-patreon-webhook-secret',
};
const [, pro, enterprise] = STAND_IN_TIERS;

await serveStandIn({
  name: 'Patreon',
  defaultPort: 8793,
  start: async (port) => {
    const standIn = await startPatreonStandIn({
      ...demoCredentials,
      port,
      redirectUris: [`${panelOrigin()}/billing/return/patreon`],
      webhookUrl: `${panelOrigin()}/webhooks/patreon`,
    });
    const pledging = standIn.state.addPatron({ fullName: 'Demo Patron (pledges Pro)' });
    standIn.state.addPatron({ fullName: 'New Patron (no pledge yet)' });
    // Seeded before anyone could link the account, so it sends no webhook: the link finds the membership.
    standIn.state.pledge(pledging.id, pro?.id ?? '');
    return {
      baseUrl: standIn.baseUrl,
      close: standIn.close,
      settings: {
        PATREON_CLIENT_ID: demoCredentials.clientId,
        PATREON_CLIENT_SECRET: demoCredentials.clientSecret,
        PATREON_CREATOR_ACCESS_TOKEN: demoCredentials.creatorAccessToken,
        PATREON_CAMPAIGN_ID: STAND_IN_CAMPAIGN_ID,
        PATREON_WEBHOOK_SECRET: demoCredentials.webhookSecret,
        PATREON_TIER_PRO: pro?.id ?? '',
        PATREON_TIER_ENTERPRISE: enterprise?.id ?? '',
        PATREON_BASE_URL: standIn.baseUrl,
      },
    };
  },
});
