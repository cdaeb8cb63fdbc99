import type { NamespaceCatalogue } from '../namespace.ts';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };

/**
 * `/ticket`'s names and descriptions: `<path>.name` and `<path>.description` for the command, each subcommand and
 * option (see i18n/discord-localizations.ts). Localized names follow Discord's rules: lowercase, no spaces, at most
 * 32 characters, unique among their siblings in each language (test/discord/ticket-command-localizations.test.ts).
 */
export const commands: NamespaceCatalogue<typeof en> = { en, de, fr, es, 'pt-BR': ptBR };
