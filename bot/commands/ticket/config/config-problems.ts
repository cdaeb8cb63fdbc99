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

/** What each field of a ticket type or question is called; another field is shown as the schema names it. */
const FIELD_NAMES: Record<string, MessageKey> = {
  key: 'config.problems.field.key',
  name: 'config.problems.field.name',
  description: 'config.problems.field.description',
  emoji: 'config.problems.field.emoji',
  openingMessage: 'config.problems.field.openingMessage',
  questions: 'config.problems.field.questions',
  openLimit: 'config.problems.field.openLimit',
  firstResponseMinutes: 'config.problems.field.firstResponseMinutes',
  resolutionMinutes: 'config.problems.field.resolutionMinutes',
  escalationRoleId: 'config.problems.field.escalationRoleId',
  mode: 'config.problems.field.mode',
  routing: 'config.problems.field.routing',
  label: 'config.problems.field.label',
  placeholder: 'config.problems.field.placeholder',
  style: 'config.problems.field.style',
  required: 'config.problems.field.required',
  minLength: 'config.problems.field.minLength',
  maxLength: 'config.problems.field.maxLength',
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
    if (questionField) words.push(fieldName(t, questionField));
  } else if (field) {
    words.push(fieldName(t, field));
  }
  return words.join(', ');
}

function fieldName(t: Translate, field: string): string {
  const name = FIELD_NAMES[field];
  return name ? t(name) : field;
}
