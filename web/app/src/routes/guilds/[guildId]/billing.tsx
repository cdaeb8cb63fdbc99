import { Title } from '@solidjs/meta';
import { createAsync, useParams, useSearchParams, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { BillingNotices } from '../../../components/billing/BillingNotices.tsx';
import { planNames, providerNames } from '../../../components/billing/billing-words.ts';
import { PeriodEnd } from '../../../components/billing/PeriodEnd.tsx';
import { PremiumLock } from '../../../components/billing/PremiumLock.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { LocalTime } from '../../../components/LocalTime.tsx';
import { NotFound } from '../../../components/NotFound.tsx';
import type { PlanId } from '../../../lib/admin-api.ts';
import { type GuildBilling, getGuildBilling, type PlanFeature, startCheckout } from '../../../lib/billing-api.ts';
import '../../../components/billing/billing.css';
import '../../../components/tickets/tickets.css';

const featureNames: Record<PlanFeature, string> = {
  stats: 'Ticket statistics',
  exports: 'Exports',
  customBot: 'Your own bot name and avatar',
  customDomain: 'Your own panel domain',
};

function Usage(props: { billing: GuildBilling }) {
  const tickets = () => props.billing.usage.ticketsOpened;
  const limit = () => props.billing.limits.ticketsPerMonth;
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">This month</h2>
      <dl class="usage-list">
        <div>
          <dt id="usage-tickets">Tickets opened</dt>
          <dd>
            {tickets()} of {limit() ?? 'unlimited'}
            <Show when={limit()}>
              {(max) => (
                <meter aria-labelledby="usage-tickets" min={0} max={max()} high={max() * 0.8} value={tickets()} />
              )}
            </Show>
            <Show when={limit() !== null && tickets() >= (limit() ?? 0)}>
              <p class="status-bad">The limit is reached: members cannot open tickets until the month ends.</p>
            </Show>
            <span class="muted">
              {' '}
              Counted from <LocalTime iso={props.billing.usage.monthStart} /> until{' '}
              <LocalTime iso={props.billing.usage.monthEnd} />.
            </span>
          </dd>
        </div>
        <div>
          <dt>Ticket types</dt>
          <dd>
            {props.billing.usage.ticketTypes} of {props.billing.limits.ticketTypes}
          </dd>
        </div>
        <div>
          <dt>Transcripts kept</dt>
          <dd>{props.billing.limits.transcriptRetentionDays} days after a ticket closes</dd>
        </div>
      </dl>
    </section>
  );
}

/** What the provider's return (`/billing/return/<provider>`, then here with `?checkout=`) came to. */
const checkoutWords: Record<string, string> = {
  complete: 'The payment went through. The plan below follows as soon as the provider confirms it, within seconds.',
  pending: 'The payment is being confirmed with the provider: the plan below changes when the confirmation arrives.',
  incomplete: 'The checkout did not complete, so nothing was charged.',
  canceled: 'The checkout was left before paying: nothing changed.',
};

function CheckoutOutcome() {
  const [searchParams] = useSearchParams<{ checkout?: string }>();
  return (
    <Show when={checkoutWords[searchParams.checkout ?? '']}>
      {(words) => (
        <p class="notice" role="status">
          {words()}
        </p>
      )}
    </Show>
  );
}

function Upgrade(props: { guildId: string; billing: GuildBilling }) {
  const checkingOut = useSubmission(startCheckout);
  const better = () =>
    props.billing.plans.filter(
      (plan): plan is { id: Exclude<PlanId, 'free'>; limits: GuildBilling['limits'] } =>
        plan.id !== 'free' &&
        props.billing.plans.findIndex((other) => other.id === plan.id) >
          props.billing.plans.findIndex((other) => other.id === props.billing.plan),
    );
  return (
    <Show when={better().length > 0}>
      <section aria-labelledby="upgrade-title">
        <h2 id="upgrade-title">Upgrade</h2>
        <ul class="plan-cards">
          <For each={better()}>
            {(plan) => (
              <li class="plan-card">
                <h3>{planNames[plan.id]}</h3>
                <ul>
                  <li>{plan.limits.ticketsPerMonth ?? 'Unlimited'} tickets a month</li>
                  <li>{plan.limits.ticketTypes} ticket types</li>
                  <li>Transcripts kept {plan.limits.transcriptRetentionDays} days</li>
                  <For each={(Object.keys(featureNames) as PlanFeature[]).filter((key) => plan.limits.features[key])}>
                    {(feature) => <li>{featureNames[feature]}</li>}
                  </For>
                </ul>
                <Show
                  when={props.billing.providers.length > 0}
                  fallback={<p class="muted">Payments are not set up on this service yet.</p>}
                >
                  <div class="action-row">
                    <For each={props.billing.providers}>
                      {(provider) => (
                        <form action={startCheckout.with(props.guildId, provider, plan.id)} method="post">
                          <button
                            type="submit"
                            class="button button-primary"
                            disabled={checkingOut.pending}
                            aria-label={`Upgrade to ${planNames[plan.id]} with ${providerNames[provider]}`}
                          >
                            {providerNames[provider]}
                          </button>
                        </form>
                      )}
                    </For>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={checkingOut.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      </section>
    </Show>
  );
}

/** A server's plan: what it has, what it used this month, what happens next, and how to upgrade or manage it. */
export default function BillingPage() {
  const params = useParams<{ guildId: string }>();
  const billing = createAsync(() => getGuildBilling(params.guildId), { deferStream: true });
  return (
    <Show when={billing() !== undefined}>
      <Show
        when={billing()}
        fallback={<NotFound what="Only this server's admins (Manage Server) can see and change its plan." />}
      >
        {(current) => (
          <section aria-labelledby="billing-title" class="billing-page">
            <Title>Billing · Ticketflow</Title>
            <h1 id="billing-title">Plan and billing</h1>
            <CheckoutOutcome />
            <BillingNotices guildId={params.guildId} notices={current().notices} />
            <p class="plan-now">
              This server is on the <strong class="plan-name">{planNames[current().plan]}</strong> plan.
            </p>
            <PeriodEnd guildId={params.guildId} billing={current()} />
            <Usage billing={current()} />
            <section aria-labelledby="features-title">
              <h2 id="features-title">Premium features</h2>
              <ul class="plain-list">
                <For each={Object.keys(featureNames) as PlanFeature[]}>
                  {(feature) => (
                    <li>
                      <Show
                        when={current().limits.features[feature]}
                        fallback={
                          <PremiumLock
                            guildId={params.guildId}
                            what={featureNames[feature]}
                            unlockedBy={current().unlocks[feature]}
                          />
                        }
                      >
                        {featureNames[feature]}: included.
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <Upgrade guildId={params.guildId} billing={current()} />
          </section>
        )}
      </Show>
    </Show>
  );
}
