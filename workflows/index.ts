export { ticketWorkflow } from './ticket-workflow.ts';
