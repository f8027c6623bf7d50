// Entry point of the Azure Pipelines task (bundled to ado-task/ConnrefGate/index.js).
// run() never throws: it reports every problem through the task result.
import { run } from './main.js';

void run();
