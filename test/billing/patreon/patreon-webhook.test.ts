import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPatreonWebhook } from '../../../billing/patreon/patreon-webhook.ts';
import { WebhookRefused } from '../../../billing/provider.ts';
import { type PatreonStandIn, startPatreonStandIn } from '../../../sandbox/billing/patreon/patreon-stand-in.ts';
import { signedPatreonEvent } from '../../support/patreon-events.ts';

const SECRET = 'patreon-webhook-secret';
const NOW = Date.parse('2026-12-01T12:00:00Z');

function verify(delivery: { rawBody: Buffer; headers: Record<string, string | string[] | undefined> }) {
  return verifyPatreonWebhook({ ...delivery, secret: SECRET, now: NOW });
}

function refusal(delivery: {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}): WebhookRefused {
  try {
    verify(delivery);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRefused);
    return error as WebhookRefused;
  }
  throw new Error('the delivery was accepted');
}

describe('Patreon webhook verification', () => {
  let standIn: PatreonStandIn;
  beforeAll(async () => {
    standIn = await startPatreonStandIn({
      clientId: 'c',
      clientSecret: 's',
      redirectUris: [],
      creatorAccessToken: 'creator',
      webhookSecret: SECRET,
    });
  });
  afterAll(() => standIn.close());

  it("accepts the stand-in's members:* deliveries with the member id as the subscription", async () => {
    const patronId = standIn.state.addPatron({ fullName: 'Hooked' }).id;
    const memberId = await standIn.simulate({ kind: 'pledge', patronId, tierId: '9100002' });
    await standIn.simulate({ kind: 'charge', memberId, outcome: 'declined' });
    await standIn.simulate({ kind: 'cancel', memberId });
    const events = standIn.deliveries.map((delivery) => verify(delivery));
    expect(events.map((event) => [event?.type, event?.subscriptionId])).toEqual([
      ['members:create', memberId],
      ['members:pledge:create', memberId],
      ['members:update', memberId],
      ['members:pledge:delete', memberId],
      ['members:update', memberId],
    ]);
    expect(events[0]).toMatchObject({
      provider: 'patreon',
      occurredAt: NOW,
      eventId: expect.stringMatching(/^patreon-[0-9a-f]{64}$/),
    });
    expect(new Set(events.map((event) => event?.eventId)).size).toBe(events.length);
  });

  it('gives a redelivery the same event id, and the same body under another trigger a different one', () => {
    const first = signedPatreonEvent({ trigger: 'members:update', memberId: 'm-1', secret: SECRET });
    const again = signedPatreonEvent({
      trigger: 'members:update',
      memberId: 'm-1',
      secret: SECRET,
      body: first.rawBody.toString(),
    });
    const otherTrigger = signedPatreonEvent({
      trigger: 'members:pledge:update',
      memberId: 'm-1',
      secret: SECRET,
      body: first.rawBody.toString(),
    });
    expect(verify(again)?.eventId).toBe(verify(first)?.eventId);
    expect(verify(otherTrigger)?.eventId).not.toBe(verify(first)?.eventId);
  });

  it('refuses a forged signature, a tampered body, and a delivery without its headers', () => {
    const forged = signedPatreonEvent({ trigger: 'members:update', memberId: 'm-1', secret: 'not-the-secret' });
    expect(refusal(forged).reason).toBe('bad_signature');
    const genuine = signedPatreonEvent({ trigger: 'members:update', memberId: 'm-1', secret: SECRET });
    const tampered = {
      rawBody: Buffer.from(genuine.rawBody.toString().replace('m-1', 'm-2')),
      headers: genuine.headers,
    };
    expect(refusal(tampered)).toMatchObject({
      reason: 'bad_signature',
      message: 'Patreon webhook signature does not match its body',
    });
    const truncated = { rawBody: genuine.rawBody, headers: { ...genuine.headers, 'x-patreon-signature': 'abc' } };
    expect(refusal(truncated).reason).toBe('bad_signature');
    const { 'x-patreon-signature': _signature, ...unsigned } = genuine.headers;
    expect(refusal({ rawBody: genuine.rawBody, headers: unsigned }).reason).toBe('missing_signature');
  });

  it('answers null for a well-signed trigger about something else; a member trigger without a member is malformed', () => {
    expect(
      verify(
        signedPatreonEvent({
          trigger: 'posts:publish',
          memberId: 'x',
          secret: SECRET,
          body: '{"data":{"type":"post","id":"1"}}',
        }),
      ),
    ).toBeNull();
    const notJson = signedPatreonEvent({ trigger: 'members:update', memberId: 'x', secret: SECRET, body: 'not json' });
    expect(refusal(notJson).reason).toBe('malformed_body');
    const notMember = signedPatreonEvent({
      trigger: 'members:update',
      memberId: 'x',
      secret: SECRET,
      body: '{"data":{"type":"post","id":"1"}}',
    });
    expect(refusal(notMember).reason).toBe('malformed_body');
  });
});
