import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** The answers of `/ticket-config`: what was saved, what was refused and why, and the settings it shows. */
export const config: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
