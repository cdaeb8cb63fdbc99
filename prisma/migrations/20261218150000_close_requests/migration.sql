-- A close request's life as ticket events (workflows/ticket-close-request.ts): asked, then accepted, declined,
-- cancelled by the member's reply, or expired.

-- AlterEnum
ALTER TYPE "ticket_event_kind" ADD VALUE 'close_requested';
ALTER TYPE "ticket_event_kind" ADD VALUE 'close_request_accepted';
ALTER TYPE "ticket_event_kind" ADD VALUE 'close_request_declined';
ALTER TYPE "ticket_event_kind" ADD VALUE 'close_request_cancelled';
ALTER TYPE "ticket_event_kind" ADD VALUE 'close_request_expired';
