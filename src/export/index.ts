// The public entry of src/export: what the surfaces (src/cli, src/server) and library users import.

export { writeQuery } from './write.js';
