export { guildSettingsFanOutWorkflow } from './guild-settings/fan-out-workflow.ts';
export { ticketWorkflow } from './ticket-workflow.ts';
