import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift } from '../../prisma/check-drift.ts';
import { schemaPath } from '../../prisma/wasm-prisma-cli.ts';
import { testClusterUrl } from '../support/database.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ticketflow-drift-test-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('checkDrift', () => {
  it('finds prisma/migrations and schema.prisma in agreement', async () => {
    const report = await checkDrift(testClusterUrl());
    expect(report.diff).toBe('');
    expect(report.inSync).toBe(true);
    // Set aside, not compared: what only the migrations can say.
    expect(report.beyondSchema).toEqual([
      'trigger entitlement_audit_append_only on entitlement_audit',
      'trigger entitlement_audit_no_truncate on entitlement_audit',
      'trigger ticket_change_event_added on ticket_event',
      'trigger ticket_change_message_created on ticket_message',
      'trigger ticket_change_message_deleted on ticket_message',
      'trigger ticket_change_message_edited on ticket_message',
      'trigger ticket_change_ticket_created on ticket',
      'trigger ticket_change_ticket_updated on ticket',
      'index ticket_message_content_search_idx (an expression)',
      'check entitlement_ends_after_start on entitlement',
      'check entitlement_one_holder on entitlement',
      'check entitlement_subscription_matches_source on entitlement',
      'check subscription_one_holder on subscription',
      'check subscription_price_valid on subscription',
      'function record_ticket_change()',
      'function refuse_entitlement_audit_change()',
    ]);
  });

  it('reports a schema change that no migration carries, with the difference', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    const changed = schema.replace(/(model Ticket \{\n)/, '$1  escalations    Int          @default(0)\n');
    expect(changed).not.toBe(schema);
    const changedSchema = path.join(folder, 'schema.prisma');
    await writeFile(changedSchema, changed);

    const report = await checkDrift(testClusterUrl(), { schemaFile: changedSchema });
    expect(report.inSync).toBe(false);
    expect(report.diff).toContain('+    escalations integer DEFAULT 0 NOT NULL');
  });
});
