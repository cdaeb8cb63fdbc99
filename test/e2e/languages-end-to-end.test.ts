import { ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketLabel } from '../../domain/ticket-naming.ts';
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
  // Bob's Discord is in Japanese, which Ticketflow does not speak.
  system.discord.driver.as(system.userId('bob')).setLocale('ja');
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

  it('answers a member whose Discord language it does not speak in the server’s French, not Discord’s server locale', async () => {
    // Discord's server locale (the interaction's guild_locale, en-US here) would have answered him in English.
    const bob = system.discord.driver.as(system.userId('bob'));
    const request = bob.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'close-request',
      options: { ticket: number },
    });
    expect((await settledReply(request, LONG_WAIT_MS)).content).toBe(
      'Seul le staff peut demander au membre de fermer un ticket.',
    );
    const priority = bob.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'priority',
      options: { level: 'urgent', ticket: number },
    });
    expect((await settledReply(priority, LONG_WAIT_MS)).content).toBe(
      "Seule l'équipe peut définir la priorité des tickets. Rien n'a été modifié.",
    );
  });

  it('refuses the German member who tries to post the panel, in German', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const panel = alice.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'panel',
      options: { channel: system.channelId('tickets') },
    });
    expect((await settledReply(panel, LONG_WAIT_MS)).content).toBe('Nur das Team kann das Ticket-Panel posten.');
  });

  it('asks the German member to confirm the close with German buttons and a German reason form', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const controls = system.controlMessage(threadId);
    const question = await alice.pressButton(threadId, controls.id, `tclose:${number}`).waitForReply(LONG_WAIT_MS);
    expect(question.content).toBe(
      `Ticket #${number} schließen? Der Thread wird gesperrt und archiviert. Die Person, die es erstellt hat, oder das Team kann es innerhalb von 7 Tagen wieder öffnen.`,
    );
    expect(buttonLabels(question)).toEqual(['Bestätigen', 'Mit Grund schließen']);

    const withReason = alice.pressButton(threadId, question.id, `tclosewr:${number}`);
    const form = await withReason.waitForModal(LONG_WAIT_MS);
    expect(form.title).toBe(`Ticket #${number} schließen`);
    expect(JSON.stringify(form.components)).toContain('"label":"Grund"');
    const closed = await settledReply(alice.submitModal(withReason, { reason: 'Paket gefunden' }), LONG_WAIT_MS);
    expect(closed.content).toBe(`Ticket #${number} ist geschlossen.`);
  });

  it('closes the thread and summarizes the ticket in the histories channel in French', async () => {
    await eventually(() => {
      const closing = system.discord.state.messagesIn(threadId).at(-1);
      expect(closing?.embeds[0]?.title).toBe(`Ticket ${ticketLabel(number)} fermé`);
      expect(closing?.embeds[0]?.description).toMatch(
        new RegExp(
          `^Ce ticket a été fermé par <@${system.userId('alice')}>\\. Le fil est maintenant verrouillé et archivé\\.\\n` +
            "Le ticket peut être rouvert jusqu'au <t:\\d+:f>\\.$",
        ),
      );
    }, LONG_WAIT_MS);
    await eventually(() => {
      const summary = system.discord.state.messagesIn(system.channelId('histories')).at(-1);
      const fields = Object.fromEntries((summary?.embeds[0]?.fields ?? []).map((field) => [field.name, field.value]));
      expect(fields).toMatchObject({ 'Ouvert par': `<@${system.userId('alice')}>`, Raison: 'Paket gefunden' });
    }, LONG_WAIT_MS);
  });

  it('answers a staff member whose Discord is in English in English, in the same French server', async () => {
    const sam = system.discord.driver.as(system.userId('sam'));
    const again = sam.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'close',
      options: { ticket: number },
    });
    expect((await settledReply(again, LONG_WAIT_MS)).content).toMatch(
      new RegExp(
        `^Ticket #${number} was already closed by <@${system.userId('alice')}> on <t:\\d+:f> \\(reason: "Paket gefunden"\\)\\. Nothing was changed\\.$`,
      ),
    );
  });
});
