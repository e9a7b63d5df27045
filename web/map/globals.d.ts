// The browser tests reach the map through window.__map (set by MapView after 'load').
import type { Map } from 'maplibre-gl';

declare global {
  interface Window { __map?: Map }
}

export {};
