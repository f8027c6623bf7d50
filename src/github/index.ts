// Entry point of the action bundle (dist/index.js): nothing but run().
import { run } from './main.js';

void run();
