import { ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { LONG_WAIT_MS } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  // A French server; Alice's Discord is in German, Mallory's (blocked) in Spanish, Sam's (staff) in English.
  system = await startTicketflowSystem({ config: () => ({ language: 'fr' }) });
  system.discord.driver.as(system.userId('alice')).setLocale('de');
  system.discord.driver.as(system.userId('mallory')).setLocale('es-ES');
}, 180_000);

afterAll(async () => {
  await system?.close();
});

/** The labels of a message's buttons, in order. */
function buttonLabels(message: { components?: { type: number; components?: unknown[] }[] }): string[] {
  return (message.components ?? [])
    .flatMap((row) => (row.type === ComponentType.ActionRow ? (row.components ?? []) : []))
    .map((button) => (button as { label?: string }).label ?? '');
}

describe('every word in the member’s language: a German member in a French server', () => {
  let threadId: string;
  let number: number;

  it('posts the panel in the server’s French', () => {
    expect(system.panel.content).toContain("**Besoin de l'aide de l'équipe ?**");
    expect(buttonLabels(system.panel)).toEqual(['Ouvrir un ticket : Support']);
  });

  it('asks the questions in a German modal and answers the German member in German', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const pressed = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    const modal = await pressed.waitForModal(LONG_WAIT_MS);
    expect(modal.title).toBe('Ticket öffnen: Support');
    const reply = await settledReply(
      alice.submitModal(pressed, { q0: 'Mein Paket ist nicht angekommen.' }),
      LONG_WAIT_MS,
    );
    const opened = /^Dein Ticket #(\d+) ist offen: <#(\d+)>$/.exec(reply.content);
    expect(opened, reply.content).not.toBeNull();
    number = Number(opened?.[1]);
    threadId = opened?.[2] ?? '';
    const stored = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
    expect(stored.number).toBe(number);
  });

  it('welcomes in the thread in French, with French controls, since everyone there reads them', async () => {
    const welcome = await eventually(() => system.controlMessage(threadId), LONG_WAIT_MS);
    expect(welcome.content).toContain(`<@${system.userId('alice')}>, votre ticket est ouvert.`);
    expect(buttonLabels(welcome).slice(0, 5)).toEqual([
      'Fermer',
      'Prendre en charge',
      'Ne plus prendre en charge',
      'Suspendre le minuteur',
      'Reprendre le minuteur',
    ]);
  });

  it('refuses a blocked member in Spanish, the language of their Discord', async () => {
    const mallory = system.discord.driver.as(system.userId('mallory'));
    const pressed = mallory.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    expect((await settledReply(pressed, LONG_WAIT_MS)).content).toBe('No puedes abrir tickets en este servidor.');
  });
});
