import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/parse-env.ts';
import { loadPlanCatalogue } from '../../config/plans-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';

function problemsOf(value: string): string[] {
  try {
    loadPlanCatalogue({ TICKETFLOW_PLANS: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  throw new Error('expected a ConfigError');
}

describe('loadPlanCatalogue', () => {
  it('is DEFAULT_PLANS without TICKETFLOW_PLANS, or with it empty', () => {
    expect(loadPlanCatalogue({})).toEqual(DEFAULT_PLANS);
    expect(loadPlanCatalogue({ TICKETFLOW_PLANS: ' ' })).toEqual(DEFAULT_PLANS);
  });

  it('lays the overrides over the defaults key by key, nested features too', () => {
    const catalogue = loadPlanCatalogue({
      TICKETFLOW_PLANS: JSON.stringify({
        free: { ticketsPerMonth: 100 },
        pro: { ticketsPerMonth: null, features: { customBot: true } },
      }),
    });
    expect(catalogue).toEqual({
      ...DEFAULT_PLANS,
      free: { ...DEFAULT_PLANS.free, ticketsPerMonth: 100 },
      pro: {
        ...DEFAULT_PLANS.pro,
        ticketsPerMonth: null,
        features: { ...DEFAULT_PLANS.pro.features, customBot: true },
      },
    });
    // The defaults themselves are left as they were.
    expect(DEFAULT_PLANS.pro.ticketsPerMonth).toBe(500);
  });

  it('names the path of every bad value, unknown key and unknown plan, without echoing values', () => {
    expect(
      problemsOf(
        JSON.stringify({
          pro: { ticketsPerMonth: -1, transcriptRetentionDays: 'forever', ticketPerMonth: 5, features: { stats: 1 } },
          premium: {},
        }),
      ),
    ).toEqual([
      'TICKETFLOW_PLANS.pro.ticketPerMonth: is not a setting here; known: ticketsPerMonth, transcriptRetentionDays, ticketTypes, guildsPerEntitlement, features',
      'TICKETFLOW_PLANS.premium: is not a setting here; known: free, pro, enterprise',
    ]);
    const values = problemsOf(
      JSON.stringify({ pro: { ticketsPerMonth: -1, transcriptRetentionDays: 'forever', features: { stats: 1 } } }),
    );
    expect(values.map((line) => line.split(':')[0])).toEqual([
      'TICKETFLOW_PLANS.pro.ticketsPerMonth',
      'TICKETFLOW_PLANS.pro.transcriptRetentionDays',
      'TICKETFLOW_PLANS.pro.features.stats',
    ]);
    expect(values.join('\n')).not.toContain('forever');
  });

  it('refuses text that is not JSON, and JSON that is not an object', () => {
    expect(problemsOf('{pro: 1}')).toEqual([
      'TICKETFLOW_PLANS: is not JSON; give an object such as {"pro":{"ticketsPerMonth":1000}}',
    ]);
    expect(problemsOf('[1]')).toEqual(['TICKETFLOW_PLANS: must be an object of the settings to change']);
    expect(problemsOf('{"pro":{"features":true}}')).toEqual([
      'TICKETFLOW_PLANS.pro.features: must be an object of the settings to change',
    ]);
  });
});
