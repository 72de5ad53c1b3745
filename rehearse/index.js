// The rehearse sub-action's entry: mode rehearse, run by the action's one bundle (../pin-mode.js).
import { runPinned } from '../pin-mode.js';

await runPinned('rehearse');
