// The guard sub-action's entry: mode guard, run by the action's one bundle (../pin-mode.js).
import { runPinned } from '../pin-mode.js';

await runPinned('guard');
