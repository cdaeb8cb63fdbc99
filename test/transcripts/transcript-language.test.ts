import { describe, expect, it } from 'vitest';
import { transcriptSchema } from '../../transcripts/schema.ts';
import { ALICE, BOB, message, render, ticketFacts, transcriptOf } from './fixtures.ts';

/** A closed, reopened and rated ticket with a member who wrote English words the page must keep. */
function lifeOf(language?: 'de' | 'fr' | 'es' | 'pt-BR') {
  return transcriptOf({
    ticket: ticketFacts({ closeReason: null, ...(language ? { language } : {}) }),
    messages: [
      message({ content: 'Closed by mistake, please reopen (edited)' }),
      message({ authorId: BOB.id, system: { kind: 'closed', subjectId: null } }),
      message({ authorId: ALICE.id, system: { kind: 'reopened', subjectId: null } }),
      message({
        authorId: ALICE.id,
        system: { kind: 'rated', subjectId: null, rating: { stars: 4, comment: 'Top <3' } },
      }),
      message({ authorId: null, system: { kind: 'closed', subjectId: null } }),
    ],
  });
}

describe('the transcript page speaks the guild language', () => {
  it('renders its own words in German and keeps what members wrote as written', async () => {
    const html = await render(lifeOf('de'));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<dt>Geschlossen von</dt><dd>Bob Staff</dd>');
    expect(html).toContain('<dt>Zugewiesen an</dt>');
    expect(html).toContain('<dt>Grund fürs Schließen</dt><dd>Keiner angegeben</dd>');
    expect(html).toContain('<h2>Antworten</h2>');
    expect(html).toContain('<strong>Alice Member</strong> hat das Ticket wieder geöffnet.');
    expect(html).toContain('<strong>Alice Member</strong> hat das Ticket mit ★★★★☆ bewertet (4 von 5): „Top &lt;3“');
    expect(html).toContain('<strong>Bob Staff</strong> hat das Ticket geschlossen.');
    expect(html).toContain('Das Ticket wurde wegen Inaktivität geschlossen.');
    expect(html).toContain('Verlauf von Ticket #0007 auf Northwind');
    expect(html).toContain('Closed by mistake, please reopen (edited)');
    for (const english of [
      'Closed by<',
      'Close reason',
      'None given',
      'reopened the ticket',
      'rated the ticket',
      'Answers<',
    ]) {
      expect(html).not.toContain(english);
    }
  });

  it('renders English when the stored transcript names no language, as every older one does', async () => {
    const transcript = lifeOf();
    expect(transcript.ticket.language).toBeUndefined();
    const html = await render(transcript);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<dt>Closed by</dt><dd>Bob Staff</dd>');
    expect(html).toContain('<dt>Close reason</dt><dd>None given</dd>');
    expect(html).toContain('<strong>Alice Member</strong> reopened the ticket.');
    expect(html).toContain('<strong>Alice Member</strong> rated the ticket ★★★★☆ (4 of 5): “Top &lt;3”');
    expect(html).toContain('The ticket was closed for inactivity.');
  });

  it('renders French, Spanish and Brazilian Portuguese words with their lang attribute', async () => {
    const expected = {
      fr: '<strong>Alice Member</strong> a rouvert le ticket.',
      es: '<strong>Alice Member</strong> reabrió el ticket.',
      'pt-BR': '<strong>Alice Member</strong> reabriu o ticket.',
    } as const;
    for (const [language, line] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const html = await render(lifeOf(language));
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(line);
    }
  });

  it('refuses a stored language the renderer does not speak', () => {
    const stored = { ...lifeOf(), ticket: { ...ticketFacts(), language: 'tlh' } };
    expect(transcriptSchema.safeParse(stored).success).toBe(false);
  });
});
