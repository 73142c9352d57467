import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { CHROMIUM_ONLY_PERMISSIONS, GECKO_ANDROID_MIN_VERSION, GECKO_ID, firefoxManifest } from '../../../scripts/firefox-manifest.mjs';

describe('firefoxManifest', () => {
  it('runs the same background entry as an event page script instead of a service worker', () => {
    const firefox = firefoxManifest(manifest);
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.host_permissions).toEqual(manifest.host_permissions);
    expect(firefox.content_scripts).toEqual(manifest.content_scripts);
  });

  it('declares the gecko id, a minimum version and that no data is collected', () => {
    const { gecko } = firefoxManifest(manifest).browser_specific_settings;
    expect(gecko.id).toBe(GECKO_ID);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('also installs on Firefox for Android, from the first version that shows the data consent', () => {
    const settings = firefoxManifest(manifest).browser_specific_settings;
    expect(settings.gecko_android).toEqual({ strict_min_version: GECKO_ANDROID_MIN_VERSION });
    // Android learned data_collection_permissions in 142 (MDN compat data; checked against it in browser-compat.test.ts).
    expect(Number.parseFloat(GECKO_ANDROID_MIN_VERSION)).toBeGreaterThanOrEqual(142);
  });

  it('leaves out only the Chromium-only permissions, from required and optional lists alike', () => {
    const firefox = firefoxManifest({
      background: { service_worker: 'bg.ts' },
      permissions: ['storage', 'pageCapture', 'debugger', 'alarms'],
      optional_permissions: ['offscreen', 'notifications'],
    });
    expect(firefox.permissions).toEqual(['storage', 'alarms']);
    expect(firefox.optional_permissions).toEqual(['notifications']);
    const onlyDebugger = firefoxManifest({ background: { service_worker: 'bg.ts' }, optional_permissions: ['debugger'] });
    expect(onlyDebugger).not.toHaveProperty('optional_permissions');
    expect(Object.keys(CHROMIUM_ONLY_PERMISSIONS).sort()).toEqual(['debugger', 'offscreen', 'pageCapture']);
  });

  it('keeps every permission of the real manifest that Firefox has', () => {
    const kept = manifest.permissions.filter((name) => !(name in CHROMIUM_ONLY_PERMISSIONS));
    expect(firefoxManifest(manifest).permissions).toEqual(kept);
  });
});
