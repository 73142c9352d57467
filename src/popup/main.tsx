import { render } from 'preact';
import { applyLanguageSetting } from '../shared/apply-language';
import { PopupApp } from './popup-app';

void applyLanguageSetting().then(() => render(<PopupApp />, document.getElementById('app')!));
