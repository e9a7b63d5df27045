// Entry: Vue app with Pinia, the router and i18n. The UI font is bundled (no CDN): the browser
// fetches only the Noto Sans SC slices the page uses.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@fontsource/noto-sans-sc/400.css';
import App from './App.vue';
import { i18n } from './i18n/index.ts';
import { router } from './router.ts';

document.documentElement.lang = i18n.global.locale.value;
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
