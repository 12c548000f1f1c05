/** Issue 21: every background message type checks who sent it (lib/ext/sender.ts). */
import { describe, expect, it } from 'vitest';
import { senderAllowed, type BackgroundMessageType, type SenderInfo } from '../../lib/ext/sender';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const popup: SenderInfo = { id: ID, url: `${BASE}popup.html` };
const options: SenderInfo = { id: ID, url: `${BASE}options.html`, tab: { id: 3 } };
const content: SenderInfo = { id: ID, url: 'https://www.lukou.gov.cn/a.html', tab: { id: 7 } };
const viewer: SenderInfo = { id: ID, url: `${BASE}viewer.html?file=x`, tab: { id: 9 } };
const other: SenderInfo = { id: 'someotherextension', url: 'chrome-extension://someotherextension/p.html', tab: { id: 7 } };
const spoofed: SenderInfo = { id: ID, url: `https://evil.example/${BASE}`, tab: { id: 7 } };

describe('senderAllowed', () => {
  const table: [BackgroundMessageType, SenderInfo, string, boolean][] = [
    ['dc:inject', popup, 'popup', true],
    ['dc:inject', content, 'content script', false],
    ['dc:inject', spoofed, 'page URL containing the extension URL', false],
    ['dc:sync-hosts', options, 'options page', true],
    ['dc:sync-hosts', content, 'content script', false],
    ['dc:state', content, 'content script', true],
    ['dc:state', viewer, 'viewer tab', true],
    ['dc:state', popup, 'popup (no tab)', false],
    ['dc:load-checker', content, 'content script', true],
    ['dc:load-checker', viewer, 'extension page in a tab', false],
    ['dc:load-checker', popup, 'popup', false],
    ['dc:take-pdf', viewer, 'viewer', true],
    ['dc:take-pdf', content, 'content script', false],
    ['dc:open-native', viewer, 'viewer', true],
    ['dc:open-native', content, 'content script', false],
    ['dc:budget-profile', content, 'content script', true],
    ['dc:budget-profile', viewer, 'extension page in a tab', false],
    ['dc:budget-profile', popup, 'popup', false],
  ];
  for (const [type, sender, who, ok] of table) {
    it(`${type} from ${who}: ${ok ? 'accepted' : 'refused'}`, () => {
      expect(senderAllowed(type, sender, ID, BASE)).toBe(ok);
    });
  }
  it('nothing from another extension', () => {
    for (const type of ['dc:inject', 'dc:sync-hosts', 'dc:state', 'dc:load-checker', 'dc:take-pdf', 'dc:open-native', 'dc:budget-profile'] as const) {
      expect(senderAllowed(type, other, ID, BASE)).toBe(false);
    }
  });
});
