export { guildSettingsFanOutWorkflow } from './guild-settings/fan-out-workflow.ts';
export { retentionWorkflow } from './retention/retention-workflow.ts';
export { subscriptionWorkflow } from './subscription/subscription-workflow.ts';
export { ticketWorkflow } from './ticket/ticket-workflow.ts';
