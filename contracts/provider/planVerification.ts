import { KEY_ROLES, STATE_VALUE_VARS } from './roles.ts';

/** The parts of a Pact (V3/V4) HTTP interaction that planning reads. */
export interface PactInteraction {
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  request: {
    headers?: Record<string, string | string[]>;
    generators?: Record<string, Record<string, { type?: string; expression?: string }>>;
  };
  [more: string]: unknown;
}

/** A pact file's document. */
export interface PactDocument {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  [more: string]: unknown;
}

/** An interaction left out of a run, and the variables that would let it run. */
export interface SkippedInteraction {
  consumer: string;
  description: string;
  missing: Array<{ envVar: string; meaning: string }>;
}

/** What a verification run will do: the pacts cut down to runnable interactions, and the rest. */
export interface VerificationPlan {
  pacts: PactDocument[];
  runnable: number;
  skipped: SkippedInteraction[];
  /** Demo key (as in the pact) → the key to send instead. */
  keySwap: Map<string, string>;
}

function headerValue(headers: PactInteraction['request']['headers'], name: string): string | undefined {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(found) ? found[0] : found;
}

/** The demo key an interaction sends (`Authorization: Bearer <key>`), if any. */
export function demoKeyOf(interaction: PactInteraction): string | undefined {
  return /^\s*bearer\s+(.*)$/i.exec(headerValue(interaction.request.headers, 'Authorization') ?? '')?.[1]?.trim();
}

/** Names of the `${name}` provider-state expressions an interaction's request reads. */
export function stateExpressionsOf(interaction: PactInteraction): string[] {
  const names = new Set<string>();
  for (const part of Object.values(interaction.request.generators ?? {})) {
    for (const generator of Object.values(part ?? {})) {
      if (generator?.type !== 'ProviderState' || !generator.expression) continue;
      for (const match of generator.expression.matchAll(/\$\{([^}]+)\}/g)) names.add(match[1]!);
    }
  }
  return [...names];
}

/**
 * Decides which interactions can run: each needs the real key of its role (KEY_ROLES, from `env`);
 * when states are not set up by the provider (a real provider), each `fromProviderState` value needs
 * its variable too (STATE_VALUE_VARS; optional ones have defaults). Pure: reads only its arguments.
 * @param statesFromProvider true when a provider-states setup URL answers the values (our mock).
 */
export function planVerification(pacts: PactDocument[], env: NodeJS.ProcessEnv, statesFromProvider: boolean): VerificationPlan {
  const keySwap = new Map<string, string>();
  for (const role of KEY_ROLES) if (env[role.envVar]) keySwap.set(role.demoKey, env[role.envVar]!);
  const skipped: SkippedInteraction[] = [];
  let runnable = 0;
  const kept = pacts.map((pact) => ({
    ...pact,
    interactions: pact.interactions.filter((interaction) => {
      const missing: SkippedInteraction['missing'] = [];
      const role = KEY_ROLES.find((r) => r.demoKey === demoKeyOf(interaction));
      if (role && !env[role.envVar]) missing.push({ envVar: role.envVar, meaning: role.meaning });
      if (!statesFromProvider) {
        for (const name of stateExpressionsOf(interaction)) {
          const source = STATE_VALUE_VARS[name];
          if (!source) missing.push({ envVar: `(none: the provider state value "${name}" has no source)`, meaning: 'a provider-states setup URL' });
          else if (source.required && !env[source.envVar]) missing.push({ envVar: source.envVar, meaning: source.meaning });
        }
      }
      if (missing.length > 0) skipped.push({ consumer: pact.consumer.name, description: interaction.description, missing });
      else runnable += 1;
      return missing.length === 0;
    }),
  }));
  return { pacts: kept.filter((p) => p.interactions.length > 0), runnable, skipped, keySwap };
}
