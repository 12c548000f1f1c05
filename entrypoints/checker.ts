/** Injected into a tab by the background when its content script asks (see lib/ext/checker.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { checker } from '../lib/ext/checker';
import { installChecker } from '../lib/ext/checker-slot';

export default defineUnlistedScript(() => {
  installChecker(checker);
});
