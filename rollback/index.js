// The rollback sub-action's entry: mode rollback, run by the action's one bundle (../pin-mode.js).
import { runPinned } from '../pin-mode.js';

await runPinned('rollback');
