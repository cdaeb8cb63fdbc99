import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** Why something was refused, from the refusal's code or type and its values: tickets that could not open, updates a ticket turned down. */
export const refusals: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
