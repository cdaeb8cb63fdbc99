import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** What the bot answers one member: opening, actions on tickets, the service being away. */
export const replies: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
