import { readSnapshot } from '../../src/content/read-snapshot';
import { textSample } from '../../src/content/text-sample';
import { shouldWatchPage } from '../../src/detect/shop-signals';

const scope = globalThis as unknown as { __payWitnessRead: () => unknown; __payWitnessGate: () => boolean };
scope.__payWitnessRead = () => readSnapshot(document);
// What the content script's cheap first look says about this page (no allow or deny list).
scope.__payWitnessGate = () => shouldWatchPage(location.href, document.title, textSample(document), { siteAllowList: [], siteDenyList: [] });
