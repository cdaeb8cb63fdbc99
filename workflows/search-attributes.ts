import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What operators filter tickets by in the Temporal UI and `temporal workflow list --query`.
 * These names are part of the product's interface (documented in the README): never rename one.
 * Discord ids are Keywords: snowflakes exceed the safe integer range.
 */
export const TicketGuildId = defineSearchAttributeKey('TicketGuildId', SearchAttributeType.KEYWORD);
export const TicketNumber = defineSearchAttributeKey('TicketNumber', SearchAttributeType.INT);
export const TicketStatus = defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD);
export const TicketType = defineSearchAttributeKey('TicketType', SearchAttributeType.KEYWORD);
export const TicketCreatorId = defineSearchAttributeKey('TicketCreatorId', SearchAttributeType.KEYWORD);
export const TicketAssigneeId = defineSearchAttributeKey('TicketAssigneeId', SearchAttributeType.KEYWORD);
export const TicketTimerState = defineSearchAttributeKey('TicketTimerState', SearchAttributeType.KEYWORD);
export const TicketLastActivityAt = defineSearchAttributeKey('TicketLastActivityAt', SearchAttributeType.DATETIME);
/** `missing_permission` or `failing` while a step is held up; absent when nothing is. */
export const TicketProblem = defineSearchAttributeKey('TicketProblem', SearchAttributeType.KEYWORD);
/**
 * Priority as a number, low 0, normal 1, high 2, urgent 3, so `TicketPriority >= 2` lists high and urgent. Not a
 * Keyword: SQL visibility holds only 10 Keyword attributes and all 10 are taken.
 */
export const TicketPriority = defineSearchAttributeKey('TicketPriority', SearchAttributeType.INT);
/** The ticket's labels from the guild's list: `TicketLabels = "billing"` matches a ticket carrying that label. */
export const TicketLabels = defineSearchAttributeKey('TicketLabels', SearchAttributeType.KEYWORD_LIST);
/** True while staff have asked the member to confirm closing and the member has not answered. */
export const TicketCloseRequested = defineSearchAttributeKey('TicketCloseRequested', SearchAttributeType.BOOL);
/** True once a first-response or resolution target was missed: `TicketSlaBreached = true`. */
export const TicketSlaBreached = defineSearchAttributeKey('TicketSlaBreached', SearchAttributeType.BOOL);

export const ticketSearchAttributes = [
  TicketGuildId,
  TicketNumber,
  TicketStatus,
  TicketType,
  TicketCreatorId,
  TicketAssigneeId,
  TicketTimerState,
  TicketLastActivityAt,
  TicketProblem,
  TicketPriority,
  TicketLabels,
  TicketCloseRequested,
  TicketSlaBreached,
] as const;

/** What operators filter subscriptions by: `SubscriptionStatus = "past_due" AND SubscriptionProvider = "stripe"`. */
export const SubscriptionProvider = defineSearchAttributeKey('SubscriptionProvider', SearchAttributeType.KEYWORD);
/**
 * The guild holding the entitlement; absent while a user holds it (a Patreon pledge assigned to guilds later). A
 * keyword list, queried like a keyword (`SubscriptionGuildId = "123"`), because SQL visibility (the dev server's
 * SQLite, Postgres in production) has room for only 10 Keyword attributes and the ticket and subscription
 * families would need 11.
 */
export const SubscriptionGuildId = defineSearchAttributeKey('SubscriptionGuildId', SearchAttributeType.KEYWORD_LIST);
export const SubscriptionPlan = defineSearchAttributeKey('SubscriptionPlan', SearchAttributeType.KEYWORD);
export const SubscriptionStatus = defineSearchAttributeKey('SubscriptionStatus', SearchAttributeType.KEYWORD);

export const subscriptionSearchAttributes = [
  SubscriptionProvider,
  SubscriptionGuildId,
  SubscriptionPlan,
  SubscriptionStatus,
] as const;

/** Every custom search attribute the workflows set: each must be registered on the server before they run. */
export const registeredSearchAttributes = [...ticketSearchAttributes, ...subscriptionSearchAttributes] as const;
