// The capture sub-action's entry: mode capture, run by the action's one bundle (../pin-mode.js).
import { runPinned } from '../pin-mode.js';

await runPinned('capture');
