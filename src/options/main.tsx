import { render } from 'preact';
import { applyLanguageSetting } from '../shared/apply-language';
import { OptionsApp } from './options-app';

void applyLanguageSetting().then(() => render(<OptionsApp />, document.getElementById('app')!));
