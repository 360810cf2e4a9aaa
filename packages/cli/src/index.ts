// @sroi/cli: the `sroi` command as a function, for tests and embedding.
export { main, VERSION, type Io } from './main.js';
