import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** Words of the creator's rating and closing message: the direct message, the buttons and modal, the thread prompt, the summary line and the refusals. */
export const rating: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
