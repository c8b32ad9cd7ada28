import '@xyflow/react/dist/style.css';
import './styles.css';
import { prefetchStartFlow } from './app/flow-prefetch';

// The flow a /flows/:id page opens is requested first; the app (React, the engine, the node
// definitions) is fetched meanwhile (a modulepreload link, see vite.config.ts), then evaluated.
prefetchStartFlow(window.location, localStorage);
void import('./app/start-app').then(({ startApp }) => startApp());
