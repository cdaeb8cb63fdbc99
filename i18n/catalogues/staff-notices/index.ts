import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/** Notices to a guild's staff about trouble only they can fix, sent at most once per period. */
export const staffNotices: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
