import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { createFakeBackend, makeNotification, takeContractBreaches } from './fake-backend';
import { commentsOf } from './fake-comments';

// Each test takes the breaches it provoked, so test-setup.ts sees none left over.
afterEach(() => {
  takeContractBreaches();
});

describe('the fake backend keeps to the contract', () => {
  it('throws, naming the channel, when an output breaks the contract, and keeps the breach for the test to fail on', async () => {
    const backend = createFakeBackend();
    backend.settings = { ...backend.settings, locale: 'fr-FR' } as unknown as Settings;
    await expect(backend.client.api.settingsGet({})).rejects.toThrow(/output of settingsGet breaks the contract: locale/);
    expect(takeContractBreaches()).toEqual([expect.stringContaining('settingsGet')]);
    expect(takeContractBreaches()).toEqual([]);
  });

  it('answers an output that keeps to the contract as before', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 4, symbol: 'G/SPS/N/RUS/4' })] });
    expect((await backend.client.api.notificationsGet({ id: 4 })).symbol).toBe('G/SPS/N/RUS/4');
    expect(takeContractBreaches()).toEqual([]);
  });

  it('checks the comment handlers the same way', async () => {
    const backend = createFakeBackend();
    const [template] = commentsOf(backend).templates;
    expect(template).toBeDefined();
    (template as unknown as Record<string, unknown>).code = 'Not A Code';
    await expect(backend.client.api.commentTemplatesList({})).rejects.toThrow(/output of commentTemplatesList breaks the contract/);
    expect(takeContractBreaches()).toHaveLength(1);
  });

  it('lets a test choose a channel whose output goes unchecked', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 3, symbol: 'G/TBT/N/KAZ/3' })] });
    delete (backend.notifications[0] as unknown as Record<string, unknown>).triage;
    await expect(backend.client.api.notificationsGet({ id: 3 })).rejects.toThrow(/output of notificationsGet/);
    takeContractBreaches();
    backend.uncheckedOutputs.add('notificationsGet');
    expect((await backend.client.api.notificationsGet({ id: 3 })).symbol).toBe('G/TBT/N/KAZ/3');
  });

  it('refuses an event payload that breaks the contract', () => {
    const backend = createFakeBackend();
    expect(() => backend.emit('dataChanged', { entity: 'everything' } as never)).toThrow(/dataChanged event breaks the contract: entity/);
    expect(takeContractBreaches()).toHaveLength(1);
  });

  it('refuses an input that breaks the contract with VALIDATION, as dispatch does', async () => {
    const backend = createFakeBackend();
    const refused = await backend.client.api.notificationsGet({ id: -1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('VALIDATION');
    expect(takeContractBreaches()).toEqual([]);
  });
});
