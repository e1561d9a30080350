import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_TITLE } from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and experiments off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('turns spellcheck off so no dictionary is downloaded', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });

  it('stays hidden until the first paint and has a usable size and the app title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('Pingyi 技贸评议工作台');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
  });

  it('sets an icon only when one is given', () => {
    expect(options.icon).toBeUndefined();
    expect(createWindowOptions({ preloadPath: '/p.cjs', iconPath: '/icon.png' }).icon).toBe('/icon.png');
  });
});
