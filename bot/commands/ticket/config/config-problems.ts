import type { GuildConfigInput } from '../../../../domain/guild-config.ts';
import type { MessageKey, Translate } from '../../../../i18n/translate.ts';
import type { GuildConfigProblem } from '../../../../store/guild-config-error.ts';
import { configReasonWords } from './schema-reason-words.ts';

/** What each setting is called in the answers; a path of another setting is shown as is. */
const SETTING_NAMES: Record<string, MessageKey> = {
  staffRoleIds: 'config.problems.setting.staffRoleIds',
  ticketChannelId: 'config.problems.setting.ticketChannelId',
  historiesChannelId: 'config.problems.setting.historiesChannelId',
  remindersChannelId: 'config.problems.setting.remindersChannelId',
  notificationRoleId: 'config.problems.setting.notificationRoleId',
  inactivityTimeoutMinutes: 'config.problems.setting.inactivityTimeoutMinutes',
  openLimitPerMember: 'config.problems.setting.openLimitPerMember',
  openCooldownSeconds: 'config.problems.setting.openCooldownSeconds',
  blockedUserIds: 'config.problems.setting.blockedUserIds',
  language: 'config.problems.setting.language',
  ticketTypes: 'config.problems.setting.ticketTypes',
  reopenWindowDays: 'config.problems.setting.reopenWindowDays',
  closingDmEnabled: 'config.problems.setting.closingDmEnabled',
};

/**
 * Why a configuration was not saved, in the words of the commands rather than the schema's paths:
 * `ticketTypes.0.questions.2.label` → `Type "support", question 3, label`, each followed by its reason in the
 * reader's language.
 */
export function describeConfigProblems(t: Translate, problems: GuildConfigProblem[], input: GuildConfigInput): string {
  const reasonOf = configReasonWords(t, input);
  const lines = problems.map((problem) => `- ${whereIs(t, problem.path, input)}: ${reasonOf(problem)}`);
  return `${t('config.problems.intro')}\n${lines.join('\n')}`;
}

function whereIs(t: Translate, path: string, input: GuildConfigInput): string {
  const [setting = '', typeIndex, field, questionIndex, questionField] = path.split('.');
  if (setting !== 'ticketTypes' || typeIndex === undefined) {
    const name = SETTING_NAMES[setting];
    return name ? t(name) : path;
  }
  const type = input.ticketTypes[Number(typeIndex)];
  const words = [t('config.problems.type', { type: type?.key ?? String(Number(typeIndex) + 1) })];
  if (field === 'questions' && questionIndex !== undefined) {
    words.push(t('config.problems.question', { position: Number(questionIndex) + 1 }));
    if (questionField) words.push(questionField);
  } else if (field) {
    words.push(field);
  }
  return words.join(', ');
}
