/**
 * `npm start`: everything amtsflow runs, embedded in one process. Until the platform server exists that is the
 * engine with its Zeebe gateway, so this starts the engine's own entry point.
 */
import './engine/main.js';
