import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { SelectMenuHandler } from '../interactions/handler-types.ts';
import { memberWords } from '../interactions/interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from '../interactions/read-in-time.ts';
import { UserFacingError } from '../replies.ts';
import { beginOpenTicket } from '../tickets/open-ticket-flow.ts';

/** The panel's type menu of a guild with several ticket types; the chosen value is the type key. */
export const panelTypeSelect: SelectMenuHandler = {
  prefix: CUSTOM_ID_PREFIX.panelSelect,
  async execute(interaction, _id, context) {
    const [typeKey] = interaction.values;
    if (!interaction.isStringSelectMenu() || !typeKey) {
      const t = await memberWords(interaction, context, interaction.guildId, BEFORE_MODAL_READ_WITHIN_MS);
      throw new UserFacingError(t('replies.panel.chooseType'));
    }
    await beginOpenTicket(interaction, typeKey, context);
  },
};
