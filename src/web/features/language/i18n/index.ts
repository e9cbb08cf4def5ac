import i18n from 'i18next';
import ar from './ar.json';
import de from './de.json';
import en from './en.json';

// The language path brings its own catalogs (nav labels and the `lp` group) and adds them to the shared
// `translation` namespace: deep, without overwriting keys that the shared catalogs define.
let registered = false;
function add(): void {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('de', 'translation', de, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
  i18n.addResourceBundle('ar', 'translation', ar, true, false);
}

if (i18n.isInitialized || i18n.store) add();
else i18n.on('initialized', add);
