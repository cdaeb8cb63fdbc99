import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** Words of the capability check: what the bot lacks in a server, where, and what breaks until it is granted. */
export const diagnostics: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
