import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '../../prisma/client.ts';
import { endProviderEntitlement, grantProviderEntitlement } from '../../store/entitlements/provider-entitlements.ts';
import { InputError } from '../../store/input-error.ts';
import type { SubscriptionActivities } from '../../workflows/subscription/definitions.ts';

/** The failure type of input the store refused: final, since a retry would be refused the same way. */
export const INVALID_ENTITLEMENT_INPUT = 'InvalidEntitlementInput';

export type EntitlementActivities = Pick<SubscriptionActivities, 'grantEntitlement' | 'endEntitlement'>;

/**
 * The subscription workflow's entitlement writes over store/entitlements: each idempotent (a retry finds its first
 * attempt's rows and writes nothing), audited as `system:<provider>`, and in one transaction with the subscription's
 * mirror row. A database outage fails the attempt and Temporal retries it; refused input fails for good.
 */
export function createEntitlementActivities(prisma: PrismaClient): EntitlementActivities {
  return {
    grantEntitlement: async (input) => {
      await finalOnRefusal(() => grantProviderEntitlement(prisma, input));
    },
    /** Never moves ends_at later than it already is, and never earlier than `endedAt`. */
    endEntitlement: async (input) => {
      await finalOnRefusal(() => endProviderEntitlement(prisma, input));
    },
  };
}

async function finalOnRefusal<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof InputError) {
      throw ApplicationFailure.nonRetryable(error.message, INVALID_ENTITLEMENT_INPUT, { problems: error.problems });
    }
    throw error;
  }
}
