import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createClient, MissingTokenError } from './client/index';
import { installClient } from './client/provide';
import { scheduleThreadWarmup } from './composables/thread-warmup';
import './styles.css';

function showStartupError(message: string): void {
  const root = document.getElementById('app');
  if (!root) return;
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.textContent = message;
  root.replaceChildren(paragraph);
}

try {
  const client = createClient();
  const app = createApp(App);
  app.use(createPinia());
  installClient(app, client);
  app.mount('#app');
  scheduleThreadWarmup();
} catch (error) {
  showStartupError(error instanceof MissingTokenError ? error.message : 'Support Copilot could not start its window.');
}
