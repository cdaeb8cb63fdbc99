import type { GuildConfigInput } from '../../../../domain/guild-config.ts';
import type { GuildConfigProblem } from '../../../../store/guild-config-error.ts';

const SETTING_NAMES: Record<string, string> = {
  staffRoleIds: 'Staff roles',
  ticketChannelId: 'Ticket channel',
  historiesChannelId: 'Histories channel',
  remindersChannelId: 'Reminders channel',
  notificationRoleId: 'Notification role',
  inactivityTimeoutMinutes: 'Inactivity timeout',
  openLimitPerMember: 'Open limit',
  openCooldownSeconds: 'Cooldown',
  blockedUserIds: 'Blocklist',
  language: 'Language',
  ticketTypes: 'Ticket types',
};

/**
 * Why a configuration was not saved, in the words of the commands rather than the schema's paths:
 * `ticketTypes.0.questions.2.label` → `Type "support", question 3, label`.
 */
export function describeConfigProblems(problems: GuildConfigProblem[], input: GuildConfigInput): string {
  const lines = problems.map((problem) => `- ${whereIs(problem.path, input)}: ${problem.message}`);
  return `Nothing was changed:\n${lines.join('\n')}`;
}

function whereIs(path: string, input: GuildConfigInput): string {
  const [setting = '', typeIndex, field, questionIndex, questionField] = path.split('.');
  if (setting !== 'ticketTypes' || typeIndex === undefined) return SETTING_NAMES[setting] ?? path;
  const type = input.ticketTypes[Number(typeIndex)];
  const words = [`Type "${type?.key ?? Number(typeIndex) + 1}"`];
  if (field === 'questions' && questionIndex !== undefined) {
    words.push(`question ${Number(questionIndex) + 1}`);
    if (questionField) words.push(questionField);
  } else if (field) {
    words.push(field);
  }
  return words.join(', ');
}
