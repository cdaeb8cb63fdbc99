import { languageSubcommandData } from '../../../../discord/ticket-command/config-subcommands.ts';
import { LANGUAGE_NAMES } from '../../../../i18n/language-names.ts';
import { resolveLocale, type SupportedLocale } from '../../../../i18n/locales.ts';
import { translate } from '../../../../i18n/translate.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** `/ticket-config language`: what ticket threads and the histories channel speak, open tickets included. */
export const languageSubcommand: ConfigSubcommand = {
  data: languageSubcommandData,
  async answer(interaction, context, t) {
    // Discord offers only the supported languages; anything else is the schema's to refuse, with nothing saved.
    const language = interaction.options.getString('language', true) as SupportedLocale;
    const saved = await changeGuildConfig(interaction, context, t, (config) => ({ ...config, language }));
    return translate(resolveLocale(interaction.locale, saved.language), 'config.language.saved', {
      language: LANGUAGE_NAMES[saved.language],
    });
  },
};
