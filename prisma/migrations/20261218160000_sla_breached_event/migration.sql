-- A ticket missed an SLA target (domain TicketEventKind 'sla_breached').

-- AlterEnum
ALTER TYPE "ticket_event_kind" ADD VALUE 'sla_breached';
